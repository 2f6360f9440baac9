// The judgements of a regression run as plain functions over plain data (compare.test.ts):
// reading regress/spec.json, a run against its baseline, the spread between repeats or
// backends, the phenomenon, and an SVG of the curves. e2e/regress.spec.ts turns them into
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

/** Okabe–Ito, as in the app: blue for the baseline (dashed), vermilion for now. */
const BASELINE_COLOUR = '#0072B2';
const NOW_COLOUR = '#D55E00';
const CHART = { width: 320, height: 180, padding: 44 };
export const CHART_METRICS = ['validationLoss', 'validationAccuracy', 'trainLoss', 'ece'];

/** @param {unknown} value */
const escapeXml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One metric's curves in a CHART-sized group: baseline dashed under now, epochs on x.
 * @param {string} metric
 * @param {number[] | undefined} baseline
 * @param {number[] | undefined} now
 */
function chart(metric, baseline, now) {
  const { width, height, padding } = CHART;
  const series = [baseline, now].filter((values) => values && values.length > 0);
  const all = /** @type {number[][]} */ (series).flat().filter(Number.isFinite);
  if (all.length === 0) return `<text x="${padding}" y="14">${escapeXml(metric)}: none</text>`;
  const epochs = Math.max(...series.map((values) => /** @type {number[]} */ (values).length));
  let [low, high] = [Math.min(...all), Math.max(...all)];
  if (high - low < 1e-12) [low, high] = [low - 0.5, high + 0.5];
  const x = (/** @type {number} */ i) =>
    padding + (epochs === 1 ? 0.5 : i / (epochs - 1)) * (width - 2 * padding);
  const y = (/** @type {number} */ v) =>
    height - padding + ((low - v) / (high - low)) * (height - 2 * padding);
  const line = (/** @type {number[] | undefined} */ values, colour = '', dash = '') =>
    values && values.length > 0
      ? `<polyline fill="none" stroke="${colour}" stroke-width="2" ${dash} points="${values
          .flatMap((v, i) => (Number.isFinite(v) ? [`${x(i).toFixed(1)},${y(v).toFixed(1)}`] : []))
          .join(' ')}"/>`
      : '';
  const label = (/** @type {number} */ v) => escapeXml(Number(v.toPrecision(4)));
  const bottom = height - padding;
  return `<text x="${padding}" y="14" font-size="12">${escapeXml(metric)}</text>
<path d="M${padding} ${padding}V${bottom}H${width - padding}" fill="none" stroke="#888"/>
<text x="2" y="${padding + 4}" font-size="10">${label(high)}</text>
<text x="2" y="${bottom}" font-size="10">${label(low)}</text>
<text x="${padding}" y="${bottom + 14}" font-size="10">epoch 1</text>
<text x="${width - padding}" y="${bottom + 14}" font-size="10" text-anchor="end">epoch ${epochs}</text>
${line(baseline, BASELINE_COLOUR, 'stroke-dasharray="6 4"')}${line(now, NOW_COLOUR)}`;
}

/**
 * A self-contained SVG of CHART_METRICS in a 2 × 2 grid, baseline dashed blue, now vermilion.
 * @param {Record<string, number[]> | null} baseline
 * @param {Record<string, number[]>} now
 */
export function curvesSvg(baseline, now) {
  const { width, height } = CHART;
  const charts = CHART_METRICS.map(
    (metric, i) =>
      `<g transform="translate(${(i % 2) * width} ${Math.floor(i / 2) * height + 20})">${chart(metric, baseline?.[metric], now[metric])}</g>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * width}" height="${2 * height + 20}" font-family="sans-serif">
<text x="4" y="14" font-size="12"><tspan fill="${BASELINE_COLOUR}">- - baseline</tspan> <tspan fill="${NOW_COLOUR}">— now</tspan></text>
${charts.join('\n')}
</svg>
`;
}
