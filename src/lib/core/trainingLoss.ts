// The objective the optimizer minimises: softmax cross-entropy from the logits against
// (optionally label-smoothed) targets, plus an optional L2 penalty on the kernels.
// Validation loss is NOT this: it is always plain cross-entropy against the hard labels.

import * as tf from '@tensorflow/tfjs';

export interface TrainingLossOptions {
  /** α: targets become (1 − α)·onehot + α/2. 0 = hard labels. */
  labelSmoothing: number;
  /** λ: adds λ·Σ w² over `kernels`. 0 = nothing added. */
  l2: number;
  kernels: readonly tf.Tensor[];
}

/**
 * Batch-mean loss. tf.losses.softmaxCrossEntropy's labelSmoothing argument applies exactly
 * (1 − α)·onehot + α/K with K = 2 classes (tested against the formula), and works from the
 * logits through a log-softmax, so nothing is clipped. The L2 term is added here rather than
 * as a layer regularizer because a custom training loop never collects layer regularizers.
 * With α = 0 and λ = 0 this is the very same op graph as plain cross-entropy.
 */
export function trainingLoss(
  oneHotLabels: tf.Tensor,
  logits: tf.Tensor,
  { labelSmoothing, l2, kernels }: TrainingLossOptions,
): tf.Scalar {
  return tf.tidy(() => {
    const smoothing = labelSmoothing > 0 ? labelSmoothing : 0;
    const crossEntropy = tf.losses.softmaxCrossEntropy(oneHotLabels, logits, undefined, smoothing);
    if (!(l2 > 0) || kernels.length === 0) return crossEntropy as tf.Scalar;
    const squares = tf.addN(kernels.map((kernel) => tf.sum(tf.square(kernel))));
    return tf.add<tf.Scalar>(crossEntropy, tf.mul(l2, squares));
  });
}
