// Three scores of the same validation predictions per epoch: the Brier score with its Murphy
// parts and the error rate (left axis, both bounded), and the NLL (right axis, nats, unbounded).
// Built once per canvas, then fed one epoch at a time (append in place, update('none')).

import type { Chart, Point } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { rightAxis, valueAxis } from './parts/axes';
import { strokeLine } from './parts/datasets';
import { epochScale, epochTooltip, setEpochCount } from './parts/epochAxis';
import { restyledLegend, strokeLegend } from './parts/legend';
import { exactValue } from './parts/readout';
import { lineChart } from './register';
import { createHistoryTracker } from './parts/streaming';
import { applyStrokesAndBase, paintDatasets, type ChartTheme } from './theme';

export type ScoringChart = Chart<'line', Point[]>;

/** One line per series; dashes tell them apart without colour. */
export const SCORING_SERIES = [
  { key: 'brier', label: 'Brier score', width: 3, dash: [], axis: 'score' },
  {
    key: 'reliability',
    label: 'Brier: reliability (miscalibration)',
    width: 2,
    dash: [6, 3],
    axis: 'score',
  },
  { key: 'resolution', label: 'Brier: resolution', width: 2, dash: [2, 3], axis: 'score' },
  {
    key: 'uncertainty',
    label: 'Brier: uncertainty (the data’s)',
    width: 1.5,
    dash: [10, 3, 2, 3],
    axis: 'score',
  },
  { key: 'error', label: 'Error rate', width: 2.5, dash: [12, 4], axis: 'score' },
  { key: 'nll', label: 'NLL (right axis, nats)', width: 3, dash: [], axis: 'nll' },
] as const;

type SeriesKey = (typeof SCORING_SERIES)[number]['key'];

/** The series' values for an epoch; NaN where the epoch has no Brier score (an older run). */
export function scoringValues(metrics: EpochMetrics): Record<SeriesKey, number> {
  const brier = metrics.brier;
  return {
    brier: brier?.score ?? Number.NaN,
    reliability: brier?.reliability ?? Number.NaN,
    resolution: brier?.resolution ?? Number.NaN,
    uncertainty: brier?.uncertainty ?? Number.NaN,
    error: 1 - metrics.validationAccuracy,
    nll: metrics.validationLoss,
  };
}

const legendLabels = restyledLegend((item) => ({
  ...item,
  pointStyle: 'line',
  lineDash: [...(SCORING_SERIES[item.datasetIndex ?? 0]?.dash ?? [])],
}));

export function createScoringChart(canvas: HTMLCanvasElement, totalEpochs: number): ScoringChart {
  const datasets = SCORING_SERIES.map((series) =>
    strokeLine<Point>(series.label, series.width, series.dash, series.axis),
  );
  return lineChart(canvas, datasets, {
    interaction: { mode: 'x', intersect: false },
    scales: {
      x: epochScale(totalEpochs),
      score: valueAxis('left', 'Brier, its parts, error rate', {
        beginAtZero: true,
        suggestedMax: 0.5,
      }),
      nll: rightAxis('NLL (nats)', { beginAtZero: true }),
    },
    plugins: {
      legend: strokeLegend(legendLabels),
      // Exact readouts: 6 significant digits, the error rate as a percent with 2 decimals.
      tooltip: epochTooltip((item) => {
        const series = SCORING_SERIES[item.datasetIndex];
        const value = item.parsed.y ?? NaN;
        return `${series?.label ?? ''}: ${exactValue(series?.key === 'error' ? 'accuracy' : 'loss', value)}`;
      }),
    },
  });
}

export function applyScoringTheme(chart: ScoringChart, theme: ChartTheme): void {
  const colours: Record<SeriesKey, string> = {
    brier: theme.ece,
    reliability: theme.wrongBorder,
    resolution: theme.mce,
    uncertainty: theme.reference,
    error: theme.validationAccuracy,
    nll: theme.validationLoss,
  };
  paintDatasets(chart.data.datasets, (index) => colours[SCORING_SERIES[index].key]);
  applyStrokesAndBase(chart, theme);
}

/** Append new epochs in place; start over when `epochs` no longer extends what is drawn. */
export function createScoringSync(
  chart: ScoringChart,
): (epochs: readonly EpochMetrics[], totalEpochs: number) => number {
  const track = createHistoryTracker<EpochMetrics>();
  return (epochs, totalEpochs) => {
    const datasets = chart.data.datasets;
    const { restart, added } = track(epochs);
    if (restart) for (const dataset of datasets) dataset.data = [];
    for (const metrics of added) {
      const values = scoringValues(metrics);
      SCORING_SERIES.forEach((series, index) => {
        datasets[index].data.push({ x: metrics.epoch, y: values[series.key] });
      });
    }
    setEpochCount(chart, totalEpochs);
    chart.update('none');
    return datasets[0].data.filter((point) => Number.isFinite(point.y)).length;
  };
}
