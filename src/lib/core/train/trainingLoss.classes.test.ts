// The training loss and its gradients for K > 2 classes: values against the formula written out
// in float64, and the gradients tf computes against central differences (convnetjs's numerical
// gradient check), for the loss alone and through a K-logit model.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, modelParameterCount } from './model';
import { trainingLoss } from './trainingLoss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const K = 4;
/** Three examples × four classes; labels 2, 0, 3. */
const logitValues = [0.5, -1, 2, 0.25, 3, 1, -2, 0, -0.5, 0.75, 1.5, 1.25];
const labels = [2, 0, 3];
const oneHotValues = labels.flatMap((label) =>
  Array.from({ length: K }, (_, k) => (k === label ? 1 : 0)),
);

/** −Σ_k t_k (1 − p_k)^γ log p_k with t = (1 − α)·onehot + α/K, batch mean, in float64. */
function byHand(logits: readonly number[], alpha: number, gamma: number): number {
  let sum = 0;
  labels.forEach((label, i) => {
    const z = logits.slice(K * i, K * i + K);
    const max = Math.max(...z);
    const logSumExp = max + Math.log(z.reduce((total, value) => total + Math.exp(value - max), 0));
    for (let k = 0; k < K; k++) {
      const target = (1 - alpha) * (k === label ? 1 : 0) + alpha / K;
      const p = Math.exp(z[k] - logSumExp);
      sum -= target * (1 - p) ** gamma * (z[k] - logSumExp);
    }
  });
  return sum / labels.length;
}

function lossOf(logits: tf.Tensor, alpha: number, gamma: number): tf.Scalar {
  return trainingLoss(tf.tensor2d(oneHotValues, [labels.length, K]), logits, {
    labelSmoothing: alpha,
    l2: 0,
    kernels: [],
    focalGamma: gamma,
  });
}

/** Relative error as convnetjs measures it: |a − n| / max(|a|, |n|), 0 when both are 0. */
function relativeError(analytic: number, numeric: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  return scale === 0 ? 0 : Math.abs(analytic - numeric) / scale;
}

const CASES = [
  { alpha: 0, gamma: 0, name: 'cross-entropy' },
  { alpha: 0.2, gamma: 0, name: 'label smoothing' },
  { alpha: 0, gamma: 2, name: 'focal' },
  { alpha: 0.1, gamma: 1, name: 'focal with smoothing' },
];

describe('trainingLoss over K = 4 classes', () => {
  it.each(CASES)('$name: equals the formula', ({ alpha, gamma }) => {
    const value = tf.tidy(() => lossOf(tf.tensor2d(logitValues, [3, K]), alpha, gamma).arraySync());
    expect(value).toBeCloseTo(byHand(logitValues, alpha, gamma), 5);
  });

  it('one example by hand: label 0, z = (3, 1, −2, 0) loses log(1 + e⁻² + e⁻⁵ + e⁻³) = 0.17552', () => {
    const value = tf.tidy(() =>
      trainingLoss(tf.tensor2d([1, 0, 0, 0], [1, K]), tf.tensor2d([3, 1, -2, 0], [1, K]), {
        labelSmoothing: 0,
        l2: 0,
        kernels: [],
      }).arraySync(),
    );
    expect(value).toBeCloseTo(0.17552, 4);
  });

  it.each(CASES)(
    '$name: gradient w.r.t. the logits passes the numerical check',
    ({ alpha, gamma }) => {
      const analytic = tf.tidy(() =>
        tf
          .grad((logits: tf.Tensor) => lossOf(logits, alpha, gamma))(
            tf.tensor2d(logitValues, [3, K]),
          )
          .dataSync(),
      );
      const delta = 1e-3;
      logitValues.forEach((_, i) => {
        const shifted = (by: number) =>
          logitValues.map((value, j) => (j === i ? value + by : value));
        const numeric =
          (byHand(shifted(delta), alpha, gamma) - byHand(shifted(-delta), alpha, gamma)) /
          (2 * delta);
        expect(Math.abs(analytic[i] - numeric)).toBeLessThan(1e-4);
      });
    },
  );

  it('mixed-up targets (a blend of two one-hots) keep the gradient p − t of cross-entropy', () => {
    const mixed = [0.7, 0, 0.3, 0]; // λ = 0.7 of class 0, 0.3 of class 2
    const z = [1, 2, 0, -1];
    const gradient = tf.tidy(() =>
      tf
        .grad((logits: tf.Tensor) =>
          trainingLoss(tf.tensor2d(mixed, [1, K]), logits, {
            labelSmoothing: 0,
            l2: 0,
            kernels: [],
          }),
        )(tf.tensor2d(z, [1, K]))
        .dataSync(),
    );
    const total = z.reduce((sum, value) => sum + Math.exp(value), 0);
    z.forEach((value, k) => expect(gradient[k]).toBeCloseTo(Math.exp(value) / total - mixed[k], 5));
  });
});

describe('a K-logit model', () => {
  it('has K output units and the parameter count K logits give', () => {
    const model = createModel('small', 3, 0, 10);
    const output = tf.tidy(() => model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor);
    expect(output.shape).toEqual([2, 10]);
    // small: 80 + 1,168 + 12,832 (400·32 + 32) + 330 (32·10 + 10) = 14,410.
    expect(model.countParams()).toBe(14_410);
    expect(modelParameterCount('small', 10)).toBe(14_410);
    tf.dispose(output);
    model.dispose();
  });

  it('its loss gradient w.r.t. the last layer passes the numerical check (relative error < 1e-2)', () => {
    const model = createModel('small', 5, 0, 3);
    const images = tf.tidy(() => tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 11));
    const targets = tf.oneHot(tf.tensor1d([0, 2, 1, 2], 'int32'), 3).toFloat();
    const [kernel, bias] = model.layers[model.layers.length - 1].trainableWeights.map(
      (weight) => weight.read() as tf.Variable,
    );
    const objective = () =>
      trainingLoss(targets, model.apply(images) as tf.Tensor, {
        labelSmoothing: 0.1,
        l2: 0,
        kernels: [],
        focalGamma: 1,
      });
    const { grads } = tf.variableGrads(objective, [kernel, bias]);
    const lossAt = (variable: tf.Variable, index: number, by: number): number => {
      const original = variable.dataSync().slice();
      const moved = original.slice();
      moved[index] += by;
      variable.assign(tf.tensor(moved, variable.shape));
      const value = tf.tidy(() => objective().dataSync()[0]);
      variable.assign(tf.tensor(original, variable.shape));
      return value;
    };
    const delta = 1e-2;
    for (const variable of [kernel, bias]) {
      const analytic = grads[variable.name].dataSync();
      for (const index of [0, 1, 2, analytic.length - 1]) {
        const numeric =
          (lossAt(variable, index, delta) - lossAt(variable, index, -delta)) / (2 * delta);
        expect(relativeError(analytic[index], numeric)).toBeLessThan(1e-2);
      }
    }
    tf.dispose([images, targets, ...Object.values(grads)]);
    model.dispose();
  });
});
