// The basic-bootstrap band and the bias-corrected estimate on cases small enough to work out by
// hand: every expected value below is written from the arithmetic in its comment.

import { describe, expect, it } from 'vitest';
import { eceBootstrapOfConfidences } from './bootstrap';
import { basicBootstrapBand, quantile } from './bootstrapInterval';

describe('basicBootstrapBand', () => {
  it('reflects the replicates about the plug-in value', () => {
    // θ̂ = 0.1; replicates 0.10…0.18 (mean 0.14); level 0.5 → q25 = 0.12, q75 = 0.16 (type 7).
    // estimate 2·0.1 − 0.14 = 0.06; band [0.2 − 0.16, 0.2 − 0.12] = [0.04, 0.08].
    const band = basicBootstrapBand(0.1, [0.18, 0.1, 0.14, 0.12, 0.16], 0.5);
    expect(band.estimate).toBeCloseTo(0.06, 12);
    expect(band.low).toBeCloseTo(0.04, 12);
    expect(band.high).toBeCloseTo(0.08, 12);
  });

  it('clamps to [0, 1], where ECE lives', () => {
    // θ̂ = 0.02, replicates 0.03 and 0.05 (mean 0.04), level 1: estimate 0.04 − 0.04 = 0,
    // band [0.04 − 0.05, 0.04 − 0.03] = [−0.01 → 0, 0.01].
    const band = basicBootstrapBand(0.02, [0.05, 0.03], 1);
    expect(band.estimate).toBeCloseTo(0, 12);
    expect(band.low).toBe(0);
    expect(band.high).toBeCloseTo(0.01, 12);
  });

  it('gives NaN without replicates', () => {
    expect(basicBootstrapBand(0.1, [], 0.9)).toEqual({ low: NaN, high: NaN, estimate: NaN });
  });

  it('quantile interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.05)).toBeCloseTo(0.5, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('eceBootstrapOfConfidences on two examples', () => {
  // Both at confidence 0.9 (one bin either way), one right, one wrong: plug-in ECE |0.5 − 0.9| = 0.4.
  // A resample draws (2 right) with chance 1/4 → ECE |1 − 0.9| = 0.1, (one each) 1/2 → 0.4,
  // (2 wrong) 1/4 → 0.9. Replicate mean 0.025 + 0.2 + 0.225 = 0.45, so the estimate is
  // 0.8 − 0.45 = 0.35 (± about 0.28 / √1000 ≈ 0.009 from the draws). Each end holds 25 % of the
  // replicates, so q05 = 0.1 and q95 = 0.9: band [0.8 − 0.9 → 0, 0.8 − 0.1] = [0, 0.7].
  const interval = eceBootstrapOfConfidences({
    confidence: Float64Array.of(0.9, 0.9),
    correct: Uint8Array.of(1, 0),
  });

  it('labels itself and draws at least 1,000 resamples', () => {
    expect(interval.method).toBe('basic-bootstrap');
    expect(interval.resamples).toBeGreaterThanOrEqual(1000);
    expect(interval.level).toBe(0.9);
  });

  it.each(['equalWidth', 'equalMass'] as const)('%s: band [0, 0.7] around 0.35', (binning) => {
    const band = interval[binning];
    expect(band.low).toBe(0);
    expect(band.high).toBeCloseTo(0.7, 12);
    expect(band.estimate).toBeGreaterThan(0.35 - 0.03);
    expect(band.estimate).toBeLessThan(0.35 + 0.03);
  });

  it('collapses onto the plug-in value when every resample is the same', () => {
    // Four right answers at 0.8: every resample's ECE is |1 − 0.8| = 0.2, so estimate 0.4 − 0.2.
    const same = eceBootstrapOfConfidences({
      confidence: Float64Array.of(0.8, 0.8, 0.8, 0.8),
      correct: Uint8Array.of(1, 1, 1, 1),
    });
    for (const band of [same.equalWidth, same.equalMass]) {
      expect(band.estimate).toBeCloseTo(0.2, 12);
      expect(band.low).toBeCloseTo(0.2, 12);
      expect(band.high).toBeCloseTo(0.2, 12);
    }
  });
});
