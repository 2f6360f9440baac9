// The loss/accuracy chart's Chart.js side: built once per canvas, then fed one epoch at a time.
// Streaming habits from the Chart.js performance docs: no animation, no parsing ({x, y} points),
// fixed x bounds, points appended in place and `update('none')`.

import type { Chart, ChartDataset, LegendItem, Point } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { formatPercent } from '../format';
import { bestEpochs } from '../state/summary';
import { registeredChart, STREAMING_OPTIONS } from './register';
import type { ChartTheme } from './theme';

export type LossChart = Chart<'line', Point[]>;

/** Dataset order; the markers are one-point datasets drawn over the lines. */
const VALIDATION_LOSS = 0;
const TRAINING_LOSS = 1;
const VALIDATION_ACCURACY = 2;
const TRAINING_ACCURACY = 3;
const BEST_LOSS_MARKER = 4;
const BEST_ACCURACY_MARKER = 5;

const TRAINING_DASH = [6, 4];
const MARKER_RADIUS_PX = 8;

function line(label: string, axis: 'loss' | 'accuracy', width: number, dash: number[]) {
  return {
    label,
    data: [] as Point[],
    yAxisID: axis,
    borderWidth: width,
    borderDash: dash,
    pointRadius: 0,
    pointHoverRadius: 4,
    pointStyle: 'line' as const,
  } satisfies ChartDataset<'line', Point[]>;
}

function marker(label: string, axis: 'loss' | 'accuracy', style: 'triangle' | 'rectRot') {
  return {
    label,
    data: [] as Point[],
    yAxisID: axis,
    showLine: false,
    pointStyle: style,
    pointRadius: MARKER_RADIUS_PX,
    pointHoverRadius: MARKER_RADIUS_PX + 2,
    borderWidth: 2,
    clip: MARKER_RADIUS_PX + 2, // a marker at epoch 1 or on an axis bound stays whole
  } satisfies ChartDataset<'line', Point[]>;
}

/** Lines show as dashed/solid strokes in the legend, markers as their point style. */
function legendLabels(chart: Chart): LegendItem[] {
  const items = registeredChart().defaults.plugins.legend.labels.generateLabels(chart);
  return items.map((item) => {
    const index = item.datasetIndex ?? 0;
    if (index >= BEST_LOSS_MARKER) return item;
    const dataset = chart.data.datasets[index] as ChartDataset<'line', Point[]>;
    return {
      ...item,
      pointStyle: 'line',
      lineDash: index === TRAINING_LOSS || index === TRAINING_ACCURACY ? TRAINING_DASH : [],
      lineWidth: typeof dataset.borderWidth === 'number' ? dataset.borderWidth : 2,
    };
  });
}

export function createLossChart(canvas: HTMLCanvasElement, totalEpochs: number): LossChart {
  const ChartConstructor = registeredChart();
  return new ChartConstructor<'line', Point[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('Validation loss', 'loss', 3, []),
        line('Training loss', 'loss', 1.5, TRAINING_DASH),
        line('Validation accuracy', 'accuracy', 3, []),
        line('Training accuracy', 'accuracy', 1.5, TRAINING_DASH),
        marker('Lowest validation loss', 'loss', 'triangle'),
        marker('Highest validation accuracy', 'accuracy', 'rectRot'),
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
        loss: {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: 'Loss (cross-entropy)' },
        },
        accuracy: {
          type: 'linear',
          position: 'right',
          suggestedMin: 0.5,
          max: 1,
          title: { display: true, text: 'Accuracy' },
          grid: { drawOnChartArea: false },
          ticks: { callback: (value) => formatPercent(Number(value)).replace('.0%', '%') },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            pointStyleWidth: 28,
            generateLabels: legendLabels,
            // Markers join the legend once they exist.
            filter: (item, data) => (data.datasets[item.datasetIndex ?? 0]?.data.length ?? 0) > 0,
          },
        },
        tooltip: {
          callbacks: {
            title: (items) => (items.length > 0 ? `Epoch ${items[0].parsed.x}` : ''),
            label: (item) => {
              const value = item.parsed.y ?? Number.NaN;
              const shown =
                item.dataset.yAxisID === 'accuracy' ? formatPercent(value) : value.toFixed(3);
              return `${item.dataset.label}: ${shown}`;
            },
          },
        },
      },
    },
  });
}

