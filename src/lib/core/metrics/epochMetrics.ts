// An epoch's metrics from its validation logits, with plain numbers and no tf: the trainer's
// evaluation (core/train/evaluation.ts) and the import worker (an imported run's per-epoch logits,
// K classes) build EpochMetrics with this one function, so both show the same figures.

import {
  calibrationErrors,
  confidences,
  exampleIndices,
  lossSplit,
  RELIABILITY_BINS,
  reliabilityOfConfidences,
} from './calibration';
import { classFigures } from './classes';
import { checkLogitShapes, logitGapHistogram, validationMetrics } from './metrics';
import { scoringFields } from './scoring';
import type { EpochMetrics, Labels } from '../types';

/**
 * What the training side knows about an epoch. An imported run may have no training curve and
 * no speed: NaN then, which every chart leaves undrawn; nothing here reads them.
 */
export interface EpochTraining {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  imagesPerSecond: number;
}

/**
 * One epoch's metrics: the training figures as given plus everything measured on the N × K
 * validation logits (K = logits.length / labels.length ≥ 2): loss and accuracy, the margin
 * histogram, top-label reliability, ECE/MCE, the loss split, Brier, equal-mass ECE and the
 * bootstrap intervals. Each example's top-label confidence is computed once for the three
 * calibration figures that bin it (K exponentials per example). `classCount` is set only when
 * K > 2, so two-class epochs are exactly what they were.
 */
export function metricsFromLogits(
  training: EpochTraining,
  validationLogits: Float32Array,
  validationLabels: Labels,
): EpochMetrics {
  const classes = checkLogitShapes(validationLogits, validationLabels);
  const topLabel = confidences(
    validationLogits,
    validationLabels,
    exampleIndices(validationLabels.length),
  );
  const validation = validationMetrics(validationLogits, validationLabels);
  const reliability = reliabilityOfConfidences(topLabel, RELIABILITY_BINS);
  const { ece, mce } = calibrationErrors(reliability);
  const split = lossSplit(validationLogits, validationLabels);
  return {
    epoch: training.epoch,
    trainLoss: training.trainLoss,
    trainAccuracy: training.trainAccuracy,
    validationLoss: validation.loss,
    validationAccuracy: validation.accuracy,
    imagesPerSecond: training.imagesPerSecond,
    logitGapHistogram: logitGapHistogram(validationLogits, validationLabels),
    validationLossCorrect: split.correct,
    validationLossWrong: split.wrong,
    wrongCount: split.wrongCount,
    ece,
    mce,
    reliability,
    // Brier (and its decomposition for two classes), equal-mass ECE, bootstrap intervals (core/metrics/scoring.ts).
    ...scoringFields(validationLogits, validationLabels, topLabel),
    ...(classes > 2 ? { classCount: classes } : {}),
    // Per-class confusion, loss and calibration for every K (the Classes panel, the CSV).
    classFigures: classFigures(validationLogits, validationLabels),
  };
}
