// One epoch's batches on the device, and everything random about them drawn from (seed, epoch,
// batch) alone, so replays and resumes see the same batches: the shuffled order of the training
// rows, each step's dropout mask and mixup blend. Also the running [loss sum, correct count] the
// steps add to without any readback.

import * as tf from '@tensorflow/tfjs';
import { epochOrder, type RunData } from './deviceData';
import { drawMixup, mixupStepSeed } from './mixup';
import { dropoutStepSeed, setDropoutStep } from './seededDropout';
import { trainStep, type StepInputs } from './trainStep';
import type { TrainConfig } from '../types';

/** A step's inputs other than its rows and its mixup draw, which this epoch decides. */
export type StepParts = Omit<StepInputs, 'order' | 'offset' | 'size' | 'mixup'>;

export class EpochBatches {
  /** This epoch's shuffled order; null between epochs. */
  #order: tf.Tensor1D | null = null;
  #epochIndex = 0;
  #batch = 0;
  #sums: tf.Tensor1D = tf.zeros([2]);
  readonly #config: Pick<TrainConfig, 'seed' | 'dropout' | 'mixupAlpha'>;
  readonly #rows: number;
  readonly batchSize: number;
  readonly batchesPerEpoch: number;

  constructor(config: Pick<TrainConfig, 'seed' | 'dropout' | 'mixupAlpha'>, data: RunData) {
    this.#config = config;
    this.#rows = data.trainImages.shape[0];
    this.batchSize = data.effectiveBatchSize;
    this.batchesPerEpoch = data.batchesPerEpoch;
  }

  /** An epoch has started and not ended. */
  get inProgress(): boolean {
    return this.#order !== null;
  }

  /** Batches completed in the epoch in progress (0 between epochs). */
  get batch(): number {
    return this.#batch;
  }

  get done(): boolean {
    return this.#batch >= this.batchesPerEpoch;
  }

  /** Starts epoch `epochIndex` (0-based): its order, batch 0, sums [0, 0]. */
  start(epochIndex: number): void {
    this.#order = epochOrder(this.#config.seed, epochIndex, this.#rows);
    this.#epochIndex = epochIndex;
    this.#batch = 0;
    this.#sums.dispose();
    this.#sums = tf.zeros([2]);
  }

  /** One optimizer step on the next batch. Everything stays on the device; nothing is read back. */
  step(parts: StepParts): void {
    const order = this.#order;
    if (order === null) throw new Error('No epoch in progress');
    const size = this.batchSize;
    const { seed, dropout, mixupAlpha } = this.#config;
    const [epoch, batch] = [this.#epochIndex, this.#batch];
    // A new, reproducible mask per step: the same (seed, epoch, batch) always draws the same one.
    if (dropout > 0) setDropoutStep(parts.model, dropoutStepSeed(seed, epoch, batch));
    // Likewise mixup's λ and partner order.
    const mixup =
      mixupAlpha > 0 ? drawMixup(mixupAlpha, mixupStepSeed(seed, epoch, batch), size) : null;
    const step = { ...parts, order, offset: batch * size, size, mixup };
    const nextSums = trainStep(step, this.#sums);
    this.#sums.dispose();
    this.#sums = nextSums;
    this.#batch++;
  }

  /** The running [loss sum, correct count]: one small readback, and a sync point. */
  readSums(): Promise<Float32Array> {
    return this.#sums.data<'float32'>();
  }

  /** The epoch is over: its order is freed and the next one starts at batch 0. */
  end(): void {
    this.#order?.dispose();
    this.#order = null;
    this.#batch = 0;
  }

  dispose(): void {
    this.#sums.dispose();
    this.end();
  }
}
