// Bootstrap intervals for the population ECE (Efron 1979): resample the validation set with
// replacement, recompute ECE, and turn the replicates into a bias-corrected estimate and a
// basic-bootstrap band (bootstrapInterval.ts says why not the percentile band). ECE from a few
// thousand examples is itself a noisy, upward-biased estimate; the band says where the value for
// all images like these lies. Plain numbers, seeded (our own PRNG), so the same logits always
// give the same interval.

import {
  confidences,
  confidenceBin,
  exampleIndices,
  RELIABILITY_BINS,
  reliabilityEdges,
  type TopLabel,
} from './calibration';
import { checkLogitShapes } from './metrics';
import { basicBootstrapBand } from './bootstrapInterval';
import type { EceInterval, Labels } from '../types';

/**
 * 1,000 resamples: the band's ends are the 5 % and 95 % quantiles, which 200 left to about ten
 * replicates each. Measured in Node (docs/ece-coverage.md): 1,000 resamples of 2,000 examples,
 * both binnings, take about 32 ms warm on a quiet core (245 ms at load 12 on 2 cores), against
 * seconds for the epoch's training.
 */
export const BOOTSTRAP_RESAMPLES = 1000;
/** What the worker writes into a run's eceInterval; files from before it read as 'percentile'. */
export const BOOTSTRAP_METHOD = 'basic-bootstrap';
export const BOOTSTRAP_LEVEL = 0.9;
/** Fixed, so an epoch's interval depends on its logits only: reruns and replays draw the same resamples. */
export const BOOTSTRAP_SEED = 20_171_111;

// ECE of one resample, Σ_b (w_b / W)·|acc_b − conf_b|, with W exactly n (the number of
// draws). Positions are sorted by confidence, so each bin is one run of positions: a run's sums
// live in locals and its term is added when the run ends, the same additions in the same order
// as summing per bin and then over the bins. A weight of 0 adds +0 to sums that start at +0: no
// change, so no branch for it. Both binnings share this pass; each gives the bin per position.

/** The examples sorted by confidence, and one resample's draw count per sorted position. */
interface SortedResample {
  weight: Uint32Array;
  confidence: Float64Array;
  correct: Uint8Array;
}

/** Over bins fixed per sorted position (`binOf`, nondecreasing). */
function binnedEce({ weight, confidence, correct }: SortedResample, binOf: Int32Array): number {
  const n = weight.length;
  let ece = 0;
  let run = binOf[0];
  let count = 0;
  let correctSum = 0;
  let confidenceSum = 0;
  for (let k = 0; k < n; k++) {
    if (binOf[k] !== run) {
      if (count > 0) ece += Math.abs(correctSum - confidenceSum) / n;
      run = binOf[k];
      count = 0;
      correctSum = 0;
      confidenceSum = 0;
    }
    const w = weight[k];
    count += w;
    correctSum += w * correct[k];
    confidenceSum += w * confidence[k];
  }
  if (count > 0) ece += Math.abs(correctSum - confidenceSum) / n;
  return ece;
}

/**
 * The equal-mass bin of every sorted position in this resample, written into `into`:
 * equalMassBinsOfSorted's rule inline, bin min(bins − 1, ⌊weight before · bins / n⌋), a tie
 * joining its first member's bin.
 */
function equalMassBins(
  { weight, confidence }: SortedResample,
  bins: number,
  into: Int32Array,
): Int32Array {
  const n = weight.length;
  let bin = 0;
  let before = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && confidence[k] !== confidence[k - 1]) {
      bin = Math.min(bins - 1, Math.floor((before * bins) / n));
    }
    into[k] = bin;
    before += weight[k];
  }
  return into;
}

/**
 * One resample as counts: clears `weight` and adds 1 at ⌊u·n⌋ for each of n draws u of
 * mulberry32 (core/prng.ts) from `state`; returns the state after them. The same stream as
 * mulberry32(seed)() (a test holds them together), written out here because the closure keeps
 * its state above 2^31 in a heap number, allocating per call: 200 resamples × N draws were most
 * of an epoch's scoring time, and this loop is three times faster.
 */
export function drawResampleCounts(weight: Uint32Array, state: number): number {
  const n = weight.length;
  weight.fill(0);
  for (let draw = 0; draw < n; draw++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    weight[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]++;
  }
  return state;
}

/**
 * Basic-bootstrap interval and bias-corrected estimate of the population ECE under equal-width
 * and equal-mass binning (15 bins each): `resamples` times, draw N examples with replacement (as
 * counts per example), recompute both ECEs with the bins recomputed for the resample (equal-mass
 * bins move with the data), then reflect the replicates about the plug-in ECE
 * (bootstrapInterval.ts). Confidence is top-label, so any K works.
 * Examples with a NaN logit are left out; NaN bounds when none is left. Each resample is linear
 * in N: N draws, one pass for the equal-mass bins, one per binning (the sort is done once, before them).
 */
export function eceBootstrap(
  logits: Float32Array,
  labels: Labels,
  options: BootstrapOptions = {},
): EceInterval {
  checkLogitShapes(logits, labels);
  return eceBootstrapOfConfidences(
    confidences(logits, labels, exampleIndices(labels.length)),
    options,
  );
}

export interface BootstrapOptions {
  resamples?: number;
  level?: number;
  seed?: number;
  bins?: number;
}

/**
 * eceBootstrap from each example's top-label confidence and correctness (calibration.ts
 * confidences), for callers that have them already (core/metrics/epochMetrics.ts).
 */
export function eceBootstrapOfConfidences(
  all: TopLabel,
  options: BootstrapOptions = {},
): EceInterval {
  const {
    resamples = BOOTSTRAP_RESAMPLES,
    level = BOOTSTRAP_LEVEL,
    seed = BOOTSTRAP_SEED,
    bins = RELIABILITY_BINS,
  } = options;
  // Sorted once by confidence: a resample is then a weight per sorted position, already in order.
  const order = Array.from({ length: all.confidence.length }, (_, i) => i)
    .filter((i) => !Number.isNaN(all.confidence[i]))
    .sort((a, b) => all.confidence[a] - all.confidence[b] || a - b);
  const n = order.length;
  const confidence = Float64Array.from(order, (i) => all.confidence[i]);
  const correct = Uint8Array.from(order, (i) => all.correct[i]);
  const edges = reliabilityEdges(bins);
  const widthBin = Int32Array.from(confidence, (c) => confidenceBin(c, edges));
  let state = seed >>> 0;
  const weight = new Uint32Array(n);
  const resample: SortedResample = { weight, confidence, correct };
  const massBin = new Int32Array(n);
  // The plug-in ECE: every example drawn once, through the same passes as a resample.
  weight.fill(1);
  const widthPlugIn = binnedEce(resample, widthBin);
  const massPlugIn = binnedEce(resample, equalMassBins(resample, bins, massBin));
  const widthValues: number[] = [];
  const massValues: number[] = [];
  for (let r = 0; r < resamples && n > 0; r++) {
    state = drawResampleCounts(weight, state);
    widthValues.push(binnedEce(resample, widthBin));
    massValues.push(binnedEce(resample, equalMassBins(resample, bins, massBin)));
  }
  return {
    method: BOOTSTRAP_METHOD,
    level,
    resamples,
    seed,
    equalWidth: basicBootstrapBand(widthPlugIn, widthValues, level),
    equalMass: basicBootstrapBand(massPlugIn, massValues, level),
  };
}
