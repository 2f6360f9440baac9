// The worked example's chart: loss against the logit gap g = |z₀ − z₁|, for a right answer
// (log(1 + e^−g), falling to 0) and a wrong one (g + log(1 + e^−g), a straight line), with the
// current logits marked on both. The curves are fixed; only the two markers move.

import type { Chart, ChartDataset, Point } from 'chart.js';
import { lossCurves, MAX_GAP } from '../state/examples';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { scaleBorderWidths, type ChartTheme } from './theme';
import { applyAxisTheme } from './trajectoryChart';

export type WorkedExampleChart = Chart<'line', Point[]>;

// Dataset order: right curve, wrong curve, then the two one-point markers.
const RIGHT_MARKER = 2;
const WRONG_MARKER = 3;
const WRONG_DASH = [6, 4];
const MARKER_RADIUS_PX = 7;

function curve(label: string, data: Point[], dash: number[]): ChartDataset<'line', Point[]> {
  return { label, data, borderWidth: 2.5, borderDash: dash, pointRadius: 0, pointHoverRadius: 0 };
}

function marker(label: string, style: 'circle' | 'triangle'): ChartDataset<'line', Point[]> {
  return {
    label,
    data: [{ x: 0, y: 0 }],
    showLine: false,
    pointStyle: style,
    pointRadius: MARKER_RADIUS_PX,
    pointHoverRadius: MARKER_RADIUS_PX + 2,
    borderWidth: 2,
    clip: MARKER_RADIUS_PX + 2,
  };
}

export function createWorkedExampleChart(canvas: HTMLCanvasElement): WorkedExampleChart {
  const ChartConstructor = registeredChart();
  const { right, wrong } = lossCurves();
  return new ChartConstructor<'line', Point[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        curve('Right: log(1 + e^−g)', right, []),
        curve('Wrong: g + log(1 + e^−g)', wrong, WRONG_DASH),
        marker('Your logits, if the predicted class is true', 'circle'),
        marker('Your logits, if the other class is true', 'triangle'),
      ],
    },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: MAX_GAP,
          title: { display: true, text: 'Logit gap g = |z₀ − z₁|' },
        },
        y: {
          type: 'linear',
          min: 0,
          max: MAX_GAP + 1,
          title: { display: true, text: 'Loss (nats)' },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: g = ${item.parsed.x?.toFixed(2)}, loss ${item.parsed.y?.toFixed(3)}`,
          },
        },
      },
    },
  });
}

/** Right in blue and solid, wrong in orange and dashed; markers outlined in the text colour. */
export function applyWorkedExampleTheme(chart: WorkedExampleChart, theme: ChartTheme): void {
  const colours = [theme.correct, theme.wrong, theme.correct, theme.wrong];
  chart.data.datasets.forEach((dataset, index) => {
    const isMarker = index >= RIGHT_MARKER;
    dataset.borderColor = isMarker ? theme.text : colours[index];
    dataset.backgroundColor = colours[index];
  });
  scaleBorderWidths(chart.data.datasets, theme);
  applyAxisTheme(chart, theme);
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
