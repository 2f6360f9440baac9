// The CSV's per-class columns: for each class c, acc_<c> (accuracy on its examples), nll_<c>
// (their mean cross-entropy), loss_share_<c> (its part of the summed loss) and ece_<c> (classwise
// ECE), read from each epoch's classFigures with the table the panel shows (core/metrics).

import { classTable } from '../../core/metrics';
import type { EpochMetrics } from '../../core/types';

/** The per-class figures written, with their column prefixes. */
const CLASS_COLUMNS = [
  ['acc', 'accuracy'],
  ['nll', 'meanLoss'],
  ['loss_share', 'lossShare'],
  ['ece', 'classwiseEce'],
] as const;

/** Header names, class by class: acc_cat, nll_cat, loss_share_cat, ece_cat, acc_dog, … */
export function classColumnNames(classNames: readonly string[]): string[] {
  return classNames.flatMap((name) => CLASS_COLUMNS.map(([prefix]) => `${prefix}_${name}`));
}

/**
 * One epoch's per-class values in classColumnNames' order; NaN for an epoch without class
 * figures (a run from before them) or one measured on other classes, so a row is never short.
 */
export function classColumnValues(
  metrics: Pick<EpochMetrics, 'classFigures'>,
  classNames: readonly string[],
): number[] {
  const figures = metrics.classFigures;
  const rows =
    figures && figures.confusion.length === classNames.length ? classTable(figures) : null;
  return classNames.flatMap((_, c) =>
    CLASS_COLUMNS.map(([, field]) => (rows ? rows[c][field] : Number.NaN)),
  );
}
