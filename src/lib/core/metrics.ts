// Validation metrics computed from raw logits with plain numbers (no tf), so the
// numbers the UI shows are exactly what the logits give and can be tested in isolation.
// All accumulation is in float64 (JS numbers) even though the logits are float32.

import type { LogitGapHistogram } from './types';

/**
 * Cross-entropy of a two-class softmax, straight from the logits:
 * loss = logSumExp(z0, z1) − z_label.
 *
 * logSumExp is computed as max + log1p(exp(−|z0 − z1|)), which never overflows and
 * never takes log(0). Probabilities are never formed or clipped: clipping would cap
 * the loss of a confidently wrong prediction, hiding exactly the over-confidence
 * this playground is about.
 */
export function crossEntropyFromLogits(z0: number, z1: number, label: 0 | 1): number {
  const max = z0 > z1 ? z0 : z1;
  const logSumExp = max + Math.log1p(Math.exp(-Math.abs(z0 - z1)));
  return logSumExp - (label === 0 ? z0 : z1);
}

/**
 * Predicted class from the two logits. A tie goes to class 0, the same rule as
 * tf.argMax (first maximum), so the device and this code agree on every example.
 */
export function predictedClass(z0: number, z1: number): 0 | 1 {
  return z1 > z0 ? 1 : 0;
}

/** Throws unless there are exactly two logits per label. */
export function checkLogitShapes(logits: Float32Array, labels: Uint8Array): void {
  if (logits.length !== labels.length * 2) {
    throw new Error(
      `Expected 2 logits per label, got ${logits.length} logits for ${labels.length} labels`,
    );
  }
}

/**
 * Mean cross-entropy and argmax accuracy over examples whose logits are stored
 * [z0, z1] interleaved. Ties count as a class-0 prediction (see predictedClass).
 * An empty set gives NaN for both: there is nothing to measure.
 */
export function validationMetrics(
  logits: Float32Array,
  labels: Uint8Array,
): { loss: number; accuracy: number } {
  checkLogitShapes(logits, labels);
  let lossSum = 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const z0 = logits[2 * i];
    const z1 = logits[2 * i + 1];
    const label = labels[i] === 1 ? 1 : 0;
    lossSum += crossEntropyFromLogits(z0, z1, label);
    if (predictedClass(z0, z1) === label) correct++;
  }
  return { loss: lossSum / labels.length, accuracy: correct / labels.length };
}

const LOGIT_GAP_BIN_WIDTH = 1.5;
const LOGIT_GAP_BINS = 20;

/**
 * Fixed bin edges for |z1 − z0|: 0, 1.5, …, 30 (20 bins). Fixed rather than data-driven
 * so that histograms of different epochs share an x-axis and the drift to the right as
 * logits grow is visible. Multiples of 1.5 are exact in binary floating point.
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
 * Histogram of the logit gap |z1 − z0| (the model's confidence, in nats of log-odds),
 * counted separately for correctly and wrongly classified examples.
 * Examples with a NaN logit (a diverged run) are left out: they have no gap to bin.
 */
export function logitGapHistogram(
  logits: Float32Array,
  labels: Uint8Array,
  edges: readonly number[] = LOGIT_GAP_EDGES,
): LogitGapHistogram {
  checkLogitShapes(logits, labels);
  if (edges.length < 2) throw new Error('A histogram needs at least two edges');
  const bins = edges.length - 1;
  const correct = new Array<number>(bins).fill(0);
  const wrong = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const z0 = logits[2 * i];
    const z1 = logits[2 * i + 1];
    const gap = Math.abs(z1 - z0);
    if (Number.isNaN(gap)) continue;
    const bin = binIndex(gap, edges);
    const label = labels[i] === 1 ? 1 : 0;
    if (predictedClass(z0, z1) === label) correct[bin]++;
    else wrong[bin]++;
  }
  return { edges: [...edges], correct, wrong };
}
