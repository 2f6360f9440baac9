// The Brier score (Brier 1950) and its Murphy (1973) decomposition, from raw logits with plain
// numbers (no tf). Two classes: Brier = Σ_k (p_k − y_k)² = 2·(p₁ − y₁)², in [0, 2]. Unlike the
// cross-entropy it is bounded: a confidently wrong answer costs at most 2, not ever more nats.

import { softmax2 } from './calibration';
import { checkLogitShapes } from './metrics';
import type { BrierScore } from './types';

/** Equal-width bins of the forecast p₁ for the decomposition (tenths, the usual choice). */
export const BRIER_BINS = 10;

/** Two-class Brier score of one example: Σ_k (p_k − y_k)² = 2·(p₁ − y₁)². */
export function brierFromLogits(z0: number, z1: number, label: 0 | 1): number {
  const p1 = softmax2(z0, z1)[1];
  return 2 * (p1 - label) ** 2;
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
 *   withinBin   = (1/N) Σ_b Σ_{i∈b} [(f_i − f̄_b)² − 2(f_i − f̄_b)(o_i − ō_b)]
 *
 * (Stephenson et al. 2008). Murphy's original three terms are exact when every bin holds one
 * forecast value; binning adds `withinBin`, the forecasts' spread inside a bin, which is small
 * when the bins are narrow. Examples with a NaN or infinite logit are left out. NaN throughout
 * when none is left.
 */
export function brierDecomposition(
  logits: Float32Array,
  labels: Uint8Array,
  bins = BRIER_BINS,
): BrierScore {
  checkLogitShapes(logits, labels);
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`Need a positive number of bins, got ${bins}`);
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
  let withinBinSum = 0;
  for (let i = 0; i < total; i++) {
    const bin = forecastBin(forecasts[i], bins);
    const spread = forecasts[i] - meanForecast[bin];
    withinBinSum += spread * spread - 2 * spread * (outcomes[i] - frequency[bin]);
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
    withinBin: (2 * withinBinSum) / total,
    bins,
  };
}
