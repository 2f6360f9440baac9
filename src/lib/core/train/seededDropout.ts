// Dropout whose masks are reproducible. tfjs' Dropout layer with a fixed `seed` draws the
// SAME mask on every call (the seed re-seeds a fresh generator each time), and without one it
// uses Math.random, so neither gives "same run for the same seed, new mask every step".
// Here the trainer sets a step seed derived from (run seed, epoch, batch) before each step,
// so a replay, or a resume in the middle of an epoch, draws exactly the same masks.

import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../prng';

/** Keeps dropout's seed stream apart from the shuffling stream (deriveSeed(seed, epoch)). */
const DROPOUT_STREAM = 0x64726f70; // 'drop'

/** The seed of training step (epoch, batch) of a run; epoch and batch count from 0. */
export function dropoutStepSeed(runSeed: number, epoch: number, batch: number): number {
  return deriveSeed(deriveSeed(deriveSeed(runSeed, DROPOUT_STREAM), epoch), batch);
}

export interface SeededDropoutArgs {
  rate: number;
  /** Distinguishes this layer's mask from the other dropout layers' in the same step. */
  stream: number;
  name?: string;
}

/**
 * Inverted dropout (kept activations scaled by 1 / (1 − rate)) while training; the identity
 * at inference. Training without a step seed is an error, so no unseeded mask can slip in.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'SeededDropout';
  readonly rate: number;
  readonly stream: number;
  /** Set by the trainer before every training step (see setDropoutStep). */
  stepSeed: number | null = null;

  constructor({ rate, stream, name }: SeededDropoutArgs) {
    super(name === undefined ? {} : { name });
    if (!(rate > 0 && rate < 1)) throw new Error(`Dropout rate must be in (0, 1), got ${rate}`);
    this.rate = rate;
    this.stream = stream;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs['training'] !== true) return input;
    if (this.stepSeed === null) throw new Error('SeededDropout: set a step seed before training');
    // tf.dropout draws its mask from a generator seeded with exactly this number (on the CPU,
    // then uploaded), so the mask is the same on every backend.
    return tf.dropout(input, this.rate, undefined, deriveSeed(this.stepSeed, this.stream));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, stream: this.stream };
  }
}
tf.serialization.registerClass(SeededDropout);

/** Sets the step seed of every SeededDropout layer of `model`. */
export function setDropoutStep(model: tf.LayersModel, stepSeed: number): void {
  for (const layer of model.layers) if (layer instanceof SeededDropout) layer.stepSeed = stepSeed;
}
