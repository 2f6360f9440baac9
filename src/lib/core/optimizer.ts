// Optimizer factory: one fresh optimizer per run, so its state (Adam moments,
// momentum buffers) is disposed with the run and never leaks into the next.

import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from './types';

/** Classic heavy-ball momentum coefficient. */
export const MOMENTUM = 0.9;

export function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      return tf.train.adam(learningRate);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, MOMENTUM);
    default: {
      const unknown: never = name;
      throw new Error(`Unknown optimizer: ${String(unknown)}`);
    }
  }
}
