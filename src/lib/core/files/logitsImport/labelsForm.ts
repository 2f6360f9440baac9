// Labels as a file may hold them: N class indices, a column of them (N × 1, how Keras keeps a
// binary target), or one-hot rows (N × K, keras.utils.to_categorical). The last two are read
// as indices, with a note; a row that is not one-hot is refused with the line that fixes it.

import type { ImportNote } from '../../runSource';
import { refuse } from './importError';

export type LabelsShape = 'indices' | 'column' | 'one-hot';

/** Class indices from one-hot rows: each row exactly one 1 and K − 1 zeros. */
export function indicesFromOneHot(
  value: (i: number, k: number) => number,
  examples: number,
  classes: number,
  name: string,
): Float64Array {
  const indices = new Float64Array(examples);
  for (let i = 0; i < examples; i++) {
    let ones = 0;
    let zeros = 0;
    for (let k = 0; k < classes; k++) {
      const entry = value(i, k);
      if (entry === 1) {
        ones++;
        indices[i] = k;
      } else if (entry === 0) zeros++;
    }
    if (ones !== 1 || zeros !== classes - 1) {
      // Six significant digits: float32 0.05 would otherwise print as 0.05000000074505806.
      const row = Array.from({ length: Math.min(classes, 6) }, (_, k) =>
        Number(value(i, k).toPrecision(6)),
      ).join(', ');
      refuse(
        `${name} has one row per example and one column per class, but row ${i} (${row}` +
          `${classes > 6 ? ', …' : ''}) is not one-hot; save ${name}.argmax(axis=1), ` +
          'one class index per example',
      );
    }
  }
  return indices;
}

/** The note for labels that were not plain indices, or none. */
export function labelsNotes(shape: LabelsShape, examples: number, classes: number): ImportNote[] {
  if (shape === 'one-hot') {
    return [
      {
        kind: 'one-hot-labels',
        text: `labels are one-hot (${examples} × ${classes}): each row read as the class of its 1.`,
      },
    ];
  }
  if (shape === 'column') {
    return [
      {
        kind: 'label-column',
        text: `labels has shape (${examples}, 1): read as one class index per example.`,
      },
    ];
  }
  return [];
}
