// Statistics over seeds: an arm's spread, and the one rule for "beyond seed noise": the 95 %
// paired-t interval over seeds of the difference to the reference arm excludes 0. Seeds pair
// up because the same seed means the same initial weights, data sample and batch order, so the
// seed's own luck cancels in the difference. With one seed there is no spread to judge by, and
// nothing is beyond noise.

import { studentTQuantile } from './tQuantile';

/** The interval's level. */
export const SEED_NOISE_LEVEL = 0.95;

/** Mean, sample standard deviation (n − 1) and range of one figure over seeds. */
export interface SeedSpread {
  count: number;
  mean: number;
  /** NaN with fewer than two seeds: one value has no spread. */
  sd: number;
  min: number;
  max: number;
}

/** The spread of `values`; NaN figures when any value is NaN (a figure a run could not give). */
export function seedSpread(values: readonly number[]): SeedSpread {
  const count = values.length;
  if (count === 0 || values.some(Number.isNaN)) {
    return { count, mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN };
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return {
    count,
    mean,
    sd: count > 1 ? Math.sqrt(squares / (count - 1)) : Number.NaN,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

const criticalValues = new Map<number, number>();

/** t(0.975, df), worked out once per df: a table fills the same role, but could stop at df 9. */
export function criticalT(df: number): number {
  let value = criticalValues.get(df);
  if (value === undefined) {
    value = studentTQuantile(1 - (1 - SEED_NOISE_LEVEL) / 2, df);
    criticalValues.set(df, value);
  }
  return value;
}

/** An arm against the reference, seed by seed. */
export interface PairedDifference {
  /** Seeds both arms ran. */
  pairs: number;
  /** Mean of arm − reference over the pairs. */
  mean: number;
  /** The 95 % paired-t interval of that mean; NaN bounds with fewer than two pairs. */
  low: number;
  high: number;
  /** Mean and sd over the pairs of (arm − reference) / reference: "cut NLL by 38 % (± 4 %)". */
  relativeMean: number;
  relativeSd: number;
  /** The interval excludes 0. Never with one pair. */
  beyondNoise: boolean;
}

/**
 * Pairs `arm` and `reference` by seed (seeds only one of them ran are left out) and returns the
 * difference's mean and its paired-t interval: mean ± t(0.975, n − 1) · sd / √n.
 */
export function pairedDifference(
  arm: ReadonlyMap<number, number>,
  reference: ReadonlyMap<number, number>,
): PairedDifference {
  const differences: number[] = [];
  const relative: number[] = [];
  for (const [seed, value] of arm) {
    const base = reference.get(seed);
    if (base === undefined) continue;
    differences.push(value - base);
    relative.push((value - base) / base);
  }
  const spread = seedSpread(differences);
  const relativeSpread = seedSpread(relative);
  const half = criticalT(spread.count - 1) * (spread.sd / Math.sqrt(spread.count));
  const low = spread.mean - half;
  const high = spread.mean + half;
  return {
    pairs: spread.count,
    mean: spread.mean,
    low,
    high,
    relativeMean: relativeSpread.mean,
    relativeSd: relativeSpread.sd,
    // NaN bounds (one pair, a NaN figure) compare false both ways: not beyond noise.
    beyondNoise: low > 0 || high < 0,
  };
}
