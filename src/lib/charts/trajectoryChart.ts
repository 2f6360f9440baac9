// One tracked example's trajectory: its two logits (left axis) and its loss (right axis) per
// epoch. Built once per canvas; switching examples or adding an epoch replaces the points.
// Only line pieces and linear scales are used, all already registered in register.ts.

import type { Chart, ChartDataset, Point } from 'chart.js';
import type { Trajectory } from '../state/examples';
import { rightAxis, valueAxis } from './parts/axes';
import { epochScale, epochTooltip } from './parts/epochAxis';
import { lineChart } from './register';
import { applyStrokesAndBase, paintDatasets, type ChartTheme } from './theme';

export type TrajectoryChart = Chart<'line', Point[]>;

const Z0 = 0;
const Z1 = 1;
const LOSS = 2;
const Z1_DASH = [6, 4];
const LOSS_DASH = [2, 3];

/** A dot on every epoch: a trajectory is a few dozen epochs, each worth seeing. */
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
  return lineChart(
    canvas,
    [line('z₀', 'logit', []), line('z₁', 'logit', Z1_DASH), line('Loss', 'loss', LOSS_DASH)],
    {
      interaction: { mode: 'x', intersect: false },
      scales: {
        // Its end follows the trajectory shown (showTrajectory).
        x: epochScale(2),
        logit: valueAxis('left', 'Logit'),
        loss: rightAxis('Loss (nats)', { beginAtZero: true }),
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: epochTooltip(
          (item) => `${item.dataset.label}: ${(item.parsed.y ?? Number.NaN).toFixed(3)}`,
        ),
      },
    },
  );
}

/** z₀ blue and solid, z₁ in the text colour and dashed, loss vermilion and dotted: not hue alone. */
export function applyTrajectoryTheme(chart: TrajectoryChart, theme: ChartTheme): void {
  const colours = [theme.validationAccuracy, theme.reference, theme.validationLoss];
  paintDatasets(chart.data.datasets, (index) => colours[index]);
  applyStrokesAndBase(chart, theme);
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
