// The two outputs a person reads: a plain-text table on the terminal and a self-contained HTML
// report (inline SVG curves of baseline and now, no scripts, every string escaped).

import { isPassing } from './compare.mjs';

/**
 * @typedef {import('./compare.mjs').Row} Row
 * @typedef {object} ReportRun
 * @property {string} name
 * @property {string} backend
 * @property {number} repeat 1-based
 * @property {string} hash
 * @property {string} error '' when the run finished
 * @property {number} seconds
 * @property {string} file path of the saved run file ('' when none)
 * @property {Record<string, number[]>} now
 * @property {Record<string, number[]> | null} baseline
 */

const COLUMNS = /** @type {const} */ ([
  'run',
  'backend',
  'metric',
  'epoch',
  'baseline',
  'now',
  'delta',
  'limit',
  'verdict',
]);
/** Okabe–Ito, as in the app: blue for the baseline, vermilion for now. */
const BASELINE_COLOUR = '#0072B2';
const NOW_COLOUR = '#D55E00';
const CHART_WIDTH = 320;
const CHART_HEIGHT = 180;
/** Room for the y labels on the left and the epoch labels below. */
const CHART_PADDING = 44;
const CHART_METRICS = ['validationLoss', 'validationAccuracy', 'trainLoss', 'ece'];

/** @param {Row} row */
const cells = (row) =>
  COLUMNS.map((column) =>
    column === 'epoch' ? (row.epoch === null ? '' : String(row.epoch)) : String(row[column]),
  );

/**
 * A fixed-width table; the verdict column last so failures line up at the right.
 * @param {Row[]} rows
 */
export function formatTable(rows) {
  const table = [COLUMNS.map(String), ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const format = (/** @type {string[]} */ line) =>
    line
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    format(table[0]),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...table.slice(1).map(format),
  ].join('\n');
}

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * One metric's curves, baseline dashed under now solid, epochs on x.
 * @param {string} metric
 * @param {number[] | undefined} baseline
 * @param {number[] | undefined} now
 */
export function svgChart(metric, baseline, now) {
  const series = [baseline, now].filter((values) => values && values.length > 0);
  const all = series.flatMap((values) => /** @type {number[]} */ (values)).filter(Number.isFinite);
  if (all.length === 0) return '';
  const epochs = Math.max(...series.map((values) => /** @type {number[]} */ (values).length));
  let [low, high] = [Math.min(...all), Math.max(...all)];
  if (high - low < 1e-12) [low, high] = [low - 0.5, high + 0.5];
  const x = (/** @type {number} */ i) =>
    CHART_PADDING + (epochs === 1 ? 0.5 : i / (epochs - 1)) * (CHART_WIDTH - 2 * CHART_PADDING);
  const y = (/** @type {number} */ v) =>
    CHART_HEIGHT - CHART_PADDING + ((low - v) / (high - low)) * (CHART_HEIGHT - 2 * CHART_PADDING);
  const line = (
    /** @type {number[] | undefined} */ values,
    /** @type {string} */ colour,
    /** @type {string} */ dash,
  ) => {
    if (!values || values.length === 0) return '';
    const points = values
      .map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : ''))
      .filter(Boolean);
    const dots = points.map((point) => {
      const [cx, cy] = point.split(',');
      return `<circle cx="${cx}" cy="${cy}" r="2" fill="${colour}"/>`;
    });
    return `<polyline fill="none" stroke="${colour}" stroke-width="2" ${dash} points="${points.join(' ')}"/>${dots.join('')}`;
  };
  const label = (/** @type {number} */ v) => escapeHtml(Number(v.toPrecision(4)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-label="${escapeHtml(metric)}: baseline and now">
<text x="${CHART_PADDING}" y="14" font-size="12">${escapeHtml(metric)}</text>
<line x1="${CHART_PADDING}" y1="${CHART_HEIGHT - CHART_PADDING}" x2="${CHART_WIDTH - CHART_PADDING}" y2="${CHART_HEIGHT - CHART_PADDING}" stroke="#888"/>
<line x1="${CHART_PADDING}" y1="${CHART_PADDING}" x2="${CHART_PADDING}" y2="${CHART_HEIGHT - CHART_PADDING}" stroke="#888"/>
<text x="2" y="${CHART_PADDING + 4}" font-size="10">${label(high)}</text>
<text x="2" y="${CHART_HEIGHT - CHART_PADDING}" font-size="10">${label(low)}</text>
<text x="${CHART_PADDING}" y="${CHART_HEIGHT - CHART_PADDING + 14}" font-size="10">epoch 1</text>
<text x="${CHART_WIDTH - CHART_PADDING}" y="${CHART_HEIGHT - CHART_PADDING + 14}" font-size="10" text-anchor="end">epoch ${epochs}</text>
${line(baseline, BASELINE_COLOUR, 'stroke-dasharray="6 4"')}
${line(now, NOW_COLOUR, '')}
</svg>`;
}

/**
 * @param {object} report
 * @param {string} report.title
 * @param {string} report.createdAt
 * @param {ReportRun[]} report.runs
 * @param {Row[]} report.rows
 * @param {boolean} report.passed
 */
export function renderHtml({ title, createdAt, runs, rows, passed }) {
  const rowHtml = rows
    .map(
      (row) =>
        `<tr class="${isPassing(row.verdict) ? 'ok' : 'bad'}">${cells(row)
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const runHtml = runs
    .map((run) => {
      const failing = rows.some(
        (row) =>
          row.run === run.name &&
          row.backend.split(' ')[0] === run.backend &&
          !isPassing(row.verdict),
      );
      const heading = `${run.name} · ${run.backend}${run.repeat > 1 ? ` · repeat ${run.repeat}` : ''}${failing ? ' · failed checks' : ''}`;
      const charts = CHART_METRICS.map((metric) =>
        svgChart(metric, run.baseline?.[metric], run.now[metric]),
      ).join('\n');
      const status = run.error
        ? `<p class="bad">Failed: ${escapeHtml(run.error)}</p>`
        : `<p>${escapeHtml(run.seconds.toFixed(0))} s · <code>${escapeHtml(run.file)}</code></p>`;
      return `<section><h2${failing ? ' class="bad"' : ''}>${escapeHtml(heading)}</h2><p><code>#${escapeHtml(run.hash)}</code></p>${status}<div class="charts">${charts}</div></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
td, th { padding: 0.15rem 0.5rem; border-bottom: 1px solid #ddd; text-align: left; }
tr.bad td, p.bad, h2.bad { color: #b00020; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.legend span { display: inline-block; width: 1.5rem; height: 0.2rem; vertical-align: middle; margin: 0 0.3rem; }
</style></head><body>
<h1>${escapeHtml(title)}: ${passed ? 'passed' : 'FAILED'}</h1>
<p>${escapeHtml(createdAt)} · <span class="legend">baseline <span style="background:${BASELINE_COLOUR}"></span> (dashed) now <span style="background:${NOW_COLOUR}"></span></span></p>
<table><thead><tr>${COLUMNS.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr></thead>
<tbody>
${rowHtml}
</tbody></table>
${runHtml}
</body></html>
`;
}
