import { describe, expect, it } from 'vitest';
import { calibrationHalfFigures, heldOutSplit } from './heldOutSplit';

/** Each class's count in a half. */
const countsOf = (labels: Uint8Array, half: number[]) =>
  half.reduce((counts, i) => counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1), new Map());

describe('heldOutSplit', () => {
  it('gives an odd class its spare example to calibration, then evaluation, in turn (hand-checked)', () => {
    // One example per class: class 0's goes to calibration, class 1's to evaluation, any seed.
    for (const seed of [0, 1, 7, 123456]) {
      expect(heldOutSplit(Uint8Array.from([1, 0]), seed)).toEqual({
        seed,
        calibration: [1],
        evaluation: [0],
      });
    }
    // Classes of 3, 1 and 2: calibration gets 2 + 0 + 1 = 3, evaluation 1 + 1 + 1 = 3.
    const labels = Uint8Array.from([0, 2, 0, 1, 2, 0]);
    const { calibration, evaluation } = heldOutSplit(labels, 5);
    expect(countsOf(labels, calibration)).toEqual(
      new Map([
        [0, 2],
        [2, 1],
      ]),
    );
    expect(countsOf(labels, evaluation)).toEqual(
      new Map([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    );
  });

  it('is disjoint, covers every example and keeps each class’s share, whatever the order', () => {
    // Augmented copies stored side by side: even/odd positions would put each pair in both halves.
    const labels = Uint8Array.from({ length: 1001 }, (_, i) => (i % 10 < 3 ? 1 : 0));
    const { calibration, evaluation } = heldOutSplit(labels, 42);
    expect([...calibration, ...evaluation].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1001 }, (_, i) => i),
    );
    expect(new Set(calibration).size + new Set(evaluation).size).toBe(1001);
    // 700 of class 0 split evenly; 301 of class 1, the first odd class: its spare to calibration.
    expect(countsOf(labels, calibration)).toEqual(
      new Map([
        [0, 350],
        [1, 151],
      ]),
    );
    expect(countsOf(labels, evaluation)).toEqual(
      new Map([
        [0, 350],
        [1, 150],
      ]),
    );
    expect(calibration).toEqual([...calibration].sort((a, b) => a - b));
  });

  it('is drawn by its seed: the same seed gives the same halves, another seed others', () => {
    const labels = Uint8Array.from({ length: 40 }, (_, i) => i % 2);
    expect(heldOutSplit(labels, 3)).toEqual(heldOutSplit(labels, 3));
    expect(heldOutSplit(labels, 3).calibration).not.toEqual(heldOutSplit(labels, 4).calibration);
    // Not even/odd positions: with labels alternating, that split would hold one class only.
    expect(heldOutSplit(labels, 3).calibration).not.toEqual(
      Array.from({ length: 20 }, (_, k) => 2 * k),
    );
    expect(() => heldOutSplit(labels, 1.5)).toThrow(/whole number/);
  });
});

describe('calibrationHalfFigures', () => {
  it('reads only the calibration half’s logits (hand-computed)', () => {
    // Example 0: label 0, logits (0, 0): loss ln 2, a tie counted as class 0 (right).
    // Example 2: label 1, logits (ln 3, 0): p₁ = 1/4, loss ln 4, wrong.
    const labels = Uint8Array.from([0, 1, 1]);
    const logits = Float32Array.from([0, 0, 99, -99, Math.log(3), 0]);
    const figures = calibrationHalfFigures(logits, labels, [0, 2]);
    expect(figures.validationLoss).toBeCloseTo((Math.LN2 + Math.log(4)) / 2, 6);
    expect(figures.validationAccuracy).toBe(0.5);
    logits[2] = -99; // example 1 is not in the half
    expect(calibrationHalfFigures(logits, labels, [0, 2])).toEqual(figures);
    expect(calibrationHalfFigures(logits, labels, []).validationLoss).toBeNaN();
  });
});
