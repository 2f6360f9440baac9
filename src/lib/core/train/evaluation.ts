// Validation evaluation: logits in fixed-shape chunks with one readback, and an epoch's
// metrics computed from those logits with plain numbers (epochMetrics.ts, tf-free), so
// every number the UI shows is exactly what the logits give.

import * as tf from '@tensorflow/tfjs';
import { metricsFromLogits } from '../metrics';
import type { HeldModel } from '../runState';
import type { EarlyStopInfo, EpochMetrics, Labels } from '../types';

/**
 * Every example's K logits for the first `count` rows of `images`, whose row count is a
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
    return tf.slice(tf.concat(chunks, 0), [0, 0], [count, -1]);
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

/** One epoch's metrics: the training summary plus everything measured on the validation logits (N × K, any K ≥ 2). */
export function epochMetrics(
  epoch: number,
  train: TrainSummary,
  validationLogits: Float32Array,
  validationLabels: Labels,
): EpochMetrics {
  return metricsFromLogits(
    {
      epoch,
      trainLoss: train.loss,
      trainAccuracy: train.accuracy,
      imagesPerSecond: train.imagesPerSecond,
    },
    validationLogits,
    validationLabels,
  );
}

/** What finishing an epoch returns: its metrics, its logits and what the model now holds. */
export interface EpochResult {
  metrics: EpochMetrics;
  /** Every validation example's K logits, dataset order. A fresh array: safe to transfer. */
  validationLogits: Float32Array;
  /** Set on the epoch after which early stopping ended the run; the model now holds bestEpoch's weights. */
  earlyStop: EarlyStopInfo | null;
  /**
   * What the model holds after this epoch: this epoch's weights and `validationLogits`, or,
   * once early stopping restored them, the best epoch's weights and a fresh copy of its logits.
   */
  model: HeldModel;
}
