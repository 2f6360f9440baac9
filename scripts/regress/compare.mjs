// The judgements of a regression run as plain functions over plain data (compare.test.ts):
// reading regress/spec.json, a run against its baseline, the spread between repeats or
// backends, and the phenomenon (the curves' SVG: curves.mjs). e2e/regress.spec.ts turns them into
// `expect` assertions; the format is in regress/README.md.

/** Per-epoch metrics kept in a baseline and compared; imagesPerSecond is timing, not numerics. */
export const METRICS = [
  'validationLoss',
  'validationAccuracy',
  'trainLoss',
  'trainAccuracy',
  'ece',
  'mce',
  'validationLossWrong',
];

/**
 * A value passes when |now − baseline| ≤ abs + rel·|baseline|. Losses span 0.01–5 (relative
 * part); accuracies are fractions, 0.002 = one example in 500; calibration errors are fractions.
 * @type {Record<string, Tolerance>}
 */
export const DEFAULT_TOLERANCES = {
  validationLoss: { abs: 1e-4, rel: 1e-3 },
  validationAccuracy: { abs: 0.002, rel: 0 },
  trainLoss: { abs: 1e-4, rel: 1e-3 },
  trainAccuracy: { abs: 0.002, rel: 0 },
  ece: { abs: 1e-3, rel: 0 },
  mce: { abs: 1e-2, rel: 0 },
  validationLossWrong: { abs: 1e-4, rel: 1e-3 },
};

export const BASELINE_FORMAT = 'overconfidence-playground/regress-baseline@1';

/**
 * @typedef {{ abs: number, rel: number }} Tolerance
 * @typedef {object} SpecEntry
 * @property {string} name
 * @property {string} hash settings without backend/autostart (the test adds those)
 * @property {string[]} backends
 * @property {boolean} baseline compare with regress/baselines/<name>.<backend>.json
 * @property {Record<string, Tolerance>} tolerance every metric's, defaults merged in
 * @property {number} repeat runs per backend; ≥ 2 checks that repeats match
 * @property {number} repeatTolerance largest allowed validationLoss difference between repeats
 * @property {{ lossRiseAtLeast?: number, accuracyWithinPoints?: number } | null} expect
 * @property {{ metric: string, epoch: number, tolerance: number } | null} agree
 * @property {number} timeoutSeconds per run
 */

const ENTRY_KEYS = [
  ...['name', 'description', 'hash', 'backends', 'baseline', 'tolerance', 'repeat'],
  ...['repeatTolerance', 'expect', 'agree', 'timeoutSeconds'],
];

/**
 * Checks the spec so a typo fails at collection time with its place named, not after minutes.
 * @param {unknown} raw the parsed JSON
 * @param {string[]} knownBackends a backend outside this list fails loudly
 * @returns {SpecEntry[]}
 */
