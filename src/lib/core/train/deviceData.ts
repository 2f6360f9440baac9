// A run's images and labels on the device, uploaded once per run in the shapes every batch and
// every validation chunk use, and each epoch's shuffled order.

import * as tf from '@tensorflow/tfjs';
import type { ClassData } from '../data';
import { deriveSeed, mulberry32, shuffledIndices } from '../prng';
import { IMAGE_SIZE } from './model';

const PIXELS_PER_IMAGE = IMAGE_SIZE * IMAGE_SIZE;

/** Validation images per model.predict call; every call has exactly this shape. */
export const EVAL_BATCH_SIZE = 500;

/** Uploads uint8 images as float32 [rows, 28, 28, 1] in [0, 1]; rows past `count` are zero padding. */
export function uploadImages(images: Uint8Array, count: number, rows: number): tf.Tensor4D {
  if (images.length < count * PIXELS_PER_IMAGE) throw new Error('Fewer pixels than images');
  const pixels = new Float32Array(rows * PIXELS_PER_IMAGE);
  pixels.set(images.subarray(0, count * PIXELS_PER_IMAGE));
  return tf.tidy(() =>
    tf.div<tf.Tensor4D>(tf.tensor4d(pixels, [rows, IMAGE_SIZE, IMAGE_SIZE, 1]), 255),
  );
}

/** The first `count` labels (0 … classCount − 1) as one-hot float32 [count, classCount]. */
export function uploadOneHot(labels: Uint8Array, count: number, classCount: number): tf.Tensor2D {
  const oneHot = new Float32Array(count * classCount);
  for (let i = 0; i < count; i++) {
    if (labels[i] >= classCount)
      throw new RangeError(`Label ${labels[i]} of ${classCount} classes`);
    oneHot[classCount * i + labels[i]] = 1;
  }
  return tf.tensor2d(oneHot, [count, classCount]);
}

/** A run's data on the device, with the one batch shape and the one predict shape it uses. */
export interface RunData {
  trainImages: tf.Tensor4D;
  trainLabelsOneHot: tf.Tensor2D;
  /** Validation images padded to a multiple of evalBatchSize, so every chunk has one shape. */
  validationImages: tf.Tensor4D;
  validationLabels: Uint8Array;
  /** min(batchSize, train count): the one batch shape used for the whole run. */
  effectiveBatchSize: number;
  batchesPerEpoch: number;
  /** min(EVAL_BATCH_SIZE, validation count): one predict shape for the whole run. */
  evalBatchSize: number;
}

export function uploadRunData(data: ClassData, batchSize: number, classCount: number): RunData {
  const trainCount = data.train.count;
  const validationCount = data.validation.count;
  if (trainCount < 1 || validationCount < 1) throw new Error('Need train and validation images');
  if (data.train.labels.length < trainCount || data.validation.labels.length < validationCount) {
    throw new Error('Fewer labels than images');
  }
  // Fixed batch shape, ragged last batch dropped: on WebGPU/WebGL every new input shape
  // compiles new shaders, and a one-off smaller batch would do that every epoch.
  const effectiveBatchSize = Math.min(batchSize, trainCount);
  const evalBatchSize = Math.min(EVAL_BATCH_SIZE, validationCount);
  const paddedRows = Math.ceil(validationCount / evalBatchSize) * evalBatchSize;
  return {
    trainImages: uploadImages(data.train.images, trainCount, trainCount),
    trainLabelsOneHot: uploadOneHot(data.train.labels, trainCount, classCount),
    validationImages: uploadImages(data.validation.images, validationCount, paddedRows),
    validationLabels: data.validation.labels.slice(0, validationCount),
    effectiveBatchSize,
    batchesPerEpoch: Math.floor(trainCount / effectiveBatchSize),
    evalBatchSize,
  };
}

export function disposeRunData(data: RunData): void {
  data.trainImages.dispose();
  data.trainLabelsOneHot.dispose();
  data.validationImages.dispose();
}

/**
 * The training rows' order in epoch `epochIndex` (0-based), on the device. It depends only on
 * (seed, epoch): replays and resumes see the same batches.
 */
export function epochOrder(seed: number, epochIndex: number, rows: number): tf.Tensor1D {
  const random = mulberry32(deriveSeed(seed, epochIndex));
  return tf.tensor1d(shuffledIndices(rows, random), 'int32');
}
