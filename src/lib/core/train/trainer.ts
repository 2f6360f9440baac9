// One run's trainer: device-resident data, a seeded model and optimizer, epochs that can be
// paused at any batch boundary and resumed exactly where they stopped. It holds the run's state;
// the jobs live beside it: the run's tensors (deviceData.ts), each epoch's seeded batches
// (epochBatches.ts), the batch loop (epochLoop.ts) and its clock (trainingClock.ts), snapshots
// (trainerState.ts). No DOM: it runs in a Web Worker (webgpu/webgl/cpu) and in Node tests.

import * as tf from '@tensorflow/tfjs';
import type { ClassData } from '../data';
import { heldOutSplit } from '../metrics';
import { disposeRunData, uploadRunData, type RunData } from './deviceData';
import { EarlyStopping } from './earlyStopping';
import { EpochBatches } from './epochBatches';
import {
  batchProgress,
  trainRemainingBatches,
  type EpochDriver,
  type TrainHooks,
} from './epochLoop';
import { epochMetrics, predictLogits, type EpochResult, type TrainSummary } from './evaluation';
import { createModel, modelKernels } from './model';
import { createOptimizer, setLearningRate } from './optimizer';
import { TrainingClock } from './trainingClock';
import { captureState, restoreState, type TrainerParts } from './trainerState';
import type { HeldModel } from '../runState';
import {
  ADJUSTABLE_FIELDS,
  runClassCount,
  type AdjustableSettings,
  type EarlyStopInfo,
  type SettingChangeEvent,
  type SettingChanges,
  type TrainConfig,
  type TrainerSnapshot,
} from '../types';

