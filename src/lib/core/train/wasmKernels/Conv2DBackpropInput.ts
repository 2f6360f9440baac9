// The input gradient of a 2-D convolution, re-expressed for stride 1 as a forward convolution
// (which the wasm backend hands to XNNPACK) of dy with the filter rotated by 180° and its
// channels swapped:
//   dx[n, y, x, ci] = Σ over (ky, kx, co) of  dy[n, y + top − ky, x + left − kx, co] · W[ky, kx, ci, co]
// i.e. Conv2D(dy padded by (k − 1 − top, k − 1 − bottom), W'[ky', kx', co, ci] = W[k−1−ky', k−1−kx', ci, co]).
// The shipped kernel is a plain loop; other strides still go to it.

import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type Conv2DBackpropInputInputs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { runWasmKernel, WASM, type WasmKernelArgs } from './runKernel';

type Args = WasmKernelArgs<Conv2DBackpropInputInputs, Conv2DBackpropInputAttrs>;

/** Conv2D as the stride-1 input gradient; null when the shapes need the shipped kernel. */
export function conv2DBackpropInputAsConvolution({
  inputs,
  attrs,
  backend,
}: Args): TensorInfo | null {
  const dy = inputs.dy as TensorInfo;
  const filter = inputs.filter as TensorInfo;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
  if (dy.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  const info = backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast' || info.strideHeight !== 1 || info.strideWidth !== 1) {
    return null;
  }
  const { filterHeight, filterWidth, inChannels, outChannels, padInfo } = info;
  const padTop = filterHeight - 1 - padInfo.top;
  const padBottom = filterHeight - 1 - padInfo.bottom;
  const padLeft = filterWidth - 1 - padInfo.left;
  const padRight = filterWidth - 1 - padInfo.right;
  // A 'same' pad wider than the filter would need a negative pad here.
  if (Math.min(padTop, padBottom, padLeft, padRight) < 0) return null;

  const flipped = backend.makeOutput(
    [filterHeight, filterWidth, outChannels, inChannels],
    'float32',
  );
  try {
    const source = backend.typedArrayFromHeap(filter) as Float32Array;
    const target = backend.typedArrayFromHeap(flipped) as Float32Array;
    for (let ky = 0; ky < filterHeight; ky++) {
      for (let kx = 0; kx < filterWidth; kx++) {
        const from = ((filterHeight - 1 - ky) * filterWidth + (filterWidth - 1 - kx)) * inChannels;
        const to = (ky * filterWidth + kx) * outChannels;
        for (let ci = 0; ci < inChannels; ci++) {
          for (let co = 0; co < outChannels; co++) {
            target[(to + co) * inChannels + ci] = source[(from + ci) * outChannels + co];
          }
        }
      }
    }
    return runWasmKernel(
      'Conv2D',
      { x: dy, filter: flipped },
      {
        strides: [1, 1],
        pad: [
          [0, 0],
          [padTop, padBottom],
          [padLeft, padRight],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [1, 1],
        dimRoundingMode: undefined as unknown as string,
      },
      backend,
    );
  } finally {
    backend.disposeData(flipped.dataId);
  }
}

/** Replaces the shipped kernel, keeping it (and its setup) for the strides it still serves. */
export function conv2DBackpropInputConfig(shipped: KernelConfig): KernelConfig {
  return {
    kernelName: Conv2DBackpropInput,
    backendName: WASM,
    setupFunc: shipped.setupFunc,
    kernelFunc: (args) =>
      conv2DBackpropInputAsConvolution(args as unknown as Args) ?? shipped.kernelFunc(args),
  };
}
