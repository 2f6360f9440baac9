// Floating-point operations of one training image, from the layer shapes of core/train/model.ts, so
// the bench can print achieved GFLOP/s against the model's own arithmetic. Counted: the
// multiply-adds of the convolutions and dense layers (2 FLOPs each). Not counted: biases, ReLU,
// pooling, softmax and Adam, all linear in the activations or weights (under 2 % here).
import {
  DEFAULT_CLASS_COUNT,
  IMAGE_SIZE,
  KERNEL_SIZE,
  MODEL_PRESETS,
  POOL_SIZE,
} from '../lib/core/train';
import type { ModelPreset } from '../lib/core/types';

export interface ModelFlops {
  /** Forward pass of one image (what validation costs). */
  forward: number;
  /**
   * One training image: forward, the weight gradients (as much again) and the input gradients
   * (as much again, except the first convolution's: the image needs no gradient, and
   * TensorFlow.js prunes it from the tape).
   */
  training: number;
}

export function modelFlops(preset: ModelPreset, classCount = DEFAULT_CLASS_COUNT): ModelFlops {
  const { conv1Filters, conv2Filters, denseUnits } = MODEL_PRESETS[preset].architecture;
  const taps = KERNEL_SIZE * KERNEL_SIZE;
  const conv1Side = IMAGE_SIZE - KERNEL_SIZE + 1; // 'valid': 28 → 26
  const pooled1 = Math.floor(conv1Side / POOL_SIZE); // 13
  const conv2Side = pooled1 - KERNEL_SIZE + 1; // 11
  const pooled2 = Math.floor(conv2Side / POOL_SIZE); // 5
  const conv1 = 2 * conv1Side ** 2 * conv1Filters * taps;
  const conv2 = 2 * conv2Side ** 2 * conv2Filters * taps * conv1Filters;
  const dense = 2 * pooled2 ** 2 * conv2Filters * denseUnits;
  const logits = 2 * denseUnits * classCount;
  const forward = conv1 + conv2 + dense + logits;
  return { forward, training: 3 * forward - conv1 };
}
