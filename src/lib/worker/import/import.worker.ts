/// <reference lib="webworker" />
// The import worker: reads a logits file, computes every epoch's figures and stores the run
// (logitsImportJob.ts does the work; this is glue). It holds no tfjs, so it starts fast and an
// import never waits behind a training run.

import { RunStore } from '../../persist/runStore';
import type { FromImportWorker, ToImportWorker } from './importProtocol';
import { importLogitsRun } from './logitsImportJob';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromImportWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Progress goes out at most every 50 ms (and always at 100 %), not once per value. */
function throttled(id: number) {
  let last = 0;
  return (stage: 'reading' | 'measuring' | 'saving', fraction: number) => {
    const now = performance.now();
    if (fraction < 1 && now - last < 50) return;
    last = now;
    post({ type: 'progress', replyTo: id, stage, fraction });
  };
}

async function store(
  record: Parameters<RunStore['putWholeRun']>[0],
  epochs: Parameters<RunStore['putWholeRun']>[1],
) {
  try {
    const runs = await RunStore.open();
    if (!runs) return 'this browser offers no storage here (IndexedDB unavailable)';
    try {
      await runs.putWholeRun(record, epochs);
    } finally {
      runs.close();
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function handle(command: ToImportWorker): Promise<void> {
  const { id, file } = command;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const progress = throttled(id);
    const result = await importLogitsRun(file.name, bytes, progress);
    if (!result.ok) {
      post({ type: 'error', replyTo: id, message: result.error });
      return;
    }
    progress('saving', 1);
    const { record, epochs } = result.run;
    const storageProblem = await store(record, epochs);
    // Each epoch's logits may share one buffer: transfer each buffer once.
    const buffers = new Set(epochs.map((row) => row.logits.buffer as ArrayBuffer));
    post(
      {
        type: 'imported',
        replyTo: id,
        record,
        epochs,
        stored: storageProblem === null,
        storageProblem,
      },
      [...buffers],
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({ type: 'error', replyTo: id, message: `${file.name} could not be read: ${reason}` });
  }
}

self.onmessage = (event: MessageEvent<ToImportWorker>) => void handle(event.data);
