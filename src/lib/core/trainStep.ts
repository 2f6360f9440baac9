// One optimizer step of the app's loop. Everything stays on the device: the step's loss and
// correct count are added to running sums that are read back only for progress reports.

import * as tf from '@tensorflow/tfjs';
import { trainingLoss } from './trainingLoss';

export interface StepInputs {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  images: tf.Tensor4D;
  labelsOneHot: tf.Tensor2D;
  /** This epoch's shuffled order; the step trains rows [offset, offset + size). */
  order: tf.Tensor1D;
  offset: number;
  size: number;
  labelSmoothing: number;
  l2: number;
  /** The kernels the L2 penalty covers. */
  kernels: readonly tf.Variable[];
}

/** Trains one batch; returns `sums` + [batch loss, correct count] as a new tensor. */
export function trainStep(step: StepInputs, sums: tf.Tensor1D): tf.Tensor1D {
  const { model, optimizer, order, offset, size, labelSmoothing, l2, kernels } = step;
  // minimize() tidies its closure; the correct count escapes via tf.keep and this holder.
  const kept: { correct?: tf.Scalar } = {};
  try {
    return tf.tidy(() => {
      const batchIndices = tf.slice(order, offset, size);
      const xs = tf.gather(step.images, batchIndices);
      const ys = tf.gather(step.labelsOneHot, batchIndices);
      const loss = optimizer.minimize(() => {
        const logits = model.apply(xs, { training: true });
        if (!(logits instanceof tf.Tensor)) throw new Error('Expected one output tensor');
        // argMax takes the first maximum: ties count as class 0, as in metrics.ts.
        const hits = tf.equal(tf.argMax(logits, 1), tf.argMax(ys, 1));
        kept.correct = tf.keep(tf.sum(tf.cast(hits, 'float32')));
        return trainingLoss(ys, logits, { labelSmoothing, l2, kernels });
      }, true);
      if (!loss || !kept.correct) throw new Error('minimize() returned no loss');
      return tf.add<tf.Tensor1D>(sums, tf.stack([loss, kept.correct]));
    });
  } finally {
    kept.correct?.dispose();
  }
}
