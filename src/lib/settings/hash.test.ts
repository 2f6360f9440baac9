import { describe, expect, it } from 'vitest';
import { CLASS_SLUGS } from '../core/types';
import { formatHash, parseHash } from './hash';
import { SETTINGS, type Settings } from './settings';
import { SETTING_KEYS } from './settingKeys';
import { defaultSettings, formatSetting, withSetting } from './settingValues';
import { toTrainConfig } from './runConfig';

const DEFAULT_HASH =
  '#classes=pullover,coat&train=2000&val=2000&split=20&epochs=40&batch=64&lr=0.001&optimizer=adam&model=wide&seed=1&smoothing=0&l2=0&dropout=0&earlyStop=off&patience=5&focal=0&mixup=0&backend=auto';

function messages(hash: string): string[] {
  return parseHash(hash).problems.map((problem) => problem.message);
}

describe('settings table', () => {
  it('lists every Settings key exactly once, in table order', () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(SETTINGS).sort());
    expect(new Set(SETTING_KEYS).size).toBe(SETTING_KEYS.length);
  });

  it('has defaults that its own parser accepts', () => {
    const defaults = defaultSettings();
    for (const key of SETTING_KEYS) {
      const text = formatSetting(defaults, key);
      expect(withSetting(defaults, key, text), key).toEqual({ ok: true, settings: defaults });
    }
  });

  it('converts to a TrainConfig', () => {
    expect(toTrainConfig(defaultSettings())).toEqual({
      classes: ['pullover', 'coat'],
      trainSize: 2000,
      validationSize: 2000,
      epochs: 40,
      batchSize: 64,
      learningRate: 0.001,
      optimizer: 'adam',
      model: 'wide',
      seed: 1,
      labelSmoothing: 0,
      l2: 0,
      dropout: 0,
      earlyStop: 'off',
      patience: 5,
      focalGamma: 0,
      mixupAlpha: 0,
      validationPercent: 20,
    });
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
    const { problems } = parseHash('#hide=settings,<script>');
    expect(problems.map((problem) => problem.message)).toEqual([
      'hide=settings,<script> names unknown parts ("<script>"; known: intro, backend, controls, settings, preview, metrics, loss, histogram, split, reliability, calibration, temperature, gallery, worked); using the default (none)',
    ]);
  });

  it('applies a single setting from text, typed per key', () => {
    const result = withSetting(defaultSettings(), 'optimizer', 'SGD');
    expect(result.ok && result.settings.optimizer).toBe('sgd');
    expect(withSetting(defaultSettings(), 'batch', '0')).toEqual({
      ok: false,
      reason: 'is below the minimum 1',
    });
  });
});

