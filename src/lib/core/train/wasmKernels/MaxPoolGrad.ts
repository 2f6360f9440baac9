// The max-pooling gradient: each output's gradient goes to the input that was the window's
// maximum (the first one in scan order on ties, as the cpu backend does). The shipped wasm
// kernel is a strided loop that costs as much as a convolution here; this one walks the
// channels contiguously (NHWC) in JavaScript straight on the wasm heap.

import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type MaxPoolGradInputs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { float32Inputs, WASM, type WasmKernelArgs } from './runKernel';

export function maxPoolGrad({
  inputs,
  attrs,
  backend,
}: WasmKernelArgs<MaxPoolGradInputs, MaxPoolGradAttrs>): TensorInfo {
  const [input, dy] = float32Inputs(MaxPoolGrad, inputs.input, inputs.dy);
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;

  const dx = backend.makeOutput(input.shape, 'float32');
  const x = backend.typedArrayFromHeap(input) as Float32Array;
  const gradient = backend.typedArrayFromHeap(dy) as Float32Array;
  const target = backend.typedArrayFromHeap(dx) as Float32Array;
  target.fill(0);
  const best = new Float32Array(channels);
  const bestAt = new Int32Array(channels);
  let dyIndex = 0;
  for (let n = 0; n < batchSize; n++) {
    for (let outY = 0; outY < outHeight; outY++) {
      const top = outY * strideHeight - padInfo.top;
      for (let outX = 0; outX < outWidth; outX++) {
        const left = outX * strideWidth - padInfo.left;
        best.fill(Number.NEGATIVE_INFINITY);
        bestAt.fill(-1);
        for (let y = Math.max(top, 0); y < Math.min(top + filterHeight, inHeight); y++) {
          for (let xIn = Math.max(left, 0); xIn < Math.min(left + filterWidth, inWidth); xIn++) {
            const pixel = ((n * inHeight + y) * inWidth + xIn) * channels;
            for (let c = 0; c < channels; c++) {
              if (x[pixel + c] > best[c]) {
                best[c] = x[pixel + c];
                bestAt[c] = pixel + c;
              }
            }
          }
        }
        for (let c = 0; c < channels; c++, dyIndex++) {
          // −1: the window held only NaN or −∞, where the cpu backend drops the gradient too.
          if (bestAt[c] >= 0) target[bestAt[c]] += gradient[dyIndex];
        }
      }
    }
  }
  return dx;
}

export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: WASM,
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};
