// Matrix products with a transposed operand. The shipped wasm kernel hands only untransposed
// products to XNNPACK and computes the transposed ones (every dense layer's gradients:
// dW = xᵀ·dy, dx = dy·Wᵀ) in a plain loop, about 10× slower than transposing the operand
// first (one memory pass) and multiplying untransposed.

import {
  BatchMatMul,
  type BatchMatMulAttrs,
  type BatchMatMulInputs,
  type KernelConfig,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runWasmKernel, WASM, type WasmKernelArgs } from './runKernel';

type Args = WasmKernelArgs<BatchMatMulInputs, BatchMatMulAttrs>;

/** `operand` with its last two axes swapped (a new tensor the caller disposes). */
function swapLastAxes(operand: TensorInfo, backend: BackendWasm): TensorInfo {
  const perm = operand.shape.map((_, axis) => axis);
  const last = perm.length - 1;
  [perm[last - 1], perm[last]] = [perm[last], perm[last - 1]];
  return runWasmKernel('Transpose', { x: operand }, { perm }, backend);
}

/** Replaces the shipped kernel and calls it with both operands untransposed. */
export function batchMatMulConfig(shipped: KernelConfig): KernelConfig {
  return {
    kernelName: BatchMatMul,
    backendName: WASM,
    setupFunc: shipped.setupFunc,
    kernelFunc: (args) => {
      const { inputs, attrs, backend } = args as unknown as Args;
      const a = inputs.a as TensorInfo;
      const b = inputs.b as TensorInfo;
      if (
        a.dtype !== 'float32' ||
        b.dtype !== 'float32' ||
        !(attrs.transposeA || attrs.transposeB)
      ) {
        return shipped.kernelFunc(args);
      }
      const temporaries: TensorInfo[] = [];
      try {
        const left = attrs.transposeA ? swapLastAxes(a, backend) : a;
        const right = attrs.transposeB ? swapLastAxes(b, backend) : b;
        temporaries.push(...[left, right].filter((operand) => operand !== a && operand !== b));
        return shipped.kernelFunc({
          inputs: { a: left, b: right },
          attrs: { transposeA: false, transposeB: false },
          backend,
        });
      } finally {
        for (const temporary of temporaries) backend.disposeData(temporary.dataId);
      }
    },
  };
}
