import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropyFromLogits } from '../metrics';
import { createModel, MODEL_PRESETS, modelKernels } from './model';
import { mulberry32 } from '../prng';
import { SeededDropout, setDropoutStep } from './seededDropout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function weightValues(model: tf.Sequential): Float32Array[] {
  return model.getWeights().map((weight) => Float32Array.from(weight.dataSync()));
}

describe('createModel', () => {
  it.each(['wide', 'small'] as const)('%s: maps [n,28,28,1] to [n,2] logits', (preset) => {
    const model = createModel(preset, 1);
    const output = tf.tidy(() => model.predict(tf.zeros([3, 28, 28, 1])) as tf.Tensor);
    expect(output.shape).toEqual([3, 2]);
    expect(model.countParams()).toBe(MODEL_PRESETS[preset].parameterCount);
    output.dispose();
    model.dispose();
  });

  it('reports the wide preset size by hand: 320 + 18,496 + 204,928 + 258', () => {
    expect(MODEL_PRESETS.wide.parameterCount).toBe(224_002);
    expect(MODEL_PRESETS.small.summary).toContain('conv 8@3×3');
  });

  it('ends in a linear layer, so logits can be negative', () => {
    const model = createModel('small', 1);
    const last = model.layers[model.layers.length - 1];
    const [kernel] = last.getWeights();
    const bias = tf.tensor1d([-100, -50]);
    last.setWeights([kernel, bias]);
    const output = tf.tidy(() => model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor);
    // All-zero input: every ReLU is 0, so the logits are exactly the bias.
    expect(Array.from(output.dataSync())).toEqual([-100, -50]);
    tf.dispose([output, bias]);
    model.dispose();
  });

  it('gives identical initial weights for a seed and different ones for another', () => {
    const first = createModel('small', 7);
    const second = createModel('small', 7);
    const other = createModel('small', 8);
    const a = weightValues(first);
    expect(weightValues(second)).toEqual(a);
    const differs = weightValues(other).some((w, i) => w.some((v, j) => v !== a[i][j]));
    expect(differs).toBe(true);
    // Biases start at zero.
    expect(a[1].every((v) => v === 0)).toBe(true);
    [first, second, other].forEach((model) => model.dispose());
  });
});

describe('createModel with dropout', () => {
  const layerKinds = (model: tf.Sequential) => model.layers.map((layer) => layer.getClassName());

  it('rate 0 builds exactly the layers of a model without dropout', () => {
    const model = createModel('small', 3, 0);
    expect(layerKinds(model)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Dense',
    ]);
    const plain = createModel('small', 3);
    expect(weightValues(model)).toEqual(weightValues(plain));
    [model, plain].forEach((m) => m.dispose());
  });

  it('puts a seeded dropout before each dense layer, with the same weights and parameter count', () => {
    const withDropout = createModel('small', 3, 0.5);
    const without = createModel('small', 3);
    expect(layerKinds(withDropout)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'SeededDropout',
      'Dense',
      'SeededDropout',
      'Dense',
    ]);
    expect(withDropout.countParams()).toBe(MODEL_PRESETS.small.parameterCount);
    expect(weightValues(withDropout)).toEqual(weightValues(without));

    const random = mulberry32(4);
    const input = tf.tensor4d(
      Float32Array.from({ length: 2 * 28 * 28 }, () => random()),
      [2, 28, 28, 1],
    );
    // Inference ignores dropout; training with a step seed does not.
    const predicted = tf.tidy(() => (withDropout.predict(input) as tf.Tensor).dataSync());
    const reference = tf.tidy(() => (without.predict(input) as tf.Tensor).dataSync());
    expect(Array.from(predicted)).toEqual(Array.from(reference));
    setDropoutStep(withDropout, 1);
    const trained = tf.tidy(() =>
      (withDropout.apply(input, { training: true }) as tf.Tensor).dataSync(),
    );
    expect(Array.from(trained)).not.toEqual(Array.from(reference));
    const dropouts = withDropout.layers.filter((layer) => layer instanceof SeededDropout);
    expect(dropouts.map((layer) => (layer as SeededDropout).stream)).toEqual([0, 1]);
    input.dispose();
    [withDropout, without].forEach((m) => m.dispose());
  });

  it('lists the four kernels, not the biases, for the L2 penalty', () => {
    const model = createModel('small', 1, 0.25);
    const kernels = modelKernels(model);
    expect(kernels.map((kernel) => kernel.shape)).toEqual([
      [3, 3, 1, 8],
      [3, 3, 8, 16],
      [400, 32],
      [32, 2],
    ]);
    // The very variables the optimizer updates, so the penalty's gradient reaches them.
    const trainable = model.trainableWeights.map((weight) => weight.read());
    kernels.forEach((kernel) => expect(trainable).toContain(kernel));
    model.dispose();
  });
});

describe('softmax cross-entropy from logits', () => {
  it('has the analytic gradient tf computes (central differences, relative error < 1e-2)', () => {
    const random = mulberry32(11);
    const examples = 4;
    const logitValues = Array.from({ length: examples * 2 }, () => (random() - 0.5) * 6);
    const labels = Array.from({ length: examples }, (_, i) => (i % 2) as 0 | 1);
    const meanLoss = (z: number[]) =>
      labels.reduce<number>(
        (sum, label, i) => sum + crossEntropyFromLogits(z[2 * i], z[2 * i + 1], label),
        0,
      ) / examples;

    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), 2);
    const logits = tf.tensor2d(logitValues, [examples, 2]);
    const gradient = tf.grad((z: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, z))(logits);
    const analytic = gradient.dataSync();
    tf.dispose([oneHot, logits, gradient]);

    const delta = 1e-4;
    logitValues.forEach((_, k) => {
      const plus = [...logitValues];
      const minus = [...logitValues];
      plus[k] += delta;
      minus[k] -= delta;
      const numeric = (meanLoss(plus) - meanLoss(minus)) / (2 * delta);
      const relativeError =
        Math.abs(analytic[k] - numeric) / Math.max(Math.abs(analytic[k]) + Math.abs(numeric), 1e-8);
      expect(relativeError).toBeLessThan(1e-2);
    });
  });
});
