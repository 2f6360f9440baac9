// The e2e check's own metric code (e2e/reference-metrics.ts) against a case worked by hand.
import { describe, expect, it } from 'vitest';
import { referenceMetrics } from '../e2e/reference-metrics';

describe('referenceMetrics', () => {
  it('gives the hand-computed numbers for three examples', () => {
    // (2, 0) true 0: right, loss log(1 + e^−2) = 0.126928, gap 2, confidence σ(2) = 0.880797.
    // (1, 1) true 1: a tie, so predicted 0: wrong, loss log 2 = 0.693147, gap 0, confidence ½.
    // (0, 3) true 1: right, loss log(1 + e^−3) = 0.048587, gap 3, confidence σ(3) = 0.952574.
    const metrics = referenceMetrics(
      [0, 1, 1],
      [
        [2, 0],
        [1, 1],
        [0, 3],
      ],
      [0, 1.5, 3, 4.5],
    );
    expect(metrics.loss).toBeCloseTo((0.126928 + 0.693147 + 0.048587) / 3, 6);
    expect(metrics.accuracy).toBe(2 / 3);
    expect(metrics.lossCorrect).toBeCloseTo((0.126928 + 0.048587) / 3, 6);
    expect(metrics.lossWrong).toBeCloseTo(0.693147 / 3, 6);
    expect(metrics.wrongCount).toBe(1);
    // Gaps 2 and 3 (right) fall in [1.5, 3) and [3, 4.5); gap 0 (wrong) in [0, 1.5).
    expect(metrics.gapCounts).toEqual({ correct: [0, 1, 1], wrong: [1, 0, 0] });
    // Confidence ½ is in bin 7 (7/15, 8/15]; 0.880797 in bin 13; 0.952574 in bin 14.
    const { count, accuracy, confidence } = metrics.reliability;
    expect(count).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]);
    expect(accuracy.filter((_, bin) => count[bin] > 0)).toEqual([0, 1, 1]);
    const filled = confidence.filter((_, bin) => count[bin] > 0);
    [0.5, 0.880797, 0.952574].forEach((value, i) => expect(filled[i]).toBeCloseTo(value, 6));
    // Gaps to the diagonal 0.5, 0.119203 and 0.047426, each bin a third of the examples.
    expect(metrics.ece).toBeCloseTo((0.5 + 0.119203 + 0.047426) / 3, 6);
    expect(metrics.mce).toBe(0.5);
  });

  it('puts gaps beyond the last edge in the last bin', () => {
    const metrics = referenceMetrics([0], [[40, 0]], [0, 1.5, 3]);
    expect(metrics.gapCounts).toEqual({ correct: [0, 1], wrong: [0, 0] });
    expect(metrics.reliability.count[14]).toBe(1);
  });
});
