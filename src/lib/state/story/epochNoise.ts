// When a change between two epochs is worth a word. A validation figure wobbles from epoch to
// epoch (another step of SGD, 2000 images): on the recorded run NLL moves by ±5–25 % between
// neighbouring epochs while its trend over 25 epochs is +42 %. A caption names a rise only when
// it is larger than that wobble, measured on the run's own series. Pure.

/** A move counts only beyond this many noise units (≈ 2 SD: a two-sided 5 % test for a normal change). */
export const NOISE_MULTIPLE = 2;

/** The median absolute deviation times this estimates the SD of normally distributed changes. */
const MAD_TO_SD = 1.4826;

/** Fewer epoch-to-epoch changes than this give no noise estimate (NaN): too short to tell. */
export const MIN_CHANGES_FOR_NOISE = 3;

/**
 * How a series' changes are measured: `relative` (to/from − 1, for losses and scores whose size
 * varies) or `points` (to − from, for rates such as accuracy).
 */
export type ChangeScale = 'relative' | 'points';

export function changeBetween(from: number, to: number, scale: ChangeScale): number {
  return scale === 'relative' ? to / from - 1 : to - from;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The series' epoch-to-epoch noise: the robust SD (1.4826 × median absolute deviation) of its
 * changes between neighbouring epochs. Centred on the median change, so a steady trend is not
 * counted as noise; robust, so one jump does not hide every later rise. Non-finite values are
 * skipped; NaN with fewer than MIN_CHANGES_FOR_NOISE changes.
 */
export function epochNoise(values: readonly number[], scale: ChangeScale): number {
  const changes: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const change = changeBetween(values[i - 1], values[i], scale);
    if (Number.isFinite(change)) changes.push(change);
  }
  if (changes.length < MIN_CHANGES_FOR_NOISE) return Number.NaN;
  const centre = median(changes);
  return MAD_TO_SD * median(changes.map((change) => Math.abs(change - centre)));
}

/** `up`/`down` beyond NOISE_MULTIPLE × noise; `within-noise` inside it; `unknown` without a noise estimate. */
export type Move = 'up' | 'down' | 'within-noise' | 'unknown';

export function moveBeyondNoise(change: number, noise: number): Move {
  if (!Number.isFinite(change) || !Number.isFinite(noise)) return 'unknown';
  if (Math.abs(change) <= NOISE_MULTIPLE * noise) return 'within-noise';
  return change > 0 ? 'up' : 'down';
}