export function applyLossTheme(chart: LossChart, theme: ChartTheme): void {
  const colours = [
    theme.validationLoss,
    theme.trainingLoss,
    theme.validationAccuracy,
    theme.trainingAccuracy,
    theme.validationLoss,
    theme.validationAccuracy,
  ];
  chart.data.datasets.forEach((dataset, index) => {
    // Markers: filled with their line's colour, outlined in the text colour to stand out.
    dataset.borderColor = index >= BEST_LOSS_MARKER ? theme.text : colours[index];
    dataset.backgroundColor = colours[index];
  });
  const options = chart.options;
  options.color = theme.text;
  options.font = { ...options.font, family: theme.fontFamily, size: 13 };
  for (const [id, scale] of Object.entries(options.scales ?? {})) {
    if (scale === undefined) continue;
    scale.ticks = { ...scale.ticks, color: theme.text };
    scale.grid = { ...scale.grid, color: theme.grid };
    if ('title' in scale) {
      const titleColour =
        id === 'loss'
          ? theme.validationLoss
          : id === 'accuracy'
            ? theme.validationAccuracy
            : theme.text;
      scale.title = { ...scale.title, color: titleColour };
    }
  }
}

/**
 * Bring the chart in line with `epochs`: append new epochs' points in place; start over when the
 * history no longer extends what is plotted (a reset or a new run). Returns the epochs plotted.
 */
export function createLossSync(
  chart: LossChart,
): (epochs: readonly EpochMetrics[], totalEpochs: number) => number {
  let plotted: readonly EpochMetrics[] = [];

  return (epochs, totalEpochs) => {
    const datasets = chart.data.datasets;
    const extendsPlotted =
      plotted.length <= epochs.length && plotted.every((entry, i) => entry === epochs[i]);
    if (!extendsPlotted) {
      for (const dataset of datasets) dataset.data = [];
      plotted = [];
    }
    for (const metrics of epochs.slice(plotted.length)) {
      datasets[VALIDATION_LOSS].data.push({ x: metrics.epoch, y: metrics.validationLoss });
      datasets[TRAINING_LOSS].data.push({ x: metrics.epoch, y: metrics.trainLoss });
      datasets[VALIDATION_ACCURACY].data.push({ x: metrics.epoch, y: metrics.validationAccuracy });
      datasets[TRAINING_ACCURACY].data.push({ x: metrics.epoch, y: metrics.trainAccuracy });
    }
    plotted = epochs.slice();

    const best = bestEpochs(epochs);
    const lowest = best.lowestValidationLoss;
    const highest = best.highestValidationAccuracy;
    datasets[BEST_LOSS_MARKER].data = lowest ? [{ x: lowest.epoch, y: lowest.validationLoss }] : [];
    datasets[BEST_LOSS_MARKER].label = lowest
      ? `Lowest validation loss (epoch ${lowest.epoch})`
      : 'Lowest validation loss';
    datasets[BEST_ACCURACY_MARKER].data = highest
      ? [{ x: highest.epoch, y: highest.validationAccuracy }]
      : [];
    datasets[BEST_ACCURACY_MARKER].label = highest
      ? `Highest validation accuracy (epoch ${highest.epoch})`
      : 'Highest validation accuracy';

    const xScale = chart.options.scales?.x;
    if (xScale) xScale.max = Math.max(totalEpochs, 2);
    chart.update('none');
    return datasets[VALIDATION_LOSS].data.length;
  };
}
