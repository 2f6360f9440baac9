// The worked example's chart: loss against the logit gap g = |z₀ − z₁|, for a right answer
// (log(1 + e^−g), falling to 0) and a wrong one (g + log(1 + e^−g), a straight line), with the
// current logits marked on both. The curves are fixed; only the two markers move.

import type { Chart, ChartDataset, Point } from 'chart.js';
import { lossCurves } from '../state/examples';
import { gapScales } from './parts/axes';
import { fixedCurve, pointMarker } from './parts/datasets';
import { lineChart } from './register';
import { applyStrokesAndBase, paintDatasets, type ChartTheme } from './theme';

export type WorkedExampleChart = Chart<'line', Point[]>;

// Dataset order: right curve, wrong curve, then the two one-point markers.
const RIGHT_MARKER = 2;
const WRONG_MARKER = 3;
const WRONG_DASH = [6, 4];
const MARKER_RADIUS_PX = 7;

/** A marker at gap 0 until the first showWorkedPoint. */
function marker(label: string, style: 'circle' | 'triangle'): ChartDataset<'line', Point[]> {
  return { ...pointMarker<Point>(label, MARKER_RADIUS_PX, style), data: [{ x: 0, y: 0 }] };
}

export function createWorkedExampleChart(canvas: HTMLCanvasElement): WorkedExampleChart {
  const { right, wrong } = lossCurves();
  const datasets = [
    fixedCurve('Right: log(1 + e^−g)', right, []),
    fixedCurve('Wrong: g + log(1 + e^−g)', wrong, WRONG_DASH),
    marker('Your logits, if the predicted class is true', 'circle'),
    marker('Your logits, if the other class is true', 'triangle'),
  ];
  return lineChart(canvas, datasets, {
    interaction: { mode: 'nearest', intersect: true },
    scales: gapScales('Logit gap g = |z₀ − z₁|', 'Loss (nats)'),
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label}: g = ${item.parsed.x?.toFixed(2)}, loss ${item.parsed.y?.toFixed(3)}`,
        },
      },
    },
  });
}

/** Right in blue and solid, wrong in orange and dashed; markers outlined in the text colour. */
export function applyWorkedExampleTheme(chart: WorkedExampleChart, theme: ChartTheme): void {
  const colours = [theme.correct, theme.wrong, theme.correct, theme.wrong];
  paintDatasets(
    chart.data.datasets,
    (index) => colours[index],
    (index) => (index >= RIGHT_MARKER ? theme.text : colours[index]),
  );
  applyStrokesAndBase(chart, theme);
}

/** Move the markers to gap `gap` on both curves. */
export function showWorkedPoint(
  chart: WorkedExampleChart,
  gap: number,
  lossRight: number,
  lossWrong: number,
): void {
  const datasets = chart.data.datasets;
  datasets[RIGHT_MARKER].data = [{ x: gap, y: lossRight }];
  datasets[WRONG_MARKER].data = [{ x: gap, y: lossWrong }];
  chart.update('none');
}
