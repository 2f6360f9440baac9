// The judgements of a regression run, as plain functions over plain data (tested in
// compare.test.ts): a run against its baseline metric by metric, the phenomenon check, the
// agreement of backends and the repeatability of one backend. Each returns table rows.

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
 * Default tolerances: a value passes when |now − baseline| ≤ abs + rel·|baseline|.
 * Losses get a relative part (they span 0.01–5); accuracies are fractions, so 0.002 is a
 * fifth of a point (one example in 500); calibration errors are fractions too.
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
 * Whether a row lets the regression run pass ('updated' = a baseline was just written).
 * @param {string} verdict
 */
export const isPassing = (verdict) => verdict === 'ok' || verdict === 'updated';

/**
 * @typedef {{ abs: number, rel: number }} Tolerance
 * @typedef {'ok' | 'REGRESSION' | 'FAILED' | 'NO BASELINE' | 'updated'} Verdict
 * @typedef {object} Row
 * @property {string} run
 * @property {string} backend
 * @property {string} metric
 * @property {number | null} epoch the epoch shown (the worst one), null for whole-run checks
 * @property {string} baseline
 * @property {string} now
 * @property {string} delta
 * @property {string} limit the tolerance or threshold the delta was held to
 * @property {Verdict} verdict
 * @typedef {object} Baseline
 * @property {string} format
 * @property {string} name
 * @property {string} backend
 * @property {string} hash
 * @property {string} recordedAt
 * @property {{ adapter: string, userAgent: string, tfjs: string }} environment
 * @property {Record<string, number[]>} metrics per-epoch values, index 0 = epoch 1
 */

/**
 * A row for a whole-run note (a failed run, a missing or updated baseline).
 * @param {{ run: string, backend: string }} label
 * @param {string} metric
 * @param {Verdict} verdict
 * @param {{ baseline?: string, now?: string, limit?: string }} [cells]
 * @returns {Row}
 */
export function noteRow(label, metric, verdict, cells = {}) {
  const { baseline = '—', now = '—', limit = '—' } = cells;
  return { ...label, metric, epoch: null, baseline, now, delta: '—', limit, verdict };
}

/**
 * Six significant digits, trailing zeros dropped; exponents outside [0.001, 10000).
 * @param {number} value
 */
export function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e4) return String(Number(value.toPrecision(6)));
  return value.toExponential(3).replace(/\.?0+e/, 'e');
}

/**
 * The per-epoch series of every compared metric that the run has (older runs lack ece…).
 * @param {{ epochs: Array<Record<string, unknown>> }} run
 * @returns {Record<string, number[]>}
 */
export function metricSeries(run) {
  /** @type {Record<string, number[]>} */
  const series = {};
  for (const metric of METRICS) {
    const values = run.epochs.map((epoch) => epoch[metric]);
    if (values.every((value) => typeof value === 'number')) {
      series[metric] = /** @type {number[]} */ (values);
    }
  }
  return series;
}

/**
 * A small baseline from a run file: per-epoch metrics only, no logits.
 * @param {{ name: string, hash: string, backend: string }} entry
 * @param {any} run a downloaded run file
 * @param {Date} recordedAt
 * @returns {Baseline}
 */
export function baselineFromRun(entry, run, recordedAt) {
  return {
    format: BASELINE_FORMAT,
    name: entry.name,
    backend: entry.backend,
    hash: entry.hash,
    recordedAt: recordedAt.toISOString(),
    environment: {
      adapter: String(run.environment?.adapter ?? ''),
      userAgent: String(run.environment?.userAgent ?? ''),
      tfjs: String(run.environment?.tfjs ?? ''),
    },
    metrics: metricSeries(run),
  };
}

/**
 * @param {Record<string, Partial<Tolerance>> | undefined} overrides
 * @returns {Record<string, Tolerance>}
 */
export function tolerances(overrides = {}) {
  /** @type {Record<string, Tolerance>} */
  const merged = {};
  for (const metric of METRICS) {
    merged[metric] = { ...DEFAULT_TOLERANCES[metric], ...overrides[metric] };
  }
  return merged;
}

/**
 * One row per metric: the epoch whose difference uses most of its tolerance, so the table
 * stays short while the HTML report draws every epoch.
 * @param {{ run: string, backend: string }} label
 * @param {Baseline} baseline
 * @param {Record<string, number[]>} now
 * @param {Record<string, Tolerance>} limits
 * @returns {Row[]}
 */
