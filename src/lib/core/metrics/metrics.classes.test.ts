import { describe, expect, it } from 'vitest';
import { LN2, LN5 } from './logits.fixture';
import { checkLogitShapes, classCount, logitGapHistogram, validationMetrics } from './metrics';
import { argmaxRow, crossEntropyRow, marginRow } from './logitRows';

// Hand-worked 3-class rows. [0, ln 2, ln 5]: softmax (1, 2, 5)/8, so
//   loss against class 2 = −ln(5/8) = ln 1.6, against class 0 = ln 8; margin ln 5 − ln 2 = ln 2.5.
// [0, 0, 0]: p = 1/3 each, loss ln 3, margin 0, predicted class 0 (a tie goes to the lowest).
const THREE = Float32Array.from([0, LN2, LN5, 0, LN2, LN5, 0, 0, 0]);
const THREE_LABELS = Uint8Array.from([2, 0, 0]);

describe('classCount', () => {
  it('reads K off the shapes', () => {
    expect(classCount(THREE, THREE_LABELS)).toBe(3);
    expect(classCount(new Float32Array(8), new Uint8Array(4))).toBe(2);
    expect(classCount(new Float32Array(3000), new Uint16Array(3))).toBe(1000);
    // An empty set counts as two classes: its metrics are NaN, as they always were.
    expect(classCount(new Float32Array(0), new Uint8Array(0))).toBe(2);
  });

  it('rejects shapes that are not N × K with K ≥ 2', () => {
    expect(() => classCount(new Float32Array(7), new Uint8Array(2))).toThrow(/K ≥ 2/);
    expect(() => classCount(new Float32Array(2), new Uint8Array(2))).toThrow(/K ≥ 2/);
    expect(() => classCount(new Float32Array(2), new Uint8Array(0))).toThrow(/no labels/);
  });

  it('rejects a label past the last class', () => {
    expect(() => checkLogitShapes(THREE, Uint8Array.from([2, 3, 0]))).toThrow(
      'Label 3 of example 1 is not a class of 3',
    );
    expect(() => validationMetrics(new Float32Array(4), Uint8Array.from([1, 2]))).toThrow(
      /not a class of 2/,
    );
  });
});

describe('K-class cross-entropy, argmax and margin', () => {
  it('3 classes: logSumExp(z) − z_label by hand', () => {
    expect(crossEntropyRow(THREE, 0, 3, 2)).toBeCloseTo(Math.log(1.6), 6);
    expect(crossEntropyRow(THREE, 0, 3, 0)).toBeCloseTo(Math.log(8), 6);
    expect(crossEntropyRow(THREE, 6, 3, 1)).toBeCloseTo(Math.log(3), 12);
  });

  it('4 classes: [0, 0, ln 2, ln 4] is softmax (1, 1, 2, 4)/8', () => {
    const row = Float32Array.from([0, 0, LN2, Math.log(4)]);
    expect(crossEntropyRow(row, 0, 4, 3)).toBeCloseTo(LN2, 6);
    expect(crossEntropyRow(row, 0, 4, 1)).toBeCloseTo(Math.log(8), 6);
    expect(argmaxRow(row, 0, 4)).toBe(3);
    expect(marginRow(row, 0, 4)).toBeCloseTo(LN2, 6);
  });

  it('subtracts the max: huge logits cost exactly their distance, never Infinity or NaN', () => {
    const row = Float32Array.from([1000, 0, -1000]);
    expect(crossEntropyRow(row, 0, 3, 0)).toBe(0);
    expect(crossEntropyRow(row, 0, 3, 1)).toBe(1000);
    expect(crossEntropyRow(row, 0, 3, 2)).toBe(2000);
  });

  it('breaks ties to the lowest index, as tf.argMax', () => {
    expect(argmaxRow(Float32Array.from([1, 3, 3, 2]), 0, 4)).toBe(1);
    expect(argmaxRow(Float32Array.from([5, 5, 5, 5]), 0, 4)).toBe(0);
    expect(argmaxRow(Float32Array.from([0, 0, 0]), 0, 3)).toBe(0);
    expect(marginRow(Float32Array.from([1, 3, 3, 2]), 0, 4)).toBe(0);
  });

  it('margin = top − runner-up, NaN with a NaN logit', () => {
    expect(marginRow(Float32Array.from([-1, 4, 2.5]), 0, 3)).toBe(1.5);
    expect(marginRow(Float32Array.from([7, -1, 2]), 0, 3)).toBe(5);
    expect(marginRow(Float32Array.from([7, Number.NaN, 2]), 0, 3)).toBeNaN();
  });

  it('validationMetrics averages over examples and counts argmax hits', () => {
    // Right (ln 1.6), wrong (ln 8), right by the tie rule (ln 3).
    const { loss, accuracy } = validationMetrics(THREE, THREE_LABELS);
    expect(loss).toBeCloseTo((Math.log(1.6) + Math.log(8) + Math.log(3)) / 3, 6);
    expect(accuracy).toBeCloseTo(2 / 3, 12);
  });

  it('accepts Uint16Array labels for K > 256', () => {
    // 300 equal logits: loss ln 300 whatever the class, and the tie says class 0.
    const logits = new Float32Array(2 * 300);
    const labels = Uint16Array.from([299, 0]);
    const { loss, accuracy } = validationMetrics(logits, labels);
    expect(loss).toBeCloseTo(Math.log(300), 12);
    expect(accuracy).toBe(0.5);
  });
});

describe('K-class margin histogram', () => {
  it('bins top − runner-up, split correct / wrong', () => {
    // [z…, label] → margin, bin of edges [0, 1, 2, 4], correct?
    const rows: [number, number, number, number][] = [
      [0, 0, 0, 0], // margin 0 → bin 0, tie → class 0, correct
      [0, 3, 1.5, 1], // margin 1.5 → bin 1, correct
      [0, 3, 1.5, 2], // margin 1.5 → bin 1, wrong
      [-2, 0, 2, 2], // margin 2 (an edge) → bin 2, correct
      [9, 0, 0, 1], // margin 9 → last bin, wrong
      [Number.NaN, 0, 0, 0], // no margin: left out
    ];
    const logits = Float32Array.from(rows.flatMap((row) => row.slice(0, 3)));
    const labels = Uint8Array.from(rows.map((row) => row[3]));
    const histogram = logitGapHistogram(logits, labels, [0, 1, 2, 4]);
    expect(histogram.correct).toEqual([1, 1, 1]);
    expect(histogram.wrong).toEqual([0, 1, 1]);
  });

  it('4 classes: the runner-up, not the true class, sets the margin', () => {
    // Label 0 (logit −5) lost to class 2 (6), whose runner-up is class 3 (5.5): margin 0.5.
    const histogram = logitGapHistogram(
      Float32Array.from([-5, 1, 6, 5.5]),
      Uint8Array.from([0]),
      [0, 1, 2],
    );
    expect(histogram.wrong).toEqual([1, 0]);
    expect(histogram.correct).toEqual([0, 0]);
  });
});
