// Model factory. A new model per call (no module singleton) so a reset really starts
// over and tests can build as many as they like.

import * as tf from '@tensorflow/tfjs';
import { SeededDropout } from './seededDropout';
import type { ModelPreset } from '../types';

export const IMAGE_SIZE = 28;
/** Classes of the default task (a pair); a run's model has one logit per class it trains on. */
export const DEFAULT_CLASS_COUNT = 2;
export const KERNEL_SIZE = 3;
export const POOL_SIZE = 2;

/** The few numbers that distinguish the presets; the layer order is the same for all. */
export interface Architecture {
  conv1Filters: number;
  conv2Filters: number;
  denseUnits: number;
}

export interface ModelPresetInfo {
  label: string;
  /** One-line layer summary for the UI. */
  summary: string;
  /** Trainable parameters, computed from the architecture (equals model.countParams()). */
  parameterCount: number;
  architecture: Architecture;
}

/** A 'valid' 3×3 convolution then a 2×2 pooling (floor), as in the model. */
const convolveAndPool = (side: number) => Math.floor((side - KERNEL_SIZE + 1) / POOL_SIZE);
/** Side of the last feature map: 28 → 26 → 13 → 11 → 5. */
const FINAL_FEATURE_SIDE = convolveAndPool(convolveAndPool(IMAGE_SIZE));

function countParameters(
  { conv1Filters, conv2Filters, denseUnits }: Architecture,
  classCount = DEFAULT_CLASS_COUNT,
): number {
  const conv1 = KERNEL_SIZE * KERNEL_SIZE * 1 * conv1Filters + conv1Filters;
  const conv2 = KERNEL_SIZE * KERNEL_SIZE * conv1Filters * conv2Filters + conv2Filters;
  const flat = FINAL_FEATURE_SIDE * FINAL_FEATURE_SIDE * conv2Filters;
  const dense = flat * denseUnits + denseUnits;
  const logits = denseUnits * classCount + classCount;
  return conv1 + conv2 + dense + logits;
}

function describe(label: string, architecture: Architecture): ModelPresetInfo {
  const { conv1Filters, conv2Filters, denseUnits } = architecture;
  const summary =
    `conv ${conv1Filters}@3×3 → pool 2 → conv ${conv2Filters}@3×3 → pool 2 → ` +
    `dense ${denseUnits} → dense K (logits, one per class)`;
  return { label, summary, parameterCount: countParameters(architecture), architecture };
}

/**
 * 'wide' has far more capacity than two Fashion-MNIST classes need, which is the
 * point: it fits the training set and then keeps growing its logits.
 */
export const MODEL_PRESETS: Readonly<Record<ModelPreset, ModelPresetInfo>> = Object.freeze({
  wide: describe('Wide CNN', { conv1Filters: 32, conv2Filters: 64, denseUnits: 128 }),
  small: describe('Small CNN', { conv1Filters: 8, conv2Filters: 16, denseUnits: 32 }),
});

export const DEFAULT_MODEL_PRESET: ModelPreset = 'wide';

/** Trainable parameters of `preset` with `classCount` logits (MODEL_PRESETS counts a pair's). */
export function modelParameterCount(preset: ModelPreset, classCount: number): number {
  return countParameters(MODEL_PRESETS[preset].architecture, classCount);
}

/**
 * Builds the CNN for `preset`. Input: [batch, 28, 28, 1] floats in [0, 1].
 * Output: [batch, classCount] raw logits — the last layer is LINEAR on purpose: the softmax
 * lives in the loss, and the logits themselves are what we chart.
 *
 * Every kernel initializer is seeded with seed + a fixed layer number and biases start at
 * zero, so the same seed always gives the same initial weights (and different layers do not
 * share a random stream) — with or without dropout.
 *
 * `dropoutRate` > 0 puts a SeededDropout before each dense layer (it has no weights, so the
 * parameter count is unchanged); 0 builds exactly the layers of a model without dropout.
 */
export function createModel(
  preset: ModelPreset,
  seed: number,
  dropoutRate = 0,
  classCount = DEFAULT_CLASS_COUNT,
): tf.Sequential {
  const { conv1Filters, conv2Filters, denseUnits } = MODEL_PRESETS[preset].architecture;
  const seeded = (layerIndex: number) => tf.initializers.glorotUniform({ seed: seed + layerIndex });
  const convolution = (filters: number, layerIndex: number) => ({
    filters,
    kernelSize: KERNEL_SIZE,
    activation: 'relu' as const,
    kernelInitializer: seeded(layerIndex),
    biasInitializer: 'zeros' as const,
  });
  const dropout = (stream: number): tf.layers.Layer[] =>
    dropoutRate > 0 ? [new SeededDropout({ rate: dropoutRate, stream })] : [];
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1],
        ...convolution(conv1Filters, 0),
      }),
      tf.layers.maxPooling2d({ poolSize: POOL_SIZE, strides: POOL_SIZE }),
      tf.layers.conv2d(convolution(conv2Filters, 2)),
      tf.layers.maxPooling2d({ poolSize: POOL_SIZE, strides: POOL_SIZE }),
      tf.layers.flatten(),
      ...dropout(0),
      tf.layers.dense({
        units: denseUnits,
        activation: 'relu',
        // 5 and 6 are these layers' positions without dropout; kept so dropout does not change them.
        kernelInitializer: seeded(5),
        biasInitializer: 'zeros',
      }),
      ...dropout(1),
      tf.layers.dense({
        units: classCount,
        activation: 'linear',
        kernelInitializer: seeded(6),
        biasInitializer: 'zeros',
      }),
    ],
  });
}

/**
 * The kernels (convolution filters and dense matrices, not the biases) as the variables the
 * optimizer updates, for the L2 penalty. Layer weights are named "<layer>/kernel".
 */
export function modelKernels(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights
    .filter((weight) => weight.originalName.endsWith('/kernel'))
    .map((weight) => weight.read() as tf.Variable);
}
