import { describe, expect, it } from 'vitest';
import { brierDecomposition } from './brier';
import { scoredEpoch, scoringFields, withScoring } from './scoring';

describe('scoring fields', () => {
  const labels = Uint8Array.from([0, 1, 1, 0]);
  const logits = Float32Array.from([2, -2, 1, 3, 5, -5, 0, 0]);

  it('fill in what an older epoch lacks, and leave a complete one alone', () => {
    const old = { epoch: 3, validationLoss: 1 };
    const filled = withScoring(old, logits, labels);
    expect(filled.epoch).toBe(3);
    expect(filled.brier).toEqual(brierDecomposition(logits, labels));
    expect(filled.eceInterval.resamples).toBeGreaterThanOrEqual(200);
    expect(withScoring(filled, Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0]), labels)).toBe(filled);
    expect(scoringFields(logits, labels)).toEqual({
      brier: filled.brier,
      eceAdaptive: filled.eceAdaptive,
      mceAdaptive: filled.mceAdaptive,
      reliabilityAdaptive: filled.reliabilityAdaptive,
      eceInterval: filled.eceInterval,
    });
  });

  it('remember an epoch filled in, so a replay shows the same object again', () => {
    const old = { epoch: 1 };
    const first = scoredEpoch(old, logits, labels);
    expect(scoredEpoch(old, logits, labels)).toBe(first);
    expect(first.brier).toBeDefined();
  });
});
