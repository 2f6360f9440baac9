// Who pays the validation loss: per epoch, the mean loss stacked as the correct examples' part
// plus the wrong examples' part (hatched), and the wrong examples' share of the validation set
// as a line on a second axis. Built once per canvas, then fed one epoch at a time.

import type { Chart, ChartDataset, LegendItem, Point, TooltipItem } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { formatPercent } from '../format';
import { lossShare } from '../state/story';
import { exactValue } from './lossChart';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { createHistoryTracker } from './streaming';
import { applyBaseTheme, hatchPattern, scaleBorderWidths, type ChartTheme } from './theme';

export type LossSplitChart = Chart<'bar' | 'line', Point[]>;

const CORRECT = 0;
const WRONG = 1;
const WRONG_SHARE = 2;

const SHARE_DASH = [6, 4];

/** One epoch's points: the two stacked loss parts and the wrong fraction (NaN when unknown). */
export function lossSplitPoints(
  metrics: EpochMetrics,
  validationCount: number | null,
): { correct: Point; wrong: Point; wrongShare: Point } {
  const x = metrics.epoch;
  const share = lossShare(metrics, validationCount);
  return {
    correct: { x, y: metrics.validationLossCorrect },
    wrong: { x, y: metrics.validationLossWrong },
    wrongShare: { x, y: share?.wrongFraction ?? Number.NaN },
  };
}

/** The share line shows as a dashed stroke in the legend, the bars as their fill. */
function legendLabels(chart: Chart): LegendItem[] {
  const items = registeredChart().defaults.plugins.legend.labels.generateLabels(chart);
  return items.map((item) =>
    item.datasetIndex === WRONG_SHARE
      ? { ...item, pointStyle: 'line', lineDash: SHARE_DASH, lineWidth: 2 }
      : { ...item, pointStyle: 'rect' },
  );
}

export interface LossSplitView {
  chart: LossSplitChart;
  /** Bring the chart in line with `epochs`; returns the number of epochs drawn. */
  sync(
    epochs: readonly EpochMetrics[],
    totalEpochs: number,
    validationCount: number | null,
  ): number;
}

export function createLossSplitChart(
  canvas: HTMLCanvasElement,
  totalEpochs: number,
): LossSplitView {
  /** Epochs drawn, by epoch number, for the tooltip's fuller text. */
  const byEpoch = new Map<number, EpochMetrics>();
  const track = createHistoryTracker<EpochMetrics>();
  let count: number | null = null;

  const bar = (label: string): ChartDataset<'bar', Point[]> => ({
    type: 'bar',
    label,
    data: [],
    yAxisID: 'loss',
    stack: 'loss',
    borderWidth: 1,
    barPercentage: 1,
    categoryPercentage: 0.85,
  });
  const shareLine: ChartDataset<'line', Point[]> = {
    type: 'line',
    label: 'Wrong examples, % of validation set (right axis)',
    data: [],
    yAxisID: 'wrongShare',
    borderWidth: 2,
    borderDash: SHARE_DASH,
    pointRadius: 0,
    pointHoverRadius: 4,
  };

  const label = (item: TooltipItem<'bar' | 'line'>): string => {
    const metrics = byEpoch.get(item.parsed.x ?? Number.NaN);
    const value = item.parsed.y ?? Number.NaN;
    if (item.datasetIndex === WRONG_SHARE) {
      return `Wrong: ${metrics?.wrongCount ?? '—'} examples (${formatPercent(value)})`;
    }
    const share = metrics && metrics.validationLoss > 0 ? value / metrics.validationLoss : NaN;
    const who = item.datasetIndex === WRONG ? 'wrong' : 'correct';
    return `Loss of ${who} examples: ${exactValue('loss', value)} (${formatPercent(share)} of it)`;
  };

  const ChartConstructor = registeredChart();
  const chart = new ChartConstructor<'bar' | 'line', Point[]>(canvas, {
    type: 'bar',
    data: {
      datasets: [
        bar('Loss of correct examples'),
        bar('Loss of wrong examples (hatched)'),
        shareLine,
      ],
    },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'linear',
          stacked: true,
          offset: true,
          min: 1,
          max: Math.max(totalEpochs, 2),
          title: { display: true, text: 'Epoch' },
          ticks: { precision: 0 },
          grid: { offset: false },
        },
        loss: {
          type: 'linear',
          position: 'left',
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Validation loss (mean)' },
        },
        wrongShare: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          title: { display: true, text: 'Wrong examples' },
          grid: { drawOnChartArea: false },
          ticks: { callback: (value) => formatPercent(Number(value)).replace('.0%', '%') },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { usePointStyle: true, pointStyleWidth: 28, generateLabels: legendLabels },
        },
        tooltip: {
          callbacks: {
            title: (items) => (items.length > 0 ? `Epoch ${items[0].parsed.x}` : ''),
            label,
            footer: (items) => {
              const metrics = byEpoch.get(items[0]?.parsed.x ?? Number.NaN);
              return metrics
                ? `Validation loss: ${exactValue('loss', metrics.validationLoss)}`
                : '';
            },
          },
        },
      },
    },
  });

  const sync: LossSplitView['sync'] = (epochs, total, validationCount) => {
    const datasets = chart.data.datasets;
    // A new validation count changes every wrong-share point: start over then too.
    const { restart, added } = track(epochs);
    const redraw = restart || count !== validationCount;
    if (redraw) {
      for (const dataset of datasets) dataset.data = [];
      byEpoch.clear();
    }
    for (const metrics of redraw ? epochs : added) {
      const points = lossSplitPoints(metrics, validationCount);
      datasets[CORRECT].data.push(points.correct);
      datasets[WRONG].data.push(points.wrong);
      datasets[WRONG_SHARE].data.push(points.wrongShare);
      byEpoch.set(metrics.epoch, metrics);
    }
    count = validationCount;
    const xScale = chart.options.scales?.x;
    if (xScale) xScale.max = Math.max(total, 2);
    chart.update('none');
    return datasets[CORRECT].data.length;
  };

  return { chart, sync };
}

export function applyLossSplitTheme(chart: LossSplitChart, theme: ChartTheme): void {
  const [correct, wrong, share] = chart.data.datasets;
  correct.backgroundColor = theme.correct;
  correct.borderColor = theme.correctBorder;
  wrong.backgroundColor = hatchPattern(theme.wrong, theme.wrongHatch);
  wrong.borderColor = theme.wrongBorder;
  share.borderColor = theme.reference;
  share.backgroundColor = theme.reference;
  scaleBorderWidths(chart.data.datasets, theme);
  applyBaseTheme(chart.options, theme);
}
