import { describe, expect, it } from 'vitest';
import { CLASS_SLUGS } from '../core/types';
import { formatHash, parseHash } from './hash';
import { messages } from './hash.fixture';
import type { Settings } from './settings';
import { defaultSettings } from './settingValues';

const DEFAULT_HASH =
  '#classes=pullover,coat&train=2000&val=2000&split=20&epochs=40&batch=64&lr=0.001&optimizer=adam&model=wide&seed=1&smoothing=0&l2=0&dropout=0&earlyStop=off&patience=5&focal=0&mixup=0&backend=auto';

describe('formatHash', () => {
  it('writes every key in table order, autostart only when on', () => {
    expect(formatHash(defaultSettings())).toBe(DEFAULT_HASH);
    expect(formatHash({ ...defaultSettings(), autostart: true })).toBe(
      `${DEFAULT_HASH}&autostart=1`,
    );
  });

  it('writes view flags only when set, and reads hide lists in table order', () => {
    const settings = {
      ...defaultSettings(),
      hide: ['backend', 'settings'] as const,
      projector: true,
    };
    const hash = formatHash(settings);
    expect(hash).toBe(`${DEFAULT_HASH}&hide=backend,settings&projector=1`);
    expect(parseHash('#hide=settings,backend').settings.hide).toEqual(['backend', 'settings']);
    expect(messages('#hide=settings,<script>')).toEqual([
      'hide=settings,<script> names unknown parts ("<script>"; known: intro, backend, controls, settings, preview, metrics, loss, histogram, split, reliability, calibration, temperature, gallery, worked); using the default (none)',
    ]);
  });
});

describe('parseHash round trip', () => {
  const samples: Settings[] = [
    defaultSettings(),
    {
      classes: ['tshirt', 'shirt'],
      train: 10,
      val: 10,
      split: 35,
      epochs: 500,
      batch: 1024,
      lr: 1e-6,
      optimizer: 'momentum',
      model: 'small',
      seed: 2147483647,
      smoothing: 0.1,
      l2: 0.0005,
      dropout: 0.5,
      earlyStop: 'loss',
      patience: 3,
      focal: 2,
      mixup: 0.2,
      backend: 'webgpu',
      autostart: true,
      hide: ['backend', 'settings'],
      tour: true,
      projector: true,
      replay: true,
      view: 'why',
      sweep: {
        kind: 'grid',
        axes: [
          { key: 'smoothing', values: [0, 0.1] },
          { key: 'model', values: ['small', 'wide'] },
        ],
      },
      seeds: 10,
      pool: 32,
    },
    { ...defaultSettings(), classes: ['boot', 'sneaker'], lr: 0.0123, seed: 0, backend: 'cpu' },
    { ...defaultSettings(), lr: 1e-7 * 10, train: 6000, optimizer: 'sgd', backend: 'webgl' },
  ];

  it.each(samples)('parse(format(s)) = s without problems (%#)', (settings) => {
    const hash = formatHash(settings);
    expect(parseHash(hash)).toEqual({ settings, problems: [] });
    expect(formatHash(parseHash(hash).settings)).toBe(hash);
  });

  it('round-trips every class pair', () => {
    for (const first of CLASS_SLUGS) {
      for (const second of CLASS_SLUGS) {
        if (first === second) continue;
        const settings: Settings = { ...defaultSettings(), classes: [first, second] };
        expect(parseHash(formatHash(settings)).settings).toEqual(settings);
      }
    }
  });

  it('round-trips 2 to 10 classes in the order chosen (label 0 first)', () => {
    for (let count = 2; count <= CLASS_SLUGS.length; count++) {
      const classes = [...CLASS_SLUGS].reverse().slice(0, count);
      const settings: Settings = { ...defaultSettings(), classes };
      expect(parseHash(formatHash(settings))).toEqual({ settings, problems: [] });
    }
    expect(parseHash('#classes=bag,tshirt,boot').settings.classes).toEqual([
      'bag',
      'tshirt',
      'boot',
    ]);
    expect(formatHash({ ...defaultSettings(), classes: ['bag', 'tshirt', 'boot'] })).toContain(
      'classes=bag,tshirt,boot',
    );
  });

  it('refuses 1 or 11 classes and a repeated one, keeping the default pair', () => {
    const eleven = `#classes=${[...CLASS_SLUGS, 'coat'].join(',')}`;
    for (const hash of ['#classes=coat', eleven, '#classes=bag,coat,bag']) {
      const { settings, problems } = parseHash(hash);
      expect(settings.classes).toEqual(['pullover', 'coat']);
      expect(problems).toHaveLength(1);
    }
  });

  it('treats an empty hash, "#" and stray ampersands as all defaults', () => {
    for (const hash of ['', '#', '#&&&', '&']) {
      expect(parseHash(hash)).toEqual({ settings: defaultSettings(), problems: [] });
    }
  });

  it('accepts partial hashes, percent-encoding and case-insensitive choices', () => {
    const { settings, problems } = parseHash('#lr=0.01&optimizer=SGD&classes=Bag%2CBoot');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...defaultSettings(),
      lr: 0.01,
      optimizer: 'sgd',
      classes: ['bag', 'boot'],
    });
  });

  it('reads autostart as 0/1, and a bare key as on', () => {
    expect(parseHash('#autostart=1').settings.autostart).toBe(true);
    expect(parseHash('#autostart=0').settings.autostart).toBe(false);
    expect(parseHash('#autostart').settings.autostart).toBe(true);
    expect(messages('#autostart=maybe')).toEqual([
      'autostart=maybe is not 0 or 1; using the default 0',
    ]);
  });
});
