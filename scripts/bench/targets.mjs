// The performance targets, each checked against its figure. A figure that was not
// measured is "n/a" with the reason, never a pass.

/** The targets. */
export const TARGETS = {
  vsFitCallback: 1.5,
  vsFit: 1.0,
  chartUpdateMs: 4,
  mainThreadGzipBytes: 150_000,
  pageReadyMs: 1500,
  longTasks: 0,
};

/**
 * One target: its figure (a boolean counts as 1 or 0), the test it must pass, how the figure
 * prints, and why it may be missing.
 * @typedef {object} Target
 * @property {string} name
 * @property {string} target
 * @property {number | boolean | null | undefined} value
 * @property {(v: number) => boolean} pass
 * @property {(v: number) => string} show
 * @property {string} whyMissing
 */

const times = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
const ms = (/** @type {number} */ v) => `${v.toFixed(0)} ms`;
/** A yes/no figure (true counts as 1) that must hold. */
const holds = (/** @type {number} */ v) => v === 1;

/**
 * The targets of one backend: the loop ratios, the batch sweep, the app page, memory.
 * @param {any} b analysed figures of the backend
 * @returns {Target[]}
 */
function backendTargets(b) {
  const [main, page, mem] = [b.throughput[0], b.page, b.memory];
  const noPage = 'app page run failed';
  const gpu = mem?.first.backendBytes[mem.gpuKey];
  /** @param {string} name @param {number} bound @param {number | undefined} value @returns {Target} */
  const loopRatio = (name, bound, value) => ({
    name,
    target: `≥ ${bound}×`,
    value,
    pass: (v) => v >= bound,
    show: times,
    whyMissing: 'throughput not measured',
  });
  /** @param {string} name @param {number | undefined} value @returns {Target} */
  const pageReady = (name, value) => ({
    name,
    target: `≤ ${TARGETS.pageReadyMs} ms`,
    value,
    pass: (v) => v <= TARGETS.pageReadyMs,
    show: ms,
    whyMissing: noPage,
  });
  /**
   * @param {string} name @param {boolean | null | undefined} value
   * @param {Target['show']} show @param {string} why @returns {Target}
   */
  const unchanged = (name, value, show, why) => ({
    name,
    target: 'identical',
    value,
    pass: holds,
    show,
    whyMissing: why,
  });
  return [
    loopRatio(
      'app loop / (fit + onBatchEnd)',
      TARGETS.vsFitCallback,
      main?.vsFitCallback?.ofMedians?.value,
    ),
    loopRatio('app loop / plain fit', TARGETS.vsFit, main?.vsFit?.ofMedians?.value),
    {
      name: 'throughput, batch 32 → 256',
      target: 'non-decreasing',
      value: b.batchNonDecreasing,
      pass: holds,
      show: (v) => (v === 1 ? 'non-decreasing' : 'falls'),
      whyMissing: 'batch sizes 32–256 not all measured',
    },
    pageReady('page ready, cold', page?.readyColdMs),
    pageReady('page ready, warm', page?.readyWarmMs),
    {
      name: 'long tasks after epoch 1',
      target: `${TARGETS.longTasks}`,
      value: page?.longTaskObserver ? page.longTasks : null,
      pass: (v) => v <= TARGETS.longTasks,
      show: String,
      whyMissing: page ? 'this Chromium has no longtask observer' : noPage,
    },
    unchanged(
      'numTensors, epoch 2 vs last',
      mem?.tensorsIdentical,
      () => `${mem.first.numTensors} → ${mem.last.numTensors}`,
      'memory run failed',
    ),
    unchanged(
      'GPU bytes in use, epoch 2 vs last',
      gpu === undefined ? null : mem.gpuBytesIdentical,
      () => `${gpu} → ${mem?.last.backendBytes[mem.gpuKey]}`,
      mem ? 'backend reports no numBytesInGPU' : 'memory run failed',
    ),
  ];
}

/**
 * Each target against its figure.
 * @param {Record<string, any>} backends analysed figures per backend
 * @param {any} chart analysed chart cost
 * @param {any} bytes build bytes
 * @returns {{ where: string, name: string, target: string, measured: string, status: 'pass' | 'fail' | 'n/a' }[]}
 */
export function checkTargets(backends, chart, bytes) {
  /** @type {[string, Target][]} */
  const rows = Object.entries(backends).flatMap(([where, b]) =>
    backendTargets(b).map((target) => /** @type {[string, Target]} */ ([where, target])),
  );
  rows.push(
    [
      'page',
      {
        name: 'one chart update, p95 of 40 epochs (slowest chart)',
        target: `≤ ${TARGETS.chartUpdateMs} ms`,
        value: chart?.['40']?.worstP95,
        pass: (v) => v <= TARGETS.chartUpdateMs,
        show: (v) => `${v.toFixed(2)} ms`,
        whyMissing: 'chart cost not measured',
      },
    ],
    [
      'build',
      {
        name: 'first-screen JS (entry, static imports, modulepreloads), gzip -9',
        target: `≤ ${TARGETS.mainThreadGzipBytes / 1000} kB`,
        value: bytes?.firstScreenJs?.gzip,
        pass: (v) => v <= TARGETS.mainThreadGzipBytes,
        show: (v) => `${(v / 1000).toFixed(1)} kB`,
        whyMissing: 'bytes not measured',
      },
    ],
  );
  return rows.map(([where, { name, target, value, pass, show, whyMissing }]) => {
    const v = typeof value === 'boolean' ? Number(value) : value;
    const measured = typeof v === 'number' && Number.isFinite(v);
    return {
      where,
      name,
      target,
      measured: measured ? show(v) : `n/a (${whyMissing})`,
      status: measured ? (pass(v) ? 'pass' : 'fail') : 'n/a',
    };
  });
}
