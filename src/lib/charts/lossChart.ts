// The loss/accuracy chart's Chart.js side: built once per canvas, then fed one epoch at a time.
// Streaming habits from the Chart.js performance docs: no animation, no parsing ({x, y} points),
// fixed x bounds, points appended in place and `update('none')`. Optionally a previous run's
// validation lines drawn faint ("ghosts"), and a band between the two best epochs.

import type { Chart, ChartDataset, LegendItem, Point } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { formatPercent, formatSignificant } from '../format';
import { bestEpochs } from '../state/story';
import { epochBandPlugin } from './epochBand';
import { registeredChart, STREAMING_OPTIONS } from './register';
import type { OverlayEpoch } from '../state/runs';
import { createHistoryTracker } from './streaming';
import { scaleBorderWidths, type ChartTheme } from './theme';

export type LossChart = Chart<'line', Point[]>;

/** Dataset order; the markers are one-point datasets drawn over the lines. */
const VALIDATION_LOSS = 0;
const TRAINING_LOSS = 1;
const VALIDATION_ACCURACY = 2;
const TRAINING_ACCURACY = 3;
const BEST_LOSS_MARKER = 4;
const BEST_ACCURACY_MARKER = 5;
const GHOST_LOSS = 6;
const GHOST_ACCURACY = 7;

const TRAINING_DASH = [6, 4];
/** Dotted, thinner than the training lines' dashes, so a ghost never reads as this run. */
const GHOST_DASH = [2, 3];
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

function isMarker(index: number): boolean {
  return index === BEST_LOSS_MARKER || index === BEST_ACCURACY_MARKER;
}

function dashOf(index: number): number[] {
  if (index === TRAINING_LOSS || index === TRAINING_ACCURACY) return TRAINING_DASH;
  if (index === GHOST_LOSS || index === GHOST_ACCURACY) return GHOST_DASH;
  return [];
}

/** Lines show as dashed/solid strokes in the legend, markers as their point style. */
function legendLabels(chart: Chart): LegendItem[] {
  const items = registeredChart().defaults.plugins.legend.labels.generateLabels(chart);
  return items.map((item) => {
    const index = item.datasetIndex ?? 0;
    if (isMarker(index)) return item;
    const dataset = chart.data.datasets[index] as ChartDataset<'line', Point[]>;
    return {
      ...item,
      pointStyle: 'line',
      lineDash: dashOf(index),
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
        line('Previous run: validation loss', 'loss', 2, GHOST_DASH),
        line('Previous run: validation accuracy', 'accuracy', 2, GHOST_DASH),
      ],
    },
    plugins: [epochBandPlugin],
    options: {
      ...STREAMING_OPTIONS,
      // Every series at the hovered epoch. 'x' rather than 'index': the marker datasets hold one
      // point each, so an index would pair the ▲ with epoch 1 instead of its own epoch.
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
        epochBand: { from: null, to: null, color: 'transparent' },
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
            label: (item) =>
              `${item.dataset.label}: ${exactValue(item.dataset.yAxisID, item.parsed.y)}`,
          },
        },
      },
    },
  });
}

/** A hover readout's value: loss to 6 significant digits, accuracy as a percent to 0.01 %. */
export function exactValue(axis: string | undefined, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return axis === 'accuracy' ? `${(value * 100).toFixed(2)}%` : formatSignificant(value, 6);
}

/** Switches the loss axis between linear and logarithmic; the canvas says which in `data-loss-scale`. */
export function setLossScale(chart: LossChart, log: boolean): void {
  const scale = chart.options.scales?.['loss'];
  if (!scale) return;
  scale.type = log ? 'logarithmic' : 'linear';
  (scale as { beginAtZero?: boolean }).beginAtZero = !log; // a log axis has no zero
  if ('title' in scale && scale.title) {
    scale.title.text = log ? 'Loss (cross-entropy, log scale)' : 'Loss (cross-entropy)';
  }
  chart.update('none');
  chart.canvas.dataset['lossScale'] = chart.scales['loss']?.type ?? '';
}