describe('formatHash', () => {
  it('writes every key in table order, autostart only when on', () => {
    expect(formatHash(defaultSettings())).toBe(DEFAULT_HASH);
    expect(formatHash({ ...defaultSettings(), autostart: true })).toBe(
      `${DEFAULT_HASH}&autostart=1`,
    );
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

describe('parseHash problems', () => {
  it('reports a value below the minimum and uses the default', () => {
    const { settings, problems } = parseHash('#train=-5');
    expect(settings.train).toBe(2000);
    expect(problems).toEqual([
      {
        key: 'train',
        value: '-5',
        usedInstead: 'the default 2000',
        message: 'train=-5 is below the minimum 10; using the default 2000',
      },
    ]);
  });

  it('reports values above the maximum', () => {
    expect(messages('#batch=100000')).toEqual([
      'batch=100000 is above the maximum 1024; using the default 64',
    ]);
    expect(messages('#train=6001')).toEqual([
      'train=6001 is above the maximum 6000; using the default 2000',
    ]);
  });

  it('reports non-numbers, non-integers and empty values', () => {
    expect(messages('#lr=abc')).toEqual(['lr=abc is not a number; using the default 0.001']);
    expect(messages('#lr=0x10&seed=Infinity&epochs=2.5&batch=')).toEqual([
      'epochs=2.5 is not a whole number; using the default 40',
      'batch= is empty; using the default 64',
      'lr=0x10 is not a number; using the default 0.001',
      'seed=Infinity is not a number; using the default 1',
    ]);
    expect(messages('#lr=1e999')).toEqual([
      'lr=1e999 is not a finite number; using the default 0.001',
    ]);
  });

  it('reports unknown, repeated and identical classes', () => {
    expect(messages('#classes=pullover,cat')[0]).toMatch(
      /^classes=pullover,cat names an unknown class \("cat"; known: tshirt, .*\); using the default pullover,coat$/,
    );
    expect(messages('#classes=coat,coat')).toEqual([
      'classes=coat,coat needs two different classes; using the default pullover,coat',
    ]);
    expect(messages('#classes=coat')).toEqual([
      'classes=coat needs exactly two classes separated by a comma; using the default pullover,coat',
    ]);
  });

  it('reports unknown choices', () => {
    expect(messages('#optimizer=rmsprop')).toEqual([
      'optimizer=rmsprop is not one of adam, sgd, momentum; using the default adam',
    ]);
    expect(messages('#backend=metal')).toEqual([
      'backend=metal is not one of auto, webgpu, webgl, wasm, cpu; using the default auto',
    ]);
  });

  it('reports unknown keys, with a suggestion when close to a real one', () => {
    const { settings, problems } = parseHash('#epoch=10&colour=red&flag');
    expect(settings).toEqual(defaultSettings());
    expect(problems.map((problem) => problem.message)).toEqual([
      'epoch=10 is not a known setting (did you mean epochs?); ignored',
      'colour=red is not a known setting; ignored',
      'flag is not a known setting; ignored',
    ]);
  });

  it('lets the last of repeated keys win and says so', () => {
    const { settings, problems } = parseHash('#epochs=10&epochs=50');
    expect(settings.epochs).toBe(50);
    expect(problems.map((problem) => problem.message)).toEqual([
      'epochs is given 2 times; the last one wins (epochs=50)',
    ]);
  });

  it('falls back to the default when the last repeated value is bad', () => {
    const { settings, problems } = parseHash('#epochs=10&epochs=zero');
    expect(settings.epochs).toBe(40);
    expect(problems).toHaveLength(2);
  });

  it('reports malformed percent-encoding instead of throwing', () => {
    const { settings, problems } = parseHash('#lr=%E0%A4%A&%ZZ=1&seed=%');
    expect(settings).toEqual(defaultSettings());
    expect(problems.map((problem) => problem.message)).toEqual([
      'The parameter name %ZZ is not valid URL encoding; ignored',
      'lr=%E0%A4%A is not valid URL encoding; using the default 0.001',
      'seed=% is not valid URL encoding; using the default 1',
    ]);
  });

  it('keeps good settings next to bad ones', () => {
    const { settings, problems } = parseHash('#epochs=12&lr=nope&model=small');
    expect(settings).toEqual({ ...defaultSettings(), epochs: 12, model: 'small' });
    expect(problems).toHaveLength(1);
  });
});

describe('parseHash never throws on garbage', () => {
  const garbage = [
    '#<script>alert(1)</script>',
    '#classes=<script>alert(1)</script>,coat',
    '#lr=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '#classes=пуловер,コート&seed=😀&lr=١٢',
    '#\u0000=\u0000&\u202e=evil',
    `#lr=${'9'.repeat(10_000)}`,
    `#seed=${'%F0%9F%98%80'.repeat(2_000)}`,
    `#${'x'.repeat(10_000)}=${'y'.repeat(10_000)}`,
    '#==&=&&=a=b=c',
    `#${'&a=1'.repeat(5_000)}`,
    '#__proto__=1&constructor=2&toString=3',
    '#%',
    '##classes=bag,boot',
  ];

  it.each(garbage)('handles %#', (hash) => {
    const result = parseHash(hash);
    expect(result.settings).toBeDefined();
    // (No count check: capProblems cuts the list to MAX_PROBLEMS itself; see "floods" below.)
    for (const problem of result.problems) {
      // Every path must shorten what it quotes: at most 40 characters and "…".
      expect(Array.from(problem.value).length).toBeLessThanOrEqual(41);
      expect(problem.message.length).toBeLessThan(400);
      expect(problem.message).not.toMatch(/[\u0000-\u001f\u202e]/);
    }
    // Whatever came in, what we write back is the canonical form.
    expect(parseHash(formatHash(result.settings)).problems).toEqual([]);
  });

  it('shortens long values for display without splitting characters', () => {
    const { problems } = parseHash(`#seed=${'😀'.repeat(100)}`);
    expect(problems[0].value).toBe(`${'😀'.repeat(40)}…`);
  });

  it('summarises floods of problems in one line', () => {
    const { problems } = parseHash(`#${'&bogus=1'.repeat(100)}`);
    // 100 problems: the first 19 shown, then one line for the other 81.
    expect(problems).toHaveLength(20);
    expect(problems.at(-1)?.message).toBe('…and 81 more problems in the link');
  });

  // (Object.prototype cannot be reached through `({}).__proto__`: its prototype is immutable,
  // so asserting on it proves nothing.) What can go wrong is a lookup such as `key in table`
  // taking these names, which every object inherits, for settings.
  it('treats __proto__, constructor and toString as unknown keys, not as object internals', () => {
    const { settings, problems } = parseHash('#__proto__=1&constructor=2&toString=3&seed=4');
    expect(problems.map((problem) => problem.message)).toEqual([
      '__proto__=1 is not a known setting; ignored',
      'constructor=2 is not a known setting; ignored',
      'toString=3 is not a known setting; ignored',
    ]);
    expect(settings).toEqual({ ...defaultSettings(), seed: 4 });
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });
});
