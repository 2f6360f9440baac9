// Calibration measures from raw logits, with plain numbers (no tf): the reliability diagram,
// expected / maximum calibration error (Guo et al. 2017) and the validation loss split into
// the part paid by correct and by wrong predictions. float64 accumulation throughout.
// K classes: calibration is top-label (Guo et al.): the confidence is the softmax probability
// of the predicted class, right or wrong as that class is the label or not.

import { argmaxRow, confidenceRow, crossEntropyRow } from './logitRows';
export { softmax2 } from './logitRows';
import { checkLogitShapes } from './metrics';
import type { Labels, ReliabilityDiagram } from '../types';

/** Guo et al. use 15 equal-width bins; so do we, so the numbers compare with the paper's. */
export const RELIABILITY_BINS = 15;

/** Bin edges 0, 1/bins, …, 1 (the last exactly 1). */
export function reliabilityEdges(bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`Need a positive whole number of bins, got ${bins}`);
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i / bins));
}

/** Bin of confidence c: edges[i] < c ≤ edges[i+1], with c = 0 in bin 0. Agrees with `edges` exactly. */
export function confidenceBin(confidence: number, edges: readonly number[]): number {
  const bins = edges.length - 1;
  // The arithmetic guess can be one off at an edge (rounding); the edges decide.
  let bin = Math.min(bins - 1, Math.max(0, Math.ceil(confidence * bins) - 1));
  while (bin > 0 && confidence <= edges[bin]) bin--;
  while (bin < bins - 1 && confidence > edges[bin + 1]) bin++;
  return bin;
}

function checkTemperature(temperature: number): void {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new Error(`Temperature must be positive and finite, got ${temperature}`);
  }
}

/** The examples to use: `indices` (each checked) or all of them. */
export function exampleIndices(count: number, indices?: ArrayLike<number>): ArrayLike<number> {
  if (indices === undefined) return Int32Array.from({ length: count }, (_, i) => i);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new Error(`Example index ${i} is outside 0..${count - 1}`);
    }
  }
  return indices;
}

/** How a diagram is asked for: bins (15), temperature (1), the examples (all). */
export interface DiagramOptions {
  bins?: number;
  temperature?: number;
  indices?: ArrayLike<number>;
}

/** The options with their defaults, each checked (and the logits' shape). */
function checkedDiagramOptions(
  logits: Float32Array,
  labels: Labels,
  options: DiagramOptions,
): { bins: number; temperature: number; indices: ArrayLike<number>; classes: number } {
  const classes = checkLogitShapes(logits, labels);
  const { bins = RELIABILITY_BINS, temperature = 1 } = options;
  checkTemperature(temperature);
  reliabilityEdges(bins); // checks `bins`
  return { bins, temperature, indices: exampleIndices(labels.length, options.indices), classes };
}

/**
 * Reliability diagram: confidence = top-label (max) softmax probability of logits/T, equal-width bins
 * over [0, 1]. Empty bins have accuracy = confidence = 0. Examples with a NaN logit (or
 * an infinite one, whose softmax is undefined) are skipped: they have no confidence to bin.
 */
export function reliabilityDiagram(
  logits: Float32Array,
  labels: Labels,
  options: DiagramOptions = {},
): ReliabilityDiagram {
  const { bins, temperature, indices } = checkedDiagramOptions(logits, labels, options);
  return reliabilityOfConfidences(confidences(logits, labels, indices, temperature), bins);
}

/** reliabilityDiagram from each example's confidence and correctness (`confidences`), for callers that have them. */
export function reliabilityOfConfidences(
  examples: TopLabel,
  bins = RELIABILITY_BINS,
): ReliabilityDiagram {
  const edges = reliabilityEdges(bins);
  const count = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  const confidenceSum = new Array<number>(bins).fill(0);
  for (let k = 0; k < examples.confidence.length; k++) {
    const confidence = examples.confidence[k];
    if (Number.isNaN(confidence)) continue;
    const bin = confidenceBin(confidence, edges);
    count[bin]++;
    confidenceSum[bin] += confidence;
    correct[bin] += examples.correct[k];
  }
  return {
    edges,
    count,
    accuracy: count.map((n, b) => (n > 0 ? correct[b] / n : 0)),
    confidence: count.map((n, b) => (n > 0 ? confidenceSum[b] / n : 0)),
  };
}

/**
 * ECE = Σ_b (n_b / N)·|acc_b − conf_b| and MCE = max_b |acc_b − conf_b| over non-empty bins.
 * NaN for both when no example was binned: there is nothing to measure.
 */
export function calibrationErrors(diagram: ReliabilityDiagram): { ece: number; mce: number } {
  const total = diagram.count.reduce((sum, n) => sum + n, 0);
  if (total === 0) return { ece: Number.NaN, mce: Number.NaN };
  let ece = 0;
  let mce = 0;
  diagram.count.forEach((n, b) => {
    if (n === 0) return;
    const gap = Math.abs(diagram.accuracy[b] - diagram.confidence[b]);
    ece += (n / total) * gap;
    if (gap > mce) mce = gap;
  });
  return { ece, mce };
}

/**
 * The mean cross-entropy split by who pays it: `correct` sums the losses of correctly
 * classified examples, `wrong` of the others, both divided by the TOTAL count, so
 * correct + wrong is the mean loss (validationMetrics' loss at T = 1). Same tie rule as
 * validationMetrics; a NaN logit makes its part NaN, as it makes the loss NaN.
 */
