// The page's side of importing a practitioner's logits file: it hands the File to the import
// worker (the bytes are read, parsed and measured there), shows the worker's progress and its
// message when a file is refused, and gives back the stored run to open. One import at a time.

import type { SavedRun } from '../persist/savedRun';
import type { FromImportWorker, ToImportWorker } from '../worker/import/importProtocol';
import type { ImportStage } from '../worker/import/logitsImportJob';
import { LazyWorker } from './lazyWorker';

function createImportWorker(): Worker {
  return new Worker(new URL('../worker/import/import.worker.ts', import.meta.url), {
    type: 'module',
  });
}

export interface ImportedResult {
  run: SavedRun;
  /** False when the browser could not store it (shown now, gone after a reload). */
  stored: boolean;
  storageProblem: string | null;
  /** True when the same file was imported before: `run` is that stored run, not a new entry. */
  existing: boolean;
}

export class LogitsImporter {
  /** The import in flight: its file name, stage and fraction done; null when idle. */
  progress = $state.raw<{ name: string; stage: ImportStage; fraction: number } | null>(null);
  /** Why the last file was refused, in plain words; null after a success. */
  error = $state<string | null>(null);

  #worker: LazyWorker<ToImportWorker, FromImportWorker>;
  #nextId = 1;
  #pending: {
    id: number;
    resolve: (result: ImportedResult | null) => void;
  } | null = null;

  constructor(createWorker: () => Worker = createImportWorker) {
    this.#worker = new LazyWorker(createWorker, {
      receive: (message) => this.#receive(message),
      failed: (detail) =>
        this.#finish(null, `The import stopped unexpectedly (${detail || 'worker error'}).`),
    });
  }

  get busy(): boolean {
    return this.progress !== null;
  }

  /** Imports `file`; resolves with the stored run, or null when it was refused (see `error`). */
  import(file: File): Promise<ImportedResult | null> {
    if (this.#pending) return Promise.resolve(null);
    this.error = null;
    this.progress = { name: file.name, stage: 'reading', fraction: 0 };
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending = { id, resolve };
      this.#worker.post({ type: 'import', id, file });
    });
  }

  dismissError(): void {
    this.error = null;
  }

  dispose(): void {
    this.#worker.terminate();
  }

  #receive(message: FromImportWorker): void {
    const pending = this.#pending;
    if (!pending || message.replyTo !== pending.id) return;
    switch (message.type) {
      case 'progress':
        if (this.progress)
          this.progress = { ...this.progress, stage: message.stage, fraction: message.fraction };
        return;
      case 'imported':
        this.#finish({
          run: { record: message.record, epochs: message.epochs },
          stored: message.stored,
          storageProblem: message.storageProblem,
          existing: message.existing,
        });
        return;
      case 'error':
        this.#finish(null, message.message);
        return;
    }
  }

  #finish(result: ImportedResult | null, error: string | null = null): void {
    const pending = this.#pending;
    this.#pending = null;
    this.progress = null;
    this.error = error;
    pending?.resolve(result);
  }
}
