import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, restoreOptimizer, stepwisePower } from './optimizer';
import type { OptimizerName } from '../types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const RATE = 0.01;

/**
 * A wavy loss, sum(sin(40·w + round / 3)): its gradients swing with the weights, so a difference
 * in the last bit of one step grows over the following ones, as in a network's training.
 */
function step(optimizer: tf.Optimizer, weights: tf.Variable, round: number): void {
  optimizer.minimize(() => tf.sum(tf.sin(tf.add(tf.mul(weights, 40), round / 3))) as tf.Scalar);
}

function startingWeights(): tf.Variable {
  return tf.tidy(() => tf.variable(tf.linspace(-1, 1, 64)));
}

describe('stepwisePower', () => {
  it('multiplies β once per step, from β itself', () => {
    expect(stepwisePower(0.5, 0)).toBe(0.5);
    expect(stepwisePower(0.5, 3)).toBe(0.0625); // 0.5⁴, exact in float32
    expect(stepwisePower(0.9, 1)).toBe(Math.fround(Math.fround(0.9) * Math.fround(0.9)));
  });
});

describe.each<OptimizerName>(['adam', 'momentum', 'sgd'])('restoreOptimizer (%s)', (name) => {
  it('continues bit for bit after hundreds of steps', async () => {
    const baseline = tf.memory().numTensors;
    const STEPS = 600;
    const straightWeights = startingWeights();
    const straight = createOptimizer(name, RATE);
    for (let round = 0; round < STEPS; round++) step(straight, straightWeights, round);
    const expected = Array.from(await straightWeights.data());

    const firstWeights = startingWeights();
    const first = createOptimizer(name, RATE);
    for (let round = 0; round < STEPS / 2; round++) step(first, firstWeights, round);
    const live = await first.getWeights();
    const saved = live.map(({ name: weight, tensor }) => ({
      name: weight,
      tensor: tf.tensor(tensor.dataSync(), tensor.shape),
    }));
    live[0].tensor.dispose(); // getWeights() makes a new scalar for the step count
    first.dispose();

    // The variable keeps its name, so the restored moments attach to it as before.
    const resumed = createOptimizer(name, RATE);
    await restoreOptimizer(resumed, saved);
    tf.dispose(saved.map(({ tensor }) => tensor));
    for (let round = STEPS / 2; round < STEPS; round++) step(resumed, firstWeights, round);
    expect(Array.from(await firstWeights.data())).toEqual(expected);

    resumed.dispose();
    straight.dispose();
    tf.dispose([straightWeights, firstWeights]);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
