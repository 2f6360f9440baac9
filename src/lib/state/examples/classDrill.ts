// Drill-down from the Classes panel: the examples of one true class (a table row), or of one
// cell of the confusion matrix (true t, predicted p), read from that epoch's logits with the
// argmax rule the figures were counted with, highest loss first. Plain numbers, tested in Node.

import { argmaxRow, checkLogitShapes } from '../../core/metrics';
import type { Labels } from '../../core/types';
import type { DrillDownView } from './drillDown';
import { readExample, type ExampleReading } from './gallery';

/** What a click in the Classes panel asks to open: a class (predicted null) or a cell. */
export interface ClassDrillRequest {
  epoch: number;
  trueClass: number;
  /** The predicted class of a matrix cell; null for every example of `trueClass`. */
  predicted: number | null;
}

/** Examples whose label is `trueClass` (and whose argmax is `predicted`, when given), highest loss first. */
export function examplesOfClass(
  logits: Float32Array,
  labels: Labels,
  trueClass: number,
  predicted: number | null = null,
): ExampleReading[] {
  const classes = checkLogitShapes(logits, labels);
  const found: ExampleReading[] = [];
  for (let i = 0, offset = 0; i < labels.length; i++, offset += classes) {
    if (labels[i] !== trueClass) continue;
    if (predicted !== null && argmaxRow(logits, offset, classes) !== predicted) continue;
    found.push(readExample(logits, labels, i));
  }
  return found.sort((a, b) => b.loss - a.loss || a.index - b.index);
}

/** The drill-down dialog's view of a request, e.g. "cat predicted as dog" or "True class cat". */
export function classDrillView(
  request: ClassDrillRequest,
  logits: Float32Array,
  labels: Labels,
  classNames: readonly string[],
): DrillDownView {
  const name = (index: number) => classNames[index] ?? `class ${index}`;
  const { trueClass, predicted } = request;
  return {
    title:
      predicted === null
        ? `True class ${name(trueClass)}`
        : `${name(trueClass)} predicted as ${name(predicted)}`,
    part:
      predicted === null
        ? 'every example of the class'
        : predicted === trueClass
          ? 'correct only'
          : 'wrong only',
    epoch: request.epoch,
    examples: examplesOfClass(logits, labels, trueClass, predicted),
  };
}
