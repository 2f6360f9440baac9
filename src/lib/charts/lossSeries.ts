// The loss chart's datasets, in their fixed order: this run's four lines, the two best-epoch
// markers drawn over them, a previous run's two validation lines ("ghosts"), the marker of the
// epoch early stopping restored, then two lines per compared run. The chart, its theme and its sync all index datasets by these constants.

import type { ChartDataset, Point } from 'chart.js';
import { pointMarker, strokeLine } from './parts/datasets';

export const VALIDATION_LOSS = 0;
export const TRAINING_LOSS = 1;
export const VALIDATION_ACCURACY = 2;
export const TRAINING_ACCURACY = 3;
export const BEST_LOSS_MARKER = 4;
export const BEST_ACCURACY_MARKER = 5;
export const GHOST_LOSS = 6;
export const GHOST_ACCURACY = 7;
/** The epoch early stopping restored: chosen on the calibration half, so it can differ from ▲. */
export const RESTORED_MARKER = GHOST_ACCURACY + 1;
/** Compared runs' lines start here; they keep their own hues when the theme changes. */
export const FIRST_OVERLAY = RESTORED_MARKER + 1;

export const TRAINING_DASH = [6, 4];
/** Dotted, thinner than the training lines' dashes, so a ghost never reads as this run. */
export const GHOST_DASH = [2, 3];
const MARKER_RADIUS_PX = 8;

export type LossAxis = 'loss' | 'accuracy';

/** A line of this chart on the loss or the accuracy axis. */
export function lossLine(
  label: string,
  axis: LossAxis,
  width: number,
  dash: readonly number[],
): ChartDataset<'line', Point[]> {
  return strokeLine<Point>(label, width, dash, axis);
}

/** The datasets of a new chart, in the order of the constants above. */
export function lossDatasets(): ChartDataset<'line', Point[]>[] {
  return [
    lossLine('Validation loss', 'loss', 3, []),
    lossLine('Training loss', 'loss', 1.5, TRAINING_DASH),
    lossLine('Validation accuracy', 'accuracy', 3, []),
    lossLine('Training accuracy', 'accuracy', 1.5, TRAINING_DASH),
    pointMarker<Point>('Lowest validation loss', MARKER_RADIUS_PX, 'triangle', 'loss'),
    pointMarker<Point>('Highest validation accuracy', MARKER_RADIUS_PX, 'rectRot', 'accuracy'),
    lossLine('Previous run: validation loss', 'loss', 2, GHOST_DASH),
    lossLine('Previous run: validation accuracy', 'accuracy', 2, GHOST_DASH),
    pointMarker<Point>(RESTORED_LABEL, MARKER_RADIUS_PX, 'circle', 'loss'),
  ];
}

export const RESTORED_LABEL = 'Restored epoch, chosen on the calibration half';

export function isMarker(index: number): boolean {
  return index === BEST_LOSS_MARKER || index === BEST_ACCURACY_MARKER || index === RESTORED_MARKER;
}

/** The dash a dataset is drawn with, for its legend entry. */
export function dashOf(index: number): number[] {
  if (index === TRAINING_LOSS || index === TRAINING_ACCURACY) return TRAINING_DASH;
  if (index === GHOST_LOSS || index === GHOST_ACCURACY) return GHOST_DASH;
  return [];
}
