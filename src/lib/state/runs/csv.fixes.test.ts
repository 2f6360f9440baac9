import { describe, expect, it } from 'vitest';
import type { EpochTemperature } from '../../core/metrics';
import type { EpochMetrics } from '../../core/types';
import { epochsToCsv } from './csv';

const epoch = (number: number) =>
  ({
    epoch: number,
    trainLoss: 0.5,
    trainAccuracy: 0.75,
    validationLoss: 0.6,
    validationAccuracy: 0.7,
    imagesPerSecond: 100,
    validationLossCorrect: 0.2,
    validationLossWrong: 0.4,
    wrongCount: 3,
    ece: 0.05,
    mce: 0.2,
  }) as EpochMetrics;

const fit: EpochTemperature = {
  epoch: 1,
  T: 3.44,
  bound: null,
  nllBefore: 1.51,
  nllAfter: 0.716,
  eceBefore: 0.2,
  eceAfter: 0.03,
};

describe('the CSV with the per-epoch fixes', () => {
  it('appends T and the evaluation half’s NLL and ECE before and after, empty where unfitted', () => {
    const lines = epochsToCsv([epoch(1), epoch(2)], [], [fit, null]).split('\r\n');
    expect(lines[0].split(',').slice(-5)).toEqual([
      'temperature',
      'evaluationLoss',
      'evaluationLossScaled',
      'evaluationEce',
      'evaluationEceScaled',
    ]);
    expect(lines[1].split(',').slice(-5)).toEqual(['3.44', '1.51', '0.716', '0.2', '0.03']);
    expect(lines[2].split(',').slice(-5)).toEqual(['', '', '', '', '']);
  });

  it('leaves the columns out without fixes', () => {
    expect(epochsToCsv([epoch(1)]).split('\r\n')[0]).not.toContain('temperature');
  });
});
