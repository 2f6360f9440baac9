// The wasm backend with these kernels, trained as the app trains: one step of each model preset
// agrees with the cpu backend, seeded runs repeat to the bit, and epoch 1 agrees with cpu.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassData } from '../../data';
import { createModel, IMAGE_SIZE, modelKernels } from '../model';
import { mulberry32 } from '../../prng';
import { Trainer } from '../trainer';
import { trainStep } from '../trainStep';
import { testConfig } from '../trainConfig.fixture';
import type { ModelPreset } from '../../types';
import { TOLERANCE } from './kernelCheck.fixture';
import { relativeError, setUpWasm } from './testing.fixture';

/** The regression spec's agreement bound for epoch 1 across backends (regress/spec.json). */
const AGREEMENT = 1e-6;
const STEP_BATCH = 4;

beforeAll(setUpWasm);

/** Uint8 images of two noisy classes (class 1 brighter), `count` of them, half each. */
function noisyPair(count: number, seed: number) {
  const random = mulberry32(seed);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 2);
  const images = Uint8Array.from({ length: count * IMAGE_SIZE * IMAGE_SIZE }, (_, p) => {
    const brighter = labels[Math.floor(p / (IMAGE_SIZE * IMAGE_SIZE))] === 1 ? 60 : 0;
    return brighter + Math.floor(random() * 160);
  });
  return { images, labels, count };
}

interface StepNumbers {
  loss: number;
  gradients: Float32Array[];
  weightsAfter: Float32Array[];
}

/** One plain-SGD step of the app's trainStep (SGD: Adam would turn ~0 gradients into ±lr). */
async function oneStep(backend: 'cpu' | 'wasm', preset: ModelPreset): Promise<StepNumbers> {
  await tf.setBackend(backend);
  const { images, labels } = noisyPair(STEP_BATCH, 21);
  const model = createModel(preset, 4);
  const optimizer = tf.train.sgd(0.05);
  const xs = tf.tensor4d(
    Float32Array.from(images, (v) => v / 255),
    [STEP_BATCH, IMAGE_SIZE, IMAGE_SIZE, 1],
  );
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 2) as tf.Tensor2D;
  const order = tf.range(0, STEP_BATCH, 1, 'int32') as tf.Tensor1D;
  try {
    const gradients = tf.tidy(() => {
      const { grads } = tf.variableGrads(() =>
        tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor),
      );
      return Object.values(grads).map((gradient) => gradient.dataSync() as Float32Array);
    });
    // Plain cross-entropy: no smoothing, L2, focal loss or mixup.
    const step = {
      model,
      optimizer,
      images: xs,
      labelsOneHot: ys,
      order,
      offset: 0,
      size: STEP_BATCH,
      labelSmoothing: 0,
      l2: 0,
      kernels: modelKernels(model),
      focalGamma: 0,
      mixup: null,
    };
    const sums = trainStep(step, tf.zeros([2]));
    const loss = (await sums.data())[0];
    sums.dispose();
    const weightsAfter = model.getWeights().map((weight) => weight.dataSync() as Float32Array);
    return { loss, gradients, weightsAfter };
  } finally {
    tf.dispose([xs, ys, order]);
    model.dispose();
    optimizer.dispose();
  }
}

describe('one training step on wasm agrees with cpu', () => {
  for (const preset of ['small', 'wide'] as const) {
    it(`${preset} model: loss, every gradient and every weight after the step`, async () => {
      const expected = await oneStep('cpu', preset);
      const actual = await oneStep('wasm', preset);
      expect(relativeError([actual.loss], [expected.loss])).toBeLessThanOrEqual(TOLERANCE);
      expect(actual.gradients).toHaveLength(expected.gradients.length);
      actual.gradients.forEach((gradient, i) =>
        expect(relativeError(gradient, expected.gradients[i])).toBeLessThanOrEqual(TOLERANCE),
      );
      actual.weightsAfter.forEach((weights, i) =>
        expect(relativeError(weights, expected.weightsAfter[i])).toBeLessThanOrEqual(TOLERANCE),
      );
    });
  }
});

const data: ClassData = { train: noisyPair(12, 11), validation: noisyPair(8, 12) };
const config = testConfig({
  trainSize: 12,
  validationSize: 8,
  epochs: 2,
  batchSize: 4,
  learningRate: 0.01,
  seed: 3,
  dropout: 0.25,
});

async function run(backend: 'cpu' | 'wasm', epochs = config.epochs) {
  await tf.setBackend(backend);
  const trainer = Trainer.create(data, config);
  const metrics = [];
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      expect(await trainer.trainEpoch({ shouldStop: () => false, onProgress: () => {} })).toBe(
        'complete',
      );
      const finished = await trainer.finishEpoch();
      metrics.push({ ...finished.metrics, imagesPerSecond: 0 });
    }
  } finally {
    trainer.dispose();
  }
  return metrics;
}

describe('seeded runs on wasm', () => {
  it('repeat bit for bit (Adam, seeded dropout)', async () => {
    const first = await run('wasm');
    const second = await run('wasm');
    expect(first.every((epoch) => Number.isFinite(epoch.validationLoss))).toBe(true);
    expect(second).toEqual(first);
  });

  it('agree with cpu on epoch 1 validation loss within the regression tolerance', async () => {
    const [cpu] = await run('cpu', 1);
    const [wasm] = await run('wasm', 1);
    expect(relativeError([wasm.validationLoss], [cpu.validationLoss])).toBeLessThanOrEqual(
      AGREEMENT,
    );
  });
});
