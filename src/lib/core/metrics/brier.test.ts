import { describe, expect, it } from 'vitest';
import { logitsWithP1 } from './logits.fixture';
import { brierDecomposition, brierFromLogits } from './brier';
import { mulberry32 } from '../prng';

function partsSum(b: ReturnType<typeof brierDecomposition>): number {
  return b.reliability - b.resolution + b.uncertainty + b.withinBin;
}

describe('Brier score', () => {
  it('is 0 for a sure right answer and capped at 2 for a sure wrong one', () => {
    expect(brierFromLogits(40, -40, 0)).toBeCloseTo(0, 12);
    expect(brierFromLogits(40, -40, 1)).toBe(2);
    expect(brierFromLogits(0, 0, 1)).toBe(0.5);
    // (12, −12) with class 1 true: NLL is 24 nats, Brier just under 2.
    expect(brierFromLogits(12, -12, 1)).toBeCloseTo(2, 9);
  });

  it('one forecast value per bin: reliability − resolution + uncertainty, no within-bin term', () => {
    // p₁ = 0.75 (labels 1, 0) and p₁ = 0.5 (labels 1, 0): Brier (0.125 + 1.125 + 0.5 + 0.5) / 4.
    const result = brierDecomposition(
      logitsWithP1([0.75, 0.75, 0.5, 0.5]),
      Uint8Array.from([1, 0, 1, 0]),
    );
    expect(result.score).toBeCloseTo(0.5625, 6);
    expect(result.reliability).toBeCloseTo(2 * 0.5 * 0.25 ** 2, 6);
    expect(result.resolution).toBeCloseTo(0, 12);
    expect(result.uncertainty).toBeCloseTo(0.5, 12);
    expect(result.withinBin).toBeCloseTo(0, 12);
    expect(partsSum(result)).toBeCloseTo(result.score, 12);
  });

  it('resolution rewards forecasts that sort the examples', () => {
    // p₁ = 0.9 twice (both 1), p₁ = 0.1 twice (0 and 1): base rate 0.75.
    const result = brierDecomposition(
      logitsWithP1([0.9, 0.9, 0.1, 0.1]),
      Uint8Array.from([1, 1, 0, 1]),
    );
    expect(result.score).toBeCloseTo(0.42, 6);
    expect(result.reliability).toBeCloseTo(0.17, 6);
    expect(result.resolution).toBeCloseTo(0.125, 12);
    expect(result.uncertainty).toBeCloseTo(0.375, 12);
    expect(partsSum(result)).toBeCloseTo(result.score, 12);
  });

  it('two forecasts in one bin: the within-bin term, variance minus covariance, makes the sum exact', () => {
    // 0.52 (label 1) and 0.58 (label 0) share the tenth [0.5, 0.6): f̄ = 0.55, ō = 0.5.
    const result = brierDecomposition(logitsWithP1([0.52, 0.58]), Uint8Array.from([1, 0]), 10);
    expect(result.score).toBeCloseTo(0.5668, 6);
    expect(result.reliability).toBeCloseTo(0.005, 6);
    expect(result.uncertainty).toBeCloseTo(0.5, 12);
    // ×2 of (1/N) Σ (f − f̄)² = (0.03² + 0.03²)/2 = 0.0009.
    expect(result.withinBinVariance).toBeCloseTo(0.0018, 6);
    // ×2 of (2/N) Σ (f − f̄)(o − ō) = (−0.03·0.5 + 0.03·(−0.5)) = −0.03.
    expect(result.withinBinCovariance).toBeCloseTo(-0.06, 6);
    expect(result.withinBin).toBeCloseTo(0.0018 + 0.06, 6);
    expect(partsSum(result)).toBeCloseTo(result.score, 12);
  });

  it('50 bins by default: 0.52 and 0.58 fall in different bins and no within-bin term is left', () => {
    const result = brierDecomposition(logitsWithP1([0.52, 0.58]), Uint8Array.from([1, 0]));
    expect(result.bins).toBe(50);
    expect(result.withinBinVariance).toBeCloseTo(0, 12);
    expect(result.withinBinCovariance).toBeCloseTo(0, 12);
    expect(result.reliability).toBeCloseTo(0.5668, 6);
  });

  it('the parts sum to the score for random logits, at any bin count', () => {
    const random = mulberry32(7);
    const count = 500;
    const logits = Float32Array.from({ length: 2 * count }, () => (random() - 0.5) * 30);
    const labels = Uint8Array.from({ length: count }, () => (random() < 0.5 ? 1 : 0));
    for (const bins of [1, 10, 15, 100]) {
      const result = brierDecomposition(logits, labels, bins);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(2);
      expect(Math.abs(partsSum(result) - result.score)).toBeLessThan(1e-12);
      const { withinBinVariance, withinBinCovariance } = result;
      expect(withinBinVariance).toBeGreaterThanOrEqual(0);
      expect(Math.abs(withinBinVariance! - withinBinCovariance! - result.withinBin)).toBeLessThan(
        1e-12,
      );
    }
  });

  it('leaves out non-finite logits and gives NaN when none is left', () => {
    const result = brierDecomposition(Float32Array.from([NaN, 0, 0, 0]), Uint8Array.from([1, 1]));
    expect(result.score).toBe(0.5);
    expect(brierDecomposition(Float32Array.from([NaN, 0]), Uint8Array.from([1])).score).toBeNaN();
  });
});
