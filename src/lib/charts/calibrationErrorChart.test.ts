// The calibration-error chart's figures and band label: the band is named with its method, and a
// basic-bootstrap band brings its bias-corrected estimate, a percentile one (older files) none.
import { describe, expect, it } from 'vitest';
import type { EceInterval, EpochMetrics } from '../core/types';
import { calibrationFigures, eceBandName } from './calibrationErrorChart';

const basic: EceInterval = {
  method: 'basic-bootstrap',
  level: 0.9,
  resamples: 1000,
  seed: 1,
  equalWidth: { low: 0.01, high: 0.03, estimate: 0.02 },
  equalMass: { low: 0.011, high: 0.031, estimate: 0.021 },
};

function epoch(eceInterval: EceInterval | undefined): EpochMetrics {
  return {
    ece: 0.025,
    mce: 0.1,
    eceAdaptive: 0.026,
    mceAdaptive: 0.2,
    eceInterval,
  } as EpochMetrics;
}

describe('calibration error chart', () => {
  it('names the band with its level and method', () => {
    expect(eceBandName(basic)).toBe('90% band (basic bootstrap)');
    expect(eceBandName({ method: 'percentile', level: 0.9 })).toBe(
      '90% band (percentile bootstrap, older file)',
    );
    // A run saved in this browser before `method` existed.
    expect(eceBandName({ level: 0.9 })).toBe('90% band (percentile bootstrap, older file)');
  });

  it('reads the band and its estimate under each binning', () => {
    expect(calibrationFigures(epoch(basic), 'equal-width')).toEqual({
      ece: 0.025,
      mce: 0.1,
      low: 0.01,
      high: 0.03,
      estimate: 0.02,
    });
    expect(calibrationFigures(epoch(basic), 'equal-mass')).toMatchObject({
      ece: 0.026,
      estimate: 0.021,
    });
  });

  it('gives a percentile band no estimate, and an epoch without a band NaN', () => {
    const percentile: EceInterval = {
      ...basic,
      method: 'percentile',
      equalWidth: { low: 0.02, high: 0.04 },
    };
    expect(calibrationFigures(epoch(percentile), 'equal-width').estimate).toBeNaN();
    expect(calibrationFigures(epoch(undefined), 'equal-width').low).toBeNaN();
  });
});
