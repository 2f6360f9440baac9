// The targets, checked against the analysed figures. A target whose figure was not
// measured is "n/a" with the reason, never a pass.

export const TARGETS = {
  vsFitCallback: 1.5,
  vsFit: 1.0,
  chartUpdateMs: 4,
  mainThreadGzipBytes: 150_000,
  pageReadyMs: 1500,
  longTasks: 0,
};

/**
 * @typedef {object} TargetRow
 * @property {string} where
 * @property {string} name
 * @property {string} target
 * @property {string} measured
 * @property {'pass' | 'fail' | 'n/a'} status
 */

/**
 * @param {Record<string, any>} backends analysed figures per backend
 * @param {any} chart analysed chart cost
 * @param {any} bytes build bytes
 * @returns {TargetRow[]}
 */
export function checkTargets(backends, chart, bytes) {
  /** @type {TargetRow[]} */
  const rows = [];
  /**
   * @param {string} where
   * @param {string} name
   * @param {string} target
   * @param {number | boolean | null | undefined} value
   * @param {(v: number) => boolean} pass
   * @param {(v: number) => string} show
   * @param {string} whyMissing
   */
  const check = (where, name, target, value, pass, show, whyMissing) => {
    const v = typeof value === 'boolean' ? Number(value) : value;
    const measured = typeof v === 'number' && Number.isFinite(v);
    rows.push({
      where,
      name,
      target,
      measured: measured ? show(v) : `n/a (${whyMissing})`,
      status: measured ? (pass(v) ? 'pass' : 'fail') : 'n/a',
    });
  };
  const times = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
  const ms = (/** @type {number} */ v) => `${v.toFixed(0)} ms`;

  for (const [backend, b] of Object.entries(backends)) {
    const main = b.throughput[0];
    check(
      backend,
      'app loop / (fit + onBatchEnd)',
      `≥ ${TARGETS.vsFitCallback}×`,
      main?.vsFitCallback?.ofMedians?.value,
      (v) => v >= TARGETS.vsFitCallback,
      times,
      'throughput not measured',
    );
    check(
      backend,
      'app loop / plain fit',
      `≥ ${TARGETS.vsFit}×`,
      main?.vsFit?.ofMedians?.value,
      (v) => v >= TARGETS.vsFit,
      times,
      'throughput not measured',
    );
    check(
      backend,
      'throughput, batch 32 → 256',
      'non-decreasing',
      b.batchNonDecreasing,
      (v) => v === 1,
      (v) => (v === 1 ? 'non-decreasing' : 'falls'),
      'batch sizes 32–256 not all measured',
    );
    const page = b.page;
    check(
      backend,
      'page ready, cold',
      `≤ ${TARGETS.pageReadyMs} ms`,
      page?.readyColdMs,
      (v) => v <= TARGETS.pageReadyMs,
      ms,
      'app page run failed',
    );
    check(
      backend,
      'page ready, warm',
      `≤ ${TARGETS.pageReadyMs} ms`,
      page?.readyWarmMs,
      (v) => v <= TARGETS.pageReadyMs,
      ms,
      'app page run failed',
    );
    check(
      backend,
      'long tasks after epoch 1',
      `${TARGETS.longTasks}`,
      page?.longTaskObserver ? page.longTasks : null,
      (v) => v <= TARGETS.longTasks,
      String,
      page ? 'this Chromium has no longtask observer' : 'app page run failed',
    );
    const mem = b.memory;
    const span = mem ? `epoch ${mem.first.epoch} vs ${mem.last.epoch}` : 'epoch 2 vs N';
    check(
      backend,
      `numTensors, ${span}`,
      'identical',
      mem?.tensorsIdentical,
      (v) => v === 1,
      () => `${mem.first.numTensors} → ${mem.last.numTensors}`,
      'memory run failed',
    );
    const gpu = mem?.first.backendBytes[mem.gpuKey];
    check(
      backend,
      `GPU bytes in use, ${span}`,
      'identical',
      gpu === undefined ? null : mem.gpuBytesIdentical,
      (v) => v === 1,
      () => `${gpu} → ${mem.last.backendBytes[mem.gpuKey]}`,
      mem ? 'backend reports no numBytesInGPU' : 'memory run failed',
    );
  }
  const chart40 = chart?.['40'];
  const worstP95 = chart40?.worstP95 ?? null;
  check(
    'page',
    'one chart update, p95 of 40 epochs (slowest chart)',
    `≤ ${TARGETS.chartUpdateMs} ms`,
    worstP95,
    (v) => v <= TARGETS.chartUpdateMs,
    (v) => `${v.toFixed(2)} ms`,
    'chart cost not measured',
  );
  check(
    'build',
    'main-thread JS, gzip -9',
    `≤ ${TARGETS.mainThreadGzipBytes / 1000} kB`,
    bytes?.mainThreadJs?.gzip,
    (v) => v <= TARGETS.mainThreadGzipBytes,
    (v) => `${(v / 1000).toFixed(1)} kB`,
    'bytes not measured',
  );
  return rows;
}
