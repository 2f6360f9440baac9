// Turns the raw measurements into the figures the report prints and checks the targets.
// Pure: results in, plain data out. A figure that was not measured stays `{ missing: reason }`.
import {
  figure,
  imagesPerSecond,
  isNonDecreasing,
  linearFit,
  median,
  pairedRatios,
  quantile,
  summarize,
} from './stats.mjs';

const VARIANTS = /** @type {const} */ (['app', 'fitCallback', 'fit']);

/** @param {{ ms: number, images: number }[]} samples */
const rates = (samples) => samples.map(imagesPerSecond);

/** @param {any} entry one throughput workload's result */
function throughputFigures(entry) {
  const { result, workload } = entry;
  if (!result) return { label: entry.label, workload, missing: 'the run failed' };
  /** @type {Record<string, any>} */
  const variants = {};
  for (const variant of VARIANTS) {
    const rounds = result.rounds[variant];
    const steps = rounds.map((/** @type {any} */ s) => Math.ceil(s.images / workload.batchSize));
    const perStep = (/** @type {'kernels' | 'programs'} */ key) =>
      median(
        rounds.map((/** @type {any} */ s, /** @type {number} */ i) => s.counts[key] / steps[i]),
      );
    variants[variant] = {
      imagesPerSecond: summarize(rates(rounds)),
      perRound: rates(rounds),
      firstEpochMs: result.warmup[variant][0]?.ms ?? null,
      kernelsPerStep: perStep('kernels'),
      programsPerStep: perStep('programs'),
      readbacksPerEpoch: median(rounds.map((/** @type {any} */ s) => s.counts.readbacks)),
      compilesInMeasuredEpochs: rounds.reduce(
        (/** @type {number} */ n, /** @type {any} */ s) => n + s.counts.compiles,
        0,
      ),
      compilesInFirstEpoch: result.warmup[variant][0]?.counts.compiles ?? null,
    };
  }
  const ratio = (/** @type {string} */ a, /** @type {string} */ b) => ({
    ofMedians: figure(
      variants[a].imagesPerSecond?.median / variants[b].imagesPerSecond?.median,
      'not measured',
    ),
    paired: summarize(pairedRatios(variants[a].perRound, variants[b].perRound)),
  });
  return {
    label: entry.label,
    workload,
    rounds: result.order.length,
    order: result.order,
    variants,
    vsFitCallback: ratio('app', 'fitCallback'),
    vsFit: ratio('app', 'fit'),
  };
}

/**
 * What the app loop's saved readbacks alone are worth against fit + onBatchEnd: that loop's
 * epoch time over the same time less (readbacks saved × one round trip). Where a step costs
 * seconds of emulated GPU work this is ~1.00×, the reason no loop can reach 1.5× there.
 * @param {any} t throughputFigures output
 * @param {number | undefined} roundTripMs
 */
function withReadbackGain(t, roundTripMs) {
  if (!t.variants) return t;
  const { app, fitCallback } = t.variants;
  const rate = fitCallback.imagesPerSecond?.median;
  const saved = fitCallback.readbacksPerEpoch - app.readbacksPerEpoch;
  const { trainSize, batchSize } = t.workload;
  const epochMs = ((Math.floor(trainSize / batchSize) * batchSize) / rate) * 1000;
  const savedMs = saved * (roundTripMs ?? Number.NaN);
  return {
    ...t,
    readbackGain: {
      readbacksSavedPerEpoch: saved,
      savedMsPerEpoch: figure(savedMs, 'no round-trip figure'),
      epochMs: figure(epochMs, 'not measured'),
      worth: figure(epochMs / (epochMs - savedMs), 'not measured'),
    },
  };
}

/** @param {any[] | null} points */
function scalingFigures(points) {
  if (!points) return null;
  return points.map((point) => {
    const steadyMs = median(point.steady.map((/** @type {any} */ s) => s.ms));
    const images = point.steady[0]?.images ?? point.first.images;
    return {
      trainSize: point.trainSize,
      batchSize: point.batchSize,
      imagesPerEpoch: images,
      firstEpochMs: point.first.ms,
      steadyEpochMs: steadyMs,
      imagesPerSecond: steadyMs ? (images * 1000) / steadyMs : null,
      msPerImage: steadyMs ? steadyMs / images : null,
      compilesInFirstEpoch: point.first.counts.compiles,
      compilesInSteadyEpochs: point.steady.reduce(
        (/** @type {number} */ n, /** @type {any} */ s) => n + s.counts.compiles,
        0,
      ),
    };
  });
}

/** @param {any[] | null} snapshots */
function memoryFigures(snapshots) {
  if (!snapshots || snapshots.length < 2) return null;
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  const gpuKey = 'numBytesInGPU';
  return {
    first,
    last,
    tensorsIdentical: first.numTensors === last.numTensors,
    bytesIdentical: first.numBytes === last.numBytes,
    gpuBytesIdentical: first.backendBytes[gpuKey] === last.backendBytes[gpuKey],
    gpuKey,
  };
}

