// Mixup (Zhang et al. 2018): each training batch is blended with a shuffled copy of itself,
// x̃ = λ·x + (1 − λ)·x[perm], ỹ = λ·y + (1 − λ)·y[perm], with λ ~ Beta(α, α) drawn per batch.
// The draw comes from our own PRNG seeded by (run seed, epoch, batch), like seededDropout.ts,
// so a run repeats bit for bit and a resume draws exactly the same blends.

import * as tf from '@tensorflow/tfjs';
import { deriveSeed, mulberry32, shuffledIndices } from '../prng';

/** Keeps mixup's seed stream apart from the shuffle's and dropout's. */
const MIXUP_STREAM = 0x6d697875; // 'mixu'
/**
 * λ is kept within [LAMBDA_MIN, 1 − LAMBDA_MIN]: with a small α, Beta(α, α) puts real mass so
 * close to 0 and 1 that float64 rounds λ to exactly 0 or 1; a blend of 1e-6 is no blend anyway,
 * and the clamp keeps λ strictly inside (0, 1) and representable in float32.
 */
export const LAMBDA_MIN = 1e-6;

/** The seed of training step (epoch, batch) of a run; epoch and batch count from 0. */
export function mixupStepSeed(runSeed: number, epoch: number, batch: number): number {
  return deriveSeed(deriveSeed(deriveSeed(runSeed, MIXUP_STREAM), epoch), batch);
}

export interface MixupDraw {
  /** The blend weight of the batch itself, in (0, 1). */
  lambda: number;
  /** Which row each row is blended with: a permutation of 0 … size − 1. */
  permutation: Int32Array;
}

/** A uniform number in (0, 1]: safe to take the log of. */
function openUniform(random: () => number): number {
  return 1 - random();
}

function standardNormal(random: () => number): number {
  // Box–Muller; one of the pair is enough here.
  return Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random());
}

/**
 * log of a Gamma(shape, 1) sample: Marsaglia & Tsang (2000) for shape ≥ 1, and for shape < 1
 * their boost G(a) = G(a + 1)·U^(1/a), kept in logs so tiny samples do not underflow to 0.
 */
export function logGammaSample(shape: number, random: () => number): number {
  if (!(shape > 0)) throw new Error(`Gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    return logGammaSample(shape + 1, random) + Math.log(openUniform(random)) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    if (Math.log(openUniform(random)) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/** A Beta(α, α) sample X / (X + Y) of two Gamma(α) samples, computed from their logs. */
export function sampleSymmetricBeta(alpha: number, random: () => number): number {
  const logX = logGammaSample(alpha, random);
  const logY = logGammaSample(alpha, random);
  const lambda = 1 / (1 + Math.exp(logY - logX));
  return Math.min(1 - LAMBDA_MIN, Math.max(LAMBDA_MIN, lambda));
}

/** The blend of one step: λ ~ Beta(α, α) and the partner permutation, both from `stepSeed`. */
export function drawMixup(alpha: number, stepSeed: number, size: number): MixupDraw {
  const random = mulberry32(stepSeed);
  const lambda = sampleSymmetricBeta(alpha, random);
  return { lambda, permutation: shuffledIndices(size, random) };
}

/** The mixed-up batch: λ·x + (1 − λ)·x[perm] for the images and the (one-hot) targets alike. */
export function mixBatch(
  images: tf.Tensor4D,
  targets: tf.Tensor2D,
  { lambda, permutation }: MixupDraw,
): { images: tf.Tensor4D; targets: tf.Tensor2D } {
  return tf.tidy(() => {
    const partners = tf.tensor1d(permutation, 'int32');
    const blend = <T extends tf.Tensor>(values: T): T =>
      tf.add(tf.mul(values, lambda), tf.mul(tf.gather(values, partners), 1 - lambda));
    return { images: blend(images), targets: blend(targets) };
  });
}
