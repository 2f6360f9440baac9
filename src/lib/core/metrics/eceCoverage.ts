// How often the worker's ECE band (bootstrap.ts, as the worker calls it) holds the population
// ECE, measured by simulation: a population whose confidences are given (e.g. one recorded
// epoch's) and whose accuracy per confidence is set so that its binned ECE is known, then many
// validation sets drawn from it, each scored as the worker scores an epoch. The truth is the
// population's binned ECE over the same fixed equal-width edges. docs/ece-coverage.md reports it.

import { eceBootstrapOfConfidences } from './bootstrap';
import {
  calibrationErrors,
  confidenceBin,
  RELIABILITY_BINS,
  reliabilityEdges,
  reliabilityOfConfidences,
} from './calibration';
import { mulberry32 } from '../prng';

/** Where the miscalibration lies: every bin over-confident by the same gap, or one bin only. */
export type ErrorPlacement = 'spread' | 'one-bin';

export interface CoverageScenario {
  /** The population's top-label confidences, each equally likely (its support). */
  population: Float64Array;
  /** The population's binned ECE to build in. */
  trueEce: number;
  /** Examples per simulated validation set. */
  examples: number;
  placement: ErrorPlacement;
  /** Simulated validation sets. */
  sets: number;
  /** Seeds the draws of the sets (the bootstrap keeps the worker's own seed). */
  seed: number;
}

export interface Population {
  /** Chance of being right at each support point. */
  accuracy: Float64Array;
  /** The population's binned ECE, Σ_b P(b)·|E[accuracy − confidence | b]|. */
  truth: number;
  /** The bin that holds the error under 'one-bin' (the most populated); null when spread. */
  errorBin: number | null;
}

/**
 * Accuracies that make `population` over-confident with binned ECE `trueEce`: confidence − δ
 * everywhere (δ = trueEce, every bin's gap the same sign), or confidence − trueEce / P(b*) in the
 * most populated bin b* and calibrated elsewhere. Throws when an accuracy would leave [0, 1].
 */
export function overconfidentPopulation(
  population: Float64Array,
  trueEce: number,
  placement: ErrorPlacement,
  bins = RELIABILITY_BINS,
): Population {
  const edges = reliabilityEdges(bins);
  const bin = Int32Array.from(population, (c) => confidenceBin(c, edges));
  const counts = new Array<number>(bins).fill(0);
  for (const b of bin) counts[b]++;
  const errorBin = placement === 'one-bin' ? counts.indexOf(Math.max(...counts)) : null;
  const gap = errorBin === null ? trueEce : (trueEce * population.length) / counts[errorBin];
  const accuracy = population.map((c, i) =>
    errorBin === null || bin[i] === errorBin ? c - gap : c,
  );
  if (accuracy.some((p) => p < 0 || p > 1)) {
    throw new Error(`An ECE of ${trueEce} (${placement}) needs an accuracy outside [0, 1]`);
  }
  return { accuracy, truth: populationEce(population, accuracy, bins), errorBin };
}

/** Σ_b P(b)·|mean accuracy − mean confidence in b| over fixed equal-width edges. */
export function populationEce(
  population: Float64Array,
  accuracy: Float64Array,
  bins = RELIABILITY_BINS,
): number {
  const edges = reliabilityEdges(bins);
  const gapSum = new Array<number>(bins).fill(0);
  population.forEach((c, i) => (gapSum[confidenceBin(c, edges)] += accuracy[i] - c));
  return gapSum.reduce((sum, gap) => sum + Math.abs(gap), 0) / population.length;
}

export interface CoverageResult {
  sets: number;
  /** Sets whose equal-width band held the truth. */
  covered: number;
  truth: number;
  errorBin: number | null;
  /** Means over the sets: plug-in ECE, corrected estimate, band width. */
  meanPlugIn: number;
  meanEstimate: number;
  meanWidth: number;
}

/** Draws `sets` validation sets from the population and counts the bands that hold its ECE. */
export function simulateCoverage(scenario: CoverageScenario): CoverageResult {
  const { population, trueEce, examples, placement, sets, seed } = scenario;
  const { accuracy, truth, errorBin } = overconfidentPopulation(population, trueEce, placement);
  const random = mulberry32(seed);
  const confidence = new Float64Array(examples);
  const correct = new Uint8Array(examples);
  let covered = 0;
  let plugInSum = 0;
  let estimateSum = 0;
  let widthSum = 0;
  for (let set = 0; set < sets; set++) {
    for (let k = 0; k < examples; k++) {
      const i = Math.floor(random() * population.length);
      confidence[k] = population[i];
      correct[k] = random() < accuracy[i] ? 1 : 0;
    }
    const band = eceBootstrapOfConfidences({ confidence, correct }).equalWidth;
    if (band.low <= truth && truth <= band.high) covered++;
    plugInSum += calibrationErrors(reliabilityOfConfidences({ confidence, correct })).ece;
    estimateSum += band.estimate ?? Number.NaN;
    widthSum += band.high - band.low;
  }
  return {
    sets,
    covered,
    truth,
    errorBin,
    meanPlugIn: plugInSum / sets,
    meanEstimate: estimateSum / sets,
    meanWidth: widthSum / sets,
  };
}
