// Shards of one sweep (each machine of a CI matrix trains some of its (arm, seed) runs) merged
// into one sweep file. The result does not depend on the shards' order: runs are sorted by
// (arm, seed), a run two shards both hold must be the same run (volatile fields aside) and one
// copy is kept by a fixed rule, and the merged file's time is the latest shard's. Once
// createdAt, imagesPerSecond and environment are set aside it equals a one-machine sweep.

import { compareRuns } from './definition';
import { withoutVolatile, type SweepFile, type SweepFileRun } from './sweepFile';

export type MergeResult = { ok: true; sweep: SweepFile } | { ok: false; error: string };

/** What must agree between shards: everything but the runs and the time. */
function definitionText(file: SweepFile): string {
  const { link, arms, seeds, reference, recorded } = file;
  return JSON.stringify({ link, arms, seeds, reference, recorded: recorded === true });
}

export function mergeSweepShards(shards: readonly SweepFile[]): MergeResult {
  if (shards.length === 0) return { ok: false, error: 'no sweep files to merge' };
  const first = shards[0];
  const definition = definitionText(first);
  const mismatch = shards.findIndex((shard) => definitionText(shard) !== definition);
  if (mismatch !== -1) {
    return {
      ok: false,
      error: `shard ${mismatch + 1} is another sweep (link ${shards[mismatch].link}, not ${first.link})`,
    };
  }
  const byRun = new Map<string, SweepFileRun>();
  for (const shard of shards) {
    for (const run of shard.runs) {
      const key = `${run.arm}\u0000${run.seed}`;
      const held = byRun.get(key);
      if (held === undefined) {
        byRun.set(key, run);
        continue;
      }
      if (JSON.stringify(withoutVolatile(held)) !== JSON.stringify(withoutVolatile(run))) {
        return {
          ok: false,
          error: `arm "${run.arm}" seed ${run.seed} differs between shards: the same run trained to different results`,
        };
      }
      // The same run twice: keep the copy whose text sorts first, whichever shard came first.
      if (JSON.stringify(run) < JSON.stringify(held)) byRun.set(key, run);
    }
  }
  const createdAt = shards
    .map((shard) => shard.createdAt)
    .reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
  return {
    ok: true,
    sweep: { ...first, createdAt, runs: [...byRun.values()].sort(compareRuns(first)) },
  };
}

/** The (arm, seed) pairs a sweep file still lacks, in run order: what a resume must train. */
export function missingRuns(file: SweepFile): { arm: string; seed: number }[] {
  const held = new Set(file.runs.map((run) => `${run.arm}\u0000${run.seed}`));
  return file.arms.flatMap((arm) =>
    file.seeds
      .filter((seed) => !held.has(`${arm.name}\u0000${seed}`))
      .map((seed) => ({ arm: arm.name, seed })),
  );
}
