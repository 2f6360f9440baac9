// Reads an epoch's per-class figures (ClassFigures) from an untrusted run file: absent in files
// from before them, and when present whole and consistent (a K × K confusion whose counts make up
// the validation set, losses that make up the epoch's validationLoss). Part of runFileEpochs.ts.

import type { ClassFigures } from '../types';
import { COUNT, fail, Fields, list, NON_NEGATIVE, numbers, PROBABILITY } from './untrustedJson';

/** The most classes a run file's epoch may list (labels are stored as bytes: 256). */
const MAX_CLASSES = 256;
/** Sums written from float64 and read back: the per-cell losses must make up the loss to this. */
const LOSS_SUM_TOLERANCE = 1e-6;

/** A K × K table of numbers under `rule`. */
function square(fields: Fields, key: string, classes: number, rule: typeof COUNT): number[][] {
  return fields
    .list(key, classes)
    .map((row, t) => numbers(row, `${fields.at(key)}[${t}]`, rule, classes));
}

/**
 * The epoch's `classFigures`, checked against its example count and validationLoss. K is the
 * length of `confusion` (2 … 256).
 */
export function classFigures(
  fields: Fields,
  examples: number,
  validationLoss: number,
): ClassFigures {
  const classes = list(fields.raw('confusion'), fields.at('confusion')).length;
  if (classes < 2 || classes > MAX_CLASSES) {
    fail(fields.at('confusion'), `a list of 2 to ${MAX_CLASSES} rows`, classes);
  }
  const confusion = square(fields, 'confusion', classes, COUNT);
  const counted = confusion.flat().reduce((sum, n) => sum + n, 0);
  if (counted !== examples) fail(fields.at('confusion'), `${examples} in total`, counted);
  const lossSum = square(fields, 'lossSum', classes, NON_NEGATIVE);
  lossSum.forEach((row, t) =>
    row.forEach((loss, p) => {
      if (confusion[t][p] === 0 && loss !== 0) {
        fail(`${fields.at('lossSum')}[${t}][${p}]`, '0 (no examples in that cell)', loss);
      }
    }),
  );
  const meanLoss = lossSum.flat().reduce((sum, loss) => sum + loss, 0) / examples;
  if (Math.abs(meanLoss - validationLoss) > LOSS_SUM_TOLERANCE * Math.max(1, validationLoss)) {
    fail(fields.at('lossSum'), `losses that make up validationLoss ${validationLoss}`, meanLoss);
  }
  const confidenceSum = fields.numbers('confidenceSum', NON_NEGATIVE, classes);
  confidenceSum.forEach((sum, t) => {
    const count = confusion[t].reduce((total, n) => total + n, 0);
    // A confidence is at most 1, so a class's sum is at most its example count.
    if (sum > count * (1 + LOSS_SUM_TOLERANCE)) {
      fail(`${fields.at('confidenceSum')}[${t}]`, `at most ${count}`, sum);
    }
  });
  return {
    confusion,
    lossSum,
    confidenceSum,
    classwiseEce: fields.numbers('classwiseEce', PROBABILITY, classes),
  };
}
