// Validation evaluation: logits in fixed-shape chunks with one readback, and an epoch's
// metrics computed from those logits with plain numbers (metrics.ts, calibration.ts), so
// every number the UI shows is exactly what the logits give.

import * as tf from '@tensorflow/tfjs';
import { calibrationErrors, lossSplit, RELIABILITY_BINS, reliabilityDiagram } from './calibration';
import { logitGapHistogram, validationMetrics } from './metrics';
import { NUM_CLASSES } from './model';
import { scoringFields } from './scoring';
import type { EpochMetrics } from './types';

/**
 * Every example's [z0, z1] for the first `count` rows of `images`, whose row count is a
 * multiple of `chunkSize` (zero padding), so every predict call has exactly one shape: on
 * WebGPU/WebGL a new shape compiles new shaders.
 */
export async function predictLogits(
  model: tf.LayersModel,
  images: tf.Tensor4D,
  count: number,
  chunkSize: number,
): Promise<Float32Array> {
  const logitsTensor = tf.tidy(() => {
    const chunks: tf.Tensor[] = [];
    for (let start = 0; start < images.shape[0]; start += chunkSize) {
      const chunk = tf.slice(images, start, chunkSize);
      const logits = model.predict(chunk, { batchSize: chunkSize });
      if (!(logits instanceof tf.Tensor)) throw new Error('Expected one output tensor');
      chunks.push(logits);
    }
    // Drop the padding rows' logits.
    return tf.slice(tf.concat(chunks, 0), [0, 0], [count, NUM_CLASSES]);
  });
  try {
    // A copy: the backend's array may be a view into a larger buffer (cpu slice).
    return Float32Array.from(await logitsTensor.data<'float32'>());
  } finally {
    logitsTensor.dispose();
  }
}

export interface TrainSummary {
  loss: number;
  accuracy: number;
  imagesPerSecond: number;
}

/** One epoch's metrics: the training summary plus everything measured on the validation logits. */
export function epochMetrics(
  epoch: number,
  train: TrainSummary,
  validationLogits: Float32Array,
  validationLabels: Uint8Array,
): EpochMetrics {
  const validation = validationMetrics(validationLogits, validationLabels);
  const reliability = reliabilityDiagram(validationLogits, validationLabels, {
    bins: RELIABILITY_BINS,
  });
  const { ece, mce } = calibrationErrors(reliability);
  const split = lossSplit(validationLogits, validationLabels);
  return {
    epoch,
    trainLoss: train.loss,
    trainAccuracy: train.accuracy,
    validationLoss: validation.loss,
    validationAccuracy: validation.accuracy,
    imagesPerSecond: train.imagesPerSecond,
    logitGapHistogram: logitGapHistogram(validationLogits, validationLabels),
    validationLossCorrect: split.correct,
    validationLossWrong: split.wrong,
    wrongCount: split.wrongCount,
    ece,
    mce,
    reliability,
    // Brier and its decomposition, equal-mass ECE, bootstrap intervals (core/scoring.ts).
    ...scoringFields(validationLogits, validationLabels),
  };
}
