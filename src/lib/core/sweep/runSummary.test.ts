import { describe, expect, it } from 'vitest';
import { heldOutSplit, posthocReport } from '../metrics';
import { summarizeRun } from './runSummary';

// Eight examples, four per class. In each epoch every calibration-half example has margin
// `calibration` towards its true class and every evaluation-half one margin `evaluation`, so
// each half's figures are by hand: all right, confidence σ(a), NLL log(1 + e^−a),
// ECE 1 − σ(a) (one bin), Brier 2(1 − σ(a))², accuracy 1.
const labels = new Uint8Array([0, 1, 0, 1, 0, 1, 0, 1]);
const SEED = 4;
const { calibration } = heldOutSplit(labels, SEED);

function epochLogits(margins: { calibration: number; evaluation: number }): Float32Array {
  const logits = new Float32Array(2 * labels.length);
  labels.forEach((label, i) => {
    const margin = calibration.includes(i) ? margins.calibration : margins.evaluation;
    logits[2 * i + label] = margin;
  });
  return logits;
}

const margins = [
  { calibration: 1, evaluation: 3 },
  { calibration: 3, evaluation: 1 }, // lowest calibration loss: the best epoch
  { calibration: 2, evaluation: 2 },
];
const input = {
  seed: SEED,
  labels,
  epochs: margins.map((_, k) => ({ epoch: k + 1, trainLoss: 0.5 - 0.1 * k, trainAccuracy: 0.9 })),
  epochLogits: margins.map(epochLogits),
};

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
const nll = (a: number) => Math.log1p(Math.exp(-a));
const ece = (a: number) => 1 - sigmoid(a);
const brier = (a: number) => 2 * (1 - sigmoid(a)) ** 2;

describe('a run’s sweep summary', () => {
  it('scores the final model on the evaluation half', () => {
    const { summary } = summarizeRun(input);
    expect(summary.finalNll).toBeCloseTo(nll(2), 6); // 0.126928
    expect(summary.finalEce).toBeCloseTo(ece(2), 6); // 0.119203
    expect(summary.finalBrier).toBeCloseTo(brier(2), 6); // 0.028419
    expect(summary.finalAccuracy).toBe(1);
  });

  it('chooses the best epoch on the calibration half and scores it on the evaluation half', () => {
    const { summary } = summarizeRun(input);
    // Chosen on the evaluation half it would be epoch 1 (margin 3 there).
    expect(summary.bestEpoch).toBe(2);
    expect(summary.bestNll).toBeCloseTo(nll(1), 6); // 0.313262
    expect(summary.bestEce).toBeCloseTo(ece(1), 6); // 0.268941
    expect(summary.bestBrier).toBeCloseTo(brier(1), 6); // 0.144659
    expect(summary.bestAccuracy).toBe(1);
  });

  it('reads the held model as final: the restored best after early stopping', () => {
    const { summary } = summarizeRun({ ...input, heldEpoch: 2 });
    expect(summary.finalNll).toBeCloseTo(nll(1), 6);
  });

  it('gives the post-hoc fixes of the final model, fitted and scored as the run’s report does', () => {
    const { summary } = summarizeRun(input);
    const report = posthocReport(input.epochLogits[2], labels, SEED);
    expect(summary.temperature).toBe(report.temperature.T);
    expect([summary.temperatureNll, summary.temperatureEce]).toEqual([
      report.temperature.nll,
      report.temperature.ece,
    ]);
    expect([summary.plattNll, summary.plattEce]).toEqual([report.platt.nll, report.platt.ece]);
    expect([summary.isotonicNll, summary.isotonicEce]).toEqual([
      report.isotonic.nll,
      report.isotonic.ece,
    ]);
  });

  it('keeps per-epoch curves: training as stored, loss on each half', () => {
    const { curves } = summarizeRun(input);
    expect(curves.epoch).toEqual([1, 2, 3]);
    expect(curves.trainLoss).toEqual([0.5, 0.4, 0.3]);
    curves.calibrationLoss.forEach((loss, k) =>
      expect(loss).toBeCloseTo(nll(margins[k].calibration), 6),
    );
    curves.validationLoss.forEach((loss, k) =>
      expect(loss).toBeCloseTo(nll(margins[k].evaluation), 6),
    );
    curves.ece.forEach((value, k) => expect(value).toBeCloseTo(ece(margins[k].evaluation), 6));
    expect(curves.validationAccuracy).toEqual([1, 1, 1]);
  });

  it('refuses logits that do not match the epochs', () => {
    expect(() => summarizeRun({ ...input, epochLogits: input.epochLogits.slice(1) })).toThrow(
      'Expected logits for each of 3 epochs, got 2',
    );
    expect(() => summarizeRun({ ...input, heldEpoch: 9 })).toThrow('The held epoch 9');
  });
});
