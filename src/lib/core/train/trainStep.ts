// One optimizer step of the app's loop. Everything stays on the device: the step's loss and
// correct count are added to running sums that are read back only for progress reports.

import * as tf from '@tensorflow/tfjs';
import { mixBatch, type MixupDraw } from './mixup';
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
  /** Focal loss γ; 0 = cross-entropy. */
  focalGamma: number;
  /** This step's mixup blend, or null for none. */
  mixup: MixupDraw | null;
}

/** Trains one batch; returns `sums` + [batch loss, correct count] as a new tensor. */
export function trainStep(step: StepInputs, sums: tf.Tensor1D): tf.Tensor1D {
  const { model, optimizer, order, offset, size, labelSmoothing, l2, kernels, focalGamma } = step;
  // minimize() tidies its closure; the correct count escapes via tf.keep and this holder.
  const kept: { correct?: tf.Scalar } = {};
  try {
    return tf.tidy(() => {
      const batchIndices = tf.slice(order, offset, size);
      const batchImages = tf.gather(step.images, batchIndices);
      const batchTargets = tf.gather(step.labelsOneHot, batchIndices);
      // With mixup, accuracy counts agreement with the blend's larger share (argmax of ỹ).
      const { images: xs, targets: ys } = step.mixup
        ? mixBatch(batchImages, batchTargets, step.mixup)
        : { images: batchImages, targets: batchTargets };
      const loss = optimizer.minimize(() => {
        const logits = model.apply(xs, { training: true });
        if (!(logits instanceof tf.Tensor)) throw new Error('Expected one output tensor');
        // argMax takes the first maximum: ties count as class 0, as in metrics.ts.
        const hits = tf.equal(tf.argMax(logits, 1), tf.argMax(ys, 1));
        kept.correct = tf.keep(tf.sum(tf.cast(hits, 'float32')));
        return trainingLoss(ys, logits, { labelSmoothing, l2, kernels, focalGamma });
      }, true);
      if (!loss || !kept.correct) throw new Error('minimize() returned no loss');
      return tf.add<tf.Tensor1D>(sums, tf.stack([loss, kept.correct]));
    });
  } finally {
    kept.correct?.dispose();
  }
}
