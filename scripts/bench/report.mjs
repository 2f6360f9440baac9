// The bench's report: Markdown tables (readable in a terminal, pasted into docs/performance.md).
// Every cell is a measured number or "n/a (reason)", never an estimate.
import { n, range, table } from './markdown.mjs';
import { CHARTS } from './pageFigures.mjs';
import { kernelTables, loopTables, scalingTables } from './reportLoops.mjs';

/** "87.2 kB (240.1 kB)": gzip -9, then raw; n/a when not measured. */
function kB(/** @type {{ gzip: number, raw: number } | undefined} */ weight) {
  return weight
    ? `${(weight.gzip / 1000).toFixed(1)} kB (${(weight.raw / 1000).toFixed(1)} kB)`
    : 'n/a';
}

/**
 * @param {any} results what run.mjs collected
 * @param {ReturnType<typeof import('./analyze.mjs').analyze>} analysis
 * @returns {string}
 */
export function markdownReport(results, analysis) {
  const backends = Object.keys(analysis.backends);
  // WASM may have only the page section (the GPU paths also run the app-loop sections).
  const looped = backends.filter((b) => results.backends[b].plan?.batchScaling);
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

  lines.push(
    ...loopTables(analysis, looped),
    ...scalingTables(results, analysis, looped),
    ...pageTables(analysis, backends),
    ...kernelTables(results, looped),
  );

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
        'first-screen JS: entry, static imports, modulepreloads, gzip -9 (raw)',
        kB(bytes?.firstScreenJs),
      ],
      ['lazy chunks (views, panels, charts), gzip -9 (raw)', kB(bytes?.lazyJs)],
      ['all main-thread JS, gzip -9 (raw)', kB(bytes?.mainThreadJs)],
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

/**
 * The real app page: ready, first epoch, long tasks, frames, messages, memory.
 * @param {ReturnType<typeof import('./analyze.mjs').analyze>} analysis
 * @param {string[]} backends
 * @returns {string[]} Markdown lines
 */
function pageTables(analysis, backends) {
  /** @type {string[]} */
  const lines = [];
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
  return lines;
}
