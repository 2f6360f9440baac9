// Optimizer factory: one fresh optimizer per run, so its state (Adam moments,
// momentum buffers) is disposed with the run and never leaks into the next.

import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../types';
import type { NamedTensor } from './snapshot';

/** Classic heavy-ball momentum coefficient. */
export const MOMENTUM = 0.9;
/** Keras' and TensorFlow's default Adam ε, the same on every backend. */
export const ADAM_EPSILON = 1e-7;

export function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      // ε explicit: by default Adam takes the backend's epsilon, and tfjs 4.22's WebGL backend
      // wrongly reports 16-bit floats (ε = 1e-4 instead of 1e-7), so WebGL trained differently
      // from WebGPU and CPU. Found by the regression suite's backend-agreement check.
      return tf.train.adam(learningRate, 0.9, 0.999, ADAM_EPSILON);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum': {
      const optimizer = tf.train.momentum(learningRate, MOMENTUM);
      // tfjs 4.22: MomentumOptimizer.dispose() overrides SGD's without freeing its learning-rate
      // scalar `c`, leaking one tensor per run (found by the snapshot leak test). Free it too.
      const dispose = optimizer.dispose.bind(optimizer);
      optimizer.dispose = () => {
        dispose();
        (optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
      };
      return optimizer;
    }
    default: {
      const unknown: never = name;
      throw new Error(`Unknown optimizer: ${String(unknown)}`);
    }
  }
}

/**
 * Sets the learning rate of a live optimizer (a mid-run change), effective from its next step.
 * Adam reads its `learningRate` field at every step; SGD and momentum keep a device scalar of
 * −rate, which their own setLearningRate replaces (freeing the old one).
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // Not `instanceof`: tfjs' Optimizer defines Symbol.hasInstance as "has minimize()", so every
  // optimizer is an `instanceof SGDOptimizer`.
  const sgd = optimizer as Partial<Pick<tf.SGDOptimizer, 'setLearningRate'>>;
  if (typeof sgd.setLearningRate === 'function') {
    sgd.setLearningRate(learningRate);
  } else {
    (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
  }
}

/** Adam's running powers βᵗ, which tfjs keeps on the device but leaves out of getWeights(). */
interface AdamPowers {
  beta1: number;
  beta2: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
}

/**
 * Loads saved optimizer state (moments and step count) so the next step is the one an
 * uninterrupted run would take, bit for bit. tfjs' Adam.setWeights rebuilds β₁ᵗ and β₂ᵗ with
 * one pow(), while training multiplies by β once per step in float32: the two differ in the
 * last bits, and a resumed run drifted by ~1e-5 nats within a few epochs (flaky resume e2e).
 * So the powers are rebuilt here the way training builds them.
 */
export async function restoreOptimizer(
  optimizer: tf.Optimizer,
  weights: NamedTensor[],
): Promise<void> {
  await optimizer.setWeights(weights);
  const adam = optimizer as unknown as Partial<AdamPowers>;
  if (!adam.accBeta1 || !adam.accBeta2 || adam.beta1 === undefined || adam.beta2 === undefined) {
    return;
  }
  const { accBeta1, accBeta2, beta1, beta2 } = adam as AdamPowers;
  const steps = optimizer.iterations;
  tf.tidy(() => {
    accBeta1.assign(tf.scalar(stepwisePower(beta1, steps)));
    accBeta2.assign(tf.scalar(stepwisePower(beta2, steps)));
  });
}

/**
 * β after `steps` Adam steps as tfjs accumulates it: float32(β), then one float32 multiply by
 * float32(β) per step. A float32 product is the exact double product rounded once, so
 * Math.fround reproduces the device's multiply.
 */
export function stepwisePower(beta: number, steps: number): number {
  const factor = Math.fround(beta);
  let power = factor;
  for (let step = 0; step < steps; step++) power = Math.fround(power * factor);
  return power;
}
