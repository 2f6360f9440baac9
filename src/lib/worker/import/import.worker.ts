/// <reference lib="webworker" />
// The import worker: reads a logits file, computes every epoch's figures and stores the run
// (logitsImportJob.ts does the work; this is glue). It holds no tfjs, so it starts fast and an
// import never waits behind a training run.

import { RunStore, type EpochRecord, type RunRecord } from '../../persist/runStore';
import { fileContentHash, importedFrom } from './importDedupe';
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

/** The run this browser already stored from a file with these bytes, with its epochs; else null. */
async function storedImport(
  contentHash: string,
): Promise<{ record: RunRecord; epochs: EpochRecord[] } | null> {
  try {
    const runs = await RunStore.open();
    if (!runs) return null;
    try {
      const record = importedFrom(await runs.listRuns(), contentHash);
      return record && { record, epochs: await runs.getEpochs(record.id) };
    } finally {
      runs.close();
    }
  } catch {
    return null; // storage unreadable: import it afresh (storing it will say what is wrong)
  }
}

function postImported(
  id: number,
  run: { record: RunRecord; epochs: EpochRecord[] },
  storageProblem: string | null,
  existing: boolean,
): void {
  // Each epoch's logits may share one buffer: transfer each buffer once.
  const buffers = new Set(run.epochs.map((row) => row.logits.buffer as ArrayBuffer));
  const stored = storageProblem === null;
  post({ type: 'imported', replyTo: id, ...run, stored, storageProblem, existing }, [...buffers]);
}

async function handle(command: ToImportWorker): Promise<void> {
  const { id, file } = command;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const contentHash = await fileContentHash(bytes);
    const existing = await storedImport(contentHash);
    if (existing) {
      postImported(id, existing, null, true);
      return;
    }
    const progress = throttled(id);
    const result = await importLogitsRun(file.name, bytes, progress, new Date(), contentHash);
    if (!result.ok) {
      post({ type: 'error', replyTo: id, message: result.error });
      return;
    }
    progress('saving', 1);
    const storageProblem = await store(result.run.record, result.run.epochs);
    postImported(id, result.run, storageProblem, false);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({ type: 'error', replyTo: id, message: `${file.name} could not be read: ${reason}` });
  }
}

self.onmessage = (event: MessageEvent<ToImportWorker>) => void handle(event.data);
