// Run files people saved with earlier versions still open. compat/run1.json is a run@1 file as
// the first run-file writer made it (7 figures per epoch, the config's first 9 settings, no
// temperature fit); compat/run2.json a run@2 file as run@2's first writer made it (calibration
// figures, temperature fit, early stopping, a mid-run change, per-epoch logits, but none of the
// settings added since). Both are written by hand and committed: the expected figures below are
// read off them, not computed by the reader under test.

import { describe, expect, it } from 'vitest';
import run1Text from './compat/run1.json?raw';
import run2Text from './compat/run2.json?raw';
import { parseRunFile, type ParsedRunFile } from './runFileParse';

function opened(text: string): ParsedRunFile {
  const result = parseRunFile(text);
  if (!result.ok) throw new Error(result.error);
  return result.run;
}

/** What every setting added after a file's version reads as: the default those runs used. */
const LATER_SETTINGS = { focalGamma: 0, mixupAlpha: 0, validationPercent: 20 };

describe('a run@1 file', () => {
  const run = opened(run1Text);

  it('opens as the current format with its own figures', () => {
    expect(run.format).toBe('overconfidence-playground/run@2');
    expect(run.createdAt).toBe('2026-11-22T09:15:00.000Z');
    expect(run.environment.backend).toBe('webgl');
    expect(run.epochs.map((epoch) => epoch.validationLoss)).toEqual([0.352, 0.4051]);
    expect(run.epochs.map((epoch) => epoch.validationAccuracy)).toEqual([0.8, 0.8]);
    expect(run.epochs[1].logitGapHistogram.correct).toEqual([3, 0, 2, 1, 2]);
    expect(run.validation.labels).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(run.validation.logits[4]).toEqual([-0.5, 0.5]);
  });

  it('gets the defaults for the settings it predates, and none of the later records', () => {
    expect(run.config).toEqual({
      classes: ['pullover', 'coat'],
      trainSize: 64,
      validationSize: 10,
      epochs: 2,
      batchSize: 32,
      learningRate: 0.001,
      optimizer: 'adam',
      model: 'small',
      seed: 7,
      backend: 'auto',
      labelSmoothing: 0,
      l2: 0,
      dropout: 0,
      earlyStop: 'off',
      patience: 5,
      ...LATER_SETTINGS,
    });
    expect(run.epochs[0].ece).toBeUndefined();
    expect(run.epochs[0].reliability).toBeUndefined();
    expect(run.temperature).toBeNull();
    expect(run.earlyStop).toBeNull();
    expect(run.events).toEqual([]);
    expect(run.epochLogits).toBeNull();
  });
});

describe('a run@2 file', () => {
  const run = opened(run2Text);

  it('opens with its calibration figures, temperature fit, early stopping and changes', () => {
    expect(run.format).toBe('overconfidence-playground/run@2');
    expect(run.config).toMatchObject({ epochs: 5, earlyStop: 'loss', patience: 1 });
    expect(run.config).toMatchObject(LATER_SETTINGS);
    expect(run.epochs.map((epoch) => epoch.ece)).toEqual([0.05, 0.12]);
    expect(run.epochs[1].wrongCount).toBe(2);
    expect(run.epochs[1].reliability?.confidence).toEqual([0, 0.92]);
    expect(run.epochs[1].brier).toBeUndefined();
    expect(run.temperature).toEqual({
      T: 1.6,
      bound: null,
      nllBefore: 0.4051,
      nllAfter: 0.3312,
      eceBefore: 0.12,
      eceAfter: 0.04,
    });
    expect(run.earlyStop).toEqual({ metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 });
    expect(run.events).toEqual([
      { epoch: 2, batch: 1, batchesPerEpoch: 2, field: 'learningRate', from: 0.001, to: 0.0005 },
    ]);
  });

  it("decodes every epoch's logits, so it can be replayed", () => {
    expect(run.epochLogits).toHaveLength(2);
    // Epoch 1's logits are half of epoch 2's: the logits grew while accuracy held.
    expect(Array.from(run.epochLogits?.[0].slice(0, 4) ?? [])).toEqual([1, -0.5, 0.75, 0.25]);
    expect(Array.from(run.epochLogits?.[1].slice(16) ?? [])).toEqual([0.75, -0.25, -4, 4]);
  });
});
