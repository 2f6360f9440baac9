// Tensors ⇄ plain arrays, for saving a run's weights and optimizer state (IndexedDB) and
// restoring them into a fresh trainer — on the same backend after a reload, or on another
// one after the GPU was lost.

import * as tf from '@tensorflow/tfjs';
import type { NamedArray } from '../types';

/** tfjs' own NamedTensor (what optimizer.getWeights returns) is not exported from the package root. */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** Reads tensors back as float32 copies (one readback each; call between epochs only). */
export async function readNamed(named: readonly NamedTensor[]): Promise<NamedArray[]> {
  return Promise.all(
    named.map(async ({ name, tensor }) => ({
      name,
      shape: [...tensor.shape],
      values: Float32Array.from(await tensor.data()),
    })),
  );
}

/** New tensors from stored arrays; the caller disposes them once they are assigned. */
export function toNamedTensors(arrays: readonly NamedArray[]): NamedTensor[] {
  return arrays.map(({ name, shape, values }) => ({ name, tensor: tf.tensor(values, shape) }));
}

/** Checks stored weights against a model's own, so a snapshot never loads into the wrong shape. */
export function assertSameShapes(
  stored: readonly NamedArray[],
  expected: readonly tf.Tensor[],
): void {
  if (stored.length !== expected.length) {
    throw new Error(
      `The saved state has ${stored.length} weights; the model has ${expected.length}`,
    );
  }
  stored.forEach((array, index) => {
    const want = expected[index].shape.join('×');
    if (array.shape.join('×') !== want) {
      throw new Error(`Saved weight ${array.name} is ${array.shape.join('×')}, expected ${want}`);
    }
  });
}
