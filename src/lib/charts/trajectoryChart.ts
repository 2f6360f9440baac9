// One tracked example's trajectory: its two logits (left axis) and its loss (right axis) per
// epoch. Built once per canvas; switching examples or adding an epoch replaces the points.
// Only line pieces and linear scales are used, all already registered in register.ts.

import type { Chart, ChartDataset, Point } from 'chart.js';
import type { Trajectory } from '../state/examples';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { scaleBorderWidths, type ChartTheme } from './theme';

export type TrajectoryChart = Chart<'line', Point[]>;

const Z0 = 0;
const Z1 = 1;
const LOSS = 2;
const Z1_DASH = [6, 4];
const LOSS_DASH = [2, 3];

function line(
  label: string,
  axis: 'logit' | 'loss',
  dash: number[],
): ChartDataset<'line', Point[]> {
  return {
    label,
    data: [],
    yAxisID: axis,
    borderWidth: 2.5,
    borderDash: dash,
    pointRadius: 2,
    pointHoverRadius: 4,
  };
}

export function createTrajectoryChart(canvas: HTMLCanvasElement): TrajectoryChart {
  const ChartConstructor = registeredChart();
  return new ChartConstructor<'line', Point[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('z₀', 'logit', []),
        line('z₁', 'logit', Z1_DASH),
        line('Loss', 'loss', LOSS_DASH),
      ],
    },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: 1,
          title: { display: true, text: 'Epoch' },
          ticks: { precision: 0 },
        },
        logit: { type: 'linear', position: 'left', title: { display: true, text: 'Logit' } },
        loss: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          title: { display: true, text: 'Loss (nats)' },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => (items.length > 0 ? `Epoch ${items[0].parsed.x}` : ''),
            label: (item) => `${item.dataset.label}: ${(item.parsed.y ?? Number.NaN).toFixed(3)}`,
          },
        },
      },
    },
  });
}

/** Text, grid and axis-title colours from the theme, for every scale of `chart`. */
export function applyAxisTheme(chart: Chart, theme: ChartTheme): void {
  const options = chart.options;
  options.color = theme.text;
  options.font = { ...options.font, family: theme.fontFamily, size: theme.fontSize };
  for (const scale of Object.values(options.scales ?? {})) {
    if (scale === undefined) continue;
    scale.ticks = { ...scale.ticks, color: theme.text };
    scale.grid = { ...scale.grid, color: theme.grid };
    if ('title' in scale) scale.title = { ...scale.title, color: theme.text };
  }
}

/** z₀ blue and solid, z₁ in the text colour and dashed, loss vermilion and dotted: not hue alone. */
export function applyTrajectoryTheme(chart: TrajectoryChart, theme: ChartTheme): void {
  const colours = [theme.validationAccuracy, theme.reference, theme.validationLoss];
  chart.data.datasets.forEach((dataset, index) => {
    dataset.borderColor = colours[index];
    dataset.backgroundColor = colours[index];
  });
  scaleBorderWidths(chart.data.datasets, theme);
  applyAxisTheme(chart, theme);
}

function points(epochs: readonly number[], values: readonly number[]): Point[] {
  return epochs.map((epoch, i) => ({ x: epoch, y: values[i] }));
}

/**
 * Show `trajectory` (null: empty), naming the logits after their classes. Two classes: z₀ and
 * z₁. More: the true class's logit against its strongest rival's (whichever class that is at
 * each epoch), the pair whose gap sets the loss.
 */
export function showTrajectory(
  chart: TrajectoryChart,
  trajectory: Trajectory | null,
  classNames: readonly string[],
): void {
  const datasets = chart.data.datasets;
  const epochs = trajectory?.epoch ?? [];
  const twoClasses = classNames.length === 2;
  datasets[Z0].label = twoClasses ? `z₀ (${classNames[0]})` : 'true class’s logit';
  datasets[Z1].label = twoClasses ? `z₁ (${classNames[1]})` : 'strongest other class’s logit';
  datasets[Z0].data = points(epochs, (twoClasses ? trajectory?.z0 : trajectory?.trueLogit) ?? []);
  datasets[Z1].data = points(epochs, (twoClasses ? trajectory?.z1 : trajectory?.rivalLogit) ?? []);
  datasets[LOSS].data = points(epochs, trajectory?.loss ?? []);
  const x = chart.options.scales?.x;
  if (x) x.max = Math.max(epochs.length, 2);
  chart.update('none');
}
