import { describe, expect, it } from 'vitest';
import { crossEntropyFromLogits } from '../../core/metrics';
import { confidentlyWrongCount, highestLossExamples, readExample } from './gallery';

/** Logits from [z0, z1] pairs. */
function logitsOf(pairs: [number, number][]): Float32Array {
  return Float32Array.from(pairs.flat());
}

describe('readExample', () => {
  it('reads the answer, its probability and the loss from the logits', () => {
    const reading = readExample(
      logitsOf([
        [0, 0],
        [12, -12],
      ]),
      Uint8Array.from([0, 1]),
      1,
    );
    expect(reading).toMatchObject({ index: 1, label: 1, predicted: 0, wrong: true });
    expect(reading.predictedProbability).toBeCloseTo(1, 9);
    expect(reading.loss).toBeCloseTo(24, 6);
  });
});

describe('highestLossExamples', () => {
  it('returns the top k by loss, highest first', () => {
    const logits = logitsOf([
      [1, 0], // right, small loss
      [0, 5], // wrong by 5
      [2, 0], // right
      [0, 9], // wrong by 9
      [0, 1], // wrong by 1
    ]);
    const labels = Uint8Array.from([0, 0, 0, 0, 0]);
    const { examples, lossShare } = highestLossExamples(logits, labels, 3);
    expect(examples.map((example) => example.index)).toEqual([3, 1, 4]);
    const losses = [0, 1, 2, 3, 4].map((i) =>
      crossEntropyFromLogits(logits[2 * i], logits[2 * i + 1], 0),
    );
    const total = losses.reduce((a, b) => a + b, 0);
    expect(lossShare).toBeCloseTo((losses[3] + losses[1] + losses[4]) / total, 9);
  });

  it('breaks ties by index, whatever the order of equal losses', () => {
    const logits = logitsOf([
      [0, 3],
      [0, 7],
      [0, 3],
      [0, 3],
      [0, 7],
    ]);
    const { examples } = highestLossExamples(logits, new Uint8Array(5), 3);
    expect(examples.map((example) => example.index)).toEqual([1, 4, 0]);
  });

  it('skips NaN losses and copes with fewer examples than k', () => {
    const logits = logitsOf([
      [Number.NaN, 0],
      [0, 2],
    ]);
    const { examples } = highestLossExamples(logits, Uint8Array.from([0, 0]), 12);
    expect(examples.map((example) => example.index)).toEqual([1]);
  });

  it('gives a zero share when every loss is zero', () => {
    expect(highestLossExamples(new Float32Array(0), new Uint8Array(0)).lossShare).toBe(0);
  });

  it('rejects mismatched shapes', () => {
    expect(() => highestLossExamples(new Float32Array(3), new Uint8Array(2))).toThrow();
  });
});

describe('confidentlyWrongCount', () => {
  it('counts wrong answers and those held with p ≥ 0.99', () => {
    const logits = logitsOf([
      [0, 8], // wrong, p ≈ 0.9997
      [0, 1], // wrong, p ≈ 0.73
      [5, 0], // right
    ]);
    const { examples } = highestLossExamples(logits, new Uint8Array(3), 3);
    expect(confidentlyWrongCount(examples)).toEqual({ wrong: 2, confidentlyWrong: 1 });
  });
});
