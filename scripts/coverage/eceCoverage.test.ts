// Coverage of the worker's ECE band, by simulation (src/lib/core/metrics/eceCoverage.ts) over
// populations whose confidences are the recorded run's at epochs 15 and 40. The unit suite runs
// 100 sets per case (≈ 3 s each) against a looser bound; `npm run ece-coverage` runs 500 with
// the stated target and prints the table docs/ece-coverage.md reports.

import { describe, expect, it } from 'vitest';
import { simulateCoverage, type CoverageScenario } from '../../src/lib/core/metrics';
import { recordedConfidences } from './recordedConfidences';

const SETS = Number(process.env.ECE_COVERAGE_SETS ?? 100);
const FULL = SETS >= 500;
/**
 * The target, 80–95 %, at 500 sets. With 100, a binomial count at 90 % has a standard
 * deviation of 3 points: 75–98 % is 5 below and 2.7 above.
 */
const [LOW, HIGH] = FULL ? [0.8, 0.95] : [0.75, 0.98];
const SEED = 21;
const EPOCHS = [15, 40] as const;

function run(epoch: number, overrides: Partial<CoverageScenario>) {
  return simulateCoverage({
    population: recordedConfidences(epoch),
    trueEce: 0.05,
    examples: 2000,
    placement: 'spread',
    sets: SETS,
    seed: SEED + epoch,
    ...overrides,
  });
}

function row(epoch: number, label: string, result: ReturnType<typeof run>): string {
  const percent = (value: number) => `${(100 * value).toFixed(2)} %`;
  return [
    epoch,
    label,
    `${result.covered} / ${result.sets} = ${percent(result.covered / result.sets)}`,
    percent(result.truth),
    percent(result.meanPlugIn),
    percent(result.meanEstimate),
    percent(result.meanWidth),
  ].join(' | ');
}

/** Cases with a target, per epoch; the unit suite checks ECE 0.02 at epoch 15 too, where the old percentile band failed most. */
const TARGETS: [number, string, Partial<CoverageScenario>][] = [
  [15, 'ECE 0.05, 2,000, spread', {}],
  [40, 'ECE 0.05, 2,000, spread', {}],
];

/** 500 sets of 2,000 examples take about 25 s on one core, well past vitest's default limit. */
const TIMEOUT_MS = 600_000;

describe(`ECE band coverage, ${SETS} simulated validation sets`, () => {
  it.each(TARGETS)(
    'epoch %i: %s',
    (epoch, label, overrides) => {
      const result = run(epoch, overrides);
      console.log(row(epoch, label, result));
      expect(result.truth).toBeCloseTo(overrides.trueEce ?? 0.05, 12);
      expect(result.covered / result.sets).toBeGreaterThanOrEqual(LOW);
      expect(result.covered / result.sets).toBeLessThanOrEqual(HIGH);
    },
    TIMEOUT_MS,
  );

  // No target at 0.02, but the old percentile band covered it in only 6–24 % of sets: a bound
  // the basic bootstrap meets (89 % at 500 sets) and the old band cannot.
  it(
    'epoch 15: ECE 0.02, 2,000, spread, at least 75 %',
    () => {
      const result = run(15, { trueEce: 0.02 });
      console.log(row(15, 'ECE 0.02, 2,000, spread', result));
      expect(result.covered / result.sets).toBeGreaterThanOrEqual(0.75);
    },
    TIMEOUT_MS,
  );
});

// The cases with no target, run only in full: their coverage is reported, not asserted.
if (FULL) {
  const reported: [string, Partial<CoverageScenario>][] = [
    ['ECE 0.05, 1,000, spread', { examples: 1000 }],
    ['ECE 0.05, 2,000, one bin', { placement: 'one-bin' }],
    ['ECE 0.02, 1,000, spread', { trueEce: 0.02, examples: 1000 }],
    ['ECE 0.02, 2,000, one bin', { trueEce: 0.02, placement: 'one-bin' }],
  ];
  describe('ECE band coverage, reported', () => {
    it.each(EPOCHS.flatMap((epoch) => reported.map(([label, o]) => [epoch, label, o] as const)))(
      'epoch %i: %s',
      (epoch, label, overrides) => {
        const result = run(epoch, overrides);
        console.log(row(epoch, label, result));
        expect(result.covered).toBeLessThanOrEqual(result.sets);
      },
      TIMEOUT_MS,
    );
    it(
      'epoch 40: ECE 0.02, 2,000, spread',
      () => {
        console.log(row(40, 'ECE 0.02, 2,000, spread', run(40, { trueEce: 0.02 })));
      },
      TIMEOUT_MS,
    );
  });
}
