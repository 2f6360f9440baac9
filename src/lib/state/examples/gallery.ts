// Which validation images the gallery shows: the highest-loss ones at an epoch, read straight
// from the stored logits (N × K, any K ≥ 2; K read off the shapes). Plain numbers only (no tf,
// no DOM), so it runs on the main thread and in Node tests alike.

import { argmaxRow, confidenceRow, crossEntropyRow, strongestOtherRow } from '../../core/metrics';
import { checkLogitShapes, classCount } from '../../core/metrics';
import type { Labels } from '../../core/types';

/** What one validation example's K logits say about it. */
export interface ExampleReading {
  /** Position in the validation set (dataset order), which also locates its pixels. */
  index: number;
  /** The true class, 0 … K − 1. */
  label: number;
  /** The class of the largest logit (ties to the lowest, as tf.argMax). */
  predicted: number;
  /** The logits of class 0 and class 1: for two classes all of them. */
  z0: number;
  z1: number;
  /** The class with the largest logit after the predicted one's (for two classes, the other). */
  runnerUp: number;
  predictedLogit: number;
  runnerUpLogit: number;
  /** predictedLogit − runnerUpLogit ≥ 0: the margin (|z1 − z0| for two classes). */
  margin: number;
  /** Softmax probability the model gives its own answer, in [1/K, 1] ([0.5, 1] for two classes). */
  predictedProbability: number;
  /** Cross-entropy in nats against the true label, from the logits (never clipped). */
  loss: number;
  wrong: boolean;
}

export const GALLERY_SIZE = 12;

/** Reads one example; checks only the shapes and its own label, so it is O(K) (drill-downs call it per example). */
export function readExample(logits: Float32Array, labels: Labels, index: number): ExampleReading {
  const classes = classCount(logits, labels);
  const label = labels[index];
  if (!(label < classes))
    throw new Error(`Label ${label} of example ${index} is not a class of ${classes}`);
  const offset = index * classes;
  const predicted = argmaxRow(logits, offset, classes);
  const runnerUp = strongestOtherRow(logits, offset, classes, predicted);
  const predictedLogit = logits[offset + predicted];
  const runnerUpLogit = logits[offset + runnerUp];
  return {
    index,
    label,
    predicted,
    z0: logits[offset],
    z1: logits[offset + 1],
    runnerUp,
    predictedLogit,
    runnerUpLogit,
    margin: predictedLogit - runnerUpLogit,
    predictedProbability: confidenceRow(logits, offset, classes),
    loss: crossEntropyRow(logits, offset, classes, label),
    wrong: predicted !== label,
  };
}

export interface HighestLoss {
  /** Highest loss first; equal losses in index order, so the choice never depends on sorting. */
  examples: ExampleReading[];
  /** Their share of the summed validation loss, in [0, 1] (0 when the sum is 0). */
  lossShare: number;
}

/**
 * The `count` examples with the highest loss. Examples with a NaN loss (a diverged run) are
 * left out: there is no ranking them. One pass keeping a short sorted list: O(n · count).
 */
export function highestLossExamples(
  logits: Float32Array,
  labels: Labels,
  count = GALLERY_SIZE,
): HighestLoss {
  const classes = checkLogitShapes(logits, labels);
  const top: { index: number; loss: number }[] = [];
  let totalLoss = 0;
  for (let index = 0; index < labels.length; index++) {
    const loss = crossEntropyRow(logits, index * classes, classes, labels[index]);
    if (Number.isNaN(loss)) continue;
    totalLoss += loss;
    // Strictly greater: a later index never displaces an equal earlier one.
    if (top.length === count && !(loss > top[count - 1].loss)) continue;
    let position = top.length;
    while (position > 0 && loss > top[position - 1].loss) position--;
    top.splice(position, 0, { index, loss });
    if (top.length > count) top.pop();
  }
  const examples = top.map(({ index }) => readExample(logits, labels, index));
  const topLoss = top.reduce((sum, { loss }) => sum + loss, 0);
  return { examples, lossShare: totalLoss > 0 ? topLoss / totalLoss : 0 };
}

/** "All 12 are wrong, 11 of them with p ≥ 0.99 for the wrong class", as numbers for the caption. */
export function confidentlyWrongCount(
  examples: readonly ExampleReading[],
  threshold = 0.99,
): { wrong: number; confidentlyWrong: number } {
  let wrong = 0;
  let confidentlyWrong = 0;
  for (const example of examples) {
    if (!example.wrong) continue;
    wrong++;
    if (example.predictedProbability >= threshold) confidentlyWrong++;
  }
  return { wrong, confidentlyWrong };
}
