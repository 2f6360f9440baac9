import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropoutStepSeed, SeededDropout, setDropoutStep } from './seededDropout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Output of a lone dropout layer on a [4, 256] block of ones, read back. */
function maskOf(layer: SeededDropout, training: boolean): Float32Array {
  return tf.tidy(() => {
    const output = layer.apply(tf.ones([4, 256]), { training }) as tf.Tensor;
    return Float32Array.from(output.dataSync());
  });
}

describe('SeededDropout', () => {
  it('draws the same mask for the same step seed and a new one for the next step', () => {
    const layer = new SeededDropout({ rate: 0.5, stream: 0 });
    const twin = new SeededDropout({ rate: 0.5, stream: 0 });
    layer.stepSeed = dropoutStepSeed(7, 0, 0);
    twin.stepSeed = dropoutStepSeed(7, 0, 0);
    const first = maskOf(layer, true);
    expect(maskOf(layer, true)).toEqual(first); // same step again: same mask
    expect(maskOf(twin, true)).toEqual(first); // another layer object, same seed: same mask
    layer.stepSeed = dropoutStepSeed(7, 0, 1);
    const next = maskOf(layer, true);
    expect(next).not.toEqual(first);
    layer.stepSeed = dropoutStepSeed(7, 1, 0);
    expect(maskOf(layer, true)).not.toEqual(first); // next epoch, batch 0: new mask too
  });

  it('drops about `rate` of the units and scales the rest by 1 / (1 − rate)', () => {
    const layer = new SeededDropout({ rate: 0.25, stream: 0 });
    layer.stepSeed = 123;
    const mask = maskOf(layer, true);
    const kept = mask.filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / 0.75)]));
    expect(1 - kept.length / mask.length).toBeGreaterThan(0.2);
    expect(1 - kept.length / mask.length).toBeLessThan(0.3);
  });

  it('gives different layers different masks in one step', () => {
    const a = new SeededDropout({ rate: 0.5, stream: 0 });
    const b = new SeededDropout({ rate: 0.5, stream: 1 });
    a.stepSeed = b.stepSeed = 99;
    expect(maskOf(a, true)).not.toEqual(maskOf(b, true));
  });

  it('is the identity at inference and refuses to train without a step seed', () => {
    const layer = new SeededDropout({ rate: 0.5, stream: 0 });
    expect(Array.from(maskOf(layer, false)).every((v) => v === 1)).toBe(true);
    expect(() => maskOf(layer, true)).toThrow(/step seed/);
    expect(() => new SeededDropout({ rate: 0, stream: 0 })).toThrow(/rate/);
    expect(() => new SeededDropout({ rate: 1, stream: 0 })).toThrow(/rate/);
  });

  it('setDropoutStep reaches every dropout layer of a model', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 4 }),
        new SeededDropout({ rate: 0.5, stream: 0 }),
        tf.layers.dense({ units: 2 }),
        new SeededDropout({ rate: 0.5, stream: 1 }),
      ],
    });
    setDropoutStep(model, 42);
    const seeds = model.layers
      .filter((layer): layer is SeededDropout => layer instanceof SeededDropout)
      .map((layer) => layer.stepSeed);
    expect(seeds).toEqual([42, 42]);
    model.dispose();
  });
});

describe('dropoutStepSeed', () => {
  it('depends on the run seed, the epoch and the batch', () => {
    const seeds = new Set<number>();
    for (const run of [1, 2]) {
      for (let epoch = 0; epoch < 10; epoch++) {
        for (let batch = 0; batch < 50; batch++) seeds.add(dropoutStepSeed(run, epoch, batch));
      }
    }
    expect(seeds.size).toBe(1000);
    expect(dropoutStepSeed(1, 2, 3)).toBe(dropoutStepSeed(1, 2, 3));
  });
});
