// The epoch-choice rule of early stopping, tf-free so the verdict (verdict.ts) and the trainer
// (core/train/earlyStopping.ts) read one rule: the watched metric as "lower is better", scored
// on the calibration half only (heldOutSplit.ts), the first strictly better epoch kept. Over a
// whole history that is the epoch early stopping restores when its patience never runs out.

import type { EarlyStopInfo, EpochMetrics } from '../../types';

/**
 * The watched metric as "lower is better". A NaN (diverged) epoch scores +Infinity: it is
 * never an improvement, but the first epoch is always the best so far.
 */
export function earlyStopScore(
  metric: EarlyStopInfo['metric'],
  metrics: Pick<EpochMetrics, 'validationLoss' | 'validationAccuracy'>,
): number {
  const value = metric === 'loss' ? metrics.validationLoss : -metrics.validationAccuracy;
  return Number.isNaN(value) ? Infinity : value;
}

/**
 * The epoch early stopping on the loss would restore from these epochs: the lowest
 * calibration-half loss, strictly lower than every earlier one (ties keep the earlier epoch).
 * Null for no epochs.
 */
export function stopEpoch(
  epochs: readonly { epoch: number; calibrationLoss: number }[],
): number | null {
  let best: { epoch: number; score: number } | null = null;
  for (const { epoch, calibrationLoss } of epochs) {
    const score = earlyStopScore('loss', {
      validationLoss: calibrationLoss,
      validationAccuracy: Number.NaN,
    });
    if (best === null || score < best.score) best = { epoch, score };
  }
  return best?.epoch ?? null;
}
