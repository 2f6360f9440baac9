import { describe, expect, it } from 'vitest';
import type { RunRecord, RunStore } from '../persist/runStore';
import { SavedRuns } from './savedRuns.svelte';

function record(id: string, createdAt: string, epochs: number): RunRecord {
  const curve = Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 1,
    trainAccuracy: 0.5,
    validationLoss: 1,
    validationAccuracy: 0.5,
  }));
  return { id, createdAt, finished: false, curve } as unknown as RunRecord;
}

/** A store whose listRuns answers only when the test says so; every other read fails the test. */
function slowStore() {
  const pending: ((runs: RunRecord[]) => void)[] = [];
  const reads: string[] = [];
  const store = new Proxy(
    { listRuns: () => new Promise<RunRecord[]>((resolve) => pending.push(resolve)) },
    {
      get(target, name: string) {
        if (name !== 'then') reads.push(name); // awaiting the store asks for `then`
        return name === 'listRuns' ? target.listRuns : undefined;
      },
    },
  ) as unknown as RunStore;
  return { store, pending, reads };
}

describe('SavedRuns', () => {
  it('follows saves without reading storage, newest first', async () => {
    const { store, reads } = slowStore();
    const saved = new SavedRuns(async () => store);
    saved.noteSaved(record('a', '2026-01-01T00:00:00Z', 1));
    saved.noteSaved(record('b', '2026-02-01T00:00:00Z', 1));
    saved.noteSaved(record('a', '2026-01-01T00:00:00Z', 2));
    expect(saved.runs.map((run) => [run.id, run.curve.length])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(reads).toEqual([]);
  });

  it('keeps saves reported while the first read was in flight', async () => {
    const { store, pending } = slowStore();
    const saved = new SavedRuns(async () => store);
    const reading = saved.refresh();
    await expect.poll(() => pending.length).toBe(1);
    saved.noteSaved(record('live', '2026-03-01T00:00:00Z', 3)); // landed after the read began
    pending[0]([
      record('live', '2026-03-01T00:00:00Z', 2),
      record('old', '2026-01-01T00:00:00Z', 5),
    ]);
    await reading;
    expect(saved.runs.map((run) => [run.id, run.curve.length])).toEqual([
      ['live', 3],
      ['old', 5],
    ]);
  });
});
