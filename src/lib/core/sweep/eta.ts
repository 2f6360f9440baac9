// What a sweep costs before it starts: its run count and an ETA from a measured speed.

import type { SweepRun } from './definition';
import type { Settings } from '../../settings';

/**
 * Training images one run passes through: epochs × its training set, rounded down to whole
 * batches (the trainer drops an epoch's ragged last batch, core/train/deviceData.ts). An upper
 * bound when early stopping may end the run sooner.
 */
export function runTrainingImages(settings: Pick<Settings, 'epochs' | 'train' | 'batch'>): number {
  // A batch larger than the training set is cut to it (core/train/deviceData.ts).
  const batch = Math.min(settings.batch, settings.train);
  return settings.epochs * Math.floor(settings.train / batch) * batch;
}

/** The training images of all runs: what the bench divides by the sweep's wall time. */
export function sweepTrainingImages(runs: readonly Pick<SweepRun, 'settings'>[]): number {
  return runs.reduce((sum, run) => sum + runTrainingImages(run.settings), 0);
}

/**
 * Seconds the runs still to train need at `imagesPerSecond`, the sweep's measured throughput
 * (all its workers together): Σ epochs × training images / images per second. NaN until a
 * speed is measured. Only training images are counted, so the speed must carry the rest: one
 * measured over whole epochs (the sweep's own, the timed pool's) includes each epoch's
 * evaluation; a training-only speed (the last run's, the backend timing's) does not, and its ETA
 * runs short by about a fifth at the default sizes (measured here: 139 s of a 173 s run's time
 * was training).
 */
export function sweepEtaSeconds(
  runs: readonly Pick<SweepRun, 'settings'>[],
  imagesPerSecond: number,
): number {
  if (!(imagesPerSecond > 0) || !Number.isFinite(imagesPerSecond)) return Number.NaN;
  return sweepTrainingImages(runs) / imagesPerSecond;
}
