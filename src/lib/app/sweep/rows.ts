// A sweep's progress as the view shows it: one row per run (its bar) and the sweep's images,
// speed and ETA. Plain data, tested in Node.

import { runTrainingImages, type SweepRun } from '../../core/sweep';
import type { SweepRunStatus } from './schedule';

/** One run's line in the view: its progress bar. */
export interface SweepRunRow {
  arm: string;
  seed: number;
  status: SweepRunStatus;
  epoch: number;
  totalEpochs: number;
  imagesPerSecond: number;
  /** Training images this run has passed through so far, and in all (fewer if it stopped early). */
  images: number;
  totalImages: number;
}

export interface SweepProgress {
  doneImages: number;
  totalImages: number;
  /** All slots together, measured since the sweep (re)started, pauses excluded. */
  imagesPerSecond: number;
  /** Seconds left at that speed: images still to train ÷ images per second; NaN until measured. */
  etaSeconds: number;
}

export function sweepRow(run: SweepRun, status: SweepRunStatus): SweepRunRow {
  const totalImages = runTrainingImages(run.settings);
  const done = status === 'done';
  return {
    arm: run.arm.name,
    seed: run.seed,
    status,
    epoch: done ? run.settings.epochs : 0,
    totalEpochs: run.settings.epochs,
    imagesPerSecond: 0,
    images: done ? totalImages : 0,
    totalImages,
  };
}

/**
 * `sessionImages` trained in `elapsedMs` of this session (a resumed sweep's stored runs count
 * as done, not as speed).
 */
export function sweepProgress(
  rows: readonly SweepRunRow[],
  sessionImages: number,
  elapsedMs: number,
): SweepProgress {
  const doneImages = rows.reduce((sum, row) => sum + row.images, 0);
  const totalImages = rows.reduce((sum, row) => sum + row.totalImages, 0);
  const imagesPerSecond = elapsedMs > 0 ? sessionImages / (elapsedMs / 1000) : 0;
  const etaSeconds =
    imagesPerSecond > 0 ? (totalImages - doneImages) / imagesPerSecond : Number.NaN;
  return { doneImages, totalImages, imagesPerSecond, etaSeconds };
}
