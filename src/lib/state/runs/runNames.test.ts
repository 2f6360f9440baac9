import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../core/types';
import { defaultSettings, toTrainConfig } from '../../settings';
import { comparedFromStored } from './compare';
import {
  ghostName,
  PLAIN_RUN_NAME,
  runNames,
  storedRunToName,
  withRunNames,
  type RunToName,
} from './runNames';

function run(
  overrides: Partial<TrainConfig> | null,
  createdAt: string | null = '2026-03-01T10:00:00Z',
): RunToName {
  return {
    config: overrides === null ? null : { ...toTrainConfig(defaultSettings()), ...overrides },
    createdAt,
    origin: 'imported pets.npz',
  };
}

/** Hours and minutes of the ISO text as written, so the test does not depend on a time zone. */
const clock = (iso: string): string => iso.slice(11, 16);

describe('runNames', () => {
  it('names a run by the setting that differs, and the default one "plain"', () => {
    expect(runNames([run({ labelSmoothing: 0.1 }), run({})], clock)).toEqual([
      'label smoothing 0.1',
      'plain',
    ]);
    expect(PLAIN_RUN_NAME).toBe('plain');
  });

  it('names every run that left the defaults where they differ', () => {
    expect(
      runNames([run({ learningRate: 0.01 }), run({ learningRate: 0.1, model: 'small' })], clock),
    ).toEqual(['learning rate 0.01', 'learning rate 0.1, model small']);
  });

  it('leaves out settings the runs share', () => {
    // Both smoothed: only the seed tells them apart; the default seed (1) is named, not "plain".
    expect(
      runNames([run({ labelSmoothing: 0.1, seed: 2 }), run({ labelSmoothing: 0.1 })], clock),
    ).toEqual(['random seed 2', 'random seed 1']);
  });

  it('keeps a name to two settings and counts the rest', () => {
    expect(
      runNames([run({ labelSmoothing: 0.1, l2: 0.01, dropout: 0.5 }), run({})], clock),
    ).toEqual(['label smoothing 0.1, L2 weight decay 0.01 + 1 more', 'plain']);
  });

  it('names a lone run by what it changed from the defaults', () => {
    expect(runNames([run({ epochs: 20 })], clock)).toEqual(['epochs 20']);
    expect(runNames([run({})], clock)).toEqual(['plain']);
  });

  it('falls back to the time, then a number, for runs with the same settings', () => {
    expect(
      runNames([run({}, '2026-03-01T10:05:00Z'), run({}, '2026-03-01T09:40:00Z')], clock),
    ).toEqual(['plain · 10:05', 'plain · 09:40']);
    expect(
      runNames(
        [run({ seed: 3 }, '2026-03-01T10:05:00Z'), run({ seed: 3 }, '2026-03-01T10:05:00Z')],
        clock,
      ),
    ).toEqual(['random seed 3 · 10:05 #1', 'random seed 3 · 10:05 #2']);
    expect(runNames([run({}, null), run({}, null)], clock)).toEqual(['plain #1', 'plain #2']);
  });

  it('names a run of unknown settings by where it came from, and ignores it for the others', () => {
    expect(runNames([run(null), run({ dropout: 0.5 }), run({})], clock)).toEqual([
      'imported pets.npz',
      'dropout rate 0.5',
      'plain',
    ]);
  });
});

describe('withRunNames', () => {
  it('labels compared runs by what tells them apart, keeping where they came from', () => {
    const base = toTrainConfig(defaultSettings());
    const runs = withRunNames(
      [
        comparedFromStored(
          'a',
          'Saved 1 March',
          { ...base, labelSmoothing: 0.1 },
          'wasm',
          '2026-03-01T10:00:00Z',
          [],
        ),
        comparedFromStored('b', 'Saved 2 March', base, 'wasm', '2026-03-02T10:00:00Z', []),
        comparedFromStored('c', 'Imported pets.npz', null, null, '2026-03-03T10:00:00Z', []),
      ],
      clock,
    );
    expect(runs.map((compared) => compared.label)).toEqual([
      'label smoothing 0.1',
      'plain',
      'Imported pets.npz',
    ]);
    expect(runs.map((compared) => compared.origin)).toEqual([
      'Saved 1 March',
      'Saved 2 March',
      'Imported pets.npz',
    ]);
  });

  it('keeps a run object as it is when its label already tells it apart', () => {
    const stored = comparedFromStored(
      'a',
      'Saved 1 March',
      toTrainConfig(defaultSettings()),
      'wasm',
      '2026-03-01T10:00:00Z',
      [],
    );
    const [labelled] = withRunNames([stored], clock);
    expect(labelled.label).toBe('plain');
    expect(withRunNames([labelled], clock)[0]).toBe(labelled);
  });
});

describe('ghostName', () => {
  const plain = toTrainConfig(defaultSettings());
  it('names the previous run by what it does not share with the current one', () => {
    expect(ghostName(plain, { ...plain, labelSmoothing: 0.1 })).toBe('Previous run (plain)');
    expect(ghostName({ ...plain, labelSmoothing: 0.1 }, plain)).toBe(
      'Previous run (label smoothing 0.1)',
    );
  });

  it('says when the settings are the same, and stays plain without a config', () => {
    expect(ghostName({ ...plain, seed: 4 }, { ...plain, seed: 4 })).toBe(
      'Previous run (same settings)',
    );
    expect(ghostName(null, plain)).toBe('Previous run');
    expect(ghostName({ ...plain, epochs: 20 }, null)).toBe('Previous run (epochs 20)');
  });
});

describe('storedRunToName', () => {
  it('names an imported run by its file, whatever its placeholder config says', () => {
    const config = toTrainConfig(defaultSettings());
    const imported = {
      config,
      createdAt: '2026-03-01T10:00:00Z',
      source: { kind: 'imported' as const, name: 'pets' },
    };
    const trained = { config: { ...config, epochs: 10 }, createdAt: '2026-03-02T10:00:00Z' };
    expect(runNames([imported, trained].map(storedRunToName), clock)).toEqual([
      'imported “pets”',
      'epochs 10',
    ]);
  });
});
