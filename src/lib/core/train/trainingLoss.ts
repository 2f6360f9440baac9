// The objective the optimizer minimises: softmax cross-entropy (or focal loss) from the logits
// against (optionally label-smoothed, optionally mixed-up) targets, plus an optional L2 penalty
// on the kernels. Validation loss is NOT this: it is always plain cross-entropy against the hard
// labels.

import * as tf from '@tensorflow/tfjs';

export interface TrainingLossOptions {
  /** α: targets become (1 − α)·onehot + α/K. 0 = hard labels. */
  labelSmoothing: number;
  /** λ: adds λ·Σ w² over `kernels`. 0 = nothing added. */
  l2: number;
  kernels: readonly tf.Tensor[];
  /** Focal loss γ: each class term is weighted by (1 − p_k)^γ. 0 (or absent) = cross-entropy. */
  focalGamma?: number;
}

/**
 * Batch-mean focal loss (Lin et al. 2017; Mukhoti et al. 2020 for calibration) of K-class
 * logits against targets t (one-hot, smoothed or mixed): −Σ_k t_k (1 − p_k)^γ log p_k, which is
 * −(1 − p_t)^γ log p_t for a one-hot target and plain cross-entropy at γ = 0.
 * Computed from the logits without cancellation: log p = logSoftmax(z), and 1 − p_k is the
 * probability of the other classes, so (1 − p_k)^γ = exp(γ · log Σ_{j≠k} p_j) — no 1 − p that
 * rounds to 0, no pow of 0 whose gradient would blow up.
 */
export function focalLoss(targets: tf.Tensor, logits: tf.Tensor, gamma: number): tf.Scalar {
  return tf.tidy(() => {
    const logProbabilities = tf.logSoftmax(logits);
    const weights = tf.exp(tf.mul(gamma, logOthers(logits, logProbabilities)));
    const perExample = tf.neg(tf.sum(tf.mul(tf.mul(targets, weights), logProbabilities), -1));
    return tf.mean(perExample) as tf.Scalar;
  });
}

/** A logit that takes no part in a log-sum-exp: exp(z + this − max) is 0 in float32. */
const EXCLUDED = -1e30;

/**
 * log(1 − p_k) = log Σ_{j≠k} p_j for every class k of [N, K] logits. Two classes: the other
 * class's log p (the same ops as before K classes, so pair runs reproduce exactly). K classes:
 * a log-sum-exp over the logits with class k masked out, minus the one over all of them.
 */
function logOthers(logits: tf.Tensor, logProbabilities: tf.Tensor): tf.Tensor {
  const classCount = logits.shape[logits.rank - 1] as number;
  if (classCount === 2) return tf.reverse(logProbabilities, -1);
  const mask = tf.mul(tf.eye(classCount), EXCLUDED); // [K (k), K (j)]: row k leaves out j = k
  const masked = tf.add(tf.expandDims(logits, -2), mask); // [N, K, K]
  return tf.sub(tf.logSumExp(masked, -1), tf.logSumExp(logits, -1, true));
}

/** (1 − α)·onehot + α/K: label smoothing, as softmaxCrossEntropy applies it. */
function smoothed(targets: tf.Tensor, alpha: number): tf.Tensor {
  const classCount = targets.shape[targets.rank - 1] as number;
  return alpha > 0 ? tf.add(tf.mul(targets, 1 - alpha), alpha / classCount) : targets;
}

/**
 * Batch-mean loss. tf.losses.softmaxCrossEntropy's labelSmoothing argument applies exactly
 * (1 − α)·onehot + α/K for K classes (tested against the formula), and works from the
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
