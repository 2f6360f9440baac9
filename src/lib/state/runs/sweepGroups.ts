// The Runs list groups a sweep's runs (issue 24): every run a sweep trained is listed under its
// sweep, the group where the list first meets it, its runs in (arm, seed) order — arms in the
// order the sweep started them (a pool starts runs in (arm, seed) order), seeds ascending.
// Runs of no sweep keep their place.

/** What grouping reads of a stored run (persist/runStore RunRecord has these fields). */
export interface GroupableRun {
  id: string;
  createdAt: string;
  sweep?: { id: string; arm: string; seed: number };
}

export type RunGroup<R> = { sweepId: null; runs: [R] } | { sweepId: string; runs: R[] };

export function sweepGroups<R extends GroupableRun>(runs: readonly R[]): RunGroup<R>[] {
  const groups: RunGroup<R>[] = [];
  const bySweep = new Map<string, R[]>();
  for (const run of runs) {
    if (!run.sweep) {
      groups.push({ sweepId: null, runs: [run] });
      continue;
    }
    const members = bySweep.get(run.sweep.id);
    if (members) {
      members.push(run);
      continue;
    }
    const group = { sweepId: run.sweep.id, runs: [run] };
    bySweep.set(run.sweep.id, group.runs);
    groups.push(group);
  }
  for (const members of bySweep.values()) {
    const firstStart = new Map<string, string>();
    for (const run of members) {
      const arm = run.sweep!.arm;
      const held = firstStart.get(arm);
      if (held === undefined || run.createdAt < held) firstStart.set(arm, run.createdAt);
    }
    members.sort((a, b) => {
      const armA = firstStart.get(a.sweep!.arm)!;
      const armB = firstStart.get(b.sweep!.arm)!;
      if (armA !== armB) return armA < armB ? -1 : 1;
      if (a.sweep!.arm !== b.sweep!.arm) return a.sweep!.arm < b.sweep!.arm ? -1 : 1;
      return a.sweep!.seed - b.sweep!.seed || (a.createdAt < b.createdAt ? -1 : 1);
    });
  }
  return groups;
}
