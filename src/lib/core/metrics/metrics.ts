// Validation metrics computed from raw logits with plain numbers (no tf), so the
// numbers the UI shows are exactly what the logits give and can be tested in isolation.
// All accumulation is in float64 (JS numbers) even though the logits are float32.
//
// Logits are row-major N × K (example i's K logits at i·K … i·K + K − 1; for two classes the
// original [z0, z1] interleaving) and K is read off the shapes (classCount), never passed.

import { argmaxRow, crossEntropyRow, marginRow } from './logitRows';
import type { Labels, LogitGapHistogram } from '../types';

export type { Labels } from '../types';
export { crossEntropyFromLogits, predictedClass } from './logitRows';

/**
 * K, the number of classes: logits.length / labels.length, which must be a whole number ≥ 2.
 * An empty set (no labels, no logits) counts as two classes: every metric of it is NaN, as an
 * empty set's always was. Only the shapes are read (O(1)), so per-example readers may call it.
 */
export function classCount(logits: ArrayLike<number>, labels: ArrayLike<number>): number {
  const examples = labels.length;
  if (examples === 0) {
    if (logits.length === 0) return 2;
    throw new Error(`Expected no logits for no labels, got ${logits.length} logits`);
  }
  const classes = logits.length / examples;
  if (!Number.isInteger(classes) || classes < 2) {
    throw new Error(
      `Expected K ≥ 2 logits per label (an N × K array), got ${logits.length} logits for ${examples} labels`,
    );
  }
  return classes;
}

/**
 * K (classCount), after checking that every label is a class 0 … K − 1: a label past the last
 * class would read the next example's logits. One pass over the labels.
 */
export function checkLogitShapes(logits: ArrayLike<number>, labels: Labels): number {
  const classes = classCount(logits, labels);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= classes) {
      throw new Error(`Label ${labels[i]} of example ${i} is not a class of ${classes}`);
    }
  }
  return classes;
}

/**
 * Mean cross-entropy and argmax accuracy over N × K logits. Ties go to the lowest class (as
 * tf.argMax). An empty set gives NaN for both: there is nothing to measure.
 */
export function validationMetrics(
  logits: Float32Array,
  labels: Labels,
): { loss: number; accuracy: number } {
  const classes = checkLogitShapes(logits, labels);
  let lossSum = 0;
  let correct = 0;
  for (let i = 0, offset = 0; i < labels.length; i++, offset += classes) {
    const label = labels[i];
    lossSum += crossEntropyRow(logits, offset, classes, label);
    if (argmaxRow(logits, offset, classes) === label) correct++;
  }
  return { loss: lossSum / labels.length, accuracy: correct / labels.length };
}

const LOGIT_GAP_BIN_WIDTH = 1.5;
const LOGIT_GAP_BINS = 20;

/**
 * Fixed bin edges for the margin (top − runner-up logit; |z1 − z0| for two classes): 0, 1.5, …,
 * 30 (20 bins). Fixed rather than data-driven so that histograms of different epochs share an
 * x-axis and the drift to the right as logits grow is visible. Multiples of 1.5 are exact in
 * binary floating point.
 */
export const LOGIT_GAP_EDGES: readonly number[] = Object.freeze(
  Array.from({ length: LOGIT_GAP_BINS + 1 }, (_, i) => i * LOGIT_GAP_BIN_WIDTH),
);

/** Index of the bin holding `gap`: edges[i] ≤ gap < edges[i+1]; beyond the last edge → last bin. */
export function binIndex(gap: number, edges: readonly number[]): number {
  const lastBin = edges.length - 2;
  if (gap >= edges[lastBin]) return lastBin;
  // Binary search for the last edge ≤ gap; values below the first edge go in bin 0.
  let low = 0;
  let high = lastBin;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (edges[mid] <= gap) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Histogram of the margin, top logit − runner-up logit (for two classes the logit gap |z1 − z0|:
 * the model's confidence in nats of log-odds), counted separately for correctly and wrongly
 * classified examples. Examples with a NaN logit (a diverged run) are left out: they have no
 * margin to bin.
 */
export function logitGapHistogram(
  logits: Float32Array,
  labels: Labels,
  edges: readonly number[] = LOGIT_GAP_EDGES,
): LogitGapHistogram {
  const classes = checkLogitShapes(logits, labels);
  if (edges.length < 2) throw new Error('A histogram needs at least two edges');
  const bins = edges.length - 1;
  const correct = new Array<number>(bins).fill(0);
  const wrong = new Array<number>(bins).fill(0);
  for (let i = 0, offset = 0; i < labels.length; i++, offset += classes) {
    const margin = marginRow(logits, offset, classes);
    if (Number.isNaN(margin)) continue;
    const bin = binIndex(margin, edges);
    if (argmaxRow(logits, offset, classes) === labels[i]) correct[bin]++;
    else wrong[bin]++;
  }
  return { edges: [...edges], correct, wrong };
}
