import { describe, expect, it } from 'vitest';
import { LN2, LN5 } from './logits.fixture';
import {
  calibrationErrors,
  confidences,
  equalMassDiagram,
  lossSplit,
  reliabilityDiagram,
} from './calibration';

describe('top-label reliability for 3 classes', () => {
  /*
   * By hand, 15 bins (edges k/15):
   *   logits            label  predicted  confidence           bin                      correct
   *   [0, 0, 0]           0      0 (tie)    1/3                  4 (4/15 < 1/3 ≤ 5/15)     yes
   *   [0, ln 2, ln 5]     2      2          5/8 = 0.625          9 (9/15 < 0.625 ≤ 10/15)  yes
   *   [0, ln 2, ln 5]     0      2          0.625                9                         no
   * bin 4: n = 1, accuracy 1, confidence 1/3  → |gap| 2/3
   * bin 9: n = 2, accuracy ½, confidence 5/8 → |gap| 1/8
   * ECE = (1/3)(2/3) + (2/3)(1/8) = 2/9 + 1/12 = 11/36; MCE = 2/3.
   */
  const logits = Float32Array.from([0, 0, 0, 0, LN2, LN5, 0, LN2, LN5]);
  const labels = Uint8Array.from([0, 2, 0]);

  it('bins the predicted class’s probability', () => {
    const diagram = reliabilityDiagram(logits, labels);
    const count = new Array<number>(15).fill(0);
    count[4] = 1;
    count[9] = 2;
    expect(diagram.count).toEqual(count);
    expect(diagram.accuracy[4]).toBe(1);
    expect(diagram.accuracy[9]).toBe(0.5);
    expect(diagram.confidence[4]).toBeCloseTo(1 / 3, 12);
    expect(diagram.confidence[9]).toBeCloseTo(0.625, 6);
    const { ece, mce } = calibrationErrors(diagram);
    expect(ece).toBeCloseTo(11 / 36, 6);
    expect(mce).toBeCloseTo(2 / 3, 12);
  });

  it('splits the loss between right and wrong', () => {
    // Right: ln 3 and ln 1.6; wrong: ln 8; each part over all 3 examples.
    const split = lossSplit(logits, labels);
    expect(split.correct).toBeCloseTo((Math.log(3) + Math.log(1.6)) / 3, 6);
    expect(split.wrong).toBeCloseTo(Math.log(8) / 3, 6);
    expect(split.wrongCount).toBe(1);
  });

  it('applies the temperature to every logit', () => {
    // [0, 2 ln 2, 2 ln 5] at T = 2 is [0, ln 2, ln 5]: confidence 5/8.
    const hot = confidences(Float32Array.from([0, 2 * LN2, 2 * LN5]), Uint8Array.from([2]), [0], 2);
    expect(hot.confidence[0]).toBeCloseTo(0.625, 6);
    expect(hot.correct[0]).toBe(1);
  });

  it('equal-mass edges start at 1/K, the lowest top-label confidence', () => {
    const diagram = equalMassDiagram(logits, labels, { bins: 3 });
    expect(diagram.edges[0]).toBe(1 / 3);
    expect(diagram.edges.at(-1)).toBe(1);
    // Sorted 1/3, 5/8, 5/8 into 3 bins of one: the tie joins its first member's bin 1, so the
    // bins hold 1 and 2 (the third is empty and dropped).
    expect(diagram.count).toEqual([1, 2]);
    const empty = equalMassDiagram(Float32Array.from([Number.NaN, 0, 0]), Uint8Array.from([0]));
    expect(empty.edges).toEqual([1 / 3, 1]);
  });
});

describe('top-label reliability for 4 classes', () => {
  /*
   *   logits                 label  predicted  confidence        bin   correct
   *   [0, 0, ln 2, ln 4]       3      3          4/8 = 0.5         7     yes
   *   [0, 0, 0, 0]             1      0 (tie)    1/4               3     no
   *   [ln 9, 0, 0, 0]          0      0          9/12 = 0.75       11    yes
   *   [ln 9, 0, 0, 0]          2      0          0.75              11    no
   * ECE = ¼·|1 − ½| + ¼·|0 − ¼| + ½·|½ − ¾| = 0.125 + 0.0625 + 0.125 = 0.3125; MCE = ½.
   */
  const LN9 = Math.log(9);
  const logits = Float32Array.from([
    0,
    0,
    LN2,
    Math.log(4),
    0,
    0,
    0,
    0,
    LN9,
    0,
    0,
    0,
    LN9,
    0,
    0,
    0,
  ]);
  const labels = Uint8Array.from([3, 1, 0, 2]);

  it('bins and scores by hand', () => {
    const diagram = reliabilityDiagram(logits, labels);
    expect(diagram.count[7]).toBe(1);
    expect(diagram.count[3]).toBe(1);
    expect(diagram.count[11]).toBe(2);
    expect(diagram.confidence[3]).toBe(0.25);
    expect(diagram.accuracy[11]).toBe(0.5);
    const { ece, mce } = calibrationErrors(diagram);
    expect(ece).toBeCloseTo(0.3125, 6);
    expect(mce).toBeCloseTo(0.5, 6);
  });
});
