import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../prng';
import { heldOutSplit } from '../heldOutSplit';
import { epochFixes } from './epochFixes';

/** Mean −log softmax(z/T)[label] over `rows`, written here with its own log-sum-exp. */
function referenceNll(
  logits: Float32Array,
  labels: Uint8Array,
  classes: number,
  rows: readonly number[],
  T: number,
): number {
  let sum = 0;
  for (const i of rows) {
    const row = Array.from(logits.subarray(i * classes, (i + 1) * classes), (z) => z / T);
    const top = Math.max(...row);
    const logSum = top + Math.log(row.reduce((total, z) => total + Math.exp(z - top), 0));
    sum += logSum - row[labels[i]];
  }
  return sum / rows.length;
}

/**
 * The T of a brute-force grid with the lowest NLL: steps of 0.01 in log T over [ln 0.1, ln 10],
 * then steps of 1e-5 over the coarse best's two neighbouring cells (NLL is unimodal in log T).
 */
function gridTemperature(
  logits: Float32Array,
  labels: Uint8Array,
  classes: number,
  rows: readonly number[],
): number {
  const scan = (from: number, to: number, step: number) => {
    let best = { logT: from, nll: Infinity };
    for (let logT = from; logT <= to; logT += step) {
      const nll = referenceNll(logits, labels, classes, rows, Math.exp(logT));
      if (nll < best.nll) best = { logT, nll };
    }
    return best.logT;
  };
  const coarse = scan(Math.log(0.1), Math.log(10), 0.01);
  return Math.exp(scan(coarse - 0.01, coarse + 0.01, 1e-5));
}

/**
 * Seeded N × K logits whose true class leads by a noisy margin, scaled by `scale`: a larger
 * scale is a more over-confident epoch (its best T grows), so each epoch has its own T.
 */
function epochLogits(random: () => number, labels: Uint8Array, classes: number, scale: number) {
  const logits = new Float32Array(labels.length * classes);
  labels.forEach((label, i) => {
    for (let k = 0; k < classes; k++) {
      const noise = 2 * random() - 1;
      logits[i * classes + k] = scale * (noise + (k === label ? 0.8 : 0));
    }
  });
  return logits;
}

describe('the fixes at every epoch', () => {
  for (const classes of [2, 3]) {
    it(`fits each epoch's T on its calibration half as a brute-force grid does (${classes} classes)`, () => {
      const random = mulberry32(7 + classes);
      const labels = Uint8Array.from({ length: 120 }, (_, i) => i % classes);
      const history = [1, 3, 6].map((scale) => epochLogits(random, labels, classes, scale));
      const seed = 5;
      const { calibration, evaluation } = heldOutSplit(labels, seed);
      const progress: [number, number][] = [];
      const fixes = epochFixes(history, labels, seed, (done, total) =>
        progress.push([done, total]),
      );
      expect(progress).toEqual([
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
      const temperatures = fixes.map((fix, index) => {
        const logits = history[index];
        const T = gridTemperature(logits, labels, classes, calibration);
        expect(fix.epoch).toBe(index + 1);
        expect(fix.bound).toBeNull();
        // Within a fine grid step of log T.
        expect(Math.abs(Math.log(fix.report.temperature.T / T))).toBeLessThan(2e-5);
        // Reported on the evaluation half, raw and at the fitted T; the choice reads the other half.
        expect(fix.report.none.nll).toBeCloseTo(
          referenceNll(logits, labels, classes, evaluation, 1),
          6,
        );
        expect(fix.report.temperature.nll).toBeCloseTo(
          referenceNll(logits, labels, classes, evaluation, fix.report.temperature.T),
          6,
        );
        expect(fix.calibrationLoss).toBeCloseTo(
          referenceNll(logits, labels, classes, calibration, 1),
          6,
        );
        expect(fix.report.evaluationCount).toBe(evaluation.length);
        return fix.report.temperature.T;
      });
      // The epochs differ: the fit follows each one, not the last.
      expect(temperatures[2]).toBeGreaterThan(temperatures[1]);
      expect(temperatures[1]).toBeGreaterThan(temperatures[0]);
      const twoClassFixes = fixes.every((fix) => fix.report.platt.notApplicable === undefined);
      expect(twoClassFixes).toBe(classes === 2);
    });
  }

  it('gives no epochs for an empty history', () => {
    expect(epochFixes([], Uint8Array.from([0, 1]), 1)).toEqual([]);
  });
});
