// Plain summaries of the epoch history, shared by the charts and the metrics panel.

import type { EpochMetrics } from '../../core/types';

export interface BestEpochs {
  /** The epoch with the lowest validation loss (the earliest on ties). */
  lowestValidationLoss: EpochMetrics | null;
  /** The epoch with the highest validation accuracy (the earliest on ties). */
  highestValidationAccuracy: EpochMetrics | null;
}

export function bestEpochs(epochs: readonly EpochMetrics[]): BestEpochs {
  let lowestValidationLoss: EpochMetrics | null = null;
  let highestValidationAccuracy: EpochMetrics | null = null;
  for (const metrics of epochs) {
    if (
      Number.isFinite(metrics.validationLoss) &&
      (lowestValidationLoss === null ||
        metrics.validationLoss < lowestValidationLoss.validationLoss)
    ) {
      lowestValidationLoss = metrics;
    }
    if (
      highestValidationAccuracy === null ||
      metrics.validationAccuracy > highestValidationAccuracy.validationAccuracy
    ) {
      highestValidationAccuracy = metrics;
    }
  }
  return { lowestValidationLoss, highestValidationAccuracy };
}