export function applyLossTheme(chart: LossChart, theme: ChartTheme): void {
  const colours = [
    theme.validationLoss,
    theme.trainingLoss,
    theme.validationAccuracy,
    theme.trainingAccuracy,
    theme.validationLoss,
    theme.validationAccuracy,
    theme.ghostLoss,
    theme.ghostAccuracy,
  ];
  chart.data.datasets.forEach((dataset, index) => {
    if (index >= FIRST_OVERLAY) return; // compared runs keep their own hues
    // Markers: filled with their line's colour, outlined in the text colour to stand out.
    dataset.borderColor = isMarker(index) ? theme.text : colours[index];
    dataset.backgroundColor = colours[index];
  });
  scaleBorderWidths(chart.data.datasets.slice(0, FIRST_OVERLAY), theme);
  const options = chart.options;
  // Set through the options proxy field by field: spreading the proxy would copy its internals.
  const band = options.plugins?.epochBand;
  if (band) band.color = theme.band;
  options.color = theme.text;
  options.font = { ...options.font, family: theme.fontFamily, size: theme.fontSize };
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

/** A compared run (imported file or saved run), drawn as two extra validation lines. */
export interface Overlay {
  label: string;
  epochs: readonly OverlayEpoch[];
}

/** Okabe–Ito hues not used by the live run's lines: told apart by colour-blind viewers too. */
const OVERLAY_COLOURS = ['#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#000000'];
const OVERLAY_LOSS_DASH = [10, 3];
const OVERLAY_ACCURACY_DASH = [2, 2, 8, 2];
const FIRST_OVERLAY = GHOST_ACCURACY + 1;

function overlayDatasets(overlays: readonly Overlay[]): ChartDataset<'line', Point[]>[] {
  return overlays.flatMap((overlay, index) => {
    const colour = OVERLAY_COLOURS[index % OVERLAY_COLOURS.length];
    const loss = line(`${overlay.label}: validation loss`, 'loss', 2, OVERLAY_LOSS_DASH);
    const accuracy = line(
      `${overlay.label}: validation accuracy`,
      'accuracy',
      2,
      OVERLAY_ACCURACY_DASH,
    );
    loss.data = overlay.epochs.map((epoch) => ({ x: epoch.epoch, y: epoch.validationLoss }));
    accuracy.data = overlay.epochs.map((epoch) => ({
      x: epoch.epoch,
      y: epoch.validationAccuracy,
    }));
    return [loss, accuracy].map((dataset) => ({
      ...dataset,
      borderColor: colour,
      backgroundColor: colour,
    }));
  });
}

/** The previous run's validation points, or none. */
export function ghostPoints(ghost: readonly EpochMetrics[] | null): {
  loss: Point[];
  accuracy: Point[];
} {
  return {
    loss: (ghost ?? []).map((metrics) => ({ x: metrics.epoch, y: metrics.validationLoss })),
    accuracy: (ghost ?? []).map((metrics) => ({ x: metrics.epoch, y: metrics.validationAccuracy })),
  };
}

/**
 * Bring the chart in line with `epochs`: append new epochs' points in place; start over when the
 * history no longer extends what is plotted (a reset or a new run). `ghost` (a previous run) is
 * redrawn only when it is a different array. Returns the epochs plotted.
 */
export function createLossSync(
  chart: LossChart,
): (
  epochs: readonly EpochMetrics[],
  totalEpochs: number,
  ghost?: readonly EpochMetrics[] | null,
  overlays?: readonly Overlay[],
) => number {
  const track = createHistoryTracker<EpochMetrics>();
  let ghostShown: readonly EpochMetrics[] | null = null;
  let overlaysShown: readonly Overlay[] = [];
  const lines = [VALIDATION_LOSS, TRAINING_LOSS, VALIDATION_ACCURACY, TRAINING_ACCURACY];

  return (epochs, totalEpochs, ghost = null, overlays = []) => {
    const datasets = chart.data.datasets;
    if (overlays !== overlaysShown) {
      datasets.splice(FIRST_OVERLAY, datasets.length - FIRST_OVERLAY, ...overlayDatasets(overlays));
      overlaysShown = overlays;
    }
    const { restart, added } = track(epochs);
    if (restart) for (const index of lines) datasets[index].data = [];
    if (ghost !== ghostShown) {
      const points = ghostPoints(ghost);
      datasets[GHOST_LOSS].data = points.loss;
      datasets[GHOST_ACCURACY].data = points.accuracy;
      ghostShown = ghost;
    }
    for (const metrics of added) {
      datasets[VALIDATION_LOSS].data.push({ x: metrics.epoch, y: metrics.validationLoss });
      datasets[TRAINING_LOSS].data.push({ x: metrics.epoch, y: metrics.trainLoss });
      datasets[VALIDATION_ACCURACY].data.push({ x: metrics.epoch, y: metrics.validationAccuracy });
      datasets[TRAINING_ACCURACY].data.push({ x: metrics.epoch, y: metrics.trainAccuracy });
    }

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
    const band = chart.options.plugins?.epochBand;
    if (band) {
      band.from = lowest?.epoch ?? null;
      band.to = highest?.epoch ?? null;
    }

    const xScale = chart.options.scales?.x;
    const longestOverlay = Math.max(0, ...overlays.map((overlay) => overlay.epochs.length));
    if (xScale) xScale.max = Math.max(totalEpochs, longestOverlay, 2);
    chart.update('none');
    return datasets[VALIDATION_LOSS].data.length;
  };
}
