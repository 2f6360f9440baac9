import { describe, expect, it } from 'vitest';
import { sweepDefinition, sweepRuns } from '../../core/sweep';
import { defaultSettings, parseHash } from '../../settings';
import {
  axisOptions,
  durationText,
  etaText,
  poolSpeed,
  readGrid,
  suggestedAxis,
  sweepEta,
} from './sweepForm';

describe('the value editors come from the settings table', () => {
  const options = axisOptions();
  const byKey = (key: string) => options.find((option) => option.key === key);

  it('offers the sweepable settings with their bounds, never the seed, backend or classes', () => {
    expect(byKey('smoothing')?.editor).toEqual({
      kind: 'numbers',
      integer: false,
      min: 0,
      max: 0.49,
    });
    expect(byKey('train')?.editor).toMatchObject({ kind: 'numbers', integer: true, min: 10 });
    expect(byKey('model')?.editor).toEqual({
      kind: 'options',
      options: [
        { value: 'wide', label: 'Wide CNN' },
        { value: 'small', label: 'Small CNN' },
      ],
    });
    for (const key of ['seed', 'backend', 'classes', 'view', 'sweep', 'seeds', 'pool']) {
      expect(byKey(key)).toBeUndefined();
    }
  });

  it('suggests the current value and one beside it, within bounds', () => {
    const settings = defaultSettings();
    // 0 (off) → a tenth of the range 0–0.49; 0.001 → doubled; an option → the other one.
    expect(suggestedAxis('smoothing', settings).values).toEqual(['0', '0.049']);
    expect(suggestedAxis('lr', settings).values).toEqual(['0.001', '0.002']);
    expect(suggestedAxis('model', settings).values).toEqual(['wide', 'small']);
  });

  it('reads a grid with the table, and refuses a value with the words a link gets', () => {
    const grid = readGrid([{ key: 'smoothing', values: ['0', ' 0.1'] }]);
    expect(grid).toEqual({
      ok: true,
      spec: { kind: 'grid', axes: [{ key: 'smoothing', values: [0, 0.1] }] },
    });
    expect(readGrid([{ key: 'smoothing', values: ['0', '0.7'] }])).toEqual({
      ok: false,
      message: 'sweep=smoothing(0,0.7) has smoothing "0.7", which is above the maximum 0.49',
    });
    const two = readGrid([
      { key: 'model', values: ['small', 'wide'] },
      { key: 'train', values: ['500', '1000'] },
    ]);
    expect(two.ok && two.spec.kind === 'grid' && two.spec.axes.length).toBe(2);
  });
});

describe('the ETA before a sweep starts', () => {
  // Defaults: 40 epochs × floor(2000 / 64) · 64 = 40 × 1984 = 79 360 images a run.
  const runs = sweepRuns(sweepDefinition(parseHash('#sweep=smoothing(0,0.1)&seeds=1').settings));

  it('uses the sweep’s own speed first, then the timed pool’s, the last run’s, the backend timing', () => {
    expect(runs).toHaveLength(2);
    expect(sweepEta(runs, { lastRun: 992 })).toEqual({
      seconds: 160, // 158 720 images / 992 per second
      imagesPerSecond: 992,
      source: 'last run',
    });
    expect(sweepEta(runs, { sweep: 1984, lastRun: 992 })?.source).toBe('sweep');
    expect(sweepEta(runs, { timedPool: 1984, lastRun: 992 })).toMatchObject({
      source: 'timed pool',
      imagesPerSecond: 1984,
    });
    expect(sweepEta(runs, { sweep: 992, timedPool: 1984 })?.source).toBe('sweep');
    expect(sweepEta(runs, { lastRun: null, backendTiming: 496 })).toMatchObject({
      seconds: 320,
      source: 'backend timing',
    });
    expect(sweepEta(runs, { lastRun: 0, backendTiming: Number.NaN })).toBeNull();
  });

  it('says the count, the time and whose speed it is', () => {
    expect(etaText(2, { seconds: 160, imagesPerSecond: 992, source: 'last run' })).toBe(
      '2 runs, about 3 min at 992 images/s (the last run’s speed on one worker; a pool of several may finish sooner).',
    );
    expect(etaText(1, null)).toBe(
      '1 run; no speed measured yet to time them: time the pool or train one run.',
    );
    expect(durationText(40)).toBe('about 40 s');
    expect(durationText(3900)).toBe('about 1 h 05 min');
  });

  it('measures a pool as its runs’ mean speed times its workers', () => {
    expect(poolSpeed([{ imagesPerSecond: 100 }, { imagesPerSecond: 200 }], 2)).toBe(300);
    expect(poolSpeed([], 2)).toBeNull();
  });
});
