// Expected and maximum calibration error per epoch, as two lines in percent. Built once per
// canvas, then fed one epoch at a time (append in place, update('none')).

import type { Chart, ChartDataset, LegendItem, Point } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { percentText } from '../state/caption';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { createHistoryTracker } from './streaming';
import { applyBaseTheme, scaleBorderWidths, type ChartTheme } from './theme';

export type CalibrationErrorChart = Chart<'line', Point[]>;

const ECE = 0;
const MCE = 1;

/** MCE dashed, so the two lines differ by more than hue. */
const MCE_DASH = [6, 4];

function line(label: string, width: number, dash: number[]): ChartDataset<'line', Point[]> {
  return {
    label,
    data: [],
    borderWidth: width,
    borderDash: dash,
    pointRadius: 0,
    pointHoverRadius: 4,
    pointStyle: 'line',
  };
}

/** Legend entries drawn as strokes with each line's dash. */
function legendLabels(chart: Chart): LegendItem[] {
  const items = registeredChart().defaults.plugins.legend.labels.generateLabels(chart);
  return items.map((item) => ({
    ...item,
    pointStyle: 'line',
    lineDash: item.datasetIndex === MCE ? MCE_DASH : [],
  }));
}

export function createCalibrationErrorChart(
  canvas: HTMLCanvasElement,
  totalEpochs: number,
): CalibrationErrorChart {
  const ChartConstructor = registeredChart();
  return new ChartConstructor<'line', Point[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('ECE: mean gap, weighted by examples', 3, []),
        line('MCE: largest gap in any bin', 2, MCE_DASH),
      ],
    },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: 1,
          max: Math.max(totalEpochs, 2),
          title: { display: true, text: 'Epoch' },
          ticks: { precision: 0 },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          suggestedMax: 0.1,
          title: { display: true, text: 'Calibration error' },
          ticks: { callback: (value) => percentText(Number(value)) },
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
            label: (item) =>
              `${item.datasetIndex === ECE ? 'ECE' : 'MCE'}: ${percentText(item.parsed.y ?? NaN)}`,
          },
        },
      },
    },
  });
}

export function applyCalibrationErrorTheme(chart: CalibrationErrorChart, theme: ChartTheme): void {
  const datasets = chart.data.datasets;
  datasets[ECE].borderColor = theme.ece;
  datasets[ECE].backgroundColor = theme.ece;
  datasets[MCE].borderColor = theme.mce;
  datasets[MCE].backgroundColor = theme.mce;
  scaleBorderWidths(datasets, theme);
  applyBaseTheme(chart.options, theme);
}

/** Append new epochs in place; start over when `epochs` no longer extends what is drawn. */
export function createCalibrationErrorSync(
  chart: CalibrationErrorChart,
): (epochs: readonly EpochMetrics[], totalEpochs: number) => number {
  const track = createHistoryTracker<EpochMetrics>();
  return (epochs, totalEpochs) => {
    const datasets = chart.data.datasets;
    const { restart, added } = track(epochs);
    if (restart) for (const dataset of datasets) dataset.data = [];
    for (const metrics of added) {
      datasets[ECE].data.push({ x: metrics.epoch, y: metrics.ece });
      datasets[MCE].data.push({ x: metrics.epoch, y: metrics.mce });
    }
    const xScale = chart.options.scales?.x;
    if (xScale) xScale.max = Math.max(totalEpochs, 2);
    chart.update('none');
    return datasets[ECE].data.length;
  };
}
