// Uploads of a run's images and labels to the device, once per run.

import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from './model';

const PIXELS_PER_IMAGE = IMAGE_SIZE * IMAGE_SIZE;

/** Uploads uint8 images as float32 [rows, 28, 28, 1] in [0, 1]; rows past `count` are zero padding. */
export function uploadImages(images: Uint8Array, count: number, rows: number): tf.Tensor4D {
  if (images.length < count * PIXELS_PER_IMAGE) throw new Error('Fewer pixels than images');
  const pixels = new Float32Array(rows * PIXELS_PER_IMAGE);
  pixels.set(images.subarray(0, count * PIXELS_PER_IMAGE));
  return tf.tidy(() =>
    tf.div<tf.Tensor4D>(tf.tensor4d(pixels, [rows, IMAGE_SIZE, IMAGE_SIZE, 1]), 255),
  );
}

/** The first `count` labels (0/1) as one-hot float32 [count, 2]. */
export function uploadOneHot(labels: Uint8Array, count: number): tf.Tensor2D {
  const oneHot = new Float32Array(count * NUM_CLASSES);
  for (let i = 0; i < count; i++) oneHot[2 * i + (labels[i] === 1 ? 1 : 0)] = 1;
  return tf.tensor2d(oneHot, [count, NUM_CLASSES]);
}
