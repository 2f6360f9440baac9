// What a slot is asked to train for one run of a sweep: the run's config and a fresh stored-run
// identity tagged with the sweep, so the run is saved like any other and grouped by its sweep.

import type { SweepRun } from '../../core/sweep';
import { formatHash, toTrainConfig } from '../../settings';
import { newRunId } from '../../persist/runStore';
import { sweepBackend } from './schedule';
import type { SlotJob } from './trainingSlot';

export function sweepJob(run: SweepRun, sweepId: string, createdAt: Date): SlotJob {
  return {
    config: toTrainConfig(run.settings),
    identity: {
      id: newRunId(createdAt.getTime()),
      createdAt: createdAt.toISOString(),
      link: formatHash(run.settings),
      backendPreference: sweepBackend(run.settings.backend),
      sweep: { id: sweepId, arm: run.arm.name, seed: run.seed },
    },
  };
}

/** The runs of `only` (one shard of a headless sweep), or all of them. */
export function chosenRuns(
  runs: readonly SweepRun[],
  only: readonly { arm: string; seed: number }[] | undefined,
): SweepRun[] {
  if (!only) return [...runs];
  return runs.filter((run) =>
    only.some((one) => one.arm === run.arm.name && one.seed === run.seed),
  );
}
