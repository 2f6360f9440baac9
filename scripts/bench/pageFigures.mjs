// Figures of the main thread: the real app page (time to ready and to the first epoch, long
// tasks, frame gaps, what each worker message and panel update costs) and the charts' update
// cost on the bench page. Pure: raw measurements in, plain data out.
import { median, quantile, summarize } from './stats.mjs';

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
export function pageFigures(page) {
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
export function chartFigures(chartCost) {
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
