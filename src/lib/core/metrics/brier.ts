// The Brier score (Brier 1950) and its Murphy (1973) decomposition, from raw logits with plain
// numbers (no tf). Brier = Σ_k (p_k − y_k)² over the K classes, in [0, 2]; two classes:
// 2·(p₁ − y₁)². Unlike the cross-entropy it is bounded: a confidently wrong answer costs at
// most 2, not ever more nats.
//
// Why K > 2 gets the score without a decomposition: the top-label forecast (confidence vs
// correct) decomposes the top-label Brier (c − o)², which is only the predicted class's term of
// Σ_k (p_k − y_k)²; the other classes' terms Σ_{k≠top} (p_k − y_k)² are left over, so its parts
// would not sum to the score shown. (Summing K one-vs-rest decompositions would be exact: that
// is what the two-class ×2 is. Not done: K × bins parts nobody reads, and two passes of K
// exponentials per example.) The panels say the decomposition they show is for two classes.

import { softmax2 } from './calibration';
import { brierRow } from './logitRows';
import { checkLogitShapes } from './metrics';
import type { BrierDecomposed, BrierScore, BrierScoreOnly, Labels } from '../types';

/**
 * Equal-width bins of the forecast p₁ for the decomposition. Not the usual tenths: on the
 * recorded run 10 bins leave a within-bin term up to 2.2× reliability (median 0.27×), 50 keep it
 * within 3.9 % of reliability at every epoch (brier.recording.test.ts in core/files measures it).
 */
export const BRIER_BINS = 50;

/** Two-class Brier score of one example: Σ_k (p_k − y_k)² = 2·(p₁ − y₁)². */
export function brierFromLogits(z0: number, z1: number, label: 0 | 1): number {
  const p1 = softmax2(z0, z1)[1];
  return 2 * (p1 - label) ** 2;
}

function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`Need a positive number of bins, got ${bins}`);
}

/** Bin of forecast f ∈ [0, 1] among `bins` equal-width bins [i/bins, (i+1)/bins); 1 goes in the last. */
function forecastBin(forecast: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(forecast * bins)));
}

/**
 * Mean Brier score and its Murphy decomposition over `bins` equal-width bins of the forecast
 * f = p₁ (the probability of class 1), with the within-bin term that makes it exact:
 *
 *   Brier = reliability − resolution + uncertainty + withinBin, all ×2 for two classes, where
 *   reliability = Σ_b (n_b/N)(f̄_b − ō_b)²   (how far each bin's mean forecast is from its frequency)
 *   resolution  = Σ_b (n_b/N)(ō_b − ō)²     (how much the bins' frequencies differ from the base rate)
 *   uncertainty = ō(1 − ō)                   (the base rate's own variance: the data, not the model)
 *   withinBin   = withinBinVariance − withinBinCovariance, where
 *   withinBinVariance   = (1/N) Σ_b Σ_{i∈b} (f_i − f̄_b)²             (the forecasts' spread in a bin)
 *   withinBinCovariance = (2/N) Σ_b Σ_{i∈b} (f_i − f̄_b)(o_i − ō_b)   (how that spread follows the outcomes)
 *
 * (Stephenson, Coelho & Jolliffe 2008, their WBV and WBC). Murphy's original three terms are
 * exact when every bin holds one forecast value; binning adds `withinBin`, which shrinks as the
 * bins narrow but is not small by itself: state/story words its share of reliability. Examples with a NaN or infinite logit are left out. NaN throughout
 * when none is left.
 */
export function brierDecomposition(
  logits: Float32Array,
  labels: Labels,
  bins = BRIER_BINS,
): BrierDecomposed {
  const classes = checkLogitShapes(logits, labels);
  if (classes !== 2) {
    throw new Error(
      `The Murphy decomposition here is for two classes, not ${classes} (brierScore)`,
    );
  }
  checkBins(bins);
  const forecasts: number[] = [];
  const outcomes: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const z0 = logits[2 * i];
    const z1 = logits[2 * i + 1];
    if (!Number.isFinite(z0) || !Number.isFinite(z1)) continue;
    forecasts.push(softmax2(z0, z1)[1]);
    outcomes.push(labels[i] === 1 ? 1 : 0);
  }
  const total = forecasts.length;
  if (total === 0) {
    const nan = Number.NaN;
    return {
      score: nan,
      reliability: nan,
      resolution: nan,
      uncertainty: nan,
      withinBin: nan,
      withinBinVariance: nan,
      withinBinCovariance: nan,
      bins,
    };
  }
  const count = new Array<number>(bins).fill(0);
  const forecastSum = new Array<number>(bins).fill(0);
  const outcomeSum = new Array<number>(bins).fill(0);
  let squaredErrorSum = 0;
  let outcomeTotal = 0;
  for (let i = 0; i < total; i++) {
    const bin = forecastBin(forecasts[i], bins);
    count[bin]++;
    forecastSum[bin] += forecasts[i];
    outcomeSum[bin] += outcomes[i];
    outcomeTotal += outcomes[i];
    squaredErrorSum += (forecasts[i] - outcomes[i]) ** 2;
  }
  const baseRate = outcomeTotal / total;
  const meanForecast = count.map((n, b) => (n > 0 ? forecastSum[b] / n : 0));
  const frequency = count.map((n, b) => (n > 0 ? outcomeSum[b] / n : 0));
  let varianceSum = 0;
  let covarianceSum = 0;
  for (let i = 0; i < total; i++) {
    const bin = forecastBin(forecasts[i], bins);
    const spread = forecasts[i] - meanForecast[bin];
    varianceSum += spread * spread;
    covarianceSum += 2 * spread * (outcomes[i] - frequency[bin]);
  }
  let reliability = 0;
  let resolution = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    reliability += (count[b] / total) * (meanForecast[b] - frequency[b]) ** 2;
    resolution += (count[b] / total) * (frequency[b] - baseRate) ** 2;
  }
  // ×2: the two-class score counts both classes' squared errors, which are equal.
  return {
    score: (2 * squaredErrorSum) / total,
    reliability: 2 * reliability,
    resolution: 2 * resolution,
    uncertainty: 2 * baseRate * (1 - baseRate),
    withinBin: (2 * (varianceSum - covarianceSum)) / total,
    withinBinVariance: (2 * varianceSum) / total,
    withinBinCovariance: (2 * covarianceSum) / total,
    bins,
  };
}

/**
 * The Brier score of any K ≥ 2 classes: for two, brierDecomposition (score and parts); for more,
 * the mean Σ_k (p_k − y_k)² alone, its parts null (why: the comment atop this file). Examples
 * whose softmax is undefined (a NaN or +∞ logit) are left out; NaN when none is left. One pass
 * over the logits.
 */
export function brierScore(logits: Float32Array, labels: Labels, bins = BRIER_BINS): BrierScore {
  const classes = checkLogitShapes(logits, labels);
  if (classes === 2) return brierDecomposition(logits, labels, bins);
  checkBins(bins);
  let sum = 0;
  let counted = 0;
  for (let i = 0, offset = 0; i < labels.length; i++, offset += classes) {
    const score = brierRow(logits, offset, classes, labels[i]);
    // NaN exactly when a logit is NaN or infinite (its softmax is undefined).
    if (Number.isNaN(score)) continue;
    sum += score;
    counted++;
  }
  const result: BrierScoreOnly = {
    score: sum / counted,
    reliability: null,
    resolution: null,
    uncertainty: null,
    withinBin: null,
    withinBinVariance: null,
    withinBinCovariance: null,
    bins,
    classCount: classes,
  };
  return result;
}
