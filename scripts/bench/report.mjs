// The bench's report: Markdown tables (readable in a terminal, pasted into docs/performance.md).
// Every cell is a measured number or "n/a (reason)", never an estimate.
import { CHARTS } from './analyze.mjs';

/** @param {number | null | undefined} v @param {number} [digits] @param {string} [unit] */
const n = (v, digits = 1, unit = '') =>
  typeof v === 'number' && Number.isFinite(v)
    ? `${v.toFixed(digits)}${unit}`
    : 'n/a (not measured)';
/** @param {any} s a Summary @param {number} [digits] */
const range = (s, digits = 1) =>
  s
    ? `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
    : 'n/a (not measured)';
/** Kernels shown per --kernels profile: the slowest at the largest batch. */
const KERNELS_SHOWN = 8;
/** @param {string[][]} rows first row = header */
const table = (rows) =>
  [rows[0], rows[0].map(() => '---'), ...rows.slice(1)]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');

/**
 * @param {any} results what run.mjs collected
 * @param {ReturnType<typeof import('./analyze.mjs').analyze>} analysis
 * @returns {string}
 */
export function markdownReport(results, analysis) {
  const backends = Object.keys(analysis.backends);
  const m = results.machine;
  const lines = [];
  lines.push(
    `Measured ${results.date.slice(0, 10)} by \`${results.command}\` (${Math.round(results.durationS / 60)} min): ` +
      `${m.cpu}, ${m.logicalCores} logical cores (shared; load average ${m.loadAverageBefore[0].toFixed(1)} → ${m.loadAverageAfter[0].toFixed(1)}), ` +
      `${m.os}, ${m.browser} headless.`,
    '',
  );
  for (const backend of backends) {
    const raw = results.backends[backend];
    lines.push(
      `- ${backend}: ${raw.info?.adapter ?? 'n/a'} — profile \`${raw.plan?.profile ?? 'n/a'}\`.`,
    );
  }
  lines.push('');

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

  const pageRows = [['the app page (index.html)', ...backends]];
  const page = (/** @type {string} */ b) => analysis.backends[b].page;
  pageRows.push(['run', ...backends.map((b) => (page(b) ? `\`#${page(b).hash}\`` : 'n/a'))]);
  pageRows.push([
    'page ready (navigation → Train enabled), cold / warm',
    ...backends.map(
      (b) => `${n(page(b)?.readyColdMs, 0, ' ms')} / ${n(page(b)?.readyWarmMs, 0, ' ms')}`,
    ),
  ]);
  pageRows.push([
    'first epoch plotted (from navigation), cold / warm',
    ...backends.map(
      (b) =>
        `${n(page(b)?.firstEpochColdMs / 1000, 1, ' s')} / ${n(page(b)?.firstEpochWarmMs / 1000, 1, ' s')}`,
    ),
  ]);
  pageRows.push([
    'long tasks after epoch 1 (longest)',
    ...backends.map((b) =>
      page(b) ? `${page(b).longTasks} (${page(b).longestTaskMs.toFixed(0)} ms)` : 'n/a',
    ),
  ]);
  pageRows.push([
    'worst frame gap / p99',
    ...backends.map(
      (b) => `${n(page(b)?.worstFrameGapMs, 0, ' ms')} / ${n(page(b)?.p99FrameGapMs, 0, ' ms')}`,
    ),
  ]);
  pageRows.push([
    'main thread per epoch message (handler + Svelte flush + loss chart)',
    ...backends.map((b) =>
      page(b)
        ? `epoch 1: ${n(page(b).firstEpochMessageMs, 0, ' ms')}; later: ${range(page(b).laterEpochMessageMs, 0)} ms`
        : 'n/a',
    ),
  ]);
  pageRows.push([
    'each other panel, in its own task after the epoch message',
    ...backends.map((b) =>
      page(b)?.panelUpdateMs
        ? `${range(page(b).panelUpdateMs, 0)} ms (slowest: ${page(b).slowestPanel?.name ?? 'n/a'})`
        : 'n/a (results from before the panels were staged)',
    ),
  ]);
  pageRows.push([
    'numTensors after epoch 2 → 20',
    ...backends.map((b) => {
      const mem = analysis.backends[b].memory;
      return mem ? `${mem.first.numTensors} → ${mem.last.numTensors}` : 'n/a';
    }),
  ]);
  pageRows.push([
    'GPU bytes in use after epoch 2 → 20',
    ...backends.map((b) => {
      const mem = analysis.backends[b].memory;
      return mem
        ? `${mem.first.backendBytes[mem.gpuKey]} → ${mem.last.backendBytes[mem.gpuKey]}`
        : 'n/a';
    }),
  ]);
  pageRows.push([
    'page ready, cold: ms since navigation',
    ...backends.map((b) => {
      const r = page(b)?.readyBreakdownCold;
      if (!r) return 'n/a';
      const stages = [
        ['main JS', r.mainScriptLoaded],
        ['Train shown', r.trainShown],
        ['worker created', r.workerCreated],
        ['worker JS', r.workerScriptLoaded],
        ['backend', r.backendMessage],
        ['Train enabled', r.ready],
      ];
      return stages.map(([name, t]) => `${name} ${n(t, 0)}`).join(' → ');
    }),
  ]);
  lines.push(table(pageRows), '');
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

  const chart = analysis.chart?.['40'];
  const bytes = results.bytes;
  lines.push(
    table([
      ['other figures', ''],
      [
        'one chart update, 40-epoch run, median (min–max), p95',
        chart
          ? CHARTS.filter(([name]) => chart.charts[name])
              .map(
                ([name, , label]) =>
                  `${label} ${range(chart.charts[name].ms, 1)} ms, p95 ${n(chart.charts[name].p95, 1)}`,
              )
              .join(' · ')
          : 'n/a (not measured)',
      ],
      [
        'one chart update, 500-epoch run: p95 of the slowest chart',
        n(analysis.chart?.['500']?.worstP95, 1, ' ms'),
      ],
      [
        'main-thread JS, gzip -9 (raw)',
        bytes
          ? `${(bytes.mainThreadJs.gzip / 1000).toFixed(1)} kB (${(bytes.mainThreadJs.raw / 1000).toFixed(1)} kB)`
          : 'n/a',
      ],
      [
        'worker JS (TensorFlow.js), gzip -9 (raw)',
        bytes
          ? `${(bytes.workerJs.gzip / 1000).toFixed(1)} kB (${(bytes.workerJs.raw / 1000).toFixed(1)} kB)`
          : 'n/a',
      ],
      [
        'dataset, default pair (pullover + coat, train + test, gzip files + manifest)',
        bytes ? `${(bytes.dataset.total / 1e6).toFixed(2)} MB` : 'n/a',
      ],
    ]),
    '',
  );

  lines.push(
    table([
      ['target', 'where', 'measured', ''],
      ...analysis.targets.map((t) => [
        `${t.name}: ${t.target}`,
        t.where,
        t.measured,
        t.status === 'pass' ? '✅' : t.status === 'fail' ? '❌' : 'n/a',
      ]),
    ]),
  );
  return lines.join('\n');
}
