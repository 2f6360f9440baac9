// The Classes panel's caption: which classes carry the loss at an epoch, and the costliest
// confusion, e.g. "Epoch 7: cat and dog carry 61% of the loss (20% of the examples) at 48%
// accuracy; cat → dog is the costliest confusion (95 examples, 22% of the loss)." Any K ≥ 2.

import { classTable, topConfusions, totalLoss, type ClassRow } from '../../core/metrics';
import type { ClassFigures } from '../../core/types';
import { percentText } from './numberText';

/** A class is named a problem when its mean loss is at least this many times the epoch's. */
export const PROBLEM_LOSS_RATIO = 2;
/** At most this many problem classes are named: more would not read as "the problem". */
export const MAX_NAMED_CLASSES = 3;

/** "a", "a and b", "a, b and c". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The classes the caption names, worst mean loss first: those whose mean loss is at least
 * PROBLEM_LOSS_RATIO × the epoch's mean loss (at most MAX_NAMED_CLASSES), else the one with the
 * largest share of the loss. (A weighted mean cannot be below all its classes, so at least one
 * class is always left out: for two classes, at most one is named.)
 */
export function problemClasses(figures: ClassFigures): ClassRow[] {
  const rows = classTable(figures).filter((row) => row.examples > 0);
  const examples = rows.reduce((sum, row) => sum + row.examples, 0);
  const meanLoss = totalLoss(figures) / examples;
  const byLoss = [...rows].sort((a, b) => b.meanLoss - a.meanLoss || a.classIndex - b.classIndex);
  const problems = byLoss.filter((row) => row.meanLoss >= PROBLEM_LOSS_RATIO * meanLoss);
  if (problems.length > 0) return problems.slice(0, MAX_NAMED_CLASSES);
  const byShare = [...rows].sort(
    (a, b) => b.lossShare - a.lossShare || a.classIndex - b.classIndex,
  );
  return byShare.slice(0, 1);
}

/** The caption for `epoch`'s figures; class i is called classNames[i] (or "class i"). */
export function classCaption(
  figures: ClassFigures,
  classNames: readonly string[],
  epoch: number,
): string {
  const name = (index: number) => classNames[index] ?? `class ${index}`;
  const total = totalLoss(figures);
  if (!(total > 0)) return `Epoch ${epoch}: no loss to share out among the classes.`;
  const named = problemClasses(figures);
  const examples = figures.confusion.flat().reduce((sum, n) => sum + n, 0);
  const namedExamples = named.reduce((sum, row) => sum + row.examples, 0);
  const namedRight = named.reduce(
    (sum, row) => sum + figures.confusion[row.classIndex][row.classIndex],
    0,
  );
  const namedShare = named.reduce((sum, row) => sum + row.lossShare, 0);
  const verb = named.length === 1 ? 'carries' : 'carry';
  const carry =
    `${namesText(named.map((row) => name(row.classIndex)))} ${verb} ${percentText(namedShare)} of ` +
    `the loss (${percentText(namedExamples / examples)} of the examples) at ` +
    `${percentText(namedRight / namedExamples)} accuracy`;
  const [costliest] = topConfusions(figures, 1);
  const confusion = costliest
    ? `${name(costliest.trueClass)} → ${name(costliest.predicted)} is the costliest confusion ` +
      `(${costliest.count} ${costliest.count === 1 ? 'example' : 'examples'}, ` +
      `${percentText(costliest.lossShare)} of the loss)`
    : 'no example is misclassified';
  return `Epoch ${epoch}: ${carry}; ${confusion}.`;
}
