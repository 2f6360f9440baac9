// Prints the bench's tables. Every cell is a measured number or "n/a (reason)".
import { CHARTS } from './analyze.mjs';
import { figure, formatFigure, formatTable } from './stats.mjs';

/** @param {number | null | undefined} v @param {number} [digits] @param {string} [unit] @param {string} [why] */
const show = (v, digits = 1, unit = '', why = 'not measured') =>
  formatFigure(figure(v, why), { digits, unit });
/** @param {any} s a Summary or null @param {number} [digits] */
const spread = (s, digits = 1) =>
  s
    ? `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`
    : 'n/a (not measured)';
const kB = (/** @type {number | undefined} */ bytes) =>
  show(bytes === undefined ? null : bytes / 1000, 1, ' kB');

/** @param {string} title */
const heading = (title) => console.log(`\n== ${title} ==`);

/**
 * @param {any} results
 * @param {ReturnType<typeof import('./analyze.mjs').analyze>} analysis
 */
export function printReport(results, analysis) {
  const m = results.machine;
  heading('Machine');
  console.log(
    `${m.cpu}, ${m.logicalCores} logical cores, ${m.memoryGiB} GiB; ${m.os}; ${m.browser ?? 'browser n/a'}; Node ${m.node}`,
  );
  console.log(
    `load average before ${m.loadAverageBefore.map((/** @type {number} */ l) => l.toFixed(1)).join(' ')}, after ${m.loadAverageAfter.map((/** @type {number} */ l) => l.toFixed(1)).join(' ')}`,
  );
  for (const [backend, raw] of Object.entries(results.backends)) {
    console.log(
      `${backend}: ${raw.info ? `${raw.info.adapter} (tfjs ${raw.info.tfjsVersion})` : 'n/a (backend did not start)'}; profile ${raw.plan?.profile ?? 'n/a'}`,
    );
  }

  for (const [backend, b] of Object.entries(analysis.backends)) {
    for (const t of b.throughput) {
      const w = t.workload;
      heading(
        `${backend}: training throughput, ${w.model} CNN, ${w.trainSize} images, batch ${w.batchSize} (images/s, median [min–max] of ${t.rounds ?? 0} interleaved rounds)`,
      );
      if (!t.variants) {
        console.log(`n/a (${t.missing})`);
        continue;
      }
      const names = {
        app: 'app loop (Trainer)',
        fitCallback: 'model.fit + onBatchEnd',
        fit: 'model.fit',
      };
      const rows = [
        [
          'loop',
          'images/s',
          'first epoch',
          'kernels/step',
          'GPU programs/step',
          'readbacks/epoch',
          'compiles (measured)',
        ],
      ];
      for (const [variant, v] of Object.entries(t.variants)) {
        rows.push([
          names[/** @type {keyof typeof names} */ (variant)],
          spread(v.imagesPerSecond),
          show(v.firstEpochMs, 0, ' ms'),
          show(v.kernelsPerStep, 0),
          show(v.programsPerStep, 0),
          show(v.readbacksPerEpoch, 0),
          show(v.compilesInMeasuredEpochs, 0),
        ]);
      }
      console.log(formatTable(rows));
      console.log(
        `app / (fit + onBatchEnd): ${show(t.vsFitCallback.ofMedians.value, 2, '×')} (ratio of medians); per round ${spread(t.vsFitCallback.paired, 2)}`,
      );
      console.log(
        `app / fit:                ${show(t.vsFit.ofMedians.value, 2, '×')} (ratio of medians); per round ${spread(t.vsFit.paired, 2)}`,
      );
      const gain = t.readbackGain;
      console.log(
        `what the ${show(gain.readbacksSavedPerEpoch, 0)} readbacks the app saves per epoch are worth: ` +
          `${formatFigure(gain.savedMsPerEpoch, { digits: 1, unit: ' ms' })} of a ` +
          `${formatFigure(gain.epochMs, { digits: 0, unit: ' ms' })} epoch → at most ` +
          `${formatFigure(gain.worth, { digits: 3, unit: '×' })} from them`,
      );
    }
    if (b.throughput.length > 0) {
      console.log(
        `one readback round trip (tiny kernel + await data(), idle queue): ${spread(b.readbackLatencyMs, 2)} ms`,
      );
    }

    const raw = results.backends[backend];
    heading(`${backend}: scaling (app loop, steady epoch)`);
    const rows = [
      [
        'batch',
        'train images',
        'images/s',
        'first epoch',
        'steady epoch',
        'compiles (first/steady)',
      ],
    ];
    for (const p of b.batchScaling ?? []) {
      rows.push([
        `${p.batchSize}`,
        `${p.imagesPerEpoch}`,
        show(p.imagesPerSecond),
        show(p.firstEpochMs, 0, ' ms'),
        show(p.steadyEpochMs, 0, ' ms'),
        `${p.compilesInFirstEpoch}/${p.compilesInSteadyEpochs}`,
      ]);
    }
    for (const size of raw.plan?.batchScaling.skipped ?? [])
      rows.push([`${size}`, '', `n/a (${raw.plan.batchScaling.skipReason})`, '', '', '']);
    if (!b.batchScaling) rows.push(['all', '', 'n/a (the run failed)', '', '', '']);
    console.log(formatTable(rows));
    const sizeRows = [
      ['train images', 'batch', 'epoch', 'ms/image', 'first epoch', 'compiles (first/steady)'],
    ];
    for (const p of b.sizeScaling ?? []) {
      sizeRows.push([
        `${p.imagesPerEpoch}`,
        `${p.batchSize}`,
        show(p.steadyEpochMs, 0, ' ms'),
        show(p.msPerImage, 2),
        show(p.firstEpochMs, 0, ' ms'),
        `${p.compilesInFirstEpoch}/${p.compilesInSteadyEpochs}`,
      ]);
    }
    if (!b.sizeScaling) sizeRows.push(['all', '', 'n/a (the run failed)', '', '', '']);
    console.log(formatTable(sizeRows));
    if (b.sizeLinearity) {
      console.log(
        `epoch time vs images: R² ${show(b.sizeLinearity.r2, 3)}, slope ${show(b.sizeLinearity.slope, 2)} ms/image; ms/image max/min ${show(b.sizeLinearity.perImageSpread, 2, '×')}`,
      );
    }

    printKernelProfile(backend, raw.kernelProfile);

    heading(`${backend}: the app page (${raw.page?.hash ?? 'n/a'})`);
    const p = b.page;
    const pageWhy = 'app page run failed';
    console.log(
      formatTable([
        ['', 'cold (fresh context)', 'warm (reload)'],
        [
          'page ready: navigation → Train enabled',
          show(p?.readyColdMs, 0, ' ms', pageWhy),
          show(p?.readyWarmMs, 0, ' ms', pageWhy),
        ],
        [
          'first epoch: navigation → epoch 1 plotted',
          show(p?.firstEpochColdMs, 0, ' ms', pageWhy),
          show(p?.firstEpochWarmMs, 0, ' ms', pageWhy),
        ],
        [
          'first epoch: Train click → epoch 1 plotted',
          show(p?.clickToFirstEpochColdMs, 0, ' ms', pageWhy),
          show(p?.clickToFirstEpochWarmMs, 0, ' ms', pageWhy),
        ],
      ]),
    );
    if (p) {
      const stages = (/** @type {any} */ r) =>
        r
          ? [
              ['main JS loaded', r.mainScriptLoaded],
              ['Train shown', r.trainShown],
              ['worker created', r.workerCreated],
              ['worker JS loaded', r.workerScriptLoaded],
              ['backend chosen', r.backendMessage],
              ['Train enabled', r.ready],
            ]
              .map(([name, t]) => `${name} ${typeof t === 'number' ? t.toFixed(0) : 'n/a'}`)
              .join(' → ')
          : 'n/a';
      console.log(`page ready, cold (ms since navigation): ${stages(p.readyBreakdownCold)}`);
      console.log(`page ready, warm (ms since navigation): ${stages(p.readyBreakdownWarm)}`);
      console.log(
        `after epoch 1 (${(p.windowMs / 1000).toFixed(1)} s of training): ${p.longTaskObserver ? `${p.longTasks} long tasks (longest ${p.longestTaskMs.toFixed(0)} ms)` : 'n/a (no longtask observer)'}, ${p.longAnimationFrames} long animation frames; ${p.frames} frames, worst gap ${show(p.worstFrameGapMs, 1, ' ms')}, p99 ${show(p.p99FrameGapMs, 1, ' ms')}`,
      );
      console.log(
        `longest scripts in long animation frames: ${p.longFrameScripts.join('; ') || 'none'}`,
      );
      console.log(
        `main-thread handling of an epoch message (handler + Svelte flush + loss chart): epoch 1 ${show(p.firstEpochMessageMs, 1, ' ms')}, later ${spread(p.laterEpochMessageMs, 1)} ms; progress message ${spread(p.progressMessageMs, 2)} ms`,
      );
      console.log(
        `each other panel's own update task after epoch 1: ${spread(p.panelUpdateMs, 1)} ms` +
          (p.slowestPanel ? ` (slowest: ${p.slowestPanel.name})` : ''),
      );
    }
    heading(`${backend}: memory (app loop)`);
    const mem = b.memory;
    if (mem) {
      const keys = Object.keys(mem.first.backendBytes);
      console.log(
        formatTable([
          ['after epoch', 'numTensors', 'numBytes', ...keys],
          ...[mem.first, mem.last].map((s) => [
            `${s.epoch}`,
            `${s.numTensors}`,
            `${s.numBytes}`,
            ...keys.map((k) => `${s.backendBytes[k]}`),
          ]),
        ]),
      );
    } else console.log('n/a (the memory run failed)');
  }

  heading(
    "Chart update cost (the app's chart code on the bench page, synthetic epochs; ms, median [min–max])",
  );
  const chart = analysis.chart;
  if (chart) {
    const rows = [
      [
        'chart',
        ...Object.keys(chart)
          .filter((k) => k !== 'browser')
          .map((k) => `${k} epochs: ms`),
        'p95',
      ],
    ];
    const runs = Object.entries(chart).filter(([epochs]) => epochs !== 'browser');
    for (const [name, , label] of CHARTS) {
      if (!runs.some(([, c]) => c.charts[name])) continue;
      rows.push([
        label,
        ...runs.map(([, c]) => (c.charts[name] ? spread(c.charts[name].ms, 2) : 'n/a')),
        runs.map(([, c]) => show(c.charts[name]?.p95, 2)).join(' · '),
      ]);
    }
    console.log(formatTable(rows));
  } else console.log('n/a (chart cost not measured)');

  heading('Bytes (production build)');
  const bytes = results.bytes;
  console.log(
    formatTable([
      ['', 'raw', 'gzip -9'],
      ['main-thread JS', kB(bytes?.mainThreadJs.raw), kB(bytes?.mainThreadJs.gzip)],
      ['worker JS', kB(bytes?.workerJs.raw), kB(bytes?.workerJs.gzip)],
      ['service worker JS', kB(bytes?.serviceWorkerJs.raw), kB(bytes?.serviceWorkerJs.gzip)],
      ['dataset, default pair (as served, gzip files)', kB(bytes?.dataset.total), ''],
    ]),
  );

  heading('Targets');
  console.log(
    formatTable([
      ['where', 'figure', 'target', 'measured', 'status'],
      ...analysis.targets.map((t) => [
        t.where,
        t.name,
        t.target,
        t.measured,
        t.status.toUpperCase(),
      ]),
    ]),
  );
}

