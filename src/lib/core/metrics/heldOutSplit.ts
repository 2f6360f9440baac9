// The one split of the held-out (validation) examples into a calibration half and an evaluation
// half. Early stopping chooses its epoch on the calibration half, the post-hoc fixes (temperature,
// Platt, isotonic) are fitted on it, and every post-hoc figure is reported on the evaluation half,
// which therefore influenced nothing. Seeded by the run's seed (imported runs: the seed stored in
// their config), and stratified by class, so each half holds each class's share whatever the
// file's order: even/odd positions paired augmented copies stored side by side.

import { deriveSeed, mulberry32, shuffledIndices } from '../prng';
import { argmaxRow, crossEntropyRow } from './logitRows';
import type { Labels } from '../types';

/**
 * The sub-stream of the run seed the split draws from: far from the epoch numbers the batch
 * shuffles use (deriveSeed's streams 1, 2, …), so the split never repeats an epoch's order.
 */
export const HELD_OUT_STREAM = 0x7ff0_0001;

/** The two halves, each in rising example order, and the seed that drew them. */
export interface HeldOutSplit {
  seed: number;
  calibration: number[];
  evaluation: number[];
}

/**
 * Splits the examples class by class: each class's examples are shuffled (one seeded generator,
 * classes in rising label order) and the first half of each goes to calibration. A class with
 * an odd count gives its spare example to calibration and evaluation in turn, so the halves'
 * sizes differ by at most one overall and by at most one within every class.
 */
export function heldOutSplit(labels: Labels, seed: number): HeldOutSplit {
  if (!Number.isInteger(seed))
    throw new Error(`The split's seed must be a whole number, got ${seed}`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const members = byClass.get(labels[i]);
    if (members) members.push(i);
    else byClass.set(labels[i], [i]);
  }
  const random = mulberry32(deriveSeed(seed, HELD_OUT_STREAM));
  const calibration: number[] = [];
  const evaluation: number[] = [];
  let spareToCalibration = true;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(label) ?? [];
    const order = shuffledIndices(members.length, random);
    let calibrationCount = Math.floor(members.length / 2);
    if (members.length % 2 === 1) {
      if (spareToCalibration) calibrationCount++;
      spareToCalibration = !spareToCalibration;
    }
    order.forEach((position, k) =>
      (k < calibrationCount ? calibration : evaluation).push(members[position]),
    );
  }
  calibration.sort((a, b) => a - b);
  evaluation.sort((a, b) => a - b);
  return { seed, calibration, evaluation };
}

/**
 * The figures early stopping watches, measured on the calibration half only: mean cross-entropy
 * from the logits and accuracy (ties to the lowest class, as everywhere). What the evaluation
 * half's logits are cannot change them, so the epoch they choose leaves that half unseen.
 */
export function calibrationHalfFigures(
  logits: ArrayLike<number>,
  labels: Labels,
  calibration: readonly number[],
): { validationLoss: number; validationAccuracy: number } {
  if (calibration.length === 0 || logits.length % labels.length !== 0)
    return { validationLoss: Number.NaN, validationAccuracy: Number.NaN };
  const classes = logits.length / labels.length;
  let loss = 0;
  let correct = 0;
  for (const i of calibration) {
    loss += crossEntropyRow(logits, i * classes, classes, labels[i]);
    if (argmaxRow(logits, i * classes, classes) === labels[i]) correct++;
  }
  return {
    validationLoss: loss / calibration.length,
    validationAccuracy: correct / calibration.length,
  };
}
