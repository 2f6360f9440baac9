// The three training loops the bench compares, each behind one small interface so the bench
// can interleave them epoch by epoch. Same model factory, optimizer, data and batch size:
//   app          the playground's own loop (core Trainer), as its worker runs it;
//   fitCallback  model.fit with an onBatchEnd callback that reads the loss (what tutorials
//                and tfjs-vis do: tfjs awaits every batch's logs before calling it);
//   fit          plain model.fit, no callbacks.

import * as tf from '@tensorflow/tfjs';
import type { ClassData } from '../lib/core/data';
import { createModel, IMAGE_SIZE } from '../lib/core/train';
import { createOptimizer } from '../lib/core/train';
import { Trainer } from '../lib/core/train';
import type { ClassSlug, TrainConfig } from '../lib/core/types';
// The regularisers-off defaults the unit tests use too, so the two cannot drift apart.
import { testConfig } from '../lib/core/train/trainConfig.fixture';
import type { Variant, Workload } from './protocol';

export const LEARNING_RATE = 0.001;

/** The classes a workload trains on: its own list, or the app's default pair. */
export function workloadClasses(workload: Workload): ClassSlug[] {
  return workload.classes ?? ['pullover', 'coat'];
}
/** The app's progress messages, which the app worker posts; the bench posts them too. */
export type ProgressSink = (imagesPerSecond: number) => void;

export interface Runner {
  readonly variant: Variant;
  /** Images one epoch trains (the app drops a ragged last batch; fit trains it). */
  readonly imagesPerEpoch: number;
  /** One training epoch. This is the timed part. */
  trainEpoch(): Promise<void>;
  /** Work the loop does between epochs that is not training (the app's validation pass). */
  betweenEpochs(): Promise<void>;
  dispose(): void;
}

/** The app's full TrainConfig for a workload; the regularisers are off (their defaults). */
export function trainConfig(workload: Workload): TrainConfig {
  return testConfig({
    trainSize: workload.trainSize,
    validationSize: workload.validationSize,
    epochs: 500,
    batchSize: workload.batchSize,
    learningRate: LEARNING_RATE,
    model: workload.model,
    seed: workload.seed,
    classes: workloadClasses(workload),
  });
}

export function createRunner(
  variant: Variant,
  data: ClassData,
  workload: Workload,
  onProgress: ProgressSink,
): Runner {
  return variant === 'app'
    ? appRunner(data, workload, onProgress)
    : fitRunner(variant, data, workload);
}

function appRunner(data: ClassData, workload: Workload, onProgress: ProgressSink): Runner {
  const trainer = Trainer.create(data, trainConfig(workload));
  return {
    variant: 'app',
    imagesPerEpoch: trainer.batchesPerEpoch * trainer.effectiveBatchSize,
    async trainEpoch() {
      const outcome = await trainer.trainEpoch({
        shouldStop: () => false,
        onProgress: (progress) => onProgress(progress.imagesPerSecond),
      });
      if (outcome !== 'complete') throw new Error('The app loop stopped before the epoch ended');
    },
    async betweenEpochs() {
      await trainer.finishEpoch();
    },
    dispose: () => trainer.dispose(),
  };
}

/** Cross-entropy from logits, exactly the loss the app minimises. */
function softmaxCrossEntropy(labels: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  return tf.losses.softmaxCrossEntropy(labels, logits);
}

function fitRunner(variant: 'fitCallback' | 'fit', data: ClassData, workload: Workload): Runner {
  const { count, images, labels } = data.train;
  const classCount = workloadClasses(workload).length;
  const model = createModel(workload.model, workload.seed, 0, classCount);
  model.compile({
    optimizer: createOptimizer('adam', LEARNING_RATE),
    loss: softmaxCrossEntropy,
    metrics: ['accuracy'], // the app tracks training accuracy too
  });
  // Device-resident once, as a careful tutorial would (and as the app does).
  const pixels = Float32Array.from(images.subarray(0, count * IMAGE_SIZE * IMAGE_SIZE));
  const xs = tf.tidy(() => tf.div(tf.tensor4d(pixels, [count, IMAGE_SIZE, IMAGE_SIZE, 1]), 255));
  const oneHot = new Float32Array(count * classCount);
  for (let i = 0; i < count; i++) oneHot[i * classCount + labels[i]] = 1;
  const ys = tf.tensor2d(oneHot, [count, classCount]);
  let lastLoss = Number.NaN;
  const callbacks =
    variant === 'fitCallback'
      ? {
          // tfjs resolves every scalar in `logs` (a GPU readback) before calling this.
          onBatchEnd: (_batch: number, logs?: tf.Logs) => {
            lastLoss = logs?.loss ?? Number.NaN;
          },
        }
      : undefined;
  return {
    variant,
    imagesPerEpoch: count,
    async trainEpoch() {
      const history = await model.fit(xs, ys, {
        batchSize: workload.batchSize,
        epochs: 1,
        shuffle: true,
        verbose: 0,
        callbacks,
      });
      if (variant === 'fitCallback' && !Number.isFinite(lastLoss)) {
        throw new Error('onBatchEnd saw no loss');
      }
      if (!Number.isFinite(Number(history.history.loss?.[0]))) throw new Error('fit gave no loss');
    },
    async betweenEpochs() {},
    dispose() {
      model.optimizer.dispose();
      model.dispose();
      xs.dispose();
      ys.dispose();
    },
  };
}
