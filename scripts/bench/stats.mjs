// Pure statistics helpers of the bench (unit-tested in stats.test.ts). A figure that was not
// measured stays `{ missing: reason }` and prints as "n/a (reason)", never a made-up number.

/**
 * @param {readonly number[]} values
 * @returns {number[]} finite values, ascending
 */
function sortedFinite(values) {
  return values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
}

/**
 * Quantile with linear interpolation between order statistics (R type 7, NumPy's default).
 * @param {readonly number[]} values
 * @param {number} q in [0, 1]
 * @returns {number | null} null when there is no finite value
 */
export function quantile(values, q) {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** @param {readonly number[]} values */
export const median = (values) => quantile(values, 0.5);

/**
 * @typedef {object} Summary
 * @property {number} n
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} p25
 * @property {number} p75
 */

/**
 * @param {readonly number[]} values
 * @returns {Summary | null} null when there is no finite value
 */
export function summarize(values) {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  return {
    n: sorted.length,
    median: /** @type {number} */ (quantile(sorted, 0.5)),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p25: /** @type {number} */ (quantile(sorted, 0.25)),
    p75: /** @type {number} */ (quantile(sorted, 0.75)),
  };
}

/**
 * Images per second of one timed epoch.
 * @param {{ ms: number, images: number }} sample
 * @returns {number}
 */
export function imagesPerSecond({ ms, images }) {
  if (!(ms > 0) || !(images >= 0))
    throw new RangeError(`Bad epoch sample: ${images} images in ${ms} ms`);
  return (images * 1000) / ms;
}

/**
 * Ratios a[i] / b[i] of paired measurements (same round), skipping pairs with a missing side.
 * @param {readonly number[]} a
 * @param {readonly number[]} b
 */
export function pairedRatios(a, b) {
  if (a.length !== b.length) throw new RangeError(`Unpaired: ${a.length} vs ${b.length} values`);
  /** @type {number[]} */
  const ratios = [];
  a.forEach((value, i) => {
    if (Number.isFinite(value) && Number.isFinite(b[i]) && b[i] !== 0) ratios.push(value / b[i]);
  });
  return ratios;
}

/**
 * Whether the sequence never falls by more than `tolerance` (relative) from one value to the next.
 * @param {readonly number[]} values
 * @param {number} [tolerance] e.g. 0.05 accepts a 5 % dip as noise
 */
export function isNonDecreasing(values, tolerance = 0) {
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1] * (1 - tolerance)) return false;
  }
  return true;
}

/**
 * Least-squares line y = slope·x + intercept and its R², for "cost grows linearly with data".
 * @param {readonly number[]} xs
 * @param {readonly number[]} ys
 * @returns {{ slope: number, intercept: number, r2: number } | null} null with < 2 distinct xs
 */
export function linearFit(xs, ys) {
  if (xs.length !== ys.length) throw new RangeError('linearFit needs as many xs as ys');
  const n = xs.length;
  if (n < 2) return null;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
    syy += (ys[i] - meanY) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: meanY - slope * meanX, r2 };
}

/**
 * A measured number, or why there is none. Kept apart from formatting so results.json holds
 * the same distinction: a figure is either `{ value }` or `{ missing: reason }`.
 * @typedef {{ value: number } | { missing: string }} Figure
 */

/**
 * @param {number | null | undefined} value
 * @param {string} reasonIfMissing
 * @returns {Figure}
 */
export function figure(value, reasonIfMissing) {
  return typeof value === 'number' && Number.isFinite(value)
    ? { value }
    : { missing: reasonIfMissing };
}
