import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { pairedDifference, seedSpread } from './seedStats';

const bySeed = (values: number[]) => new Map(values.map((value, k) => [k + 1, value]));

describe('spread over seeds', () => {
  it('gives mean, sample sd (n − 1) and range, by hand', () => {
    // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; sd = √(5/3).
    expect(seedSpread([1, 2, 3, 4])).toEqual({
      count: 4,
      mean: 2.5,
      sd: Math.sqrt(5 / 3),
      min: 1,
      max: 4,
    });
  });

  it('has no sd for one seed, and NaN throughout when a run lacks the figure', () => {
    expect(seedSpread([0.3]).sd).toBeNaN();
    expect(seedSpread([0.3]).mean).toBe(0.3);
    expect(seedSpread([0.3, Number.NaN]).mean).toBeNaN();
  });
});

describe('beyond seed noise: the 95 % paired-t interval excludes 0', () => {
  it('pairs by seed and calls a steady cut beyond noise, by hand', () => {
    // d = −3, −4, −3: mean −10/3, sd √(1/3); half-width 4.3027 · √(1/3)/√3 = 1.43422.
    const result = pairedDifference(bySeed([7, 8, 8]), bySeed([10, 12, 11]));
    expect(result.pairs).toBe(3);
    expect(result.mean).toBeCloseTo(-10 / 3, 12);
    expect(result.low).toBeCloseTo(-10 / 3 - 1.43422, 4);
    expect(result.high).toBeCloseTo(-10 / 3 + 1.43422, 4);
    expect(result.beyondNoise).toBe(true);
    // Relative: −3/10, −4/12, −3/11.
    expect(result.relativeMean).toBeCloseTo(-(0.3 + 1 / 3 + 3 / 11) / 3, 12);
  });

  it('keeps a difference that flips sign within noise, by hand', () => {
    // d = −3, 1, −1: mean −1, sd 2; half-width 4.3027 · 2/√3 = 4.9683.
    const result = pairedDifference(bySeed([7, 13, 10]), bySeed([10, 12, 11]));
    expect(result.low).toBeCloseTo(-1 - 4.9683, 3);
    expect(result.beyondNoise).toBe(false);
  });

  it('calls nothing beyond noise with one seed, however large the difference', () => {
    const result = pairedDifference(bySeed([1]), bySeed([100]));
    expect(result.pairs).toBe(1);
    expect(result.low).toBeNaN();
    expect(result.beyondNoise).toBe(false);
  });

  it('leaves out seeds only one arm ran', () => {
    const arm = new Map([
      [1, 7],
      [2, 8],
      [3, 8],
    ]);
    expect(
      pairedDifference(
        arm,
        new Map([
          [1, 10],
          [2, 12],
        ]),
      ).pairs,
    ).toBe(2);
  });

  /** A standard normal draw (Box–Muller) from the repo's seeded generator. */
  function normal(random: () => number): number {
    return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }

  // Null simulation: both arms share each seed's luck (a large seed effect, sd 1) plus their
  // own noise (sd 0.1), and have the same mean: every call is a false one.
  it.each([2, 3, 5, 10])(
    'with %i seeds, makes at most 5 percent false calls under the null',
    (seeds) => {
      const random = mulberry32(20_200_000 + seeds);
      const trials = 20_000;
      let falseCalls = 0;
      for (let trial = 0; trial < trials; trial++) {
        const arm = new Map<number, number>();
        const reference = new Map<number, number>();
        for (let seed = 1; seed <= seeds; seed++) {
          const luck = 2 + normal(random);
          arm.set(seed, luck + 0.1 * normal(random));
          reference.set(seed, luck + 0.1 * normal(random));
        }
        if (pairedDifference(arm, reference).beyondNoise) falseCalls++;
      }
      // The rule's false-call rate is 5 % by construction; 3 binomial standard errors (0.46 %)
      // allow for the simulation's own noise. The floor shows the rule is not simply timid.
      const rate = falseCalls / trials;
      const standardError = Math.sqrt((0.05 * 0.95) / trials);
      expect(rate).toBeLessThanOrEqual(0.05 + 3 * standardError);
      expect(rate).toBeGreaterThanOrEqual(0.05 - 3 * standardError);
    },
  );

  it('finds a real shift of three noise sds with 5 seeds nearly always', () => {
    const random = mulberry32(7);
    let calls = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const arm = new Map<number, number>();
      const reference = new Map<number, number>();
      for (let seed = 1; seed <= 5; seed++) {
        const luck = normal(random);
        arm.set(seed, luck + 0.3 + 0.1 * normal(random));
        reference.set(seed, luck + 0.1 * normal(random));
      }
      if (pairedDifference(arm, reference).beyondNoise) calls++;
    }
    // Noise of a difference: 0.1·√2 = 0.141, shift 0.3 = 2.1 of them per seed; with 5 pairs
    // the noncentral t power is about 0.9.
    expect(calls / 2000).toBeGreaterThan(0.8);
  });
});
