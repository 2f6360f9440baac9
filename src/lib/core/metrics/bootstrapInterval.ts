// From bootstrap replicates to an interval for the population ECE. Binned ECE is biased upward
// (|noise| adds to every bin's gap, most where the true gap is near 0), and a resample adds that
// bias again, so the percentile band of the replicates sits above the estimate and misses the
// population value. The basic bootstrap (Davison & Hinkley 1997, §5.2) reflects the replicates
// about the plug-in value instead: the spread θ* − θ̂ stands in for θ̂ − θ, which also takes the
// bias out once. docs/ece-coverage.md measures what the band covers.

import type { EceBand } from '../types';

/** The q-quantile of sorted values, linear between order statistics (type 7, R's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * ECE is a weighted mean of absolute gaps, so the population value lies in [0, 1]: an end of
 * the reflected band past either bound says nothing more than the bound (and a run file holds
 * probabilities there).
 */
function clampToProbability(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * The bias-corrected estimate 2θ̂ − mean(θ*) and the basic-bootstrap band
 * [2θ̂ − q_(1+level)/2, 2θ̂ − q_(1−level)/2] from the plug-in value θ̂ and its replicates θ*
 * (any order; sorted here, in place). All three clamped to [0, 1]; NaN when there are none.
 */
export function basicBootstrapBand(plugIn: number, replicates: number[], level: number): EceBand {
  if (replicates.length === 0) return { low: Number.NaN, high: Number.NaN, estimate: Number.NaN };
  const sorted = replicates.sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    low: clampToProbability(2 * plugIn - quantile(sorted, (1 + level) / 2)),
    high: clampToProbability(2 * plugIn - quantile(sorted, (1 - level) / 2)),
    estimate: clampToProbability(2 * plugIn - mean),
  };
}
