import { describe, expect, it } from 'vitest';
import type { RunStore, RunSummary } from '../persist/runStore';
import { SavedRuns } from './savedRuns.svelte';

/** A store whose listRuns answers only when the test says so, in any order. */
function slowStore() {
  const pending: ((runs: RunSummary[]) => void)[] = [];
  const store = {
    listRuns: () => new Promise<RunSummary[]>((resolve) => pending.push(resolve)),
  } as unknown as RunStore;
  return { store, pending };
}

function summary(epochs: number): RunSummary {
  return { run: { id: 'run-a' }, epochs: new Array(epochs).fill({}) } as unknown as RunSummary;
}

describe('SavedRuns.refresh', () => {
  it('keeps the newest list when overlapping reads settle out of order', async () => {
    const { store, pending } = slowStore();
    const saved = new SavedRuns(async () => store);
    const first = saved.refresh(); // started at epoch 5
    const second = saved.refresh(); // started at epoch 6
    await expect.poll(() => pending.length).toBe(2);
    pending[1]([summary(6)]);
    await second;
    pending[0]([summary(5)]);
    await first;
    expect(saved.runs[0].epochs).toHaveLength(6);
  });
});
