import { describe, expect, it } from 'vitest';
import { expectations, logitGaps, median } from './expectations.mjs';

const base64 = (values: number[]) =>
  Buffer.from(new Float32Array(values).buffer).toString('base64');

/** Three epochs: loss lowest at 2, accuracy best at 2, last loss 50 % above the lowest. */
const RUN = {
  createdAt: '2026-11-30T10:00:00.000Z',
  config: {
    classes: ['pullover', 'coat'],
    model: 'wide',
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 64,
    trainSize: 100,
    validationSize: 4,
    epochs: 3,
    seed: 1,
  },
  environment: { backend: 'wasm', adapter: 'WebAssembly (XNNPACK, CPU)' },
  validation: { labels: [0, 1, 0, 1] },
  epochs: [
    {
      epoch: 1,
      validationLoss: 0.5,
      validationAccuracy: 0.7,
      trainAccuracy: 0.6,
      imagesPerSecond: 100,
    },
    {
      epoch: 2,
      validationLoss: 0.2,
      validationAccuracy: 0.9,
      trainAccuracy: 0.95,
      imagesPerSecond: 50,
    },
    {
      epoch: 3,
      validationLoss: 0.3,
      validationAccuracy: 0.895,
      trainAccuracy: 1,
      imagesPerSecond: 200,
      wrongCount: 1,
      validationLossWrong: 0.27,
    },
  ],
  epochLogits: { epochs: [base64([0, 1, 0, 3, 0, -2, 1, 1]), base64([0, 8, 0, 2, 5, -5, 0, 4])] },
  temperature: { T: 2.5, nllBefore: 0.3, nllAfter: 0.2 },
};

describe('expectations (docs/reliability.md table from a run file)', () => {
  it('decodes logit gaps and takes medians', () => {
    expect(logitGaps(base64([0, 1, 0, 3, 0, -2, 1, 1]))).toEqual([1, 3, 2, 0]);
    expect(median([1, 3, 2, 0])).toBe(1.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('reads every figure from the run', () => {
    const text = expectations(RUN as never);
    expect(text).toContain('| lowest validation loss      | 2 | 0.200 | 90.0 % | 95.0 % |');
    expect(text).toContain('| highest validation accuracy | 2 | 0.200 | 90.0 % | 95.0 % |');
    expect(text).toContain(
      '| last                        | 3 | 0.300 (**+50 %**) | 89.5 % | 100.00 % |',
    );
    expect(text).toContain('50–200 images/s (median 100)');
    // 100 images at 100, 50 and 200 images/s: 1 + 2 + 0.5 s.
    expect(text).toContain('0.1 minutes of training');
    expect(text).toContain('within 0.5 points of its peak, yet the loss is 50 % above');
    expect(text).toContain('the 1 wrong examples (25.0 %) carry 90 % of the validation loss');
    expect(text).toContain('grew from 1.50 at epoch 1 to 6.0 (largest 10.0)');
    expect(text).toContain('T = 2.50 (evaluation NLL 0.300 → 0.200)');
  });
});
