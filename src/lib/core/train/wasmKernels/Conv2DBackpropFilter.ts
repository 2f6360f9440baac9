// The filter gradient of a 2-D convolution, which tfjs-backend-wasm 4.22 does not ship (so a
// conv net cannot train on it as shipped). im2col then one matrix product:
//   dW[ky, kx, ci, co] = Σ over (n, y, x) of  xPadded[n, y·sh + ky, x·sw + kx, ci] · dy[n, y, x, co]
// The columns are written in JavaScript straight into the wasm heap, already transposed to
// [ky·kx·ci, n·y·x], so the product is a plain (untransposed) BatchMatMul: the backend gives
// that one to XNNPACK, which uses SIMD and threads.

import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropFilterInputs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { float32Inputs, runWasmKernel, WASM, type WasmKernelArgs } from './runKernel';

export function conv2DBackpropFilter({
  inputs,
  attrs,
  backend,
}: WasmKernelArgs<Conv2DBackpropFilterInputs, Conv2DBackpropFilterAttrs>): TensorInfo {
  const [x, dy] = float32Inputs(Conv2DBackpropFilter, inputs.x, inputs.dy);
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new Error('Conv2DBackpropFilter on wasm supports channelsLast (NHWC) only');
  }
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const rows = filterHeight * filterWidth * inChannels;
  const positions = batchSize * outHeight * outWidth;

  // Allocate first: a growing heap replaces its buffer, so views are taken afterwards.
  const columns = backend.makeOutput([rows, positions], 'float32');
  const temporaries: TensorInfo[] = [columns];
  try {
    const input = backend.typedArrayFromHeap(x) as Float32Array;
    const target = backend.typedArrayFromHeap(columns) as Float32Array;
    for (let ky = 0; ky < filterHeight; ky++) {
      for (let kx = 0; kx < filterWidth; kx++) {
        for (let ci = 0; ci < inChannels; ci++) {
          const rowStart = ((ky * filterWidth + kx) * inChannels + ci) * positions;
          let column = rowStart;
          for (let n = 0; n < batchSize; n++) {
            for (let y = 0; y < outHeight; y++) {
              const sourceY = y * strideHeight + ky - padInfo.top;
              const inside = sourceY >= 0 && sourceY < inHeight;
              const lineStart = (n * inHeight + sourceY) * inWidth * inChannels + ci;
              for (let xOut = 0; xOut < outWidth; xOut++) {
                const sourceX = xOut * strideWidth + kx - padInfo.left;
                target[column++] =
                  inside && sourceX >= 0 && sourceX < inWidth
                    ? input[lineStart + sourceX * inChannels]
                    : 0;
              }
            }
          }
        }
      }
    }
    const gradient2d = runWasmKernel(
      'Reshape',
      { x: dy },
      { shape: [positions, outChannels] },
      backend,
    );
    temporaries.push(gradient2d);
    const product = runWasmKernel(
      'BatchMatMul',
      { a: columns, b: gradient2d },
      { transposeA: false, transposeB: false },
      backend,
    );
    temporaries.push(product);
    return runWasmKernel('Reshape', { x: product }, { shape: filterShape }, backend);
  } finally {
    for (const temporary of temporaries) backend.disposeData(temporary.dataId);
  }
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: WASM,
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
