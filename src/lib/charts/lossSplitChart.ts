// Who pays the validation loss: per epoch, the mean loss stacked as the correct examples' part
// plus the wrong examples' part (hatched), and the wrong examples' share of the validation set
// as a line on a second axis. Built once per canvas, then fed one epoch at a time.

import type { Chart, ChartDataset, Point, TooltipItem } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { formatPercent } from '../format';
import { lossShare } from '../state/story';
import { percentTicks, rightAxis, valueAxis } from './parts/axes';
import { barDataset } from './parts/datasets';
import { epochScale, epochTooltip, setEpochCount } from './parts/epochAxis';
import { restyledLegend, strokeLegend } from './parts/legend';
import { exactValue } from './parts/readout';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { createHistoryTracker } from './parts/streaming';
import { applyStrokesAndBase, paintCorrectAndWrong, type ChartTheme } from './theme';

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
const legendLabels = restyledLegend((item) =>
  item.datasetIndex === WRONG_SHARE
    ? { ...item, pointStyle: 'line', lineDash: SHARE_DASH, lineWidth: 2 }
    : { ...item, pointStyle: 'rect' },
);

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

  const bar = (label: string) =>
    barDataset<Point>(label, 1, 0.85, { yAxisID: 'loss', stack: 'loss' });
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
        // Bars centred on their epoch: half a slot of room at each end, grid lines between.
        x: { ...epochScale(totalEpochs), stacked: true, offset: true, grid: { offset: false } },
        loss: valueAxis('left', 'Validation loss (mean)', { stacked: true, beginAtZero: true }),
        wrongShare: rightAxis('Wrong examples', { beginAtZero: true, ticks: percentTicks() }),
      },
      plugins: {
        legend: strokeLegend(legendLabels),
        tooltip: epochTooltip(label, (items) => {
          const metrics = byEpoch.get(items[0]?.parsed.x ?? Number.NaN);
          return metrics ? `Validation loss: ${exactValue('loss', metrics.validationLoss)}` : '';
        }),
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
    setEpochCount(chart, total);
    chart.update('none');
    return datasets[CORRECT].data.length;
  };

  return { chart, sync };
}

export function applyLossSplitTheme(chart: LossSplitChart, theme: ChartTheme): void {
  const [correct, wrong, share] = chart.data.datasets;
  paintCorrectAndWrong(correct, wrong, theme);
  share.borderColor = theme.reference;
  share.backgroundColor = theme.reference;
  applyStrokesAndBase(chart, theme);
}
