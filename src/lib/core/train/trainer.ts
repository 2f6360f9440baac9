// The training loop of one run: device-resident data, a seeded model and optimizer,
// epochs that can be paused at any batch boundary and resumed exactly where they stopped.
// No DOM: it runs in a Web Worker (webgpu/webgl/cpu) and in Node tests.

import * as tf from '@tensorflow/tfjs';
import type { PairData } from '../data';
import { uploadImages, uploadOneHot } from './deviceData';
import { EarlyStopping } from './earlyStopping';
import { yieldToEventLoop } from './eventLoop';
import { epochMetrics, predictLogits, type TrainSummary } from './evaluation';
import { createModel, modelKernels } from './model';
import { drawMixup, mixupStepSeed } from './mixup';
import { createOptimizer, setLearningRate } from './optimizer';
import { deriveSeed, mulberry32, shuffledIndices } from '../prng';
import { dropoutStepSeed, setDropoutStep } from './seededDropout';
import { trainStep } from './trainStep';
import { captureState, restoreState, type TrainerParts } from './trainerState';
import type { HeldModel } from '../runState';
import {
  ADJUSTABLE_FIELDS,
  type AdjustableSettings,
  type EarlyStopInfo,
  type EpochMetrics,
  type SettingChangeEvent,
  type SettingChanges,
  type TrainConfig,
  type TrainerSnapshot,
} from '../types';

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
  /** Set on the epoch after which early stopping ended the run; the model now holds bestEpoch's weights. */
  earlyStop: EarlyStopInfo | null;
  /**
   * What the model holds after this epoch: this epoch's weights and `validationLogits`, or,
   * once early stopping restored them, the best epoch's weights and a fresh copy of its logits.
   */
  model: HeldModel;
}

export class Trainer {
  readonly #model: tf.Sequential;
  readonly #optimizer: tf.Optimizer;
  /** The kernels the L2 penalty covers (all of them, so λ can be turned on mid-run). */
  readonly #penalisedKernels: tf.Variable[];
  /** The settings a run can change while it trains; start at the config's values. */
  #adjustable: AdjustableSettings;
  readonly #earlyStopping: EarlyStopping;
  #earlyStop: EarlyStopInfo | null = null;
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
  #pendingTrain: TrainSummary | null = null;
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
    this.#trainLabelsOneHot = uploadOneHot(data.train.labels, trainCount);
    this.evalBatchSize = Math.min(EVAL_BATCH_SIZE, validationCount);
    const paddedRows = Math.ceil(validationCount / this.evalBatchSize) * this.evalBatchSize;
    this.#validationImages = uploadImages(data.validation.images, validationCount, paddedRows);
    this.#validationLabels = data.validation.labels.slice(0, validationCount);
    this.#runningSums = tf.zeros([2]);
    this.#model = createModel(config.model, config.seed, config.dropout);
    this.#penalisedKernels = modelKernels(this.#model);
    const { learningRate, l2, labelSmoothing, focalGamma } = config;
    this.#adjustable = { learningRate, l2, labelSmoothing, focalGamma };
    this.#earlyStopping = new EarlyStopping(config.earlyStop, config.patience);
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

  /** True once early stopping ended the run: the best weights are restored and training is refused. */
  get stoppedEarly(): boolean {
    return this.#earlyStop !== null;
  }

  get earlyStop(): EarlyStopInfo | null {
    return this.#earlyStop;
  }

