// A small sweep for tests: smoothing 0 vs 0.1, seeds 1 and 2, three epochs, with figures made
// up so each run differs (no training): what the file, merge, table and caption tests read.

import { parseHash } from '../../settings';
import { sweepDefinition, sweepRuns, type SweepDefinition } from './definition';
import { SUMMARY_KEYS, type RunSummary } from './summaryFields';
import { buildSweepFile, type SweepFile, type SweepFileRun } from './sweepFile';

export const FIXTURE_LINK = '#epochs=3&sweep=smoothing(0,0.1)&seeds=2';

export function fixtureDefinition(link = FIXTURE_LINK): SweepDefinition {
  return sweepDefinition(parseHash(link).settings);
}

/** A run's made-up figures: the arm's index and the seed shift each one a little. */
export function fixtureRun(
  arm: string,
  armIndex: number,
  seed: number,
  machine = 'machine-a',
): SweepFileRun {
  const summary = {} as RunSummary;
  SUMMARY_KEYS.forEach((key, k) => {
    summary[key] = 0.1 + 0.01 * k + 0.05 * armIndex + 0.001 * seed;
  });
  summary.bestEpoch = 2;
  summary.plattNll = Number.NaN;
  return {
    arm,
    seed,
    summary,
    curves: {
      epoch: [1, 2, 3],
      trainLoss: [0.6, 0.4, 0.3],
      trainAccuracy: [0.7, 0.8, 0.9],
      calibrationLoss: [0.5, 0.4 + 0.01 * seed, 0.45],
      validationLoss: [0.5, 0.41, 0.46 - 0.1 * armIndex],
      validationAccuracy: [0.7, 0.8, 0.85],
      ece: [0.05, 0.04, 0.06],
    },
    imagesPerSecond: machine === 'machine-a' ? 900 : 450,
    environment: { backend: 'wasm', pool: machine === 'machine-a' ? 2 : 1, userAgent: machine },
  };
}

/** The whole fixture sweep, as one machine would write it. */
export function fixtureSweep(createdAt = new Date('2026-12-01T10:00:00Z')): SweepFile {
  const definition = fixtureDefinition();
  return buildSweepFile({
    definition,
    runs: sweepRuns(definition).map((run) => fixtureRun(run.arm.name, run.armIndex, run.seed)),
    createdAt,
  });
}
