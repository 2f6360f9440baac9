// The picture a regression test attaches to its report (curves.test.ts): a run's curves over
// its baseline's, as one self-contained SVG, so a drift is seen at a glance in the HTML report.

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
