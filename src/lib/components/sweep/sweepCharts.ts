// The sweep's Chart.js charts: a figure per arm (mean over seeds, the seeds' min–max as a band)
// and each arm's seed-averaged validation-loss curve with its band. Built once per canvas and
// refilled with `update('none')`; the Filler plugin draws the bands between a low and a high
// dataset (registered here: only these charts fill).

import { Filler, type Chart, type ChartDataset } from 'chart.js';
import { lineChart, registeredChart } from '../../charts/register';
import { applyStrokesAndBase, type ChartTheme } from '../../charts/theme';
import { tickLines, type CurveSeries, type MetricSeries, type Point } from './sweepChartData';

/** Okabe–Ito, colour-blind safe, one per arm (a grid has at most 25 arms: the colours repeat). */
const ARM_COLOURS = [
  '#000000',
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#d55e00',
  '#0072b2',
  '#cc79a7',
  '#f0e442',
];
export const armColour = (index: number) => ARM_COLOURS[index % ARM_COLOURS.length];

function translucent(colour: string, alpha: number): string {
  const value = Number.parseInt(colour.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

type LineSet = ChartDataset<'line', Point[]>;

function band(label: string, colour: string, low: Point[], high: Point[]): LineSet[] {
  const edge = { pointRadius: 0, borderWidth: 0, borderColor: 'transparent' };
  return [
    { label: `${label} (low)`, data: low, fill: false, ...edge },
    { label, data: high, fill: '-1', backgroundColor: translucent(colour, 0.18), ...edge },
  ];
}

let fillerRegistered = false;
function withFiller(): void {
  if (!fillerRegistered) registeredChart().register(Filler);
  fillerRegistered = true;
}

/** Band datasets' legend entries are the "(low)" halves: hidden, so each band is named once. */
const legendFilter = (item: { text: string }) => !item.text.endsWith('(low)');
/** On the curves chart the bands go unnamed: one legend entry per arm. */
const curveLegendFilter = (item: { text: string }) =>
  legendFilter(item) && !item.text.endsWith('(band)');

export function createMetricChart(canvas: HTMLCanvasElement): Chart<'line', Point[]> {
  withFiller();
  return lineChart<Point>(canvas, [], {
    scales: {
      x: { type: 'linear', offset: true, ticks: { stepSize: 1, autoSkip: false } },
      y: { type: 'linear', title: { display: true, text: '' } },
    },
    plugins: { legend: { labels: { filter: legendFilter } } },
  });
}

export function fillMetricChart(
  chart: Chart<'line', Point[]>,
  series: MetricSeries,
  label: string,
) {
  const theme = '#0072b2';
  chart.data.datasets = [
    ...band('min–max over seeds', theme, series.low, series.high),
    ...band('± sd over seeds', theme, series.sdLow, series.sdHigh),
    {
      label: `${label}, mean over seeds`,
      data: series.mean,
      borderColor: theme,
      backgroundColor: theme,
      pointRadius: 4,
      borderWidth: 2,
    },
  ];
  const x = chart.options.scales?.x;
  if (x) {
    x.min = 0;
    x.max = Math.max(0, series.labels.length - 1);
    (x.ticks as { callback?: unknown }).callback = (value: number | string) =>
      tickLines(series.labels[Number(value)] ?? '');
  }
  const y = chart.options.scales?.y as { title?: { text?: string } } | undefined;
  if (y?.title) y.title.text = label;
  chart.update('none');
}

export function createCurvesChart(canvas: HTMLCanvasElement): Chart<'line', Point[]> {
  withFiller();
  return lineChart<Point>(canvas, [], {
    scales: {
      x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
      y: {
        type: 'linear',
        title: { display: true, text: 'validation NLL (evaluation half)' },
      },
    },
    plugins: { legend: { labels: { filter: curveLegendFilter } } },
  });
}

export function fillCurvesChart(chart: Chart<'line', Point[]>, curves: readonly CurveSeries[]) {
  chart.data.datasets = curves.flatMap((curve, index) => {
    const colour = armColour(index);
    return [
      ...band(`${curve.label}: seeds' range (band)`, colour, curve.low, curve.high),
      {
        label: curve.label,
        data: curve.mean,
        borderColor: colour,
        backgroundColor: colour,
        pointRadius: 0,
        borderWidth: 2,
        borderDash: index % 2 === 1 ? [6, 3] : [],
      } satisfies LineSet,
    ];
  });
  chart.update('none');
}

/** Text, grid and stroke widths from the page's theme. */
export function applySweepTheme(chart: Chart<'line', Point[]>, theme: ChartTheme): void {
  applyStrokesAndBase(chart as never, theme);
}
