import * as tf from '@tensorflow/tfjs';
import { describeKernel } from './kernelCheck.fixture';
import type { GradientCase } from './testing.fixture';

/** a·b: its gradients are dy·bᵀ and aᵀ·dy, the transposed products. */
function productCase(name: string, a: number[], b: number[]): GradientCase {
  return {
    name,
    shapes: [a, b],
    forward: (left, right) => tf.matMul(left, right),
  };
}

/** The presets' dense layers at batch 64: flatten (5·5·filters) → units → 2 logits. */
const cases = [
  productCase('wide dense 1', [64, 1600], [1600, 128]),
  productCase('wide dense 2', [64, 128], [128, 2]),
  productCase('small dense 1', [64, 400], [400, 32]),
  productCase('batched', [3, 5, 7], [3, 7, 4]),
];

for (const which of [0, 1]) {
  describeKernel({ kernelName: 'BatchMatMul', which, cases, numericalCases: cases.slice(1) });
}
