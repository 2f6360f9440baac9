// What each scoring rule charges one wrong answer, against the logit gap: the error (flat at 1),
// the Brier score (rising to its cap of 2) and the NLL (a straight line without end), with the
// chosen gap marked on each. The curves are fixed; only the markers move.

import type { Chart, ChartDataset, Point } from 'chart.js';
import { penaltyCurves } from '../state/story';
import { gapScales } from './parts/axes';
import { fixedCurve, pointMarker } from './parts/datasets';
import { lineChart } from './register';
import { applyStrokesAndBase, paintDatasets, type ChartTheme } from './theme';

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
    ...CURVES.map((curve) => fixedCurve(curve.label, curves[curve.key], curve.dash)),
    // Unlabelled (kept out of the legend below); at gap 0 until the first showScoringRulesPoint.
    ...CURVES.map(() => ({ ...pointMarker<Point>('', MARKER_RADIUS_PX), data: [{ x: 0, y: 0 }] })),
  ];
  return lineChart(canvas, datasets, {
    interaction: { mode: 'nearest', intersect: true },
    scales: gapScales('Logit gap of a wrong answer, |z₀ − z₁|', 'Penalty for this one image'),
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
  paintDatasets(chart.data.datasets, (index) => colours[index % CURVES.length]);
  applyStrokesAndBase(chart, theme);
}
