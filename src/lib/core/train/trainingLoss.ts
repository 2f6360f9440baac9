// The objective the optimizer minimises: softmax cross-entropy (or focal loss) from the logits
// against (optionally label-smoothed, optionally mixed-up) targets, plus an optional L2 penalty
// on the kernels. Validation loss is NOT this: it is always plain cross-entropy against the hard
// labels.

import * as tf from '@tensorflow/tfjs';

export interface TrainingLossOptions {
  /** α: targets become (1 − α)·onehot + α/2. 0 = hard labels. */
  labelSmoothing: number;
  /** λ: adds λ·Σ w² over `kernels`. 0 = nothing added. */
  l2: number;
  kernels: readonly tf.Tensor[];
  /** Focal loss γ: each class term is weighted by (1 − p_k)^γ. 0 (or absent) = cross-entropy. */
  focalGamma?: number;
}

/**
 * Batch-mean focal loss (Lin et al. 2017; Mukhoti et al. 2020 for calibration) of two-class
 * logits against targets t (one-hot, smoothed or mixed): −Σ_k t_k (1 − p_k)^γ log p_k, which is
 * −(1 − p_t)^γ log p_t for a one-hot target and plain cross-entropy at γ = 0.
 * Computed from the logits without cancellation: log p = logSoftmax(z), and with two classes
 * 1 − p_k is the other class's probability, so (1 − p_k)^γ = exp(γ · log p_other) — no
 * 1 − p that rounds to 0, no pow of 0 whose gradient would blow up.
 */
export function focalLoss(targets: tf.Tensor, logits: tf.Tensor, gamma: number): tf.Scalar {
  if (logits.shape[logits.rank - 1] !== 2) throw new Error('focalLoss: two-class logits only');
  return tf.tidy(() => {
    const logProbabilities = tf.logSoftmax(logits);
    const logOther = tf.reverse(logProbabilities, -1); // log(1 − p_k) for two classes
    const weights = tf.exp(tf.mul(gamma, logOther));
    const perExample = tf.neg(tf.sum(tf.mul(tf.mul(targets, weights), logProbabilities), -1));
    return tf.mean(perExample) as tf.Scalar;
  });
}

/** (1 − α)·onehot + α/2: label smoothing for two classes, as softmaxCrossEntropy applies it. */
function smoothed(targets: tf.Tensor, alpha: number): tf.Tensor {
  return alpha > 0 ? tf.add(tf.mul(targets, 1 - alpha), alpha / 2) : targets;
}

/**
 * Batch-mean loss. tf.losses.softmaxCrossEntropy's labelSmoothing argument applies exactly
 * (1 − α)·onehot + α/K with K = 2 classes (tested against the formula), and works from the
 * logits through a log-softmax, so nothing is clipped. The L2 term is added here rather than
 * as a layer regularizer because a custom training loop never collects layer regularizers.
 * With α = 0, λ = 0 and γ = 0 this is the very same op graph as plain cross-entropy.
 */
export function trainingLoss(
  oneHotLabels: tf.Tensor,
  logits: tf.Tensor,
  { labelSmoothing, l2, kernels, focalGamma = 0 }: TrainingLossOptions,
): tf.Scalar {
  return tf.tidy(() => {
    const smoothing = labelSmoothing > 0 ? labelSmoothing : 0;
    const dataLoss =
      focalGamma > 0
        ? focalLoss(smoothed(oneHotLabels, smoothing), logits, focalGamma)
        : tf.losses.softmaxCrossEntropy(oneHotLabels, logits, undefined, smoothing);
    if (!(l2 > 0) || kernels.length === 0) return dataLoss as tf.Scalar;
    const squares = tf.addN(kernels.map((kernel) => tf.sum(tf.square(kernel))));
    return tf.add<tf.Scalar>(dataLoss, tf.mul(l2, squares));
  });
}
