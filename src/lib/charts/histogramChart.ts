// The logit-gap histogram's Chart.js side: stacked bars (correct / wrong) over the fixed bins of
// |z1 − z0|, plus epoch 1's total as a stepped outline. Built once; bars are updated in place.

import type { Chart, ChartDataset, ChartEvent, Point } from 'chart.js';
import type { LogitGapHistogram } from '../core/types';
import { formatEdge } from '../format';
import { axisTitle } from './parts/axes';
import { barDataset } from './parts/datasets';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { applyStrokesAndBase, paintCorrectAndWrong, type ChartTheme } from './theme';

export type HistogramChart = Chart<'bar' | 'line', Point[], string>;

const CORRECT = 0;
const WRONG = 1;
const FIRST_EPOCH = 2;

/** "0–1.5", "1.5–3", …, and "≥ 28.5" for the last bin, which also holds everything above. */
export function binLabels(edges: readonly number[]): string[] {
  const bins = edges.length - 1;
  return Array.from({ length: bins }, (_, bin) =>
    bin === bins - 1
      ? `≥ ${formatEdge(edges[bin])}`
      : `${formatEdge(edges[bin])}–${formatEdge(edges[bin + 1])}`,
  );
}

/** The tallest stacked bar over a run's epochs, so the y-axis holds still while scrubbing. */
export function peakBinCount(histograms: readonly LogitGapHistogram[]): number {
  let peak = 0;
  for (const histogram of histograms) {
    histogram.correct.forEach((count, bin) => {
      peak = Math.max(peak, count + (histogram.wrong[bin] ?? 0));
    });
  }
  return peak;
}

/** Below this canvas width the axis titles take their short words (projector's side column). */
export const NARROW_CHART_PX = 420;

/**
 * The axis titles for a canvas `width` px wide: Chart.js squeezes a title wider than its axis
 * into illegible glyphs, so a narrow chart says less (the caption under it says the rest).
 */
export function histogramAxisTitles(width: number): { x: string; y: string } {
  return width < NARROW_CHART_PX
    ? { x: 'Logit margin', y: 'Examples' }
    : {
        x: 'Margin: top logit − runner-up, |z₁ − z₀| for two (bigger = more confident)',
        y: 'Validation examples',
      };
}

export function createHistogramChart(canvas: HTMLCanvasElement): HistogramChart {
  const titles = histogramAxisTitles(canvas.parentElement?.clientWidth ?? NARROW_CHART_PX);
  const ChartConstructor = registeredChart();
  const bar = (label: string) => barDataset<Point>(label, 1.5, 0.9, { stack: 'validation' });
  const outline: ChartDataset<'line', Point[]> = {
    type: 'line',
    label: 'Epoch 1, all examples',
    data: [],
    stack: 'first-epoch', // its own stack: drawn at its height, not on top of the bars
    stepped: 'middle',
    fill: false,
    borderWidth: 2,
    borderDash: [5, 3],
    pointRadius: 0,
    pointHoverRadius: 3,
  };
  return new ChartConstructor<'bar' | 'line', Point[], string>(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [bar('Correct'), bar('Wrong (hatched)'), outline] },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'index', intersect: false },
      // Chart.js updates after onResize, so the new words are laid out at the new size.
      onResize: (chart, size) => {
        const next = histogramAxisTitles(size.width);
        const scales = chart.options.scales as Record<'x' | 'y', { title: { text: string } }>;
        scales.x.title.text = next.x;
        scales.y.title.text = next.y;
      },
      scales: {
        x: {
          type: 'category',
          stacked: true,
          title: axisTitle(titles.x),
          ticks: { maxRotation: 0, autoSkipPadding: 8 },
        },
        y: {
          type: 'linear',
          stacked: true,
          beginAtZero: true,
          title: axisTitle(titles.y),
          ticks: { precision: 0 },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => (items.length > 0 ? `Gap ${items[0].label}` : ''),
          },
        },
      },
    },
  });
}

export function applyHistogramTheme(chart: HistogramChart, theme: ChartTheme): void {
  const [correct, wrong, firstEpoch] = chart.data.datasets;
  paintCorrectAndWrong(correct, wrong, theme);
  firstEpoch.borderColor = theme.reference;
  firstEpoch.backgroundColor = 'transparent';
  applyStrokesAndBase(chart, theme);
}

function setCounts(data: Point[], counts: readonly number[]): void {
  data.forEach((point, bin) => {
    point.y = counts[bin] ?? 0;
  });
}

/**
 * Show `shown` as bars and `reference` (epoch 1) as the outline. Points are updated in place;
 * only a different number of bins (a new run with other edges) replaces the arrays.
 */
export function showHistogram(
  chart: HistogramChart,
  shown: LogitGapHistogram | null,
  reference: LogitGapHistogram | null,
  peak: number,
): void {
  const datasets = chart.data.datasets;
  const edges = shown?.edges ?? reference?.edges ?? [];
  const bins = Math.max(edges.length - 1, 0);
  if (datasets[CORRECT].data.length !== bins) {
    chart.data.labels = binLabels(edges);
    for (const dataset of datasets) {
      dataset.data = Array.from({ length: bins }, (_, bin) => ({ x: bin, y: 0 }));
    }
  }
  const zeros = new Array<number>(bins).fill(0);
  setCounts(datasets[CORRECT].data, shown?.correct ?? zeros);
  setCounts(datasets[WRONG].data, shown?.wrong ?? zeros);
  const referenceTotals = reference
    ? reference.correct.map((count, bin) => count + (reference.wrong[bin] ?? 0))
    : zeros;
  setCounts(datasets[FIRST_EPOCH].data, referenceTotals);
  const yScale = chart.options.scales?.y;
  if (yScale) yScale.suggestedMax = peak;
  chart.update('none');
}

/**
 * The bar a click landed on: its bin and stack (correct or wrong); the whole bin when the click
 * hit its column but no stack (or the epoch-1 outline); null outside the bars.
 */
export function barAtEvent(
  chart: HistogramChart,
  event: ChartEvent,
): { bin: number; stack: 'all' | 'correct' | 'wrong' } | null {
  const { native, x, y } = event;
  const area = chart.chartArea;
  if (!native || x === null || y === null || !area) return null;
  if (x < area.left || x > area.right || y < area.top || y > area.bottom) return null;
  const [hit] = chart
    .getElementsAtEventForMode(native, 'nearest', { intersect: true }, false)
    .filter((element) => element.datasetIndex === CORRECT || element.datasetIndex === WRONG);
  if (hit) return { bin: hit.index, stack: hit.datasetIndex === WRONG ? 'wrong' : 'correct' };
  const [column] = chart.getElementsAtEventForMode(native, 'index', { intersect: false }, false);
  return column ? { bin: column.index, stack: 'all' } : null;
}
