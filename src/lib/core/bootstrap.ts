// Bootstrap intervals for ECE (Efron 1979, percentile method): resample the validation set with
// replacement, recompute ECE, and read the interval off the resampled values. ECE from a few
// thousand examples is itself a noisy estimate; the band says how much it could move. Plain
// numbers, seeded (our own PRNG), so the same logits always give the same interval.

import {
  confidences,
  confidenceBin,
  equalMassBinsOfSorted,
  exampleIndices,
  RELIABILITY_BINS,
  reliabilityEdges,
} from './calibration';
import { checkLogitShapes } from './metrics';
import { mulberry32 } from './prng';
import type { EceInterval, Labels } from './types';

/** At least 200 resamples (the floor); 200 keep the 5 % / 95 % percentiles within ≈ ±1 ECE-noise step. */
export const BOOTSTRAP_RESAMPLES = 200;
export const BOOTSTRAP_LEVEL = 0.9;
/** Fixed, so an epoch's interval depends on its logits only: reruns and replays draw the same resamples. */
export const BOOTSTRAP_SEED = 20_171_111;

/** ECE of weighted examples over per-position bins: Σ_b (w_b / W)·|acc_b − conf_b|. */
function weightedEce(
  binOf: ArrayLike<number>,
  confidence: ArrayLike<number>,
  correct: ArrayLike<number>,
  weight: ArrayLike<number>,
  bins: number,
): number {
  const count = new Float64Array(bins);
  const correctSum = new Float64Array(bins);
  const confidenceSum = new Float64Array(bins);
  let total = 0;
  for (let k = 0; k < binOf.length; k++) {
    const w = weight[k];
    if (w === 0) continue;
    count[binOf[k]] += w;
    correctSum[binOf[k]] += w * correct[k];
    confidenceSum[binOf[k]] += w * confidence[k];
    total += w;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] > 0) ece += Math.abs(correctSum[b] - confidenceSum[b]) / total;
  }
  return ece;
}

/** The q-quantile of sorted values, linear between order statistics (type 7, R's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Percentile-bootstrap interval of ECE under equal-width and equal-mass binning (15 bins each):
 * `resamples` times, draw N examples with replacement (as counts per example), recompute both
 * ECEs with the bins recomputed for the resample (equal-mass bins move with the data), and take
 * the (1 − level)/2 and (1 + level)/2 quantiles. Confidence is top-label, so any K works.
 * Examples with a NaN logit are left out; NaN bounds when none is left. Each resample is linear
 * in N: N draws, then one pass for each binning (the sort is done once, before them).
 */
export function eceBootstrap(
  logits: Float32Array,
  labels: Labels,
  options: { resamples?: number; level?: number; seed?: number; bins?: number } = {},
): EceInterval {
  checkLogitShapes(logits, labels);
  const {
    resamples = BOOTSTRAP_RESAMPLES,
    level = BOOTSTRAP_LEVEL,
    seed = BOOTSTRAP_SEED,
    bins = RELIABILITY_BINS,
  } = options;
  const all = confidences(logits, labels, exampleIndices(labels.length));
  // Sorted once by confidence: a resample is then a weight per sorted position, already in order.
  const order = Array.from({ length: labels.length }, (_, i) => i)
    .filter((i) => !Number.isNaN(all.confidence[i]))
    .sort((a, b) => all.confidence[a] - all.confidence[b] || a - b);
  const n = order.length;
  const confidence = Float64Array.from(order, (i) => all.confidence[i]);
  const correct = Uint8Array.from(order, (i) => all.correct[i]);
  const edges = reliabilityEdges(bins);
  const widthBin = Int32Array.from(confidence, (c) => confidenceBin(c, edges));
  const random = mulberry32(seed);
  const weight = new Uint32Array(n);
  const widthValues: number[] = [];
  const massValues: number[] = [];
  for (let r = 0; r < resamples && n > 0; r++) {
    weight.fill(0);
    for (let draw = 0; draw < n; draw++) weight[Math.floor(random() * n)]++;
    widthValues.push(weightedEce(widthBin, confidence, correct, weight, bins));
    const massBin = equalMassBinsOfSorted(confidence, weight, bins);
    massValues.push(weightedEce(massBin, confidence, correct, weight, bins));
  }
  const interval = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    return { low: quantile(sorted, (1 - level) / 2), high: quantile(sorted, (1 + level) / 2) };
  };
  return {
    level,
    resamples,
    seed,
    equalWidth: interval(widthValues),
    equalMass: interval(massValues),
  };
}