export function compareWithBaseline(label, baseline, now, limits) {
  /** @type {Row[]} */
  const rows = [];
  for (const metric of METRICS) {
    const before = baseline.metrics[metric];
    const after = now[metric];
    if (!before && !after) continue;
    const limit = limits[metric];
    const limitText = `±(${formatNumber(limit.abs)} + ${formatNumber(limit.rel)}·|base|)`;
    if (!before || !after || before.length !== after.length) {
      rows.push({
        ...label,
        metric,
        epoch: null,
        baseline: before ? `${before.length} epochs` : 'absent',
        now: after ? `${after.length} epochs` : 'absent',
        delta: '—',
        limit: 'same epochs',
        verdict: 'REGRESSION',
      });
      continue;
    }
    let worst = 0;
    let worstShare = -1;
    for (let i = 0; i < before.length; i++) {
      const allowed = limit.abs + limit.rel * Math.abs(before[i]);
      const difference = Math.abs(after[i] - before[i]);
      // NaN compares false everywhere: treat it as infinitely far off.
      const share = Number.isNaN(difference)
        ? Infinity
        : difference / (allowed || Number.MIN_VALUE);
      if (share > worstShare) [worst, worstShare] = [i, share];
    }
    rows.push({
      ...label,
      metric,
      epoch: worst + 1,
      baseline: formatNumber(before[worst]),
      now: formatNumber(after[worst]),
      delta: formatNumber(after[worst] - before[worst]),
      limit: limitText,
      verdict: worstShare <= 1 ? 'ok' : 'REGRESSION',
    });
  }
  return rows;
}

/**
 * The phenomenon: validation loss ends well above its minimum while accuracy holds.
 * @param {{ run: string, backend: string }} label
 * @param {{ lossRiseAtLeast?: number, accuracyWithinPoints?: number }} expectation
 * @param {Record<string, number[]>} now
 * @returns {Row[]}
 */
export function checkExpectation(label, expectation, now) {
  /** @type {Row[]} */
  const rows = [];
  const losses = now.validationLoss ?? [];
  const accuracies = now.validationAccuracy ?? [];
  if (expectation.lossRiseAtLeast !== undefined) {
    const minimum = Math.min(...losses);
    const last = losses[losses.length - 1];
    const rise = last / minimum - 1;
    rows.push({
      ...label,
      metric: 'validationLoss rise: last / min − 1',
      epoch: losses.indexOf(minimum) + 1,
      baseline: `min ${formatNumber(minimum)}`,
      now: `last ${formatNumber(last)}`,
      delta: `${(rise * 100).toFixed(1)} %`,
      limit: `≥ ${(expectation.lossRiseAtLeast * 100).toFixed(0)} %`,
      verdict: losses.length > 0 && rise >= expectation.lossRiseAtLeast ? 'ok' : 'REGRESSION',
    });
  }
  if (expectation.accuracyWithinPoints !== undefined) {
    const best = Math.max(...accuracies);
    const last = accuracies[accuracies.length - 1];
    const gapPoints = (best - last) * 100;
    rows.push({
      ...label,
      metric: 'validationAccuracy: best − last',
      epoch: accuracies.indexOf(best) + 1,
      baseline: `best ${(best * 100).toFixed(2)} %`,
      now: `last ${(last * 100).toFixed(2)} %`,
      delta: `${gapPoints.toFixed(2)} pts`,
      limit: `≤ ${expectation.accuracyWithinPoints} pts`,
      verdict:
        accuracies.length > 0 && gapPoints <= expectation.accuracyWithinPoints
          ? 'ok'
          : 'REGRESSION',
    });
  }
  return rows;
}

/**
 * The largest difference of one metric at one epoch between any two of the given series:
 * between backends (agreement) or between repeats on one backend (drift).
 * @param {string} runName
 * @param {string} what row label for the backend column, e.g. "webgpu/webgl/cpu"
 * @param {{ metric: string, epoch?: number, tolerance: number }} check epoch absent = every epoch
 * @param {Array<{ label: string, series: Record<string, number[]> }>} runs
 * @returns {Row}
 */
export function checkSpread(runName, what, check, runs) {
  const { metric, epoch, tolerance } = check;
  let largest = 0;
  let pair = '';
  let atEpoch = epoch ?? 1;
  let values = ['—', '—'];
  const epochsOf = (/** @type {number[]} */ values) =>
    epoch === undefined ? values.map((_, i) => i) : [epoch - 1];
  for (let a = 0; a < runs.length; a++) {
    for (let b = a + 1; b < runs.length; b++) {
      const first = runs[a].series[metric] ?? [];
      const second = runs[b].series[metric] ?? [];
      for (const i of epochsOf(first)) {
        const difference = Math.abs(first[i] - second[i]);
        const measured = Number.isFinite(difference) ? difference : Infinity;
        if (measured > largest || pair === '') {
          [largest, pair, atEpoch] = [measured, `${runs[a].label} vs ${runs[b].label}`, i + 1];
          values = [first[i], second[i]].map(formatNumber);
        }
      }
    }
  }
  return {
    run: runName,
    backend: what,
    metric: `${metric} spread (${pair || 'nothing to compare'})`,
    epoch: atEpoch,
    baseline: values[0],
    now: values[1],
    delta: formatNumber(largest),
    limit: `≤ ${formatNumber(tolerance)}`,
    verdict: runs.length >= 2 && largest <= tolerance ? 'ok' : 'REGRESSION',
  };
}
