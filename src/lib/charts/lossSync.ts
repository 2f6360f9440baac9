// Keeping the loss chart in line with a run: this run's epochs appended in place, the best-epoch
// markers and the band between them moved, a previous run's ghost lines and the compared runs'
// lines replaced only when they are different arrays.

import type { Chart, ChartDataset, Point } from 'chart.js';
import type { EpochMetrics } from '../core/types';
import { bestEpochs } from '../state/story';
import type { OverlayEpoch } from '../state/runs';
import {
  BEST_ACCURACY_MARKER,
  BEST_LOSS_MARKER,
  FIRST_OVERLAY,
  GHOST_ACCURACY,
  RESTORED_LABEL,
  RESTORED_MARKER,
  GHOST_LOSS,
  lossLine,
  TRAINING_ACCURACY,
  TRAINING_LOSS,
  VALIDATION_ACCURACY,
  VALIDATION_LOSS,
} from './lossSeries';
import { createHistoryTracker } from './parts/streaming';

type LossChart = Chart<'line', Point[]>;

/** A compared run (imported file or saved run), drawn as two extra validation lines. */
export interface Overlay {
  label: string;
  epochs: readonly OverlayEpoch[];
}

/** Okabe–Ito hues not used by the live run's lines: told apart by colour-blind viewers too. */
const OVERLAY_COLOURS = ['#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#000000'];
const OVERLAY_LOSS_DASH = [10, 3];
const OVERLAY_ACCURACY_DASH = [2, 2, 8, 2];

function overlayDatasets(overlays: readonly Overlay[]): ChartDataset<'line', Point[]>[] {
  return overlays.flatMap((overlay, index) => {
    const colour = OVERLAY_COLOURS[index % OVERLAY_COLOURS.length];
    const loss = lossLine(`${overlay.label}: validation loss`, 'loss', 2, OVERLAY_LOSS_DASH);
    const accuracy = lossLine(
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

/** The ▲ at the lowest validation loss, the ◆ at the highest accuracy, and the band between. */
function showBestEpochs(chart: LossChart, epochs: readonly EpochMetrics[]): void {
  const datasets = chart.data.datasets;
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
}

/**
 * The ● at the epoch early stopping restored, on its validation loss. Early stopping chooses on
 * the calibration half only, so this can sit away from ▲ (the lowest loss on all images).
 */
export function showRestoredEpoch(
  chart: LossChart,
  epochs: readonly EpochMetrics[],
  restoredEpoch: number | null,
): void {
  const restored = epochs.find((metrics) => metrics.epoch === restoredEpoch);
  const marker = chart.data.datasets[RESTORED_MARKER];
  marker.data = restored ? [{ x: restored.epoch, y: restored.validationLoss }] : [];
  marker.label = restored
    ? `Restored epoch ${restored.epoch}, chosen on the calibration half`
    : RESTORED_LABEL;
}

/** Names the previous run's faint lines in the legend and tooltips ("Previous run (plain)"). */
export function labelGhost(chart: LossChart, name: string): void {
  const datasets = chart.data.datasets;
  datasets[GHOST_LOSS].label = `${name}: validation loss`;
  datasets[GHOST_ACCURACY].label = `${name}: validation accuracy`;
}

/**
 * Bring the chart in line with `epochs`: append new epochs' points in place; start over when the
 * history no longer extends what is plotted (a reset or a new run). `ghost` (a previous run) is
 * redrawn only when it is a different array. Returns the epochs plotted.
 */
export function createLossSync(chart: LossChart): (
  epochs: readonly EpochMetrics[],
  totalEpochs: number,
  ghost?: readonly EpochMetrics[] | null,
  overlays?: readonly Overlay[],
  /** The epoch early stopping restored (EarlyStopInfo.bestEpoch), or null. */
  restoredEpoch?: number | null,
) => number {
  const track = createHistoryTracker<EpochMetrics>();
  let ghostShown: readonly EpochMetrics[] | null = null;
  let overlaysShown: readonly Overlay[] = [];
  const lines = [VALIDATION_LOSS, TRAINING_LOSS, VALIDATION_ACCURACY, TRAINING_ACCURACY];

  return (epochs, totalEpochs, ghost = null, overlays = [], restoredEpoch = null) => {
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
    showBestEpochs(chart, epochs);
    showRestoredEpoch(chart, epochs, restoredEpoch);

    const xScale = chart.options.scales?.x;
    const longestOverlay = Math.max(0, ...overlays.map((overlay) => overlay.epochs.length));
    if (xScale) xScale.max = Math.max(totalEpochs, longestOverlay, 2);
    chart.update('none');
    return datasets[VALIDATION_LOSS].data.length;
  };
}
