// The training loop of one run: device-resident data, a seeded model and optimizer,
// epochs that can be paused at any batch boundary and resumed exactly where they stopped.
// No DOM: it runs in a Web Worker (webgpu/webgl/cpu) and in Node tests.

import * as tf from '@tensorflow/tfjs';
import type { PairData } from './dataset';
import { logitGapHistogram, validationMetrics } from './metrics';
import { createModel, IMAGE_SIZE, NUM_CLASSES } from './model';
import { createOptimizer } from './optimizer';
import { deriveSeed, mulberry32, shuffledIndices } from './prng';
import type { EpochMetrics, TrainConfig } from './types';

const PIXELS_PER_IMAGE = IMAGE_SIZE * IMAGE_SIZE;
/** Minimum time between progress reports; each report costs one small GPU readback. */
export const PROGRESS_INTERVAL_MS = 250;
/** Validation images per model.predict call; every call has exactly this shape. */
export const EVAL_BATCH_SIZE = 500;

export interface BatchProgress {
  /** Batches completed in this epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Images trained in this epoch per second of (unpaused) training time in this epoch. */
  imagesPerSecond: number;
  /** Training time of the whole run so far, pauses and evaluation excluded. */
  elapsedMs: number;
}

export interface TrainHooks {
  shouldStop(): boolean; // polled at every batch boundary; true → 'stopped'
  onProgress(progress: BatchProgress): void;
}

export interface EpochResult {
  metrics: EpochMetrics;
  /** Every validation example's [z0, z1], dataset order. A fresh array: safe to transfer. */
  validationLogits: Float32Array;
}

/**
 * Yields to the event loop with a macrotask, so a worker can receive a `pause` message
 * between batches. MessageChannel rather than setTimeout(0): browsers clamp nested
 * timeouts to ≥ 4 ms, which would cap training at 250 batches/s for nothing.
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close(); // an open port would keep Node alive
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Uploads uint8 images as float32 [rows, 28, 28, 1] in [0, 1]; rows past `count` are zero padding. */
function uploadImages(images: Uint8Array, count: number, rows: number): tf.Tensor4D {
  if (images.length < count * PIXELS_PER_IMAGE) throw new Error('Fewer pixels than images');
  const pixels = new Float32Array(rows * PIXELS_PER_IMAGE);
  pixels.set(images.subarray(0, count * PIXELS_PER_IMAGE));
  return tf.tidy(() =>
    tf.div<tf.Tensor4D>(tf.tensor4d(pixels, [rows, IMAGE_SIZE, IMAGE_SIZE, 1]), 255),
  );
}

export class Trainer {
  readonly #model: tf.Sequential;
  readonly #optimizer: tf.Optimizer;
  readonly #config: TrainConfig;
  readonly #trainImages: tf.Tensor4D;
  readonly #trainLabelsOneHot: tf.Tensor2D;
  /** Validation images padded to a multiple of evalBatchSize, so every chunk has one shape. */
  readonly #validationImages: tf.Tensor4D;
  readonly #validationLabels: Uint8Array;
  /** min(config.batchSize, train count): the one batch shape used for the whole run. */
  readonly effectiveBatchSize: number;
  readonly batchesPerEpoch: number;
  /** min(EVAL_BATCH_SIZE, validation count): one predict shape for the whole run. */
  readonly evalBatchSize: number;
  /** This epoch's shuffled order, on the device; null between epochs. */
  #epochOrder: tf.Tensor1D | null = null;
  #batchInEpoch = 0;
  /** Running [loss sum, correct count] of this epoch, kept on the device (no per-batch readback). */
  #runningSums: tf.Tensor1D;
  #epochTrainMs = 0;
  #runTrainMs = 0;
  #epochsCompleted = 0;
  /** Train loss/accuracy of the finished-but-not-evaluated epoch. */
  #pendingTrain: { loss: number; accuracy: number; imagesPerSecond: number } | null = null;
  #busy = false;
  #disposed = false;

