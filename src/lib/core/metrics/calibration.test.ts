import { describe, expect, it } from 'vitest';
import {
  calibrationErrors,
  confidenceBin,
  lossSplit,
  RELIABILITY_BINS,
  reliabilityDiagram,
  reliabilityEdges,
  softmax2,
} from './calibration';
import { validationMetrics } from './metrics';
import { mulberry32 } from '../prng';

const LN9 = Math.log(9); // softmax confidence 0.9
const LN99 = Math.log(99); // 0.99

describe('softmax2', () => {
  it('sums to one and is stable for huge logits', () => {
    expect(softmax2(0, 0)).toEqual([0.5, 0.5]);
    const [p0, p1] = softmax2(LN9, 0);
    expect(p0).toBeCloseTo(0.9, 12);
    expect(p0 + p1).toBeCloseTo(1, 15);
    expect(softmax2(1000, -1000)).toEqual([1, 0]);
    expect(softmax2(-1e308, 1e308)).toEqual([0, 1]);
    expect(softmax2(1e308, 1e308)).toEqual([0.5, 0.5]);
  });
});

describe('reliabilityDiagram and calibrationErrors', () => {
  /*
   * Worked by hand, 15 bins (edges k/15):
   *   logits      label  predicted  confidence  bin                     correct
   *   [0, 0]        0      0 (tie)    0.5       7 (7/15 < 0.5 ≤ 8/15)   yes
   *   [0, 0]        1      0 (tie)    0.5       7                       no
   *   [ln 9, 0]     0      0          0.9       13 (13/15 < 0.9 ≤ 14/15) yes
   *   [ln 9, 0]     1      0          0.9       13                      no
   *   [0, ln 9]     1      1          0.9       13                      yes
   *   [0, ln 99]    1      1          0.99      14                      yes
   * bin 7:  n = 2, accuracy 1/2, confidence 0.5  → |gap| = 0
   * bin 13: n = 3, accuracy 2/3, confidence 0.9  → |gap| = 0.9 − 2/3 = 0.23333…
   * bin 14: n = 1, accuracy 1,   confidence 0.99 → |gap| = 0.01
   * ECE = 2/6·0 + 3/6·0.23333… + 1/6·0.01 = 0.116666… + 0.001666… = 0.118333…
   * MCE = 0.23333…
   */
  const logits = new Float32Array([0, 0, 0, 0, LN9, 0, LN9, 0, 0, LN9, 0, LN99]);
  const labels = new Uint8Array([0, 1, 0, 1, 1, 1]);

  it('bins a hand-worked case', () => {
    const diagram = reliabilityDiagram(logits, labels);
    expect(diagram.edges).toHaveLength(RELIABILITY_BINS + 1);
    expect(diagram.edges[0]).toBe(0);
    expect(diagram.edges[15]).toBe(1);
    const count = new Array<number>(15).fill(0);
    count[7] = 2;
    count[13] = 3;
    count[14] = 1;
    expect(diagram.count).toEqual(count);
    expect(diagram.accuracy[7]).toBe(0.5);
    expect(diagram.accuracy[13]).toBeCloseTo(2 / 3, 12);
    expect(diagram.accuracy[14]).toBe(1);
    // float32 logits: ln 9 is rounded, so the confidences are 0.9 to ~1e-7.
    expect(diagram.confidence[7]).toBe(0.5);
    expect(diagram.confidence[13]).toBeCloseTo(0.9, 6);
    expect(diagram.confidence[14]).toBeCloseTo(0.99, 6);
    // Empty bins report zeros.
    expect(diagram.accuracy[0]).toBe(0);
    expect(diagram.confidence[0]).toBe(0);

    const { ece, mce } = calibrationErrors(diagram);
    expect(ece).toBeCloseTo(0.118333333, 6);
    expect(mce).toBeCloseTo(0.233333333, 6);
  });

  it('puts a confidence on an edge in the bin below it, and 0 in bin 0', () => {
    const edges = reliabilityEdges(15);
    expect(confidenceBin(0, edges)).toBe(0);
    expect(confidenceBin(1 / 15, edges)).toBe(0);
    expect(confidenceBin(8 / 15, edges)).toBe(7);
    expect(confidenceBin(8 / 15 + 1e-12, edges)).toBe(8);
    expect(confidenceBin(1, edges)).toBe(14);
    for (let k = 1; k <= 15; k++) expect(confidenceBin(edges[k], edges)).toBe(k - 1);
    // Two bins: a tie (0.5) is in bin 0, anything more confident in bin 1; a saturated softmax (1) too.
    const two = reliabilityDiagram(
      new Float32Array([1, 1, 0, 0.01, 0, 500]),
      new Uint8Array([0, 1, 1]),
      {
        bins: 2,
      },
    );
    expect(two.count).toEqual([1, 2]);
  });

  it('applies the temperature, a subset of indices, and skips NaN logits', () => {
    const scaled = reliabilityDiagram(new Float32Array([2 * LN9, 0]), new Uint8Array([0]), {
      temperature: 2,
    });
    expect(scaled.count[13]).toBe(1);
    expect(scaled.confidence[13]).toBeCloseTo(0.9, 6);
    const subset = reliabilityDiagram(logits, labels, { indices: [4, 5] });
    expect(subset.count.reduce((a, b) => a + b, 0)).toBe(2);
    expect(calibrationErrors(subset).ece).toBeCloseTo((0.1 + 0.01) / 2, 6);
    const withNaN = reliabilityDiagram(
      new Float32Array([Number.NaN, 0, 0, 1]),
      new Uint8Array([0, 1]),
    );
    expect(withNaN.count.reduce((a, b) => a + b, 0)).toBe(1);
    expect(
      calibrationErrors(reliabilityDiagram(new Float32Array([Number.NaN, 0]), new Uint8Array([0]))),
    ).toEqual({
      ece: Number.NaN,
      mce: Number.NaN,
    });
  });

  it('is zero for perfectly calibrated bins and rejects bad input', () => {
    // Both at confidence 0.9 in one bin, 9 of 10 correct → gap 0.
    const many = new Float32Array(20);
    const tenLabels = new Uint8Array(10);
    for (let i = 0; i < 10; i++) many[2 * i] = LN9;
    tenLabels[0] = 1;
    expect(calibrationErrors(reliabilityDiagram(many, tenLabels)).ece).toBeCloseTo(0, 6);
    expect(() => reliabilityDiagram(new Float32Array(3), new Uint8Array(2))).toThrow();
    expect(() => reliabilityDiagram(many, tenLabels, { temperature: 0 })).toThrow(/Temperature/);
    expect(() => reliabilityDiagram(many, tenLabels, { indices: [10] })).toThrow(/outside/);
  });
});

