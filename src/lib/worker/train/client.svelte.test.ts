import { describe, expect, it } from 'vitest';
import { BACKEND, CONFIG, epochMessage, lastId, lastRunCommand } from './client.fixture';
import type { TrainerClient } from './client.svelte';
import { clientWithFakeWorkers, type FakeWorker } from './fakeWorker.fixture';

const DATA_URL = 'https://example.test/app/data/';
const setup = () => clientWithFakeWorkers(DATA_URL);
const START = { link: '#seed=1' };

/** Train, and the worker says it is training; returns the run's id. */
function startTraining(client: TrainerClient, worker: FakeWorker): string {
  client.train(CONFIG, START);
  const runId = lastRunCommand(worker.posted).run.id;
  worker.emit({ type: 'status', replyTo: lastId(worker.posted, 'train'), status: 'training' });
  return runId;
}

describe('TrainerClient', () => {
  it('posts init and preview with request ids and stores the answers', () => {
    const { client, worker } = setup();
    client.init('auto');
    client.preview(['bag', 'boot']);
    expect(worker().posted).toEqual([
      { type: 'init', id: 1, backend: 'auto', dataUrl: DATA_URL },
      { type: 'preview', id: 2, classes: ['bag', 'boot'], perClass: 8 },
    ]);
    worker().emit({ type: 'backend', replyTo: 1, info: BACKEND });
    expect(client.backend).toEqual(BACKEND);
  });

  it('sends the model auto times on, and keeps it for a fresh worker', () => {
    const { client, workers } = setup();
    client.init('auto', 'small');
    expect(workers[0].posted[0]).toMatchObject({ type: 'init', backend: 'auto', model: 'small' });
    client.setBackend('auto', 'wide'); // the model changed: time again on a fresh worker
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].posted[0]).toMatchObject({ type: 'init', backend: 'auto', model: 'wide' });
    client.restart();
    expect(workers[2].posted[0]).toMatchObject({ type: 'init', backend: 'auto', model: 'wide' });
  });

  it('sends mid-run changes only while a run can take them, and keeps the changes the worker reports', () => {
    const { client, worker } = setup();
    expect(client.adjust({ learningRate: 0.01 })).toBe(false); // no run yet
    const runId = startTraining(client, worker());
    expect(client.adjust({ learningRate: 0.01 })).toBe(true);
    const id = lastId(worker().posted, 'adjust');
    expect(worker().posted.at(-1)).toEqual({ type: 'adjust', id, changes: { learningRate: 0.01 } });
    const change = {
      epoch: 1,
      batch: 3,
      batchesPerEpoch: 32,
      field: 'learningRate',
      from: 0.001,
      to: 0.01,
    } as const;
    worker().emit({ type: 'adjusted', replyTo: id, runId, events: [change] });
    expect(client.events).toEqual([change]);
    // An epoch whose state was taken before the change does not hide it…
    worker().emit(epochMessage(runId, 1));
    expect(client.events).toEqual([change]);
    // …and Reset forgets it with the run.
    client.reset();
    expect(client.events).toEqual([]);
  });

  it('shows only what the worker says: no status before its answer', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    expect(client.status).toBe('idle'); // nothing guessed
    expect(client.awaiting).toBe('train');
    expect(client.hasRun).toBe(true); // settings lock while the start is awaited
    const id = lastId(worker().posted, 'train');
    expect(lastRunCommand(worker().posted)).toMatchObject({
      config: CONFIG,
      run: { link: '#seed=1', backendPreference: 'auto' },
    });
    client.train(CONFIG, START); // a second click while the first is awaited sends nothing
    expect(worker().posted.filter((m) => m.type === 'train')).toHaveLength(1);
    worker().emit({
      type: 'status',
      replyTo: id,
      status: 'loading',
      detail: 'Loading the dataset',
    });
    expect(client.awaiting).toBeNull();
    expect(client.status).toBe('loading');
    expect(client.statusDetail).toBe('Loading the dataset');
  });

  it('follows a run and keeps the state the worker sends with each epoch', () => {
    const { client, worker } = setup();
    const runId = startTraining(client, worker());
    const progress = {
      epoch: 1,
      epochs: 3,
      batch: 2,
      batchesPerEpoch: 32,
      imagesPerSecond: 1,
      elapsedMs: 5,
    };
    worker().emit({ type: 'progress', runId, progress });
    worker().emit(epochMessage(runId, 1));
    const afterFirst = client.epochs;
    worker().emit(epochMessage(runId, 2));
    expect(client.progress).toEqual(progress);
    expect(client.epochs.map((entry) => entry.epoch)).toEqual([1, 2]);
    expect(client.epochs).not.toBe(afterFirst);
    expect(client.validationLabels).toEqual(new Uint8Array([0, 1]));
    expect(client.runState?.model.epoch).toBe(2);
    // Early stopping: the worker says the model holds epoch 2; the client takes its word.
    worker().emit(epochMessage(runId, 3, { heldEpoch: 2, finished: true }));
    expect(client.runState?.model.epoch).toBe(2);
    expect(Array.from(client.runState?.model.validationLogits ?? [])).toEqual([2, 0, 0, 2]);
    expect(client.runState?.earlyStop).toEqual({
      metric: 'loss',
      bestEpoch: 2,
      stoppedAfterEpoch: 3,
    });
    expect(client.logitsHistory).toHaveLength(3);
  });

  it('resumes a paused run with the config it started with', () => {
    const { client, worker } = setup();
    client.step(CONFIG, START);
    const runId = lastRunCommand(worker().posted).run.id;
    worker().emit(epochMessage(runId, 1));
    worker().emit({ type: 'status', replyTo: lastId(worker().posted, 'step'), status: 'paused' });
    client.train({ ...CONFIG, epochs: 99 }, START);
    expect(lastRunCommand(worker().posted)).toMatchObject({
      type: 'train',
      config: CONFIG,
      run: { id: runId },
    });
  });

  it('after Reset drops messages about the old run and keeps the status until the worker answers', () => {
    const { client, worker } = setup();
    const runId = startTraining(client, worker());
    worker().emit(epochMessage(runId, 1));
    client.reset();
    expect(client.epochs).toEqual([]);
    expect(client.runConfig).toBeNull();
    expect(client.status).toBe('training'); // the worker has not stopped yet
    expect(client.awaiting).toBe('reset');
    worker().emit(epochMessage(runId, 2));
    worker().emit({
      type: 'progress',
      runId,
      progress: {
        epoch: 3,
        epochs: 3,
        batch: 1,
        batchesPerEpoch: 2,
        imagesPerSecond: 1,
        elapsedMs: 1,
      },
    });
    expect(client.epochs).toEqual([]);
    expect(client.progress).toBeNull();
    worker().emit({ type: 'status', replyTo: lastId(worker().posted, 'reset'), status: 'idle' });
    expect(client.status).toBe('idle');
    expect(client.awaiting).toBeNull();
    client.train(CONFIG, START);
    const next = lastRunCommand(worker().posted).run.id;
    expect(next).not.toBe(runId);
    worker().emit(epochMessage(next, 1));
    expect(client.epochs).toHaveLength(1);
  });

  it('keeps the figures after an error and starts afresh after Reset', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    const id = lastId(worker().posted, 'train');
    const runId = lastRunCommand(worker().posted).run.id;
    worker().emit(epochMessage(runId, 1));
    worker().emit({ type: 'status', replyTo: id, status: 'idle' });
    worker().emit({ type: 'error', replyTo: id, message: 'out of memory' });
    expect(client.error).toBe('out of memory');
    expect(client.epochs).toHaveLength(1); // the figures stay visible
    client.reset();
    client.train({ ...CONFIG, seed: 2 }, START);
    expect(client.epochs).toEqual([]);
    expect(client.error).toBeNull();
    expect(client.runConfig?.seed).toBe(2);
  });

  it('restarts the worker to change backend and asks for the preview again', () => {
    const { client, workers, worker } = setup();
    client.init('auto');
    client.preview(['pullover', 'coat']);
    client.train(CONFIG, START);
    const runId = lastRunCommand(worker().posted).run.id;
    worker().emit(epochMessage(runId, 1));
    const first = worker();
    client.setBackend('cpu');
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(worker().posted).toMatchObject([
      { type: 'init', backend: 'cpu', dataUrl: DATA_URL },
      { type: 'preview', classes: ['pullover', 'coat'], perClass: 8 },
    ]);
    expect(client.epochs).toEqual([]);
    expect(client.status).toBe('idle');
    first.emit(epochMessage(runId, 2)); // a late message of the old worker changes nothing
    expect(client.epochs).toEqual([]);
  });

  it('shows worker crashes and unreadable messages', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    let prevented = false;
    const crash = { message: 'boom', preventDefault: () => (prevented = true) };
    worker().onerror?.(crash as unknown as ErrorEvent);
    expect(prevented).toBe(true);
    expect(client.error).toMatch(/boom/);
    expect(client.awaiting).toBeNull(); // a dead worker answers nothing
    worker().onmessageerror?.(new MessageEvent('messageerror'));
    expect(client.error).toMatch(/could not be read/);
  });
});
