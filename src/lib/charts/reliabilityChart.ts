// The reliability diagram's Chart.js side (Guo et al. 2017, fig. 1): per confidence bin, a bar
// of accuracy, a hatched "gap" bar from accuracy up (or down) to the bin's mean confidence, the
// diagonal of perfect calibration, and beneath, on a second y-axis stacked under the first,
// how many examples each bin holds. Built once; points are replaced when the diagram changes.

import type { Chart, ChartDataset, TooltipItem } from 'chart.js';
import type { ReliabilityDiagram } from '../core/types';
import { formatPercent } from '../format';
import { axisTitle, percentTicks } from './parts/axes';
import { barDataset, type FloatingBarPoint } from './parts/datasets';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { applyStrokesAndBase, hatchPattern, type ChartTheme } from './theme';

/** A gap bar floats from accuracy to confidence. */
export type ReliabilityPoint = FloatingBarPoint;
export type ReliabilityChart = Chart<'bar' | 'line', ReliabilityPoint[]>;

const ACCURACY = 0;
const GAP = 1;
const DIAGONAL = 2;
const COUNT = 3;

const COUNT_FORMAT = new Intl.NumberFormat('en-US');
const formatCount = (value: number) => COUNT_FORMAT.format(value);

const X_TICKS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** With two classes the predicted class's probability is at least this. */
const LOWEST_CONFIDENCE = 0.5;

export interface ReliabilityBin {
  lower: number;
  upper: number;
  centre: number;
  count: number;
  /** NaN for an empty bin: nothing to draw. */
  accuracy: number;
  confidence: number;
}

/**
 * The bins worth drawing: from the one holding confidence 0.5 (or any lower non-empty one) up to
 * 1. Two-class confidences never fall below 0.5, so the bins below would always stand empty.
 */
export function reliabilityBins(diagram: ReliabilityDiagram): ReliabilityBin[] {
  const { edges, count, accuracy, confidence } = diagram;
  const bins = edges.length - 1;
  let first = 0;
  while (first < bins - 1 && edges[first + 1] < LOWEST_CONFIDENCE && !(count[first] > 0)) first++;
  const shown: ReliabilityBin[] = [];
  for (let bin = first; bin < bins; bin++) {
    const filled = count[bin] > 0;
    shown.push({
      lower: edges[bin],
      upper: edges[bin + 1],
      centre: (edges[bin] + edges[bin + 1]) / 2,
      count: count[bin] ?? 0,
      accuracy: filled ? accuracy[bin] : Number.NaN,
      confidence: filled ? confidence[bin] : Number.NaN,
    });
  }
  return shown;
}

/** The largest bin count over `diagrams`, so the count axis holds still while scrubbing. */
export function peakReliabilityCount(diagrams: readonly ReliabilityDiagram[]): number {
  let peak = 0;
  for (const diagram of diagrams) for (const count of diagram.count) peak = Math.max(peak, count);
  return peak;
}

/**
 * A bin's confidence range with just enough decimals that its ends differ: equal-mass bins of a
 * sure network are narrow near 1 (0.9998–0.99995), which two decimals would show as "1–1".
 */
export function binRangeText(lower: number, upper: number): string {
  let digits = 2;
  while (digits < 12 && Number(lower.toFixed(digits)) === Number(upper.toFixed(digits))) digits++;
  return `${Number(lower.toFixed(digits))}–${Number(upper.toFixed(digits))}`;
}

/** A confidence for a tick: 4 decimals, or how far below 1 it is once that would read "1". */
export function confidenceTickText(confidence: number): string {
  if (confidence >= 1) return '1';
  return 1 - confidence < 5e-5
    ? `1−${(1 - confidence).toExponential(0)}`
    : String(Number(confidence.toFixed(4)));
}

/**
 * How bins are laid out along x: at their confidence (equal-width bins), or side by side in
 * confidence order, one unit each (equal-mass bins, which crowd into a sliver near 1 on a
 * confidence axis); the dashed line then runs through each bin's mean confidence.
 */
export type ReliabilityLayout = 'confidence' | 'rank';

function gapText(bin: ReliabilityBin): string {
  const gap = bin.confidence - bin.accuracy;
  const points = Math.abs(gap * 100).toFixed(1);
  const kind = gap > 0 ? 'over-confident' : gap < 0 ? 'under-confident' : 'calibrated';
  return `Confidence ${formatPercent(bin.confidence)}: ${points} points ${kind}`;
}

export interface ReliabilityView {
  chart: ReliabilityChart;
  /** Draw `diagram` (null: empty); `peakCount` fixes the count axis. */
  show(diagram: ReliabilityDiagram | null, peakCount: number, layout?: ReliabilityLayout): void;
}

