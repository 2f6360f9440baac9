// The report's tables of the training loops on the bench page: the three loops side by side,
// how the app loop scales, and (with --kernels) where its time goes kernel by kernel.
import { n, range, table } from './markdown.mjs';

/** Kernels shown per --kernels profile: the slowest at the largest batch. */
const KERNELS_SHOWN = 8;

/**
 * The three loops side by side on the bench page, per backend.
 * @param {ReturnType<typeof import('./analyze.mjs').analyze>} analysis
 * @param {string[]} backends
 * @returns {string[]} Markdown lines
 */
export function loopTables(analysis, backends) {
  /** @type {string[]} */
  const lines = [];
  const loopRows = [['', ...backends]];
  const names = {
    app: 'app loop (Trainer), images/s',
    fitCallback: 'model.fit + onBatchEnd, images/s',
    fit: 'model.fit, images/s',
  };
  const first = (/** @type {string} */ b) => analysis.backends[b].throughput[0];
  loopRows.push([
    'workload',
    ...backends.map((b) => {
      const w = first(b)?.workload;
      return w
        ? `${w.model}, ${w.trainSize} images, batch ${w.batchSize}, ${first(b).rounds} rounds`
        : 'n/a';
    }),
  ]);
  for (const [variant, label] of Object.entries(names)) {
    loopRows.push([
      label,
      ...backends.map((b) => range(first(b)?.variants?.[variant]?.imagesPerSecond)),
    ]);
  }
  loopRows.push([
    'app / (fit + onBatchEnd)',
    ...backends.map(
      (b) =>
        `${n(first(b)?.vsFitCallback?.ofMedians?.value, 2, '×')} (rounds ${range(first(b)?.vsFitCallback?.paired, 2)})`,
    ),
  ]);
  loopRows.push([
    'app / fit',
    ...backends.map(
      (b) =>
        `${n(first(b)?.vsFit?.ofMedians?.value, 2, '×')} (rounds ${range(first(b)?.vsFit?.paired, 2)})`,
    ),
  ]);
  loopRows.push([
    'kernels / GPU programs per step (app vs fit)',
    ...backends.map((b) => {
      const v = first(b)?.variants;
      return v
        ? `${n(v.app.kernelsPerStep, 0)}/${n(v.app.programsPerStep, 0)} vs ${n(v.fit.kernelsPerStep, 0)}/${n(v.fit.programsPerStep, 0)}`
        : 'n/a';
    }),
  ]);
  loopRows.push([
    'readbacks per epoch (app, fit + onBatchEnd, fit)',
    ...backends.map((b) => {
      const v = first(b)?.variants;
      return v
        ? [v.app, v.fitCallback, v.fit].map((x) => n(x.readbacksPerEpoch, 0)).join(', ')
        : 'n/a';
    }),
  ]);
  loopRows.push([
    'one readback round trip, ms',
    ...backends.map((b) => range(analysis.backends[b].readbackLatencyMs, 1)),
  ]);
  loopRows.push([
    'most the saved readbacks can gain (saved ms of an epoch)',
    ...backends.map((b) => {
      const gain = first(b)?.readbackGain;
      return gain && 'value' in gain.worth
        ? `${n(gain.worth.value, 3, '×')} (${n(gain.savedMsPerEpoch.value, 1)} of ${n(gain.epochMs.value, 0)} ms)`
        : 'n/a';
    }),
  ]);
  loopRows.push([
    'first epoch of the app loop on the bench page (shaders compiled in it)',
    ...backends.map((b) => {
      const app = first(b)?.variants?.app;
      return app ? `${n(app.firstEpochMs, 0, ' ms')} (${n(app.compilesInFirstEpoch, 0)})` : 'n/a';
    }),
  ]);
  lines.push(table(loopRows), '');
  return lines;
}

/**
 * Throughput against batch size, epoch time against training-set size.
 * @param {any} results what run.mjs collected
 * @param {ReturnType<typeof import('./analyze.mjs').analyze>} analysis
 * @param {string[]} backends
 * @returns {string[]} Markdown lines
 */
export function scalingTables(results, analysis, backends) {
  /** @type {string[]} */
  const lines = [];
  const batchSizes = [32, 64, 128, 256, 512];
  const scaleRows = [['images/s at batch', ...batchSizes.map(String)]];
  for (const b of backends) {
    const raw = results.backends[b];
    scaleRows.push([
      b,
      ...batchSizes.map((size) => {
        const p = analysis.backends[b].batchScaling?.find(
          (/** @type {any} */ point) => point.batchSize === size,
        );
        if (p) return n(p.imagesPerSecond);
        return raw.plan?.batchScaling.skipped.includes(size)
          ? `n/a (${raw.plan.batchScaling.skipReason.split(':')[0]})`
          : 'n/a (run failed)';
      }),
    ]);
  }
  lines.push(table(scaleRows), '');
  const sizeBatch = results.backends[backends[0]]?.plan?.sizeScaling.batchSize ?? '?';
  const sizeRows = [[`epoch time vs training images (app loop, batch ${sizeBatch})`, ...backends]];
  const sizes = [
    ...new Set(
      backends.flatMap((b) =>
        (analysis.backends[b].sizeScaling ?? []).map((/** @type {any} */ p) => p.trainSize),
      ),
    ),
  ].sort((a, c) => a - c);
  for (const size of sizes) {
    sizeRows.push([
      `${size} images`,
      ...backends.map((b) => {
        const p = analysis.backends[b].sizeScaling?.find(
          (/** @type {any} */ x) => x.trainSize === size,
        );
        return p ? `${n(p.steadyEpochMs, 0, ' ms')} (${n(p.msPerImage, 1)} ms/image)` : '—';
      }),
    ]);
  }
  sizeRows.push([
    'linear fit R²',
    ...backends.map((b) => n(analysis.backends[b].sizeLinearity?.r2, 3)),
  ]);
  lines.push(table(sizeRows), '');
  return lines;
}

/**
 * Kernel ms per image per backend (only with --kernels).
 * @param {any} results what run.mjs collected
 * @param {string[]} backends
 * @returns {string[]} Markdown lines
 */
export function kernelTables(results, backends) {
  /** @type {string[]} */
  const lines = [];
  for (const b of backends) {
    /** @type {any[] | undefined} */
    const profiles = results.backends[b].kernelProfile;
    if (!profiles?.length) continue; // only with --kernels
    const images = (/** @type {any} */ p) => Math.floor(p.trainSize / p.batchSize) * p.batchSize;
    const rows = [
      [
        `${b}: kernel ms per image (tf.profile, serialised)`,
        ...profiles.map((p) => `batch ${p.batchSize}`),
      ],
    ];
    for (const { name } of profiles[profiles.length - 1].kernels.slice(0, KERNELS_SHOWN)) {
      rows.push([
        name,
        ...profiles.map((/** @type {any} */ p) => {
          const k = p.kernels.find((/** @type {any} */ x) => x.name === name);
          return k ? `${(k.ms / images(p)).toFixed(1)} (${k.calls} calls)` : 'n/a (not run)';
        }),
      ]);
    }
    const total = (/** @type {any} */ p) =>
      p.kernels.reduce((/** @type {number} */ sum, /** @type {any} */ k) => sum + k.ms, 0);
    rows.push(['all kernels', ...profiles.map((p) => (total(p) / images(p)).toFixed(1))]);
    lines.push(table(rows), '');
  }
  return lines;
}