export { EVAL_BATCH_SIZE } from './deviceData';
export { PROGRESS_INTERVAL_MS, type BatchProgress } from './trainingClock';
export type { TrainHooks } from './epochLoop';
export type { EpochResult } from './evaluation';

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
  readonly #data: RunData;
  /** min(config.batchSize, train count): the one batch shape used for the whole run. */
  readonly effectiveBatchSize: number;
  readonly batchesPerEpoch: number;
  /** min(EVAL_BATCH_SIZE, validation count): one predict shape for the whole run. */
  readonly evalBatchSize: number;
  readonly #batches: EpochBatches;
  readonly #clock = new TrainingClock();
  /** What the epoch loop drives: this trainer's batches, clock and per-step draws. */
  readonly #driver: EpochDriver;
  #epochsCompleted = 0;
  /** Train loss/accuracy of the finished-but-not-evaluated epoch. */
  #pendingTrain: TrainSummary | null = null;
  #busy = false;
  #disposed = false;

  private constructor(data: ClassData, config: TrainConfig) {
    this.#config = config;
    this.#data = uploadRunData(data, config.batchSize, runClassCount(config));
    this.effectiveBatchSize = this.#data.effectiveBatchSize;
    this.batchesPerEpoch = this.#data.batchesPerEpoch;
    this.evalBatchSize = this.#data.evalBatchSize;
    this.#batches = new EpochBatches(config, this.#data);
    this.#driver = {
      batches: this.#batches,
      clock: this.#clock,
      trainBatch: () => this.#trainBatch(),
      disposed: () => this.#disposed,
    };
    this.#model = createModel(config.model, config.seed, config.dropout, runClassCount(config));
    this.#penalisedKernels = modelKernels(this.#model);
    const { learningRate, l2, labelSmoothing, focalGamma } = config;
    this.#adjustable = { learningRate, l2, labelSmoothing, focalGamma };
    // The stop rule sees the calibration half only, split by the run's seed as the panels split it.
    const labels = this.#data.validationLabels;
    const { calibration } = heldOutSplit(labels, config.seed);
    this.#earlyStopping = new EarlyStopping(config.earlyStop, config.patience, {
      labels,
      calibration,
    });
    this.#optimizer = createOptimizer(config.optimizer, config.learningRate);
  }

  static create(data: ClassData, config: TrainConfig): Trainer {
    return new Trainer(data, config);
  }

  get epochsCompleted(): number {
    return this.#epochsCompleted;
  }

  /** Batches completed in the epoch in progress (0 between epochs). */
  get batchInEpoch(): number {
    return this.#batches.batch;
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
    const batch = this.#pendingTrain ? 0 : this.#batches.batch;
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
    return this.#exclusive(async () => {
      if (this.#pendingTrain) throw new Error('Epoch complete: call finishEpoch() first');
      if (this.#earlyStop) {
        throw new Error(
          `Stopped early after epoch ${this.#earlyStop.stoppedAfterEpoch}: start a new run`,
        );
      }
      if (!this.#batches.inProgress) {
        this.#batches.start(this.#epochsCompleted);
        this.#clock.startEpoch();
      }
      const result = await trainRemainingBatches(this.#driver, hooks);
      if (result.outcome !== 'complete') return result.outcome;
      this.#completeEpoch(result.sums);
      return 'complete';
    });
  }

  /**
   * Evaluates the validation set after a completed epoch (fixed-size chunks, one readback)
   * and returns the epoch's metrics, all computed by metrics.ts / calibration.ts from the
   * returned logits. With early stopping on, it may end the run here (see EpochResult.earlyStop).
   */
  async finishEpoch(): Promise<EpochResult> {
    return this.#exclusive(async () => {
      const train = this.#pendingTrain;
      if (!train) throw new Error('No completed epoch to finish: call trainEpoch() first');
      const validationLogits = await this.#predictValidation();
      this.#pendingTrain = null;
      this.#epochsCompleted++;
      const metrics = epochMetrics(
        this.#epochsCompleted,
        train,
        validationLogits,
        this.#data.validationLabels,
      );
      const stop = this.#earlyStopping.update(this.#model, metrics, validationLogits);
      this.#earlyStop = stop?.info ?? null;
      const model: HeldModel = stop
        ? { epoch: stop.info.bestEpoch, validationLogits: stop.bestValidationLogits }
        : { epoch: metrics.epoch, validationLogits };
      return { metrics, validationLogits, earlyStop: this.#earlyStop, model };
    });
  }

  /** Validation logits of the model as it is now (e.g. after early stopping restored the best weights). */
  async evaluateValidation(): Promise<Float32Array> {
    return this.#exclusive(() => this.#predictValidation());
  }

  /**
   * Everything needed to continue after the last completed epoch: weights, optimizer state
   * (Adam's moments and step count) and early stopping's best epoch. Between epochs only.
   */
  async exportState(): Promise<TrainerSnapshot> {
    return this.#exclusive(() => {
      if (this.#batches.inProgress || this.#pendingTrain) {
        throw new Error('A snapshot is taken between epochs only');
      }
      return captureState(this.#parts(), this.#epochsCompleted);
    });
  }

  /**
   * Continues a run from a snapshot taken after `snapshot.epoch` on any backend: the next
   * epoch trains the same batches (the order depends only on seed and epoch) with the same
   * weights and optimizer state. A fresh trainer only.
   */
  async restoreState(snapshot: TrainerSnapshot): Promise<void> {
    return this.#exclusive(async () => {
      if (this.#epochsCompleted !== 0 || this.#batches.inProgress) {
        throw new Error('Restore into a fresh trainer only');
      }
      await restoreState(this.#parts(), snapshot);
      this.#epochsCompleted = snapshot.epoch;
    });
  }

  /** Frees the model, the optimizer state and every device tensor of the run. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#model.dispose();
    this.#optimizer.dispose();
    disposeRunData(this.#data);
    this.#batches.dispose();
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
    const { validationImages, validationLabels } = this.#data;
    const count = validationLabels.length;
    return predictLogits(this.#model, validationImages, count, this.evalBatchSize);
  }

  /** Runs `work` as the trainer's only call in flight: one at a time, never after dispose(). */
  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#disposed) throw new Error('Trainer was disposed');
    if (this.#busy) throw new Error('Trainer is busy: await the previous call first');
    this.#busy = true;
    try {
      return await work();
    } finally {
      this.#busy = false;
    }
  }

  /** One optimizer step on the next batch, with the settings as they are now. */
  #trainBatch(): void {
    const { labelSmoothing, l2, focalGamma } = this.#adjustable;
    this.#batches.step({
      model: this.#model,
      optimizer: this.#optimizer,
      images: this.#data.trainImages,
      labelsOneHot: this.#data.trainLabelsOneHot,
      labelSmoothing,
      l2,
      kernels: this.#penalisedKernels,
      focalGamma,
    });
  }

  #completeEpoch(sums: ArrayLike<number>): void {
    const images = this.batchesPerEpoch * this.effectiveBatchSize;
    this.#pendingTrain = {
      // The minimised objective (smoothed targets, L2 included, as Keras reports it) is a
      // batch mean and all batches have one size: mean of means.
      loss: sums[0] / this.batchesPerEpoch,
      accuracy: sums[1] / images,
      imagesPerSecond: batchProgress(this.#driver).imagesPerSecond,
    };
    this.#batches.end();
  }
}
