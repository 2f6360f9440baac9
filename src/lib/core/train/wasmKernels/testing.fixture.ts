// Shared by the wasm kernel tests: run the same computation on two backends and compare.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './index';
import { mulberry32 } from '../../prng';

/** Registers the kernels and checks the wasm backend starts in Node (it reads its .wasm via fs). */
export async function setUpWasm(): Promise<void> {
  registerWasmTrainingKernels();
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start in Node');
}

/** Runs `compute` on `backend` and reads every output back. */
export async function onBackend(
  backend: 'cpu' | 'wasm',
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const output = compute();
    return (Array.isArray(output) ? output : [output]).map((t) => t.dataSync() as Float32Array);
  });
}

/** max |actual − expected| / max |expected|: robust where single entries are near zero. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let difference = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    difference = Math.max(difference, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return difference / Math.max(scale, Number.MIN_VALUE);
}

/** Seeded values in [−1, 1), the same on every backend. */
export function seededValues(size: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: size }, () => random() * 2 - 1);
}

/**
 * An op of some seeded inputs. The loss L = Σ weights · output (seeded weights, so L depends on
 * every output) has the op's backward kernels as its gradients.
 */
export interface GradientCase {
  name: string;
  shapes: readonly (readonly number[])[];
  forward: (...inputs: tf.Tensor[]) => tf.Tensor;
}

function caseInputs(testCase: GradientCase): tf.Tensor[] {
  return testCase.shapes.map((shape, index) =>
    tf.tensor(seededValues(sizeOf(shape), index + 1), [...shape]),
  );
}

const WEIGHT_SEED = 99;

/** The loss's gradient with respect to every input, on the current backend. */
export function caseGradients(testCase: GradientCase): tf.Tensor[] {
  return tf.grads((...inputs: tf.Tensor[]) => {
    const output = testCase.forward(...inputs);
    const weights = tf.tensor(seededValues(output.size, WEIGHT_SEED), output.shape);
    return tf.sum(tf.mul(output, weights));
  })(caseInputs(testCase));
}

/**
 * Central differences (L(v + δ) − L(v − δ)) / 2δ at `entries` of input `which`, on the current
 * backend: the check that does not trust any backend's analytic gradient.
 */
export function numericalGradient(
  testCase: GradientCase,
  which: number,
  entries: readonly number[],
  delta: number,
): number[] {
  const inputs = caseInputs(testCase);
  const base = inputs[which].dataSync() as Float32Array;
  // Summed in float64: in float32 the rounding of L, divided by 2δ, would swamp the check.
  const lossAt = (values: Float32Array) =>
    tf.tidy(() => {
      const moved = inputs.map((input, index) =>
        index === which ? tf.tensor(values, input.shape) : input,
      );
      const output = testCase.forward(...moved).dataSync();
      const weights = seededValues(output.length, WEIGHT_SEED);
      let sum = 0;
      for (let i = 0; i < output.length; i++) sum += Number(output[i]) * weights[i];
      return sum;
    });
  return entries.map((entry) => {
    const plus = base.slice();
    const minus = base.slice();
    plus[entry] += delta;
    minus[entry] -= delta;
    return (lossAt(plus) - lossAt(minus)) / (2 * delta);
  });
}

/** Seeded entries of input `which` to check numerically. */
export function sampleEntries(testCase: GradientCase, which: number, count: number): number[] {
  const random = mulberry32(5);
  const size = sizeOf(testCase.shapes[which]);
  return Array.from({ length: count }, () => Math.floor(random() * size));
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, side) => product * side, 1);
}

function convolutionCase(
  name: string,
  inputShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  strides: number,
  pad: 'valid' | 'same',
): GradientCase {
  return {
    name,
    shapes: [inputShape, filterShape],
    forward: (input, filter) =>
      tf.conv2d(input as tf.Tensor4D, filter as tf.Tensor4D, strides, pad),
  };
}

/** The two model presets' convolutions (3×3, 'valid', stride 1; see model.ts), then other paddings and strides. */
export const CONVOLUTION_CASES: readonly GradientCase[] = [
  convolutionCase('wide conv 1', [4, 28, 28, 1], [3, 3, 1, 32], 1, 'valid'),
  convolutionCase('wide conv 2', [4, 13, 13, 32], [3, 3, 32, 64], 1, 'valid'),
  convolutionCase('small conv 1', [4, 28, 28, 1], [3, 3, 1, 8], 1, 'valid'),
  convolutionCase('small conv 2', [4, 13, 13, 8], [3, 3, 8, 16], 1, 'valid'),
  convolutionCase("'same', stride 1", [2, 9, 8, 3], [3, 3, 3, 5], 1, 'same'),
  convolutionCase("'valid', stride 2", [2, 9, 8, 3], [3, 3, 3, 5], 2, 'valid'),
  convolutionCase("'same', stride 2", [2, 10, 9, 2], [3, 3, 2, 4], 2, 'same'),
];

/** Small enough for central differences at a handful of entries. */
export const NUMERICAL_CONVOLUTION_CASES = CONVOLUTION_CASES.filter(
  (testCase) => !testCase.name.startsWith('wide'),
);