export function createReliabilityChart(canvas: HTMLCanvasElement): ReliabilityView {
  let bins: ReliabilityBin[] = [];
  let layout: ReliabilityLayout = 'confidence';
  const binAt = (item: TooltipItem<'bar' | 'line'>) => bins[item.dataIndex];

  // Accuracy and gap share a bin: drawn over each other (not grouped), not side by side.
  const bar = (label: string, yAxisID: 'accuracy' | 'count') =>
    barDataset<ReliabilityPoint>(label, 1, 1, { yAxisID, grouped: false });
  const gap: ChartDataset<'bar', ReliabilityPoint[]> = {
    ...bar('Gap to mean confidence (hatched)', 'accuracy'),
    // The only dataset Chart.js parses: it turns [start, end] into a floating bar.
    parsing: { xAxisKey: 'x', yAxisKey: 'y' },
    borderWidth: 1.5,
  };
  const diagonal: ChartDataset<'line', ReliabilityPoint[]> = {
    type: 'line',
    label: 'Perfect calibration',
    data: [],
    yAxisID: 'accuracy',
    borderWidth: 1.5,
    borderDash: [4, 4],
    pointRadius: 0,
    pointHoverRadius: 0,
  };

  const ChartConstructor = registeredChart();
  const chart = new ChartConstructor<'bar' | 'line', ReliabilityPoint[]>(canvas, {
    type: 'bar',
    data: {
      datasets: [bar('Accuracy', 'accuracy'), gap, diagonal, bar('Examples', 'count')],
    },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          offset: false,
          min: 0,
          max: 1,
          title: axisTitle('Confidence (probability of the predicted class)'),
          // Round ticks from 50% rather than one at the first bin's edge (46.7%).
          afterBuildTicks: (scale) => {
            scale.ticks =
              layout === 'rank'
                ? bins.map((_, i) => ({ value: i + 0.5 }))
                : X_TICKS.filter((value) => value >= scale.min).map((value) => ({ value }));
          },
          ticks: {
            callback: (value) => {
              if (layout !== 'rank') return percentTicks().callback(value);
              // A bin's mean confidence under it, with the digits it needs.
              const bin = bins[Math.floor(Number(value))];
              return bin ? confidenceTickText(bin.confidence) : '';
            },
          },
        },
        // Stacked scales share one x-axis. Chart.js stacks left-hand axes from the last listed
        // down, so the count panel is listed first to sit below the accuracy panel.
        count: {
          type: 'linear',
          position: 'left',
          stack: 'panels',
          stackWeight: 1,
          beginAtZero: true,
          title: axisTitle('Examples'),
          ticks: {
            precision: 0,
            maxTicksLimit: 3,
            // The top label would sit on the accuracy panel's 0%: the grid line is enough there.
            callback: (value, index, ticks) =>
              index === ticks.length - 1 ? '' : formatCount(Number(value)),
          },
        },
        accuracy: {
          type: 'linear',
          position: 'left',
          stack: 'panels',
          stackWeight: 3,
          min: 0,
          max: 1,
          title: axisTitle('Accuracy'),
          ticks: percentTicks(),
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          filter: (item) => item.datasetIndex !== DIAGONAL && (binAt(item)?.count ?? 0) > 0,
          callbacks: {
            title: (items) => {
              const bin = items.length > 0 ? binAt(items[0]) : undefined;
              return bin ? `Confidence ${binRangeText(bin.lower, bin.upper)}` : '';
            },
            label: (item) => {
              const bin = binAt(item);
              if (bin === undefined) return '';
              if (item.datasetIndex === GAP) return gapText(bin);
              if (item.datasetIndex === COUNT) return `Examples: ${bin.count}`;
              return `Accuracy: ${formatPercent(bin.accuracy)}`;
            },
          },
        },
      },
    },
  });

  const show: ReliabilityView['show'] = (diagram, peakCount, shownLayout = 'confidence') => {
    layout = shownLayout;
    bins = diagram ? reliabilityBins(diagram) : [];
    if (layout === 'rank') bins = bins.filter((bin) => bin.count > 0);
    const xOf = (bin: ReliabilityBin, i: number) => (layout === 'rank' ? i + 0.5 : bin.centre);
    const datasets = chart.data.datasets;
    datasets[ACCURACY].data = bins.map((bin, i) => ({ x: xOf(bin, i), y: bin.accuracy }));
    // An empty bin gets a plain NaN, which Chart.js skips (a [NaN, NaN] pair would parse as 0).
    datasets[GAP].data = bins.map((bin, i) => ({
      x: xOf(bin, i),
      y: bin.count > 0 ? [bin.accuracy, bin.confidence] : Number.NaN,
    }));
    datasets[COUNT].data = bins.map((bin, i) => ({ x: xOf(bin, i), y: bin.count }));
    const xMin = layout === 'rank' ? 0 : (bins[0]?.lower ?? 0);
    datasets[DIAGONAL].data =
      layout === 'rank'
        ? bins.map((bin, i) => ({ x: xOf(bin, i), y: bin.confidence }))
        : [
            { x: xMin, y: xMin },
            { x: 1, y: 1 },
          ];
    datasets[DIAGONAL].label =
      layout === 'rank' ? 'Mean confidence (perfect calibration)' : 'Perfect calibration';
    const scales = chart.options.scales;
    if (scales?.x) {
      scales.x.min = xMin;
      scales.x.max = layout === 'rank' ? Math.max(1, bins.length) : 1;
      const title = (scales.x as { title?: { text?: string } }).title;
      if (title)
        title.text =
          layout === 'rank'
            ? 'Equal-mass bins in confidence order (each holds about the same number of images; tick: mean confidence)'
            : 'Confidence (probability of the predicted class)';
    }
    if (scales?.count) scales.count.suggestedMax = peakCount;
    chart.update('none');
  };

  return { chart, show };
}

export function applyReliabilityTheme(chart: ReliabilityChart, theme: ChartTheme): void {
  const datasets = chart.data.datasets;
  datasets[ACCURACY].backgroundColor = theme.correct;
  datasets[ACCURACY].borderColor = theme.correctBorder;
  datasets[GAP].backgroundColor = hatchPattern(theme.gap, theme.wrongHatch);
  datasets[GAP].borderColor = theme.gapBorder;
  datasets[DIAGONAL].borderColor = theme.reference;
  datasets[DIAGONAL].backgroundColor = 'transparent';
  datasets[COUNT].backgroundColor = theme.count;
  datasets[COUNT].borderColor = theme.count;
  applyStrokesAndBase(chart, theme);
}
