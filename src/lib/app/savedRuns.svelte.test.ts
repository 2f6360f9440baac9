import { describe, expect, it } from 'vitest';
import { validRunFileText } from '../core/files/runFileParse.fixture';
import type { TrainConfig } from '../core/types';
import type { RunRecord, RunStore } from '../persist/runStore';
import { defaultSettings, toTrainConfig } from '../settings';
import { RECORDED_RUN_ID, RECORDED_RUN_NAME } from './recordedRun';
import { SavedRuns } from './savedRuns.svelte';

function record(
  id: string,
  createdAt: string,
  epochs: number,
  config: TrainConfig = toTrainConfig(defaultSettings()),
): RunRecord {
  const curve = Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 1,
    trainAccuracy: 0.5,
    validationLoss: 1,
    validationAccuracy: 0.5,
  }));
  return {
    id,
    createdAt,
    finished: false,
    curve,
    config,
    backend: { name: 'wasm' },
  } as unknown as RunRecord;
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

  it('does not list a run with no finished epoch, from storage or from a save', async () => {
    const { store, pending } = slowStore();
    const saved = new SavedRuns(async () => store);
    const reading = saved.refresh();
    await expect.poll(() => pending.length).toBe(1);
    pending[0]([
      record('empty', '2026-03-01T00:00:00Z', 0),
      record('old', '2026-01-01T00:00:00Z', 2),
    ]);
    await reading;
    expect(saved.runs.map((run) => run.id)).toEqual(['old']);
    saved.noteSaved(record('new', '2026-04-01T00:00:00Z', 0)); // saved at the run's start
    expect(saved.runs.map((run) => run.id)).toEqual(['old']);
    saved.noteSaved(record('new', '2026-04-01T00:00:00Z', 1)); // its first epoch landed
    expect(saved.runs.map((run) => run.id)).toEqual(['new', 'old']);
  });

  it('labels compared runs by the settings that differ, and relabels when one leaves', () => {
    const { store } = slowStore();
    const saved = new SavedRuns(async () => store);
    const plain = toTrainConfig(defaultSettings());
    saved.noteSaved(record('a', '2026-01-01T00:00:00Z', 2, { ...plain, labelSmoothing: 0.1 }));
    saved.noteSaved(record('b', '2026-02-01T00:00:00Z', 2, plain));
    saved.noteSaved(record('c', '2026-03-01T00:00:00Z', 2, { ...plain, dropout: 0.5 }));
    saved.compareStored('a');
    saved.compareStored('b');
    saved.compareStored('c');
    expect(saved.compared.map((run) => run.label)).toEqual([
      'label smoothing 0.1',
      'plain',
      'dropout rate 0.5',
    ]);
    saved.stopComparing('b');
    expect(saved.compared.map((run) => run.label)).toEqual([
      'label smoothing 0.1',
      'dropout rate 0.5',
    ]);
  });

  it('fetches the recorded run only when it is first compared, once', async () => {
    const { store } = slowStore();
    const fetched: string[] = [];
    const saved = new SavedRuns(
      async () => store,
      async (url) => {
        fetched.push(url);
        return validRunFileText;
      },
    );
    expect(fetched).toEqual([]); // not at page load
    saved.compareStored(RECORDED_RUN_ID);
    await expect.poll(() => saved.compared.length).toBe(1);
    expect(fetched).toEqual(['replay/default-run.json']);
    const [recorded] = saved.compared;
    expect(recorded.id).toBe(RECORDED_RUN_ID);
    expect(recorded.origin).toBe(RECORDED_RUN_NAME);
    expect(recorded.epochs).toHaveLength(2); // the fixture file's two epochs
    saved.stopComparing(RECORDED_RUN_ID);
    await saved.compareRecorded();
    expect(fetched).toHaveLength(1); // kept from the first fetch
    expect(saved.compared.map((run) => run.id)).toEqual([RECORDED_RUN_ID]);
  });

  it('says so when the recorded run cannot be fetched, and tries again next time', async () => {
    const { store } = slowStore();
    let calls = 0;
    const saved = new SavedRuns(
      async () => store,
      async () => {
        calls++;
        if (calls === 1) throw new Error('HTTP 404');
        return validRunFileText;
      },
    );
    await saved.compareRecorded();
    expect(saved.problem).toBe('The recorded run could not be loaded (HTTP 404).');
    expect(saved.compared).toEqual([]);
    await saved.compareRecorded();
    expect(saved.compared.map((run) => run.id)).toEqual([RECORDED_RUN_ID]);
  });
});
