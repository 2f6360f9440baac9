import { describe, expect, it } from 'vitest';
import { testConfig } from '../../core/train/trainConfig.fixture';
import { petsDataset } from './petsDataset.fixture';
import { comparedFromStored, settingsRows } from './compare';

describe('settingsRows', () => {
  it('marks the settings two runs disagree on, and shows an imported run’s as not known', () => {
    const runs = [
      comparedFromStored('a', 'A', testConfig({ seed: 1 }), 'wasm', '2026-01-01T00:00:00Z', []),
      comparedFromStored('b', 'B', testConfig({ seed: 2 }), 'webgl', '2026-01-02T00:00:00Z', []),
      comparedFromStored('c', 'Imported x', null, null, '2026-01-03T00:00:00Z', []),
    ];
    const rows = settingsRows(runs);
    const seed = rows.find((row) => row.label === 'Random seed');
    expect(seed?.values).toEqual(['1', '2', 'not known (imported)']);
    expect(seed?.differs).toBe(true);
    expect(rows.at(-1)).toEqual({
      label: 'Backend used',
      values: ['wasm', 'webgl', 'imported'],
      differs: true,
    });
  });

  it('shows a setting a run saved before it existed as its default, never "undefined"', () => {
    const old = testConfig();
    delete (old as { focalGamma?: number }).focalGamma;
    const rows = settingsRows([
      comparedFromStored('a', 'A', old, 'wasm', '2026-01-01T00:00:00Z', []),
    ]);
    for (const row of rows) expect(row.values.join(), row.label).not.toContain('undefined');
  });

  it('shows what a Fashion-MNIST run and an own-images run each used, not the other’s setting', () => {
    const fashion = testConfig({ trainSize: 2000, validationSize: 500 });
    const own = testConfig({
      trainSize: 2000,
      validationSize: 500,
      validationPercent: 25,
      dataset: petsDataset({ train: [30, 45], validation: [10, 15] }),
    });
    const rows = settingsRows([
      comparedFromStored('a', 'A', fashion, 'wasm', '2026-01-01T00:00:00Z', []),
      comparedFromStored('b', 'B', own, 'wasm', '2026-01-02T00:00:00Z', []),
    ]);
    const value = (label: string) => rows.find((row) => row.label === label)?.values;
    expect(value('Training examples')).toEqual(['2000', '75 (your images)']);
    expect(value('Validation examples')).toEqual(['500', '25 (your images)']);
    expect(value('Validation share of your images (%)')).toEqual([
      'not used (Fashion-MNIST)',
      '25',
    ]);
  });
});
