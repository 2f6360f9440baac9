import { describe, expect, it } from 'vitest';
import { stopEpoch } from './epochChoice';
import { chooseVerdict } from './verdict';
import {
  handFixes,
  LOSS_KEEPS_FALLING,
  RESCALING_WINS,
  STOP_EARLY_WINS,
  type HandEpoch,
} from './verdict.fixture';

const pick = (option: { epoch: number; fix: string; nll: number } | null) =>
  option && { epoch: option.epoch, fix: option.fix, nll: option.nll };

describe('the epoch choice of the verdict', () => {
  it('is early stopping’s: the lowest calibration-half loss, earlier on ties, never NaN', () => {
    const epochs = (losses: number[]) =>
      losses.map((loss, i) => ({ epoch: i + 1, calibrationLoss: loss }));
    expect(stopEpoch(epochs([0.9, 0.5, 0.6]))).toBe(2);
    expect(stopEpoch(epochs([0.9, 0.5, 0.5]))).toBe(2);
    expect(stopEpoch(epochs([Number.NaN, 0.7, Number.NaN]))).toBe(2);
    // A run diverged from the start still has a first epoch, as early stopping does.
    expect(stopEpoch(epochs([Number.NaN, Number.NaN]))).toBe(1);
    expect(stopEpoch([])).toBeNull();
  });
});

describe('the verdict', () => {
  it('picks stopping early when its raw loss beats every fix of the last epoch', () => {
    const verdict = chooseVerdict(handFixes(STOP_EARLY_WINS));
    expect(verdict?.stopEpoch).toBe(2);
    expect(verdict?.lastEpoch).toBe(4);
    expect(pick(verdict?.best ?? null)).toEqual({ epoch: 2, fix: 'none', nll: 0.5 });
    // The rival is the last epoch's best: T (0.55) rather than as trained (0.81).
    expect(pick(verdict?.rival ?? null)).toEqual({ epoch: 4, fix: 'temperature', nll: 0.55 });
    expect(verdict?.options.map((option) => `${option.epoch} ${option.fix}`)).toEqual([
      '2 none',
      '2 temperature',
      '4 none',
      '4 temperature',
    ]);
  });

  it('picks rescaling the last epoch when it beats stopping early, fixed or not', () => {
    const verdict = chooseVerdict(handFixes(RESCALING_WINS));
    expect(pick(verdict?.best ?? null)).toEqual({ epoch: 4, fix: 'temperature', nll: 0.716 });
    expect(verdict?.best.T).toBe(3.44);
    // The strongest alternative at the stopping epoch: at its own T (0.725), not raw (0.731).
    expect(pick(verdict?.rival ?? null)).toEqual({ epoch: 2, fix: 'temperature', nll: 0.725 });
  });

  it('weighs Platt and isotonic too with two classes', () => {
    const epochs: HandEpoch[] = [
      { calibrationLoss: 0.3, nll: 0.31, accuracy: 0.9, T: 1.2, nllAtT: 0.3 },
      {
        calibrationLoss: 0.4,
        nll: 0.45,
        accuracy: 0.91,
        T: 2,
        nllAtT: 0.29,
        platt: { nll: 0.285, accuracy: 0.905 },
        isotonic: { nll: 0.295, accuracy: 0.91 },
      },
    ];
    epochs[0].platt = { nll: 0.301, accuracy: 0.9 };
    epochs[0].isotonic = { nll: 0.32, accuracy: 0.9 };
    const verdict = chooseVerdict(handFixes(epochs));
    expect(pick(verdict?.best ?? null)).toEqual({ epoch: 2, fix: 'platt', nll: 0.285 });
    expect(verdict?.best.accuracy).toBe(0.905);
    expect(pick(verdict?.rival ?? null)).toEqual({ epoch: 1, fix: 'temperature', nll: 0.3 });
    expect(verdict?.options).toHaveLength(8);
  });

  it('compares the last epoch with itself as trained when the calibration loss never rose', () => {
    const verdict = chooseVerdict(handFixes(LOSS_KEEPS_FALLING));
    expect(verdict?.stopEpoch).toBe(2);
    expect(pick(verdict?.best ?? null)).toEqual({ epoch: 2, fix: 'platt', nll: 0.59 });
    expect(pick(verdict?.rival ?? null)).toEqual({ epoch: 2, fix: 'none', nll: 0.62 });
    expect(verdict?.options).toHaveLength(4);
  });

  it('prefers the earlier, simpler candidate on a tie, and has nothing to say about no epochs', () => {
    const tied: HandEpoch[] = [
      { calibrationLoss: 0.5, nll: 0.6, accuracy: 0.8, T: 1, nllAtT: 0.6 },
      { calibrationLoss: 0.7, nll: 0.9, accuracy: 0.8, T: 2, nllAtT: 0.6 },
    ];
    expect(pick(chooseVerdict(handFixes(tied))?.best ?? null)).toEqual({
      epoch: 1,
      fix: 'none',
      nll: 0.6,
    });
    expect(chooseVerdict([])).toBeNull();
  });
});
