// How an epoch's batches are driven: a yield to the event loop before every batch (so a pause
// message can land), the caller's stop request polled at every batch boundary, progress reported
// at most every PROGRESS_INTERVAL_MS, and a loss that stopped being finite caught within the epoch.

import type { EpochBatches } from './epochBatches';
import { yieldToEventLoop } from './eventLoop';
import type { BatchProgress, TrainingClock } from './trainingClock';

export interface TrainHooks {
  shouldStop(): boolean; // polled at every batch boundary; true → 'stopped'
  onProgress(progress: BatchProgress): void;
}

export type EpochOutcome =
  { outcome: 'complete'; sums: Float32Array } | { outcome: 'stopped' | 'diverged' };

export interface EpochDriver {
  batches: EpochBatches;
  clock: TrainingClock;
  /** Trains the next batch (its random draws, then the step). */
  trainBatch(): void;
  /** True once the trainer was disposed under the loop. */
  disposed(): boolean;
}

export function batchProgress({ batches, clock }: EpochDriver): BatchProgress {
  return clock.progress(batches.batch, batches.batchesPerEpoch, batches.batchSize);
}

/** Trains the epoch's remaining batches; the sums of a complete epoch come with it. */
export async function trainRemainingBatches(
  driver: EpochDriver,
  hooks: TrainHooks,
): Promise<EpochOutcome> {
  const { batches, clock } = driver;
  clock.resume();
  const report = async () => {
    // Waiting for the sums is also a sync point: it keeps the CPU from queueing
    // unbounded work ahead of the GPU and makes the timing measure finished work.
    const sums = await batches.readSums();
    clock.lap();
    hooks.onProgress(batchProgress(driver));
    return sums;
  };
  while (!batches.done) {
    await yieldToEventLoop();
    if (driver.disposed()) return { outcome: 'stopped' };
    if (hooks.shouldStop()) {
      await report();
      return { outcome: 'stopped' };
    }
    driver.trainBatch();
    if (clock.reportDue && !Number.isFinite((await report())[0])) return { outcome: 'diverged' };
  }
  const sums = await report();
  if (driver.disposed()) return { outcome: 'stopped' };
  // A NaN/Inf loss never recovers: stop here rather than evaluate garbage.
  if (!Number.isFinite(sums[0])) return { outcome: 'diverged' };
  return { outcome: 'complete', sums };
}
