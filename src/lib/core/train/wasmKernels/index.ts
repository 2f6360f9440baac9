// Kernels that let tfjs-backend-wasm train the CNN, and train it fast: the one it lacks
// (Conv2DBackpropFilter) and faster replacements for shipped ones that run as plain loops
// (Conv2DBackpropInput, MaxPoolGrad, transposed BatchMatMul). One kernel per file, each
// checked against the cpu backend in its own *.test.ts.

import {
  BatchMatMul,
  Conv2DBackpropInput,
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
} from '@tensorflow/tfjs';
import { batchMatMulConfig } from './BatchMatMul';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter';
import { conv2DBackpropInputConfig } from './Conv2DBackpropInput';
import { maxPoolGradConfig } from './MaxPoolGrad';
import { WASM } from './runKernel';

let registered = false;
/** The configs registered here, by kernel name: tests check these are the ones tfjs runs. */
const ours = new Map<string, KernelConfig>();

/** The kernel this module registered under `kernelName` (undefined before registration). */
export function ourWasmKernel(kernelName: string): KernelConfig | undefined {
  return ours.get(kernelName);
}

/** Registers `config`, replacing the shipped kernel of the same name if there is one. */
function replaceKernel(config: KernelConfig): void {
  if (getKernel(config.kernelName, WASM)) unregisterKernel(config.kernelName, WASM);
  registerKernel(config);
}

function shippedKernel(kernelName: string): KernelConfig {
  const kernel = getKernel(kernelName, WASM);
  if (!kernel) {
    throw new Error(`no shipped wasm ${kernelName}: import @tensorflow/tfjs-backend-wasm first`);
  }
  return kernel;
}

/**
 * Registers the training kernels for the `wasm` backend. Import '@tensorflow/tfjs-backend-wasm'
 * first (it registers the shipped kernels some of these wrap). Safe to call more than once.
 */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  const wrapped = [
    conv2DBackpropInputConfig(shippedKernel(Conv2DBackpropInput)),
    batchMatMulConfig(shippedKernel(BatchMatMul)),
  ];
  for (const config of [...wrapped, conv2DBackpropFilterConfig, maxPoolGradConfig]) {
    ours.set(config.kernelName, config);
    replaceKernel(config);
  }
  registered = true;
}
