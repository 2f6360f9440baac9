import { describe, expect, it } from 'vitest';
import { defaultSettings, parseHash, type Settings } from '../../settings';
import { compareRuns, sweepArms, sweepDefinition, sweepRuns, sweepSeeds } from './definition';
import { sweepEtaSeconds, sweepTrainingImages } from './eta';
import { REMEDIES_ARMS } from './presets';

const REMEDY_KEYS = ['smoothing', 'l2', 'dropout', 'focal', 'mixup', 'earlyStop', 'patience'];

describe('sweep definition', () => {
  it('expands a one-setting grid into one arm per value, named as a link writes it', () => {
    const { settings } = parseHash('#sweep=smoothing(0,0.1,0.2)');
    expect(sweepArms(settings.sweep)).toEqual([
      { name: 'smoothing=0', label: 'smoothing 0', overrides: { smoothing: 0 } },
      { name: 'smoothing=0.1', label: 'smoothing 0.1', overrides: { smoothing: 0.1 } },
      { name: 'smoothing=0.2', label: 'smoothing 0.2', overrides: { smoothing: 0.2 } },
    ]);
  });

  it('crosses a two-setting grid, the first setting slowest', () => {
    const { settings } = parseHash('#sweep=model(small,wide)*train(500,4000)');
    expect(sweepArms(settings.sweep).map((arm) => [arm.name, arm.overrides])).toEqual([
      ['model=small,train=500', { model: 'small', train: 500 }],
      ['model=small,train=4000', { model: 'small', train: 4000 }],
      ['model=wide,train=500', { model: 'wide', train: 500 }],
      ['model=wide,train=4000', { model: 'wide', train: 4000 }],
    ]);
  });

  it('Remedies: seven arms, each setting every remedy, so plain stays plain on any base', () => {
    expect(REMEDIES_ARMS.map((arm) => arm.name)).toEqual([
      'plain',
      'smoothing=0.1',
      'l2=0.001',
      'dropout=0.5',
      'focal=3',
      'mixup=0.2',
      'earlyStop=loss',
    ]);
    for (const arm of REMEDIES_ARMS)
      expect(Object.keys(arm.overrides).sort()).toEqual([...REMEDY_KEYS].sort());
    const { settings } = parseHash(
      '#smoothing=0.3&dropout=0.2&earlyStop=accuracy&sweep=remedies&seeds=2',
    );
    const plain = sweepRuns(sweepDefinition(settings))[0].settings;
    expect([
      plain.smoothing,
      plain.l2,
      plain.dropout,
      plain.focal,
      plain.mixup,
      plain.earlyStop,
    ]).toEqual([0, 0, 0, 0, 0, 'off']);
    const early = sweepRuns(sweepDefinition(settings)).find(
      (run) => run.arm.name === 'earlyStop=loss',
    );
    expect([
      early?.settings.earlyStop,
      early?.settings.patience,
      early?.settings.smoothing,
    ]).toEqual(['loss', 5, 0]);
  });

  it('Capacity is small vs wide × 500 to 4000 images; Learning rate five rates', () => {
    const capacity = sweepArms({ kind: 'preset', preset: 'capacity' });
    expect(capacity).toHaveLength(8);
    expect(capacity[0].overrides).toEqual({ model: 'small', train: 500 });
    expect(capacity[7].overrides).toEqual({ model: 'wide', train: 4000 });
    expect(
      sweepArms({ kind: 'preset', preset: 'learning-rate' }).map((arm) => arm.overrides.lr),
    ).toEqual([0.0001, 0.0003, 0.001, 0.003, 0.01]);
    expect(sweepArms({ kind: 'off' })).toEqual([]);
  });

  it('runs in (arm, seed) order: base ⊕ arm ⊕ seed, never itself a sweep', () => {
    const { settings } = parseHash('#seed=7&lr=0.01&sweep=l2(0,0.001)&seeds=2&pool=3');
    const runs = sweepRuns(sweepDefinition(settings));
    expect(runs.map((run) => [run.index, run.arm.name, run.seed])).toEqual([
      [0, 'l2=0', 7],
      [1, 'l2=0', 8],
      [2, 'l2=0.001', 7],
      [3, 'l2=0.001', 8],
    ]);
    const expected: Settings = {
      ...defaultSettings(),
      lr: 0.01,
      l2: 0.001,
      seed: 8,
    };
    expect(runs[3].settings).toEqual(expected);
  });

  it('keeps every seed within the seed setting’s bounds', () => {
    expect(sweepSeeds(1, 3)).toEqual([1, 2, 3]);
    expect(sweepSeeds(2147483646, 3)).toEqual([2147483645, 2147483646, 2147483647]);
  });

  it('sorts results by (arm, seed) whatever order they came in', () => {
    const definition = { arms: REMEDIES_ARMS.slice(0, 2), seeds: [5, 6] };
    const shuffled = [
      { arm: 'smoothing=0.1', seed: 6 },
      { arm: 'plain', seed: 6 },
      { arm: 'smoothing=0.1', seed: 5 },
      { arm: 'plain', seed: 5 },
    ];
    expect(shuffled.sort(compareRuns(definition))).toEqual([
      { arm: 'plain', seed: 5 },
      { arm: 'plain', seed: 6 },
      { arm: 'smoothing=0.1', seed: 5 },
      { arm: 'smoothing=0.1', seed: 6 },
    ]);
  });
});

describe('sweep ETA', () => {
  it('is Σ epochs × training images (whole batches) / measured images per second', () => {
    // train 1000 at batch 64: 15 batches = 960 images; train 2000: 31 batches = 1984 images.
    const { settings } = parseHash('#epochs=10&batch=64&sweep=train(1000,2000)&seeds=3');
    const runs = sweepRuns(sweepDefinition(settings));
    expect(sweepTrainingImages(runs)).toBe(3 * 10 * 960 + 3 * 10 * 1984);
    expect(sweepEtaSeconds(runs, 883.2)).toBeCloseTo(88320 / 883.2, 9);
    expect(sweepEtaSeconds(runs, 0)).toBeNaN();
  });

  it('cuts a batch larger than the training set to it, as the trainer does', () => {
    const { settings } = parseHash('#epochs=2&batch=1024&train=100&sweep=lr(0.1,0.2)&seeds=1');
    expect(sweepTrainingImages(sweepRuns(sweepDefinition(settings)))).toBe(2 * 2 * 100);
  });
});
