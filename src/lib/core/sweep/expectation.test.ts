import { describe, expect, it } from 'vitest';
import { checkExpectation, parseExpectation } from './expectation';
import { fixtureSweep } from './sweepFile.fixture';

// The fixture: every figure of arm smoothing=0.1 is 0.05 above smoothing=0's, seed by seed.
const file = fixtureSweep();

describe('sweep expectations', () => {
  it('reads arms by name or by run-file setting name, and short figure names', () => {
    expect(parseExpectation('labelSmoothing=0.1: ece < smoothing=0.ece', file)).toEqual({
      ok: true,
      expectation: {
        arm: 'smoothing=0.1',
        metric: 'finalEce',
        relation: '<',
        other: 'smoothing=0',
      },
    });
    expect(
      parseExpectation('smoothing=0.1 : temperatureNll > smoothing=0.temperatureNll', file),
    ).toEqual({
      ok: true,
      expectation: {
        arm: 'smoothing=0.1',
        metric: 'temperatureNll',
        relation: '>',
        other: 'smoothing=0',
      },
    });
  });

  it('passes a difference beyond seed noise in the stated direction, fails the other way', () => {
    const above = checkExpectation('smoothing=0.1: nll > smoothing=0.nll', file);
    expect(above.ok && above.passed).toBe(true);
    const below = checkExpectation('smoothing=0.1: nll < smoothing=0.nll', file);
    expect(below.ok && below.passed).toBe(false);
    expect(below.ok && below.message).toMatch(
      /^smoothing=0.1: nll < smoothing=0.nll: not shown beyond seed noise; /,
    );
  });

  it('fails with one seed: nothing is beyond noise', () => {
    const oneSeed = { ...file, runs: file.runs.filter((run) => run.seed === 1) };
    const result = checkExpectation('smoothing=0.1: nll > smoothing=0.nll', oneSeed);
    expect(result.ok && result.passed).toBe(false);
  });

  it('refuses what it cannot read, saying why', () => {
    expect(checkExpectation('smoothing beats plain', file)).toEqual({
      ok: false,
      message: '"smoothing beats plain" is not of the form "smoothing=0.1: ece < plain.ece"',
    });
    expect(checkExpectation('plain: ece < smoothing=0.ece', file)).toEqual({
      ok: false,
      message:
        '"plain: ece < smoothing=0.ece" names "plain", which is not an arm of this sweep (smoothing=0, smoothing=0.1)',
    });
    expect(checkExpectation('smoothing=0.1: ece < smoothing=0.nll', file).ok).toBe(false);
  });
});