/** Kernels ranked by time at the largest profiled batch, in ms per image at each batch size. */
const KERNELS_SHOWN = 10;

/**
 * @param {string} backend
 * @param {import('../../src/bench/protocol').KernelProfile[] | undefined | null} profiles
 */
function printKernelProfile(backend, profiles) {
  if (profiles === undefined) return; // not asked for (--kernels)
  heading(
    `${backend}: tf.profile of one app-loop epoch (kernel ms per training image; kernels serialised)`,
  );
  if (!profiles || profiles.length === 0) {
    console.log('n/a (the kernel profile failed)');
    return;
  }
  const images = (/** @type {import('../../src/bench/protocol').KernelProfile} */ p) =>
    Math.floor(p.trainSize / p.batchSize) * p.batchSize;
  const last = profiles[profiles.length - 1];
  const names = last.kernels.slice(0, KERNELS_SHOWN).map((k) => k.name);
  const rows = [['kernel', ...profiles.map((p) => `batch ${p.batchSize}`)]];
  for (const name of names) {
    rows.push([
      name,
      ...profiles.map((p) => {
        const k = p.kernels.find((kernel) => kernel.name === name);
        return k ? `${(k.ms / images(p)).toFixed(2)} (${k.calls}×)` : 'n/a (not run)';
      }),
    ]);
  }
  const total = (/** @type {any} */ p) =>
    p.kernels.reduce((/** @type {number} */ sum, /** @type {any} */ k) => sum + k.ms, 0);
  rows.push(['all kernels', ...profiles.map((p) => (total(p) / images(p)).toFixed(2))]);
  console.log(formatTable(rows));
}
