import * as tf from '@tensorflow/tfjs';
import { describeKernel } from './kernelCheck.fixture';
import type { GradientCase } from './testing.fixture';

function poolCase(
  name: string,
  shape: [number, number, number, number],
  size: number,
  strides: number,
  pad: 'valid' | 'same',
  relu = false,
): GradientCase {
  return {
    name,
    shapes: [shape],
    // After a ReLU many windows tie at 0, as in the model.
    forward: (input) =>
      tf.maxPool((relu ? tf.relu(input) : input) as tf.Tensor4D, size, strides, pad),
  };
}

/** The presets pool 2×2 with stride 2 after each ReLU convolution (26 → 13, 11 → 5). */
const cases = [
  poolCase('wide pool 1 after ReLU', [4, 26, 26, 32], 2, 2, 'valid', true),
  poolCase('wide pool 2 after ReLU', [4, 11, 11, 64], 2, 2, 'valid', true),
  poolCase('small pool 1', [4, 26, 26, 8], 2, 2, 'valid'),
  poolCase('small pool 2', [4, 11, 11, 16], 2, 2, 'valid'),
  poolCase("overlapping 3×3, stride 2, 'same'", [2, 9, 8, 3], 3, 2, 'same'),
];

describeKernel({
  kernelName: 'MaxPoolGrad',
  which: 0,
  cases,
  numericalCases: cases.slice(2),
  delta: 1e-4,
});
