// Optimizer factory: one fresh optimizer per run, so its state (Adam moments,
// momentum buffers) is disposed with the run and never leaks into the next.

import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../types';

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
