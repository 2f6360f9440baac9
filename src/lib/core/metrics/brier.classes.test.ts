import { describe, expect, it } from 'vitest';
import { LN2, LN5 } from './logits.fixture';
import { brierDecomposition, brierScore } from './brier';
import { brierRow } from './logitRows';

describe('K-class Brier score Σ_k (p_k − y_k)²', () => {
  it('3 classes by hand: [0, ln 2, ln 5] is softmax (1, 2, 5)/8', () => {
    const row = Float32Array.from([0, LN2, LN5]);
    // Class 2 true: (1/8)² + (2/8)² + (3/8)² = 14/64; class 0 true: (7/8)² + (2/8)² + (5/8)² = 78/64.
    expect(brierRow(row, 0, 3, 2)).toBeCloseTo(14 / 64, 6);
    expect(brierRow(row, 0, 3, 0)).toBeCloseTo(78 / 64, 6);
  });

  it('4 classes by hand', () => {
    // [0, 0, ln 2, ln 4] = (1, 1, 2, 4)/8, class 3 true: (1 + 1 + 4 + 16)/64 = 22/64.
    expect(brierRow(Float32Array.from([0, 0, LN2, Math.log(4)]), 0, 4, 3)).toBeCloseTo(22 / 64, 6);
    // All equal, class 1 true: 3·(1/4)² + (3/4)² = 12/16.
    expect(brierRow(new Float32Array(4), 0, 4, 1)).toBe(0.75);
  });

  it('is 0 for a sure right answer and 2 for a sure wrong one', () => {
    const sure = Float32Array.from([1000, 0, 0]);
    expect(brierRow(sure, 0, 3, 0)).toBe(0);
    expect(brierRow(sure, 0, 3, 1)).toBe(2);
  });

  it('gives the mean score and no decomposition for K > 2', () => {
    const logits = Float32Array.from([0, 0, LN2, Math.log(4), 0, 0, 0, 0]);
    const result = brierScore(logits, Uint8Array.from([3, 1]));
    expect(result.score).toBeCloseTo((22 / 64 + 0.75) / 2, 6);
    expect(result).toMatchObject({
      reliability: null,
      resolution: null,
      uncertainty: null,
      withinBin: null,
      withinBinVariance: null,
      withinBinCovariance: null,
      classCount: 4,
    });
  });

  it('leaves out rows without a softmax (NaN, +∞) but keeps −∞ logits, which carry no mass', () => {
    // [−∞, 0, 0] with class 1 true: p = (0, ½, ½), Brier ¼ + ¼ = ½.
    const logits = Float32Array.from([Number.NaN, 0, 0, Infinity, 0, 0, -Infinity, 0, 0]);
    expect(brierScore(logits, Uint8Array.from([0, 0, 1])).score).toBe(0.5);
    expect(brierScore(Float32Array.from([Number.NaN, 0, 0]), Uint8Array.from([0])).score).toBeNaN();
  });

  it('is the two-class decomposition for K = 2, and refuses to decompose more classes', () => {
    const logits = Float32Array.from([0, 1, 2, -1, 0.5, 0.5]);
    const labels = Uint8Array.from([1, 0, 1]);
    expect(brierScore(logits, labels)).toEqual(brierDecomposition(logits, labels));
    expect(() => brierDecomposition(new Float32Array(3), Uint8Array.from([0]))).toThrow(
      /two classes/,
    );
  });
});