  private constructor(data: PairData, config: TrainConfig) {
    const trainCount = data.train.count;
    const validationCount = data.validation.count;
    if (trainCount < 1 || validationCount < 1) throw new Error('Need train and validation images');
    if (data.train.labels.length < trainCount || data.validation.labels.length < validationCount) {
      throw new Error('Fewer labels than images');
    }
    this.#config = config;
    // Fixed batch shape, ragged last batch dropped: on WebGPU/WebGL every new input shape
    // compiles new shaders, and a one-off smaller batch would do that every epoch.
    this.effectiveBatchSize = Math.min(config.batchSize, trainCount);
    this.batchesPerEpoch = Math.floor(trainCount / this.effectiveBatchSize);
    this.#trainImages = uploadImages(data.train.images, trainCount, trainCount);
    const oneHot = new Float32Array(trainCount * NUM_CLASSES);
    for (let i = 0; i < trainCount; i++) oneHot[2 * i + (data.train.labels[i] === 1 ? 1 : 0)] = 1;
    this.#trainLabelsOneHot = tf.tensor2d(oneHot, [trainCount, NUM_CLASSES]);
    this.evalBatchSize = Math.min(EVAL_BATCH_SIZE, validationCount);
    const paddedRows = Math.ceil(validationCount / this.evalBatchSize) * this.evalBatchSize;
    this.#validationImages = uploadImages(data.validation.images, validationCount, paddedRows);
    this.#validationLabels = data.validation.labels.slice(0, validationCount);
    this.#runningSums = tf.zeros([2]);
    this.#model = createModel(config.model, config.seed);
    this.#optimizer = createOptimizer(config.optimizer, config.learningRate);
  }

  static create(data: PairData, config: TrainConfig): Trainer {
    return new Trainer(data, config);
  }

  get epochsCompleted(): number {
    return this.#epochsCompleted;
  }

  /** Batches completed in the epoch in progress (0 between epochs). */
  get batchInEpoch(): number {
    return this.#batchInEpoch;
  }

  /** True when trainEpoch returned 'complete' and finishEpoch has not been called yet. */
  get awaitingFinish(): boolean {
    return this.#pendingTrain !== null;
  }

