// One example's K logits, read in place: row i of a row-major N × K Float32Array starts at
// offset i·K. Every metric loops over rows with these, so no array is made per example (imports
// reach 50 M values). Plain numbers, float64 arithmetic, no tf.
//
// Two classes keep the exact arithmetic of the original two-logit functions below
// (crossEntropyFromLogits, predictedClass, softmax2), so every two-class figure is bit for bit
// what it was; the K-class paths are the same formulas written for any K. (metrics.ts and
// calibration.ts re-export the two-logit functions, where callers have always found them.)

/**
 * Cross-entropy of a two-class softmax, straight from the logits:
 * loss = logSumExp(z0, z1) − z_label.
 *
 * logSumExp is computed as max + log1p(exp(−|z0 − z1|)), which never overflows and
 * never takes log(0). Probabilities are never formed or clipped: clipping would cap
 * the loss of a confidently wrong prediction, hiding exactly the over-confidence
 * this playground is about.
 */
export function crossEntropyFromLogits(z0: number, z1: number, label: 0 | 1): number {
  const max = z0 > z1 ? z0 : z1;
  const logSumExp = max + Math.log1p(Math.exp(-Math.abs(z0 - z1)));
  return logSumExp - (label === 0 ? z0 : z1);
}

/**
 * Predicted class from the two logits. A tie goes to class 0, the same rule as
 * tf.argMax (first maximum), so the device and this code agree on every example.
 */
export function predictedClass(z0: number, z1: number): 0 | 1 {
  return z1 > z0 ? 1 : 0;
}

/**
 * Two-class softmax. Subtracting the larger logit first keeps both exponents ≤ 0, so it never
 * overflows and one term is exactly 1: never NaN for finite input.
 */
export function softmax2(z0: number, z1: number): [number, number] {
  const max = z0 > z1 ? z0 : z1;
  const e0 = Math.exp(z0 - max);
  const e1 = Math.exp(z1 - max);
  const sum = e0 + e1;
  return [e0 / sum, e1 / sum];
}

/**
 * Index of the largest logit of the row (at temperature T), ties to the lowest index as
 * tf.argMax does. A NaN never wins a comparison, so a row of NaN says class 0 (as before).
 */
export function argmaxRow(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  temperature = 1,
): number {
  let best = 0;
  let bestValue = logits[offset] / temperature;
  for (let k = 1; k < classes; k++) {
    const value = logits[offset + k] / temperature;
    if (value > bestValue) {
      best = k;
      bestValue = value;
    }
  }
  return best;
}

/**
 * Cross-entropy of the row at temperature T against `label`: logSumExp(z/T) − z_label/T, with the
 * largest logit subtracted first so no exponent is positive. Never formed from probabilities:
 * a clipped probability would cap the loss of a confidently wrong answer. Two classes use
 * crossEntropyFromLogits (max + log1p(e^−|z0 − z1|)) exactly as before.
 */
export function crossEntropyRow(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  label: number,
  temperature = 1,
): number {
  if (classes === 2) {
    return crossEntropyFromLogits(
      logits[offset] / temperature,
      logits[offset + 1] / temperature,
      label === 1 ? 1 : 0,
    );
  }
  const max = rowMax(logits, offset, classes, temperature);
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += Math.exp(logits[offset + k] / temperature - max);
  return max + Math.log(sum) - logits[offset + label] / temperature;
}

/**
 * Top-label confidence: the softmax probability of the predicted class at temperature T, =
 * 1 / Σ_k e^(z_k/T − max) since the top term is e^0 = 1. For two classes this is the very
 * arithmetic of softmax2 (e_top / (e0 + e1) with e_top = 1). NaN when a logit is NaN or
 * infinite (no softmax is defined), except that −∞ logits just carry no probability.
 */
export function confidenceRow(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  temperature = 1,
): number {
  const max = rowMax(logits, offset, classes, temperature);
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += Math.exp(logits[offset + k] / temperature - max);
  return 1 / sum;
}

/**
 * Every class's softmax probability of the row into `out` (length ≥ K), from the same
 * max-subtracted exponentials as confidenceRow, so p of the predicted class is exactly its
 * confidence. Per-class readers (core/metrics/classes) need all K, not just the top one. A NaN or
 * infinite logit gives NaN throughout, as confidenceRow does.
 */
export function softmaxRow(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  out: Float64Array,
): Float64Array {
  const max = rowMax(logits, offset, classes, 1);
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    out[k] = Math.exp(logits[offset + k] - max);
    sum += out[k];
  }
  for (let k = 0; k < classes; k++) out[k] /= sum;
  return out;
}

/**
 * Margin = top logit − runner-up logit, ≥ 0: how far ahead the answer is, in nats of log-odds
 * between the two likeliest classes. For two classes it is exactly |z1 − z0| (max − min is the
 * same subtraction). NaN when any logit is NaN: such a row has no margin to bin.
 */
export function marginRow(logits: ArrayLike<number>, offset: number, classes: number): number {
  let top = logits[offset];
  let second = Number.NEGATIVE_INFINITY;
  if (Number.isNaN(top)) return Number.NaN;
  for (let k = 1; k < classes; k++) {
    const value = logits[offset + k];
    if (Number.isNaN(value)) return Number.NaN;
    if (value > top) {
      second = top;
      top = value;
    } else if (value > second) second = value;
  }
  return top - second;
}

/** Index of the largest logit other than `excluded` (ties to the lowest index); −1 if K = 1. */
export function strongestOtherRow(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  excluded: number,
): number {
  let best = -1;
  for (let k = 0; k < classes; k++) {
    if (k === excluded) continue;
    if (best === -1 || logits[offset + k] > logits[offset + best]) best = k;
  }
  return best;
}

/**
 * The row's Brier score Σ_k (p_k − y_k)² against `label`, in [0, 2]. With e_k = e^(z_k − max)
 * and S = Σ e_k, it is (Σ_{k≠y} e_k² + (Σ_{k≠y} e_k)²) / S²: all terms non-negative, so a sure
 * right answer gives 0 without the cancellation of Σp² − 2p_y + 1. (Two classes keep
 * 2·(p₁ − y₁)² in brier.ts.) NaN for a NaN or infinite logit.
 */
export function brierRow(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  label: number,
): number {
  const max = rowMax(logits, offset, classes, 1);
  let sum = 0;
  let othersSum = 0;
  let othersSquares = 0;
  for (let k = 0; k < classes; k++) {
    const e = Math.exp(logits[offset + k] - max);
    sum += e;
    if (k !== label) {
      othersSum += e;
      othersSquares += e * e;
    }
  }
  return (othersSquares + othersSum * othersSum) / (sum * sum);
}

/** Largest logit / T of the row; NaN if any is NaN (so the sums after it are NaN too). */
function rowMax(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  temperature: number,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < classes; k++) {
    const value = logits[offset + k] / temperature;
    if (value > max || Number.isNaN(value)) max = value;
    if (Number.isNaN(max)) return max;
  }
  return max;
}
