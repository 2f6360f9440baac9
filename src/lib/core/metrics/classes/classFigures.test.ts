import { describe, expect, it } from 'vitest';
import { LN2, LN5 } from '../logits.fixture';
import { validationMetrics } from '../metrics';
import { ClasswiseBins, classFigures } from './classFigures';
import { classTable, topConfusions, totalExamples, totalLoss } from './classTable';
import { epochClassFigures } from './epochClassFigures';

// Seven hand-worked 3-class examples. Rows [0, ln 2, ln 5] have softmax (1, 2, 5)/8; [0, 0, 0]
// has 1/3 each (a tie: predicted 0). A right answer at p = 5/8 costs ln 1.6, a wrong one at
// p = 1/8 costs ln 8, the tie costs ln 3.
//   #  logits             label  predicted  loss
//   1  [0, ln2, ln5]      2      2          ln 1.6
//   2  [0, ln2, ln5]      0      2          ln 8
//   3  [ln5, ln2, 0]      0      0          ln 1.6
//   4  [0, 0, 0]          1      0          ln 3
//   5  [ln2, ln5, 0]      1      1          ln 1.6
//   6  [ln2, ln5, 0]      2      1          ln 8
//   7  [0, ln2, ln5]      0      2          ln 8
const ROWS = [
  [0, LN2, LN5],
  [0, LN2, LN5],
  [LN5, LN2, 0],
  [0, 0, 0],
  [LN2, LN5, 0],
  [LN2, LN5, 0],
  [0, LN2, LN5],
];
const LOGITS = Float32Array.from(ROWS.flat());
const LABELS = Uint8Array.from([2, 0, 0, 1, 1, 2, 0]);
const L16 = Math.log(1.6);
const L8 = Math.log(8);
const L3 = Math.log(3);
const TOTAL = 3 * L16 + 3 * L8 + L3;
// float32 logits: ln 2 and ln 5 are rounded, so the losses are close to, not exactly, the logs.
const DIGITS = 6;

describe('classFigures (3 classes, by hand)', () => {
  const figures = classFigures(LOGITS, LABELS);

  it('counts the confusion matrix, rows true, columns predicted', () => {
    expect(figures.confusion).toEqual([
      [1, 0, 2],
      [1, 1, 0],
      [0, 1, 1],
    ]);
    expect(totalExamples(figures)).toBe(7);
  });

  it('sums each cell’s loss', () => {
    const expected = [
      [L16, 0, 2 * L8],
      [L3, L16, 0],
      [0, L8, L16],
    ];
    figures.lossSum.forEach((row, t) =>
      row.forEach((value, p) => expect(value).toBeCloseTo(expected[t][p], DIGITS)),
    );
    expect(totalLoss(figures)).toBeCloseTo(TOTAL, DIGITS);
  });

  it('agrees with the headline loss and accuracy', () => {
    const { loss, accuracy } = validationMetrics(LOGITS, LABELS);
    expect(totalLoss(figures) / 7).toBeCloseTo(loss, 12);
    expect((figures.confusion[0][0] + figures.confusion[1][1] + figures.confusion[2][2]) / 7).toBe(
      accuracy,
    );
  });

  it('gives the per-class table', () => {
    const rows = classTable(figures);
    const expected = [
      // examples, accuracy, mean loss, share, mean confidence
      [3, 1 / 3, (L16 + 2 * L8) / 3, (L16 + 2 * L8) / TOTAL, 5 / 8],
      [2, 1 / 2, (L3 + L16) / 2, (L3 + L16) / TOTAL, (1 / 3 + 5 / 8) / 2],
      [2, 1 / 2, (L8 + L16) / 2, (L8 + L16) / TOTAL, 5 / 8],
    ];
    rows.forEach((row, c) => {
      const [examples, accuracy, meanLoss, share, confidence] = expected[c];
      expect(row.classIndex).toBe(c);
      expect(row.examples).toBe(examples);
      expect(row.accuracy).toBe(accuracy);
      expect(row.meanLoss).toBeCloseTo(meanLoss, DIGITS);
      expect(row.lossShare).toBeCloseTo(share, DIGITS);
      expect(row.meanConfidence).toBeCloseTo(confidence, DIGITS);
      expect(row.confidenceGap).toBeCloseTo(confidence - accuracy, DIGITS);
    });
    expect(rows[0].lossShare).toBeCloseTo(0.5292, 4);
  });

  it('lists the confusions costliest first, with count, mean loss and share', () => {
    const top = topConfusions(figures);
    expect(top.map(({ trueClass, predicted, count }) => [trueClass, predicted, count])).toEqual([
      [0, 2, 2],
      [2, 1, 1],
      [1, 0, 1],
    ]);
    expect(top[0].meanLoss).toBeCloseTo(L8, DIGITS);
    expect(top[0].lossShare).toBeCloseTo((2 * L8) / TOTAL, DIGITS);
    expect(top[2].meanLoss).toBeCloseTo(L3, DIGITS);
    expect(topConfusions(figures, 1)).toHaveLength(1);
  });

  it('measures classwise ECE over 15 equal-width bins of p_c', () => {
    // Class 0's p₀: 1/8 (labels 2, 0, 0: frequency 2/3), 1/4 ×2 (0), 1/3 (0), 5/8 (1):
    // (3·|2/3 − 1/8| + 2·1/4 + 1/3 + 3/8) / 7 = 17/42. Class 1: (4·1/4 + 2/3 + 2·|1/2 − 5/8|) / 7
    // = 23/84. Class 2: (3·|1/3 − 5/8| + 3·|1/3 − 1/8| + 1/3) / 7 = 11/42.
    expect(figures.classwiseEce[0]).toBeCloseTo(17 / 42, DIGITS);
    expect(figures.classwiseEce[1]).toBeCloseTo(23 / 84, DIGITS);
    expect(figures.classwiseEce[2]).toBeCloseTo(11 / 42, DIGITS);
    expect(classTable(figures)[1].classwiseEce).toBe(figures.classwiseEce[1]);
  });
});