export function parseSpec(raw, knownBackends) {
  const check = (/** @type {unknown} */ ok, /** @type {string} */ message) => {
    if (!ok) throw new Error(`regress/spec.json: ${message}`);
  };
  check(Array.isArray(raw), 'expected a list of runs');
  const names = new Set();
  return /** @type {any[]} */ (raw).map((entry, index) => {
    const name = entry?.name;
    check(/^[a-z0-9][a-z0-9-]*$/.test(name ?? ''), `entry ${index + 1}: name must be a-z0-9-`);
    check(!names.has(name), `two entries are named "${name}"`);
    names.add(name);
    const unknown = Object.keys(entry).filter((key) => !ENTRY_KEYS.includes(key));
    check(unknown.length === 0, `${name}: unknown key ${unknown.join(', ')}`);
    check(typeof entry.hash === 'string', `${name}: hash must be text`);
    check(!/(^|&)(backend|autostart)=/.test(entry.hash), `${name}: leave backend out of hash`);
    const backends = entry.backends;
    check(Array.isArray(backends) && backends.length > 0, `${name}: backends must be a list`);
    for (const backend of backends) {
      check(
        knownBackends.includes(backend),
        `${name}: unknown backend "${backend}" (known: ${knownBackends.join(', ')})`,
      );
    }
    const tolerance = /** @type {Record<string, Tolerance>} */ ({});
    for (const metric of Object.keys(entry.tolerance ?? {})) {
      check(METRICS.includes(metric), `${name}: tolerance for unknown metric "${metric}"`);
    }
    for (const metric of METRICS) {
      tolerance[metric] = { ...DEFAULT_TOLERANCES[metric], ...entry.tolerance?.[metric] };
    }
    const agree = entry.agree ?? null;
    check(!agree || METRICS.includes(agree.metric), `${name}: agree.metric is not a metric`);
    check(!agree || backends.length >= 2, `${name}: agree needs two backends or more`);
    return {
      name,
      hash: entry.hash.replace(/^#/, ''),
      backends,
      baseline: entry.baseline ?? true,
      tolerance,
      repeat: entry.repeat ?? 1,
      repeatTolerance: entry.repeatTolerance ?? 1e-6,
      expect: entry.expect ?? null,
      agree,
      timeoutSeconds: entry.timeoutSeconds ?? 600,
    };
  });
}

/**
 * Every compared metric the run has, per epoch (runs from older builds lack ece…).
 * @param {{ epochs: object[] }} run a downloaded run file
 * @returns {Record<string, number[]>}
 */
export function metricSeries(run) {
  /** @type {Record<string, number[]>} */
  const series = {};
  for (const metric of METRICS) {
    const values = run.epochs.map((epoch) => /** @type {any} */ (epoch)[metric]);
    if (values.every((value) => typeof value === 'number')) series[metric] = values;
  }
  return series;
}

/**
 * A baseline: the per-epoch metrics of a run, no logits, and what it was recorded with.
 * @param {{ name: string, hash: string }} entry
 * @param {string} backend
 * @param {any} run a downloaded run file
 */
export function baselineFromRun(entry, backend, run, recordedAt = new Date()) {
  const { adapter = '', userAgent = '', tfjs = '' } = run.environment ?? {};
  return {
    format: BASELINE_FORMAT,
    name: entry.name,
    backend,
    hash: entry.hash,
    recordedAt: recordedAt.toISOString(),
    environment: { adapter, userAgent, tfjs },
    metrics: metricSeries(run),
  };
}

/**
 * The epoch whose difference uses most of its tolerance. `share` ≤ 1 passes; a NaN or a
 * different number of epochs is Infinity.
 * @param {number[] | undefined} baseline
 * @param {number[] | undefined} now
 * @param {Tolerance} tolerance
 */
export function worstEpoch(baseline = [], now = [], { abs, rel }) {
  if (baseline.length !== now.length || now.length === 0) {
    return { epoch: 0, share: Infinity, baseline: Number.NaN, now: Number.NaN };
  }
  let worst = { epoch: 1, share: -1, baseline: baseline[0], now: now[0] };
  baseline.forEach((before, i) => {
    const difference = Math.abs(now[i] - before);
    const share = Number.isNaN(difference)
      ? Infinity
      : difference / (abs + rel * Math.abs(before) || Number.MIN_VALUE);
    if (share > worst.share) worst = { epoch: i + 1, share, baseline: before, now: now[i] };
  });
  return worst;
}

/**
 * The largest difference between any two series, at one epoch (1-based) or at every epoch:
 * backends' agreement or repeats' drift. Infinity when a value is missing or NaN.
 * @param {number[][]} series
 * @param {number} [epoch]
 */
export function largestDifference(series, epoch) {
  let largest = 0;
  for (const [a, first] of series.entries()) {
    for (const second of series.slice(a + 1)) {
      const indexes = epoch ? [epoch - 1] : first.map((_, i) => i);
      if (first.length !== second.length) return Infinity;
      for (const i of indexes) {
        const difference = Math.abs(first[i] - second[i]);
        largest = Math.max(largest, Number.isFinite(difference) ? difference : Infinity);
      }
    }
  }
  return largest;
}

/**
 * The phenomenon's two numbers: how far the last validation loss is above the run's lowest
 * (0.2 = 20 %), and how many accuracy points the last epoch is below the run's best.
 * @param {Record<string, number[]>} now
 */
export function phenomenon({ validationLoss = [], validationAccuracy = [] }) {
  return {
    lossRise: /** @type {number} */ (validationLoss.at(-1)) / Math.min(...validationLoss) - 1,
    accuracyDropPoints:
      (Math.max(...validationAccuracy) - /** @type {number} */ (validationAccuracy.at(-1))) * 100,
  };
}
