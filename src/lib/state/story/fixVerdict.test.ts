import { describe, expect, it } from 'vitest';
import { chooseVerdict } from '../../core/metrics';
import {
  handFixes,
  LOSS_KEEPS_FALLING,
  RESCALING_WINS,
  STOP_EARLY_WINS,
  type HandEpoch,
} from '../../core/metrics/fixes/verdict.fixture';
import { epochFixSentence, fixVerdictSentence } from './fixVerdict';

function sentenceFor(epochs: HandEpoch[], evaluationCount?: number): string {
  const verdict = chooseVerdict(handFixes(epochs, evaluationCount));
  if (verdict === null) throw new Error('no verdict');
  return fixVerdictSentence(verdict);
}

describe('the verdict sentence', () => {
  it('names rescaling the last epoch when it wins, against the best of stopping early', () => {
    expect(sentenceFor(RESCALING_WINS)).toBe(
      'Best: epoch 4 with T = 3.44 (NLL 0.716) — stopping at epoch 2 with T = 1.10 gives 0.725; accuracy 79.2% vs 77.0%, on the same 1000 evaluation images.',
    );
  });

  it('names stopping early when it wins', () => {
    expect(sentenceFor(STOP_EARLY_WINS, 500)).toBe(
      'Best: stopping at epoch 2 (NLL 0.500) — epoch 4 with T = 2.50 gives 0.550; accuracy 77.0% vs 79.2%, on the same 500 evaluation images.',
    );
  });

  it('says stopping early gains nothing when the calibration loss is lowest at the end', () => {
    expect(sentenceFor(LOSS_KEEPS_FALLING)).toBe(
      'Best: epoch 2 with Platt scaling (NLL 0.590) — epoch 2 as trained gives 0.620, and stopping early gains nothing (the calibration half’s loss is lowest at the last epoch); accuracy 76.0% vs 75.0%, on the same 1000 evaluation images.',
    );
  });
  it('calls a win smaller than the figures shown a tie', () => {
    // Epoch 4 at T = 3 gives 0.71604, stopping at epoch 2 gives 0.71631: both read 0.716.
    const tie: HandEpoch[] = [
      { calibrationLoss: 0.9, nll: 0.9, accuracy: 0.7, T: 1.2, nllAtT: 0.89 },
      { calibrationLoss: 0.7, nll: 0.71631, accuracy: 0.77, T: 1.01, nllAtT: 0.7164 },
      { calibrationLoss: 0.8, nll: 0.8, accuracy: 0.78, T: 2, nllAtT: 0.75 },
      { calibrationLoss: 1.2, nll: 1.3, accuracy: 0.79, T: 3, nllAtT: 0.71604 },
    ];
    expect(sentenceFor(tie)).toBe(
      'A tie: epoch 4 with T = 3.00 and stopping at epoch 2 both give NLL 0.716; accuracy 79.0% vs 77.0%, on the same 1000 evaluation images.',
    );
  });
});

describe('an epoch’s fit in words', () => {
  it('reads the evaluation half before and after T, and marks a T at the end of its range', () => {
    const [fix] = handFixes([RESCALING_WINS[1]]);
    fix.report.none.ece = 0.052;
    fix.report.temperature.ece = 0.031;
    expect(epochFixSentence(fix)).toBe(
      'Epoch 1: T = 1.10 takes the evaluation half’s NLL from 0.731 to 0.725 and its ECE from 5.2% to 3.1%.',
    );
    fix.bound = { side: 'upper', reason: 'no information' };
    expect(epochFixSentence(fix)).toContain('T = 1.10 (where the search stopped, not a best T)');
  });
});
