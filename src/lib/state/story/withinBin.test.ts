import { describe, expect, it } from 'vitest';
import type { BrierDecomposed } from '../../core/types';
import { withinBinSize, withinBinText } from './withinBin';

function brier(
  withinBin: number,
  reliability: number,
  parts?: [number, number],
  bins = 50,
): BrierDecomposed {
  return {
    score: 0.15,
    reliability,
    resolution: 0.3,
    uncertainty: 0.5,
    withinBin,
    ...(parts === undefined ? {} : { withinBinVariance: parts[0], withinBinCovariance: parts[1] }),
    bins,
  };
}

describe('the within-bin term’s size', () => {
  it('is small at up to 10 % of reliability, judged only where reliability ≥ 0.001', () => {
    expect(withinBinSize(brier(-0.0009, 0.01))).toEqual({ kind: 'small', share: 0.09 });
    expect(withinBinSize(brier(0.0011, 0.01))).toMatchObject({ kind: 'not-small' });
    expect(withinBinSize(brier(0.00001, 0.0009))).toEqual({ kind: 'unrated' });
    expect(withinBinSize(brier(0.00001, 0.001))).toMatchObject({ kind: 'small' });
    expect(withinBinSize(brier(Number.NaN, 0.01))).toBeNull();
  });

  it('is worded from the share, with the two parts and the bin count', () => {
    expect(withinBinText(brier(-0.0004, 0.02, [0.00003, 0.00043]))).toBe(
      'within-bin −0.0004 (variance 0.00003 − covariance 0.00043; 2% of reliability: small at 50 bins)',
    );
    // The recorded run's last epoch at 10 bins: −0.002694 against 0.012335 is 21.8 %.
    expect(withinBinText(brier(-0.002694, 0.012335, undefined, 10))).toBe(
      'within-bin −0.00269 (21.8% of reliability: not small at 10 bins; more bins would shrink it)',
    );
    expect(withinBinText(brier(0.0001, 0.0005))).toBe(
      'within-bin 0.0001 (reliability is under 0.001, too small to measure it against)',
    );
  });
});
