import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropyFromLogits } from '../metrics';
import { focalLoss, trainingLoss } from './trainingLoss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const logitValues = [2, -1, 0.5, 1.5, 3, 0, -2, 4, 7, -7];
const labels = [0, 1, 1, 1, 0];
const oneHotValues = labels.flatMap((label) => (label === 1 ? [0, 1] : [1, 0]));

/**
 * −Σ_k t_k (1 − p_k)^γ log p_k with t = (1 − α)·onehot + α/2, averaged: the formula, in float64.
 * γ = 0 is label-smoothed cross-entropy.
 */
function byHand(alpha: number, gamma = 0): number {
  let sum = 0;
  labels.forEach((label, i) => {
    const z = [logitValues[2 * i], logitValues[2 * i + 1]];
    const max = Math.max(z[0], z[1]);
    const logSumExp = max + Math.log(Math.exp(z[0] - max) + Math.exp(z[1] - max));
    for (let k = 0; k < 2; k++) {
      const target = (1 - alpha) * (k === label ? 1 : 0) + alpha / 2;
      const p = Math.exp(z[k] - logSumExp);
      sum -= target * (1 - p) ** gamma * (z[k] - logSumExp);
    }
  });
  return sum / labels.length;
}

const smoothedByHand = (alpha: number) => byHand(alpha);
const focalByHand = (gamma: number, alpha = 0) => byHand(alpha, gamma);

function lossValue(alpha: number, l2: number, kernels: tf.Tensor[] = []): number {
  return tf.tidy(() => {
    const ys = tf.tensor2d(oneHotValues, [5, 2]);
    const logits = tf.tensor2d(logitValues, [5, 2]);
    return trainingLoss(ys, logits, { labelSmoothing: alpha, l2, kernels }).dataSync()[0];
  });
}

describe('trainingLoss', () => {
  it('is plain cross-entropy against the hard labels when α = 0 and λ = 0', () => {
    const hard =
      labels.reduce(
        (sum, label, i) =>
          sum + crossEntropyFromLogits(logitValues[2 * i], logitValues[2 * i + 1], label as 0 | 1),
        0,
      ) / labels.length;
    expect(lossValue(0, 0)).toBeCloseTo(hard, 5);
    expect(smoothedByHand(0)).toBeCloseTo(hard, 12);
    const plain = tf.tidy(() =>
      tf.losses
        .softmaxCrossEntropy(tf.tensor2d(oneHotValues, [5, 2]), tf.tensor2d(logitValues, [5, 2]))
        .dataSync(),
    )[0];
    expect(lossValue(0, 0)).toBe(plain); // the very same number the trainer used before
  });

  it.each([0.05, 0.1, 0.3])('with label smoothing α = %s matches the formula', (alpha) => {
    expect(lossValue(alpha, 0)).toBeCloseTo(smoothedByHand(alpha), 5);
    // And it really changes the number (the formula is not trivially the hard-label one here).
    expect(lossValue(alpha, 0)).not.toBeCloseTo(lossValue(0, 0), 3);
  });

  it('adds λ·Σ w² over the kernels it is given, with gradient 2λw', () => {
    const kernelA = tf.tensor2d([1, -2, 0.5, 3], [2, 2]); // Σ w² = 1 + 4 + 0.25 + 9 = 14.25
    const kernelB = tf.tensor1d([0.1, -0.2]); // 0.01 + 0.04 = 0.05
    const lambda = 0.01;
    expect(lossValue(0, lambda, [kernelA, kernelB]) - lossValue(0, 0)).toBeCloseTo(
      lambda * 14.3,
      5,
    );
    expect(lossValue(0.1, lambda, [kernelA]) - lossValue(0.1, 0)).toBeCloseTo(lambda * 14.25, 5);
    expect(lossValue(0, 0, [kernelA])).toBe(lossValue(0, 0)); // λ = 0 adds nothing
    const gradient = tf.tidy(() => {
      const ys = tf.tensor2d(oneHotValues, [5, 2]);
      const logits = tf.tensor2d(logitValues, [5, 2]);
      return tf
        .grad((kernel: tf.Tensor) =>
          trainingLoss(ys, logits, { labelSmoothing: 0, l2: lambda, kernels: [kernel] }),
        )(kernelA)
        .dataSync();
    });
    expect(Array.from(gradient)).toEqual(
      [1, -2, 0.5, 3].map((w) => expect.closeTo(2 * lambda * w, 6)),
    );
    tf.dispose([kernelA, kernelB]);
  });
});

describe('focal loss', () => {
  const focalValue = (gamma: number, targets = oneHotValues, logits = logitValues) =>
    tf.tidy(() => {
      const rows = logits.length / 2;
      return focalLoss(
        tf.tensor2d(targets, [rows, 2]),
        tf.tensor2d(logits, [rows, 2]),
        gamma,
      ).dataSync()[0];
    });

  it('is −(1 − p_t)^γ log p_t: hand values', () => {
    // z = (2, −1), true class 0: p_t = 1/(1 + e^−3) = 0.9525741, −log p_t = 0.0485874.
    expect(focalValue(0, [1, 0], [2, -1])).toBeCloseTo(0.0485874, 6);
    // γ = 2: (1 − 0.9525741)² · 0.0485874 = 0.0022492 · 0.0485874 = 1.09280e-4.
    expect(focalValue(2, [1, 0], [2, -1])).toBeCloseTo(1.0928e-4, 8);
    // A confident mistake is barely discounted: z = (12, −12), true class 1: (1 − e^−24)² · 24.
    expect(focalValue(2, [0, 1], [12, -12])).toBeCloseTo(24, 4);
  });

  it('equals cross-entropy at γ = 0', () => {
    const crossEntropy = lossValue(0, 0);
    expect(focalValue(0)).toBeCloseTo(crossEntropy, 6);
    expect(focalByHand(0)).toBeCloseTo(smoothedByHand(0), 12);
  });

  it.each([0.5, 1, 2, 5])('with γ = %s matches the formula and falls as γ grows', (gamma) => {
    expect(focalValue(gamma)).toBeCloseTo(focalByHand(gamma), 5);
    expect(focalValue(gamma)).toBeLessThan(focalValue(gamma / 2));
  });

  it('trainingLoss adds focal γ to label smoothing and L2; γ = 0 is the plain graph', () => {
    const value = (gamma: number, alpha: number) =>
      tf.tidy(
        () =>
          trainingLoss(tf.tensor2d(oneHotValues, [5, 2]), tf.tensor2d(logitValues, [5, 2]), {
            labelSmoothing: alpha,
            l2: 0,
            kernels: [],
            focalGamma: gamma,
          }).dataSync()[0],
      );
    expect(value(0, 0)).toBe(lossValue(0, 0));
    expect(value(0, 0.1)).toBe(lossValue(0.1, 0));
    expect(value(2, 0.1)).toBeCloseTo(focalByHand(2, 0.1), 5);
  });

  it('has finite gradients even at saturated logits', () => {
    const gradient = tf.tidy(() =>
      tf
        .grad((logits: tf.Tensor) => focalLoss(tf.tensor2d([1, 0], [1, 2]), logits, 0.5))(
          tf.tensor2d([60, -60], [1, 2]),
        )
        .dataSync(),
    );
    expect(Array.from(gradient).every(Number.isFinite)).toBe(true);
  });
});
