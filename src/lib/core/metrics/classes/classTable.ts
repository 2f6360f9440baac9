// What the Classes panel, its caption and the CSV read from one epoch's ClassFigures: a row per
// class and the costliest confusions. Every figure is a division of two stored sums, so a file
// and the page show the same numbers. Empty classes and a loss-free epoch give NaN (nothing to
// measure), never a made-up 0.

import type { ClassFigures } from '../../types';

/** One class's row of the per-class table. */
export interface ClassRow {
  /** The class, 0 … K − 1. */
  classIndex: number;
  /** Validation examples whose true class this is. */
  examples: number;
  /** The fraction of them predicted right (the class's recall). */
  accuracy: number;
  /** Their mean cross-entropy in nats. */
  meanLoss: number;
  /** Their summed loss / all examples' summed loss: this class's part of the validation loss. */
  lossShare: number;
  /** Classwise ECE (one-vs-rest p_c against 1[y = c], 15 equal-width bins). */
  classwiseEce: number;
  /** Their mean top-label confidence: how sure the model is, right or wrong, on this class. */
  meanConfidence: number;
  /** meanConfidence − accuracy: above 0 the model is over-confident on this class. */
  confidenceGap: number;
}

/** One off-diagonal cell: examples of `trueClass` predicted as `predicted`. */
export interface Confusion {
  trueClass: number;
  predicted: number;
  count: number;
  /** Their mean cross-entropy in nats. */
  meanLoss: number;
  /** Their summed loss / all examples' summed loss. */
  lossShare: number;
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

/** Σ of every example's loss: the denominator of every share. */
export function totalLoss(figures: ClassFigures): number {
  return sum(figures.lossSum.map(sum));
}

/** The number of validation examples the figures count. */
export function totalExamples(figures: ClassFigures): number {
  return sum(figures.confusion.map(sum));
}

/** a / b, NaN when b is 0 (an empty class, a loss-free epoch). */
function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

/** The per-class table, in class order (the panel sorts it). */
export function classTable(figures: ClassFigures): ClassRow[] {
  const total = totalLoss(figures);
  return figures.confusion.map((row, classIndex) => {
    const examples = sum(row);
    const accuracy = ratio(row[classIndex], examples);
    const meanConfidence = ratio(figures.confidenceSum[classIndex], examples);
    const classLoss = sum(figures.lossSum[classIndex]);
    return {
      classIndex,
      examples,
      accuracy,
      meanLoss: ratio(classLoss, examples),
      lossShare: ratio(classLoss, total),
      classwiseEce: figures.classwiseEce[classIndex],
      meanConfidence,
      confidenceGap: meanConfidence - accuracy,
    };
  });
}

/** The confusions the panel lists by default. */
export const TOP_CONFUSIONS = 5;

/**
 * The off-diagonal cells with at least one example, costliest first: by share of the loss, then
 * by count, then in class order. At most `limit`.
 */
export function topConfusions(figures: ClassFigures, limit = TOP_CONFUSIONS): Confusion[] {
  const total = totalLoss(figures);
  const cells: Confusion[] = [];
  figures.confusion.forEach((row, trueClass) =>
    row.forEach((count, predicted) => {
      if (predicted === trueClass || count === 0) return;
      const loss = figures.lossSum[trueClass][predicted];
      cells.push({
        trueClass,
        predicted,
        count,
        meanLoss: loss / count,
        lossShare: ratio(loss, total),
      });
    }),
  );
  const lossOf = (cell: Confusion) => figures.lossSum[cell.trueClass][cell.predicted];
  cells.sort(
    (a, b) =>
      lossOf(b) - lossOf(a) ||
      b.count - a.count ||
      a.trueClass - b.trueClass ||
      a.predicted - b.predicted,
  );
  return cells.slice(0, limit);
}