export function lossSplit(
  logits: Float32Array,
  labels: Labels,
  options: { temperature?: number; indices?: ArrayLike<number> } = {},
): { correct: number; wrong: number; wrongCount: number } {
  const classes = checkLogitShapes(logits, labels);
  const { temperature = 1 } = options;
  checkTemperature(temperature);
  const indices = exampleIndices(labels.length, options.indices);
  let correctSum = 0;
  let wrongSum = 0;
  let wrongCount = 0;
  for (let k = 0; k < indices.length; k++) {
    const offset = indices[k] * classes;
    const label = labels[indices[k]];
    const loss = crossEntropyRow(logits, offset, classes, label, temperature);
    if (argmaxRow(logits, offset, classes, temperature) === label) correctSum += loss;
    else {
      wrongSum += loss;
      wrongCount++;
    }
  }
  return { correct: correctSum / indices.length, wrong: wrongSum / indices.length, wrongCount };
}

/** How confidence is binned: equal-width bins over [0, 1], or equal-mass (adaptive) ones. */
export type Binning = 'equal-width' | 'equal-mass';

/**
 * Equal-mass (adaptive) bin of each example, given the examples in rising confidence order with
 * a weight each (how often it is counted: 1, or a bootstrap multiplicity): an example goes in
 * bin ⌊(weight before it) · bins / total⌋, so each bin holds ≈ total / bins, as in Nixon et al.
 * 2019. Equal confidences never straddle a boundary: a tie joins the bin of its first member, so
 * some bins may be empty (e.g. when many confidences round to exactly 1). Returns bin per position.
 */
export function equalMassBinsOfSorted(
  sortedConfidence: ArrayLike<number>,
  weight: ArrayLike<number> | null,
  bins: number,
): Int32Array {
  const n = sortedConfidence.length;
  let total = 0;
  for (let k = 0; k < n; k++) total += weight ? weight[k] : 1;
  const result = new Int32Array(n);
  let before = 0;
  for (let k = 0; k < n; k++) {
    result[k] =
      k > 0 && sortedConfidence[k] === sortedConfidence[k - 1]
        ? result[k - 1]
        : Math.min(bins - 1, Math.floor((before * bins) / total));
    before += weight ? weight[k] : 1;
  }
  return result;
}

/** Each example's top-label confidence and whether its prediction is right (1) or not (0). */
export type TopLabel = { confidence: Float64Array; correct: Uint8Array };

/**
 * Each example's top-label confidence (predicted class's probability at T) and whether it is
 * right; NaN confidence for a NaN logit. One pass over the logits; `indices` as given (checked
 * by the callers that take them from users).
 */
export function confidences(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
  temperature = 1,
): TopLabel {
  const classes = checkLogitShapes(logits, labels);
  const confidence = new Float64Array(indices.length);
  const correct = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const offset = indices[k] * classes;
    confidence[k] = confidenceRow(logits, offset, classes, temperature);
    correct[k] = argmaxRow(logits, offset, classes, temperature) === labels[indices[k]] ? 1 : 0;
  }
  return { confidence, correct };
}

/**
 * Reliability diagram over equal-mass bins: sorted by confidence, each of `bins` bins holds about
 * N / bins examples (ties kept together, see equalMassBinsOfSorted), empty bins dropped. Edges run
 * from 1/K (a top-label confidence is never lower: 0.5 for two classes) to 1; an inner edge sits
 * halfway between the highest confidence of one bin and the lowest of the next. Same skips as
 * reliabilityDiagram.
 */
export function equalMassDiagram(
  logits: Float32Array,
  labels: Labels,
  options: DiagramOptions = {},
): ReliabilityDiagram {
  const { bins, temperature, indices, classes } = checkedDiagramOptions(logits, labels, options);
  return equalMassOfConfidences(confidences(logits, labels, indices, temperature), classes, bins);
}

/** equalMassDiagram from `confidences`' readings of K-class logits, for callers that have them. */
export function equalMassOfConfidences(
  all: TopLabel,
  classes: number,
  bins = RELIABILITY_BINS,
): ReliabilityDiagram {
  const floor = 1 / classes;
  const order = Array.from({ length: all.confidence.length }, (_, k) => k)
    .filter((k) => !Number.isNaN(all.confidence[k]))
    .sort((a, b) => all.confidence[a] - all.confidence[b] || a - b);
  const sorted = order.map((k) => all.confidence[k]);
  const binOf = equalMassBinsOfSorted(sorted, null, bins);
  const edges = [floor];
  const count: number[] = [];
  const accuracy: number[] = [];
  const confidence: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end < order.length && binOf[end] === binOf[start]) end++;
    let correctCount = 0;
    let confidenceSum = 0;
    for (let p = start; p < end; p++) {
      correctCount += all.correct[order[p]];
      confidenceSum += sorted[p];
    }
    if (end < order.length) {
      const edge = (sorted[end - 1] + sorted[end]) / 2;
      // Neighbouring doubles can have no number between them: then the bins merge.
      if (!(edge > edges[edges.length - 1]) || !(edge < 1)) {
        binOf.fill(binOf[start], end, nextBinEnd(binOf, end));
        continue;
      }
      edges.push(edge);
    } else edges.push(1);
    count.push(end - start);
    accuracy.push(correctCount / (end - start));
    confidence.push(confidenceSum / (end - start));
    start = end;
  }
  if (count.length === 0) return { edges: [floor, 1], count: [0], accuracy: [0], confidence: [0] };
  return { edges, count, accuracy, confidence };
}

/** The end (exclusive) of the bin starting at `start`. */
function nextBinEnd(binOf: Int32Array, start: number): number {
  let end = start;
  while (end < binOf.length && binOf[end] === binOf[start]) end++;
  return end;
}
