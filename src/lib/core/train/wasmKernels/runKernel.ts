// Calls another kernel of the wasm backend from inside a kernel, the way the backend's own
// kernels call each other (BatchMatMul calls Reshape), but through the registry: the package
// does not export its kernel functions.

import {
  getKernel,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export const WASM = 'wasm';

/** What the engine passes a wasm kernel, typed by the kernel's inputs and attributes. */
export interface WasmKernelArgs<Inputs, Attrs> {
  inputs: Inputs;
  attrs: Attrs;
  backend: BackendWasm;
}

export function runWasmKernel(
  kernelName: string,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
  backend: BackendWasm,
): TensorInfo {
  const kernel = getKernel(kernelName, WASM);
  if (!kernel) throw new Error(`the wasm backend has no ${kernelName} kernel`);
  const output = kernel.kernelFunc({ inputs, attrs, backend });
  if (Array.isArray(output)) throw new Error(`${kernelName} returned several tensors`);
  return output;
}

/** The inputs as TensorInfos, all float32 (these kernels compute in float32 only). */
export function float32Inputs(kernelName: string, ...inputs: unknown[]): TensorInfo[] {
  const tensors = inputs as TensorInfo[];
  const other = tensors.find((tensor) => tensor.dtype !== 'float32');
  if (other) throw new Error(`${kernelName} on wasm needs float32 inputs, got ${other.dtype}`);
  return tensors;
}