  /**
   * Trains the current epoch to its end, or until hooks.shouldStop() says so at a batch
   * boundary. Calling it again after 'stopped' continues the same epoch, same order.
   * After 'complete', call finishEpoch() before training the next epoch.
   */
  async trainEpoch(hooks: TrainHooks): Promise<'complete' | 'stopped'> {
    this.#assertUsable();
    if (this.#pendingTrain) throw new Error('Epoch complete: call finishEpoch() first');
    this.#busy = true;
    try {
      if (this.#epochOrder === null) this.#startEpoch();
      let segmentStart = performance.now();
      let lastReport = segmentStart;
      const report = async () => {
        // Waiting for the sums is also a sync point: it keeps the CPU from queueing
        // unbounded work ahead of the GPU and makes the timing measure finished work.
        const sums = await this.#runningSums.data<'float32'>();
        const now = performance.now();
        this.#epochTrainMs += now - segmentStart;
        this.#runTrainMs += now - segmentStart;
        segmentStart = lastReport = now;
        hooks.onProgress(this.#progress());
        return sums;
      };
      while (this.#batchInEpoch < this.batchesPerEpoch) {
        await yieldToEventLoop();
        if (this.#disposed) return 'stopped';
        if (hooks.shouldStop()) {
          await report();
          return 'stopped';
        }
        this.#trainBatch();
        if (performance.now() - lastReport >= PROGRESS_INTERVAL_MS) await report();
      }
      const sums = await report();
      if (this.#disposed) return 'stopped';
      this.#completeEpoch(sums);
      return 'complete';
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Evaluates the validation set after a completed epoch (fixed-size chunks, one readback)
   * and returns the epoch's metrics, all computed by metrics.ts from the returned logits.
   */
  async finishEpoch(): Promise<EpochResult> {
    this.#assertUsable();
    const train = this.#pendingTrain;
    if (!train) throw new Error('No completed epoch to finish: call trainEpoch() first');
    this.#busy = true;
    try {
      const logitsTensor = tf.tidy(() => {
        const chunks: tf.Tensor[] = [];
        const size = this.evalBatchSize;
        for (let start = 0; start < this.#validationImages.shape[0]; start += size) {
          const chunk = tf.slice(this.#validationImages, start, size);
          const logits = this.#model.predict(chunk, { batchSize: size });
          if (!(logits instanceof tf.Tensor)) throw new Error('Expected one output tensor');
          chunks.push(logits);
        }
        // Drop the padding rows' logits.
        return tf.slice(tf.concat(chunks, 0), [0, 0], [this.#validationLabels.length, NUM_CLASSES]);
      });
      // A copy: the backend's array may be a view into a larger buffer (cpu slice).
      const validationLogits = Float32Array.from(await logitsTensor.data<'float32'>());
      logitsTensor.dispose();
      const validation = validationMetrics(validationLogits, this.#validationLabels);
      this.#pendingTrain = null;
      this.#epochsCompleted++;
      const metrics: EpochMetrics = {
        epoch: this.#epochsCompleted,
        trainLoss: train.loss,
        trainAccuracy: train.accuracy,
        validationLoss: validation.loss,
        validationAccuracy: validation.accuracy,
        imagesPerSecond: train.imagesPerSecond,
        logitGapHistogram: logitGapHistogram(validationLogits, this.#validationLabels),
      };
      return { metrics, validationLogits };
    } finally {
      this.#busy = false;
    }
  }

  /** Frees the model, the optimizer state and every device tensor of the run. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#model.dispose();
    this.#optimizer.dispose();
    this.#trainImages.dispose();
    this.#trainLabelsOneHot.dispose();
    this.#validationImages.dispose();
    this.#runningSums.dispose();
    this.#epochOrder?.dispose();
    this.#epochOrder = null;
  }

  #assertUsable(): void {
    if (this.#disposed) throw new Error('Trainer was disposed');
    if (this.#busy) throw new Error('Trainer is busy: await the previous call first');
  }

  /** Epoch k's order depends only on (seed, k): replays and resumes see the same batches. */
  #startEpoch(): void {
    const random = mulberry32(deriveSeed(this.#config.seed, this.#epochsCompleted));
    const order = shuffledIndices(this.#trainImages.shape[0], random);
    this.#epochOrder = tf.tensor1d(order, 'int32');
    this.#batchInEpoch = 0;
    this.#epochTrainMs = 0;
    this.#runningSums.dispose();
    this.#runningSums = tf.zeros([2]);
  }

  /** One optimizer step. Everything stays on the device; nothing is read back. */
  #trainBatch(): void {
    const order = this.#epochOrder;
    if (order === null) throw new Error('No epoch in progress');
    // minimize() tidies its closure; the correct count escapes via tf.keep and this holder.
    const kept: { correct?: tf.Scalar } = {};
    const size = this.effectiveBatchSize;
    const nextSums = tf.tidy(() => {
      const batchIndices = tf.slice(order, this.#batchInEpoch * size, size);
      const xs = tf.gather(this.#trainImages, batchIndices);
      const ys = tf.gather(this.#trainLabelsOneHot, batchIndices);
      const loss = this.#optimizer.minimize(() => {
        const logits = this.#model.apply(xs, { training: true });
        if (!(logits instanceof tf.Tensor)) throw new Error('Expected one output tensor');
        // argMax takes the first maximum: ties count as class 0, as in metrics.ts.
        const hits = tf.equal(tf.argMax(logits, 1), tf.argMax(ys, 1));
        kept.correct = tf.keep(tf.sum(tf.cast(hits, 'float32')));
        return tf.losses.softmaxCrossEntropy(ys, logits);
      }, true);
      if (!loss || !kept.correct) throw new Error('minimize() returned no loss');
      return tf.add<tf.Tensor1D>(this.#runningSums, tf.stack([loss, kept.correct]));
    });
    kept.correct?.dispose();
    this.#runningSums.dispose();
    this.#runningSums = nextSums;
    this.#batchInEpoch++;
  }

  #completeEpoch(sums: ArrayLike<number>): void {
    const images = this.batchesPerEpoch * this.effectiveBatchSize;
    this.#pendingTrain = {
      // softmaxCrossEntropy is a batch mean and all batches have one size: mean of means.
      loss: sums[0] / this.batchesPerEpoch,
      accuracy: sums[1] / images,
      imagesPerSecond: this.#progress().imagesPerSecond,
    };
    this.#epochOrder?.dispose();
    this.#epochOrder = null;
    this.#batchInEpoch = 0;
  }

  #progress(): BatchProgress {
    const images = this.#batchInEpoch * this.effectiveBatchSize;
    return {
      batch: this.#batchInEpoch,
      batchesPerEpoch: this.batchesPerEpoch,
      imagesPerSecond: this.#epochTrainMs > 0 ? (images * 1000) / this.#epochTrainMs : 0,
      elapsedMs: this.#runTrainMs,
    };
  }
}