describe('ClasswiseBins', () => {
  it('is 0 for forecasts that match the frequencies', () => {
    const bins = new ClasswiseBins(2);
    bins.add([0.5, 0.5], 0);
    bins.add([0.5, 0.5], 1);
    expect(bins.ece()).toEqual([0, 0]);
  });

  it('with one bin is |class frequency − mean p_c|', () => {
    const bins = new ClasswiseBins(3, 1);
    const probabilities = ROWS.map((row) => {
      const e = row.map(Math.exp);
      const sum = e[0] + e[1] + e[2];
      return e.map((value) => value / sum);
    });
    probabilities.forEach((p, i) => bins.add(p, LABELS[i]));
    // Class 0: frequency 3/7, mean p₀ = (3/8 + 5/8 + 1/3 + 1/2) / 7 = 11/42 → 1/6.
    expect(bins.ece()[0]).toBeCloseTo(1 / 6, 12);
  });

  it('skips a NaN row and is NaN with nothing binned', () => {
    const bins = new ClasswiseBins(2);
    bins.add([Number.NaN, Number.NaN], 0);
    expect(bins.ece().every(Number.isNaN)).toBe(true);
  });
});

describe('per-class edge cases', () => {
  it('gives NaN, not 0, for a class with no examples and no loss share without loss', () => {
    const figures = classFigures(Float32Array.from([5, 0, 0, 5, 0, 0]), Uint8Array.from([0, 0]));
    const rows = classTable(figures);
    expect(rows[1].examples).toBe(0);
    expect(rows[1].accuracy).toBeNaN();
    expect(rows[0].accuracy).toBe(1);
    expect(topConfusions(figures)).toEqual([]);
  });

  it('two classes: a 2 × 2 table', () => {
    // [0, ln 3]: p₁ = 3/4. Label 1 right (ln 4/3), label 0 wrong (ln 4).
    const logits = Float32Array.from([0, Math.log(3), 0, Math.log(3)]);
    const figures = classFigures(logits, Uint8Array.from([1, 0]));
    expect(figures.confusion).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(figures.lossSum[0][1]).toBeCloseTo(Math.log(4), 6);
    expect(topConfusions(figures)[0].lossShare).toBeCloseTo(
      Math.log(4) / (Math.log(4) + Math.log(4 / 3)),
      6,
    );
  });

  it('epochClassFigures prefers the stored figures, else measures the logits', () => {
    const stored = classFigures(LOGITS, LABELS);
    expect(epochClassFigures({ classFigures: stored }, undefined, undefined)).toBe(stored);
    expect(epochClassFigures({}, LOGITS, LABELS)).toEqual(stored);
    expect(epochClassFigures(undefined, undefined, LABELS)).toBeNull();
  });
});
