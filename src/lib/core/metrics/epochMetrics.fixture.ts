// An epoch's metrics with only the numbers a test is about (epoch, validation loss and accuracy):
// every other figure is 0 or one empty bin, for tests of code that reads a history of epochs
// (early stopping, the story's summaries) rather than the metrics themselves.

import type { EpochMetrics } from '../types';

export function epochWith(
  epoch: number,
  validationLoss: number,
  validationAccuracy: number,
): EpochMetrics {
  return {
    epoch,
    trainLoss: 0,
    trainAccuracy: 0,
    validationLoss,
    validationAccuracy,
    imagesPerSecond: 0,
    logitGapHistogram: { edges: [0, 1], correct: [0], wrong: [0] },
    validationLossCorrect: 0,
    validationLossWrong: validationLoss,
    wrongCount: 0,
    ece: 0,
    mce: 0,
    reliability: { edges: [0, 1], count: [0], accuracy: [0], confidence: [0] },
  };
}
