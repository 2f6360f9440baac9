// Runs saved in this browser by the previous release still open. compat/previousRelease.json
// holds one finished run as that release stored it (database version 2: stores runs, epochs
// and weights; record, epoch rows and weights in its shape). It is written with plain
// IndexedDB calls, not through RunStore, so a change to what RunStore writes cannot hide a
// change to what it reads. The expected figures are the ones in the file.

import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import previousRelease from './compat/previousRelease.json';
import { completed, promised } from './idbRequests';
import { RunStore } from './runStore';
import { identityOf, savedRunState } from './savedRun';

/**
 * The stores' rows as JSON holds them; the typed arrays IndexedDB stored are written as plain
 * lists there and made typed again here, as they were: labels Uint8Array, logits and weights
 * Float32Array.
 */
function storedRows(store: keyof typeof previousRelease): object[] {
  if (store === 'runs') {
    return previousRelease.runs.map((run) => ({
      ...run,
      validationLabels: new Uint8Array(run.validationLabels),
    }));
  }
  if (store === 'epochs') {
    return previousRelease.epochs.map((row) => ({ ...row, logits: new Float32Array(row.logits) }));
  }
  return previousRelease.weights.map((weights) => ({
    ...weights,
    model: weights.model.map((array) => ({ ...array, values: new Float32Array(array.values) })),
  }));
}

/** The previous release's database (version 2, its three stores), with one finished run in it. */
async function previousReleaseDatabase(): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const request = factory.open('overconfidence-playground', 2);
  const stores = { runs: 'id', epochs: ['runId', 'epoch'], weights: 'runId' } as const;
  request.onupgradeneeded = () => {
    for (const [name, keyPath] of Object.entries(stores)) {
      request.result.createObjectStore(name, { keyPath: keyPath as string | string[] });
    }
  };
  const db = await promised(request);
  const write = db.transaction(Object.keys(stores), 'readwrite');
  for (const name of Object.keys(stores) as (keyof typeof stores)[]) {
    for (const row of storedRows(name)) write.objectStore(name).put(row);
  }
  await completed(write);
  db.close();
  return factory;
}

describe('a run saved by the previous release', () => {
  it('is listed, and opens with the state its record describes', async () => {
    const store = await RunStore.open(await previousReleaseDatabase());
    if (!store) throw new Error('fake IndexedDB should open');
    const listed = await store.listRuns();
    expect(listed.map((record) => record.id)).toEqual(['run-000mf3k2o-abc12']);
    expect(listed[0].curve.map((point) => point.validationLoss)).toEqual([0.5, 0.625]);

    const record = await store.getRun('run-000mf3k2o-abc12');
    if (!record) throw new Error('the saved run should be found');
    expect(identityOf(record)).toEqual({
      id: 'run-000mf3k2o-abc12',
      createdAt: '2026-11-30T16:00:00.000Z',
      link: '#classes=pullover,coat&train=64&val=4&epochs=5&earlyStop=loss&patience=1',
      backendPreference: 'auto',
    });
    expect(record.config.earlyStop).toBe('loss');
    const epochs = await store.getEpochs(record.id);
    expect(epochs.map((row) => row.epoch)).toEqual([1, 2]);

    const state = savedRunState({ record, epochs });
    expect(state).toMatchObject({
      runId: 'run-000mf3k2o-abc12',
      epochsCompleted: 2,
      finished: true,
      earlyStop: { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 },
    });
    expect(state?.backend.name).toBe('wasm');
    // Early stopping restored epoch 1: the model's logits are that epoch's row.
    expect(state?.model.epoch).toBe(1);
    expect(Array.from(state?.model.validationLogits ?? [])).toEqual([1, -1, 0.5, 0, -1, 1, 0, 2]);
    expect(state?.events).toEqual([
      { epoch: 2, batch: 1, batchesPerEpoch: 2, field: 'learningRate', from: 0.001, to: 0.0005 },
    ]);

    const weights = await store.getWeights(record.id);
    expect(weights?.epoch).toBe(2);
    expect(Array.from(weights?.model[0].values ?? [])).toEqual([0.25, -0.25]);
    store.close();
  });
});