describe('lossSplit', () => {
  it('splits the mean loss so that correct + wrong = the loss', () => {
    const random = mulberry32(3);
    const count = 501;
    const logits = Float32Array.from({ length: 2 * count }, () => (random() - 0.5) * 20);
    const labels = Uint8Array.from({ length: count }, () => (random() < 0.5 ? 1 : 0));
    const { loss, accuracy } = validationMetrics(logits, labels);
    const split = lossSplit(logits, labels);
    expect(split.correct + split.wrong).toBeCloseTo(loss, 12);
    expect(split.wrongCount).toBe(Math.round((1 - accuracy) * count));
    expect(split.correct).toBeGreaterThan(0);
    expect(split.wrong).toBeGreaterThan(split.correct); // confidently wrong examples dominate
  });

  it('divides each part by the total count, honours indices and temperature', () => {
    // [2, 0] label 0: correct, loss log(1 + e^-2); [2, 0] label 1: wrong, loss 2 + log(1 + e^-2).
    const logits = new Float32Array([2, 0, 2, 0, 0, 5]);
    const labels = new Uint8Array([0, 1, 1]);
    const small = Math.log1p(Math.exp(-2));
    const pair = lossSplit(logits, labels, { indices: [0, 1] });
    expect(pair.correct).toBeCloseTo(small / 2, 12);
    expect(pair.wrong).toBeCloseTo((2 + small) / 2, 12);
    expect(pair.wrongCount).toBe(1);
    const hot = lossSplit(logits, labels, { indices: [1], temperature: 2 });
    expect(hot.wrong).toBeCloseTo(1 + Math.log1p(Math.exp(-1)), 12);
  });
});