  /** The current values of the settings that can change mid-run. */
  get adjustable(): AdjustableSettings {
    return { ...this.#adjustable };
  }

  /**
   * Changes settings mid-run: they apply from the next batch (batches are synchronous, so any
   * call lands on a batch boundary), with no reset. Allowed while an epoch is in progress.
   * Returns one event per setting whose value changed, stamped with where it takes effect.
   */
  adjust(changes: SettingChanges): SettingChangeEvent[] {
    if (this.#disposed) throw new Error('Trainer was disposed');
    // The next batch trained: after a completed-but-unfinished epoch it is the next epoch's first.
    const epoch = this.#epochsCompleted + (this.#pendingTrain ? 2 : 1);
    const batch = this.#pendingTrain ? 0 : this.#batchInEpoch;
    const events: SettingChangeEvent[] = [];
    for (const field of ADJUSTABLE_FIELDS) {
      const to = changes[field];
      if (to === undefined || to === this.#adjustable[field]) continue;
      if (!Number.isFinite(to) || to < 0) throw new Error(`${field} must be a finite number ≥ 0`);
      const from = this.#adjustable[field];
      this.#adjustable = { ...this.#adjustable, [field]: to };
      if (field === 'learningRate') setLearningRate(this.#optimizer, to);
      events.push({ epoch, batch, batchesPerEpoch: this.batchesPerEpoch, field, from, to });
    }
    return events;
  }

  /** True when trainEpoch returned 'complete' and finishEpoch has not been called yet. */
  get awaitingFinish(): boolean {
    return this.#pendingTrain !== null;
  }

  /**
   * Trains the current epoch to its end, or until hooks.shouldStop() says so at a batch
   * boundary. Calling it again after 'stopped' continues the same epoch, same order.
   * 'diverged': the running training loss became NaN or infinite (checked at every progress
   * report, so within one epoch); the run cannot usefully continue.
   * After 'complete', call finishEpoch() before training the next epoch.
   */
  async trainEpoch(hooks: TrainHooks): Promise<'complete' | 'stopped' | 'diverged'> {
    this.#assertUsable();
    if (this.#pendingTrain) throw new Error('Epoch complete: call finishEpoch() first');
    if (this.#earlyStop) {
      throw new Error(
        `Stopped early after epoch ${this.#earlyStop.stoppedAfterEpoch}: start a new run`,
      );
    }
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
        if (performance.now() - lastReport >= PROGRESS_INTERVAL_MS) {
          if (!Number.isFinite((await report())[0])) return 'diverged';
        }
      }
      const sums = await report();
      if (this.#disposed) return 'stopped';
      // A NaN/Inf loss never recovers: stop here rather than evaluate garbage.
      if (!Number.isFinite(sums[0])) return 'diverged';
      this.#completeEpoch(sums);
      return 'complete';
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Evaluates the validation set after a completed epoch (fixed-size chunks, one readback)
   * and returns the epoch's metrics, all computed by metrics.ts / calibration.ts from the
   * returned logits. With early stopping on, it may end the run here (see EpochResult.earlyStop).
   */
  async finishEpoch(): Promise<EpochResult> {
    this.#assertUsable();
    const train = this.#pendingTrain;
    if (!train) throw new Error('No completed epoch to finish: call trainEpoch() first');
    this.#busy = true;
    try {
      const validationLogits = await this.#predictValidation();
      this.#pendingTrain = null;
      this.#epochsCompleted++;
      const metrics = epochMetrics(
        this.#epochsCompleted,
        train,
        validationLogits,
        this.#validationLabels,
      );
      const stop = this.#earlyStopping.update(this.#model, metrics, validationLogits);
      this.#earlyStop = stop?.info ?? null;
      const model: HeldModel = stop
        ? { epoch: stop.info.bestEpoch, validationLogits: stop.bestValidationLogits }
        : { epoch: metrics.epoch, validationLogits };
      return { metrics, validationLogits, earlyStop: this.#earlyStop, model };
    } finally {
      this.#busy = false;
    }
  }

  /** Validation logits of the model as it is now (e.g. after early stopping restored the best weights). */
  async evaluateValidation(): Promise<Float32Array> {
    this.#assertUsable();
    this.#busy = true;
    try {
      return await this.#predictValidation();
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Everything needed to continue after the last completed epoch: weights, optimizer state
   * (Adam's moments and step count) and early stopping's best epoch. Between epochs only.
   */
  async exportState(): Promise<TrainerSnapshot> {
    this.#assertUsable();
    if (this.#epochOrder !== null || this.#pendingTrain) {
      throw new Error('A snapshot is taken between epochs only');
    }
    this.#busy = true;
    try {
      return await captureState(this.#parts(), this.#epochsCompleted);
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Continues a run from a snapshot taken after `snapshot.epoch` on any backend: the next
   * epoch trains the same batches (the order depends only on seed and epoch) with the same
   * weights and optimizer state. A fresh trainer only.
   */
  async restoreState(snapshot: TrainerSnapshot): Promise<void> {
    this.#assertUsable();
    if (this.#epochsCompleted !== 0 || this.#epochOrder !== null) {
      throw new Error('Restore into a fresh trainer only');
    }
    this.#busy = true;
    try {
      await restoreState(this.#parts(), snapshot);
      this.#epochsCompleted = snapshot.epoch;
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
    this.#earlyStopping.dispose();
  }

  #parts(): TrainerParts {
    return {
      model: this.#model,
      optimizer: this.#optimizer,
      earlyStopping: this.#earlyStopping,
    };
  }

  /** Every validation example's [z0, z1] in one readback; every predict call has one shape. */
  #predictValidation(): Promise<Float32Array> {
    const count = this.#validationLabels.length;
    return predictLogits(this.#model, this.#validationImages, count, this.evalBatchSize);
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
    const size = this.effectiveBatchSize;
    const { seed, dropout, mixupAlpha } = this.#config;
    const { labelSmoothing, l2, focalGamma } = this.#adjustable;
    const epoch = this.#epochsCompleted;
    const batch = this.#batchInEpoch;
    // A new, reproducible mask per step: the same (seed, epoch, batch) always draws the same one.
    if (dropout > 0) setDropoutStep(this.#model, dropoutStepSeed(seed, epoch, batch));
    // Likewise mixup's λ and partner order.
    const mixup =
      mixupAlpha > 0 ? drawMixup(mixupAlpha, mixupStepSeed(seed, epoch, batch), size) : null;
    const step = {
      model: this.#model,
      optimizer: this.#optimizer,
      images: this.#trainImages,
      labelsOneHot: this.#trainLabelsOneHot,
      order,
      offset: this.#batchInEpoch * size,
      size,
      labelSmoothing,
      l2,
      kernels: this.#penalisedKernels,
      focalGamma,
      mixup,
    };
    const nextSums = trainStep(step, this.#runningSums);
    this.#runningSums.dispose();
    this.#runningSums = nextSums;
    this.#batchInEpoch++;
  }

  #completeEpoch(sums: ArrayLike<number>): void {
    const images = this.batchesPerEpoch * this.effectiveBatchSize;
    this.#pendingTrain = {
      // The minimised objective (smoothed targets, L2 included, as Keras reports it) is a
      // batch mean and all batches have one size: mean of means.
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