/**
 * The scripts that ran in long animation frames, longest first: "what blocked the frame".
 * @param {any[]} frames long-animation-frame entries (with their `scripts`)
 */
function longFrameScripts(frames) {
  return frames
    .flatMap((frame) => frame.scripts)
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 5)
    .map((s) => `${s.invoker} ${s.duration.toFixed(0)} ms`);
}

/** @param {any} page */
function pageFigures(page) {
  if (!page) return null;
  const r = page.cold.responsiveness;
  const epochCosts = r.epochMessageMs;
  return {
    hash: page.hash,
    readyBreakdownCold: page.cold.readyBreakdown,
    readyBreakdownWarm: page.warm.readyBreakdown,
    readyColdMs: page.cold.readyMs,
    readyWarmMs: page.warm.readyMs,
    firstEpochColdMs: page.cold.navigationToFirstEpochMs,
    firstEpochWarmMs: page.warm.navigationToFirstEpochMs,
    clickToFirstEpochColdMs: page.cold.clickToFirstEpochMs,
    clickToFirstEpochWarmMs: page.warm.clickToFirstEpochMs,
    windowMs: r.windowMs,
    longTaskObserver: r.longTaskObserver,
    longTasks: r.longTasks.length,
    longestTaskMs: r.longTasks.reduce(
      (/** @type {number} */ m, /** @type {any} */ t) => Math.max(m, t.duration),
      0,
    ),
    longAnimationFrames: r.longAnimationFrames.length,
    longFrameScripts: longFrameScripts(r.longAnimationFrames),
    frames: r.frames,
    worstFrameGapMs: r.frameGapsMs.length > 0 ? Math.max(...r.frameGapsMs) : null,
    p99FrameGapMs: quantile(r.frameGapsMs, 0.99),
    firstEpochMessageMs: epochCosts[0] ?? null,
    laterEpochMessageMs: summarize(epochCosts.slice(1)),
    progressMessageMs: summarize(r.progressMessageMs),
    /** Each staged panel's update task after epoch 1 (absent in results from before staging). */
    panelUpdateMs: summarize(
      (r.panelUpdates ?? []).map((/** @type {{ duration: number }} */ u) => u.duration),
    ),
    slowestPanel: (r.panelUpdates ?? []).reduce(
      (/** @type {any} */ worst, /** @type {any} */ u) =>
        worst === null || u.duration > worst.duration ? u : worst,
      null,
    ),
  };
}

/** The app's charts in the chart-cost run, by the key of their per-epoch timings. */
export const CHARTS = /** @type {const} */ ([
  ['loss', 'lossMs', 'loss/accuracy'],
  ['histogram', 'histogramMs', 'histogram'],
  ['split', 'splitMs', 'loss split'],
  ['reliability', 'reliabilityMs', 'reliability'],
  ['calibration', 'calibrationMs', 'ECE/MCE'],
]);

/** @param {any} chartCost */
function chartFigures(chartCost) {
  if (!chartCost) return null;
  /** @type {Record<string, any>} */
  const out = { browser: chartCost.browser };
  for (const [epochs, repetitions] of Object.entries(chartCost)) {
    if (epochs === 'browser') continue;
    // Per epoch, the median over repetitions: one GC pause or load spike does not make a row.
    const perEpoch = (/** @type {string} */ key) =>
      repetitions[0][key].map((/** @type {number} */ _, /** @type {number} */ i) =>
        median(repetitions.map((/** @type {any} */ r) => r[key][i])),
      );
    /** @type {Record<string, { label: string, ms: any, p95: number | null }>} */
    const charts = {};
    for (const [name, key, label] of CHARTS) {
      if (!repetitions[0][key]) continue; // results saved before the bench timed this chart
      const ms = perEpoch(key);
      charts[name] = { label, ms: summarize(ms), p95: quantile(ms, 0.95) };
    }
    const p95s = Object.values(charts).map((c) => c.p95 ?? Number.NaN);
    out[epochs] = { repetitions: repetitions.length, charts, worstP95: Math.max(...p95s) };
  }
  return out;
}

/**
 * @param {any} results what run.mjs collected
 */
