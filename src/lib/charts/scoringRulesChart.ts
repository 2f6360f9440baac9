// What each scoring rule charges one wrong answer, against the logit gap: the error (flat at 1),
// the Brier score (rising to its cap of 2) and the NLL (a straight line without end), with the
// chosen gap marked on each. The curves are fixed; only the markers move.

import type { Chart, ChartDataset, Point } from 'chart.js';
import { penaltyCurves } from '../state/story';
import { MAX_GAP } from '../state/examples';
import { lineChart } from './epochAxis';
import { applyBaseTheme, scaleBorderWidths, type ChartTheme } from './theme';

export type ScoringRulesChart = Chart<'line', Point[]>;

const CURVES = [
  { key: 'nll', label: 'NLL −log p_true (nats)', dash: [] },
  { key: 'brier', label: 'Brier Σ(p − y)², capped at 2', dash: [6, 4] },
  { key: 'error', label: 'Error (0–1 loss)', dash: [2, 3] },
] as const;
const MARKER_RADIUS_PX = 6;

export function createScoringRulesChart(canvas: HTMLCanvasElement): ScoringRulesChart {
  const curves = penaltyCurves();
  const datasets: ChartDataset<'line', Point[]>[] = [
    ...CURVES.map((curve) => ({
      label: curve.label,
      data: curves[curve.key],
      borderWidth: 2.5,
      borderDash: [...curve.dash],
      pointRadius: 0,
      pointHoverRadius: 0,
    })),
    ...CURVES.map(() => ({
      label: '',
      data: [{ x: 0, y: 0 }],
      showLine: false,
      pointRadius: MARKER_RADIUS_PX,
      pointHoverRadius: MARKER_RADIUS_PX + 2,
      borderWidth: 2,
      clip: MARKER_RADIUS_PX + 2,
    })),
  ];
  return lineChart(canvas, datasets, {
    interaction: { mode: 'nearest', intersect: true },
    scales: {
      x: {
        type: 'linear',
        min: 0,
        max: MAX_GAP,
        title: { display: true, text: 'Logit gap of a wrong answer, |z₀ − z₁|' },
      },
      y: {
        type: 'linear',
        min: 0,
        max: MAX_GAP + 1,
        title: { display: true, text: 'Penalty for this one image' },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: { filter: (item) => item.text !== '' },
      },
      tooltip: { enabled: false },
    },
  });
}

/** Moves the three markers to gap g with the given penalties. */
export function showScoringRulesPoint(
  chart: ScoringRulesChart,
  gap: number,
  penalties: { nll: number; brier: number; error: number },
): void {
  CURVES.forEach((curve, index) => {
    chart.data.datasets[CURVES.length + index].data = [{ x: gap, y: penalties[curve.key] }];
  });
  chart.update('none');
}

export function applyScoringRulesTheme(chart: ScoringRulesChart, theme: ChartTheme): void {
  const colours = [theme.validationLoss, theme.ece, theme.validationAccuracy];
  chart.data.datasets.forEach((dataset, index) => {
    const colour = colours[index % CURVES.length];
    dataset.borderColor = colour;
    dataset.backgroundColor = colour;
  });
  scaleBorderWidths(chart.data.datasets, theme);
  applyBaseTheme(chart.options, theme);
}