export function analyze(results) {
  /** @type {Record<string, any>} */
  const backends = {};
  for (const [backend, raw] of Object.entries(results.backends ?? {})) {
    const batchScaling = scalingFigures(raw.batchScaling ?? null);
    const sizeScaling = scalingFigures(raw.sizeScaling ?? null);
    const upTo256 = (batchScaling ?? []).filter((p) => p.batchSize >= 32 && p.batchSize <= 256);
    const covered = [32, 64, 128, 256].every((size) => upTo256.some((p) => p.batchSize === size));
    let sizeLinearity = null;
    if (sizeScaling && sizeScaling.length >= 2) {
      const fit = linearFit(
        sizeScaling.map((p) => p.imagesPerEpoch),
        sizeScaling.map((p) => p.steadyEpochMs ?? Number.NaN),
      );
      const perImage = sizeScaling.map((p) => p.msPerImage ?? Number.NaN);
      sizeLinearity = { ...fit, perImageSpread: Math.max(...perImage) / Math.min(...perImage) };
    }
    const readbackLatencyMs = summarize(raw.readbackLatencyMs ?? []);
    backends[backend] = {
      throughput: (raw.throughput ?? []).map((/** @type {any} */ entry) =>
        withReadbackGain(throughputFigures(entry), readbackLatencyMs?.median),
      ),
      readbackLatencyMs,
      batchScaling,
      /** null when batch sizes 32–256 were not all measured. */
      batchNonDecreasing: covered
        ? isNonDecreasing(upTo256.map((p) => p.imagesPerSecond ?? Number.NaN))
        : null,
      sizeScaling,
      sizeLinearity,
      memory: memoryFigures(raw.memory ?? null),
      page: pageFigures(raw.page ?? null),
    };
  }
  const chart = chartFigures(results.chartCost);
  return { backends, chart, targets: checkTargets(backends, chart, results.bytes) };
}

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
 * Each target against its figure. A figure that was not measured is "n/a" with the reason,
 * never a pass.
 * @param {Record<string, any>} backends analysed figures per backend
 * @param {any} chart analysed chart cost
 * @param {any} bytes build bytes
 * @returns {{ where: string, name: string, target: string, measured: string, status: 'pass' | 'fail' | 'n/a' }[]}
 */
export function checkTargets(backends, chart, bytes) {
  const times = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
  const ms = (/** @type {number} */ v) => `${v.toFixed(0)} ms`;
  /** @type {[string, string, string, number | boolean | null | undefined, (v: number) => boolean, (v: number) => string, string][]} */
  const rows = [];
  for (const [where, b] of Object.entries(backends)) {
    const [main, page, mem] = [b.throughput[0], b.page, b.memory];
    const noPage = 'app page run failed';
    const gpu = mem?.first.backendBytes[mem.gpuKey];
    rows.push(
      [
        where,
        'app loop / (fit + onBatchEnd)',
        `≥ ${TARGETS.vsFitCallback}×`,
        main?.vsFitCallback?.ofMedians?.value,
        (v) => v >= TARGETS.vsFitCallback,
        times,
        'throughput not measured',
      ],
      [
        where,
        'app loop / plain fit',
        `≥ ${TARGETS.vsFit}×`,
        main?.vsFit?.ofMedians?.value,
        (v) => v >= TARGETS.vsFit,
        times,
        'throughput not measured',
      ],
      [
        where,
        'throughput, batch 32 → 256',
        'non-decreasing',
        b.batchNonDecreasing,
        (v) => v === 1,
        (v) => (v === 1 ? 'non-decreasing' : 'falls'),
        'batch sizes 32–256 not all measured',
      ],
      [
        where,
        'page ready, cold',
        `≤ ${TARGETS.pageReadyMs} ms`,
        page?.readyColdMs,
        (v) => v <= TARGETS.pageReadyMs,
        ms,
        noPage,
      ],
      [
        where,
        'page ready, warm',
        `≤ ${TARGETS.pageReadyMs} ms`,
        page?.readyWarmMs,
        (v) => v <= TARGETS.pageReadyMs,
        ms,
        noPage,
      ],
      [
        where,
        'long tasks after epoch 1',
        `${TARGETS.longTasks}`,
        page?.longTaskObserver ? page.longTasks : null,
        (v) => v <= TARGETS.longTasks,
        String,
        page ? 'this Chromium has no longtask observer' : noPage,
      ],
      [
        where,
        'numTensors, epoch 2 vs last',
        'identical',
        mem?.tensorsIdentical,
        (v) => v === 1,
        () => `${mem.first.numTensors} → ${mem.last.numTensors}`,
        'memory run failed',
      ],
      [
        where,
        'GPU bytes in use, epoch 2 vs last',
        'identical',
        gpu === undefined ? null : mem.gpuBytesIdentical,
        (v) => v === 1,
        () => `${gpu} → ${mem?.last.backendBytes[mem.gpuKey]}`,
        mem ? 'backend reports no numBytesInGPU' : 'memory run failed',
      ],
    );
  }
  rows.push(
    [
      'page',
      'one chart update, p95 of 40 epochs (slowest chart)',
      `≤ ${TARGETS.chartUpdateMs} ms`,
      chart?.['40']?.worstP95,
      (v) => v <= TARGETS.chartUpdateMs,
      (v) => `${v.toFixed(2)} ms`,
      'chart cost not measured',
    ],
    [
      'build',
      'main-thread JS, gzip -9',
      `≤ ${TARGETS.mainThreadGzipBytes / 1000} kB`,
      bytes?.mainThreadJs?.gzip,
      (v) => v <= TARGETS.mainThreadGzipBytes,
      (v) => `${(v / 1000).toFixed(1)} kB`,
      'bytes not measured',
    ],
  );
  return rows.map(([where, name, target, value, pass, show, whyMissing]) => {
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
