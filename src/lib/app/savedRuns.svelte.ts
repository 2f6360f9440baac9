// The page's view of runs saved in this browser and of runs being compared (imported files or
// saved runs). Reads and deletes through RunStore; the training worker does the writing.

import type { ParsedRunFile } from '../core/runFileParse';
import { buildRunFile, runFileName } from '../core/runFile';
import { downloadJson } from '../download';
import { RunStore, type RunSummary } from '../persist/runStore';
import {
  comparedFromFile,
  comparedFromStored,
  MAX_COMPARED_RUNS,
  type ComparedRun,
} from '../state/compare';
import type { SavedRun } from '../worker/client.svelte';

export class SavedRuns {
  /** Newest first. */
  runs = $state.raw<RunSummary[]>([]);
  compared = $state.raw<ComparedRun[]>([]);
  /** False where the browser offers no IndexedDB (then nothing is kept). */
  available = $state(true);
  /** A plain-text problem with the last action (e.g. deleting failed). */
  problem = $state<string | null>(null);

  #store: Promise<RunStore | null>;
  #importCount = 0;
  #refreshes = 0;

  constructor(open: () => Promise<RunStore | null> = () => RunStore.open()) {
    this.#store = open().then((store) => {
      this.available = store !== null;
      return store;
    });
  }

  async refresh(): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    // Refreshes overlap (one per epoch and status change) and may settle out of order: only
    // the latest one may set the list, or a slow earlier read would show a stale run.
    const ticket = ++this.#refreshes;
    try {
      const runs = await store.listRuns();
      if (ticket === this.#refreshes) this.runs = runs;
    } catch (error) {
      this.problem = `Saved runs could not be read (${String(error)}).`;
    }
  }

  /** The newest unfinished run with at least one epoch, other than `currentId`: offered for Resume. */
  latestUnfinished(currentId: string | null): RunSummary | null {
    return (
      this.runs.find(
        (summary) =>
          !summary.run.finished && summary.run.id !== currentId && summary.epochs.length > 0,
      ) ?? null
    );
  }

  /** Everything the client needs to resume `id`. */
  async loadForResume(id: string): Promise<SavedRun | null> {
    const store = await this.#store;
    if (!store) return null;
    const run = await store.getRun(id);
    if (!run) return null;
    const epochs = await store.getEpochs(id);
    const identity = {
      id: run.id,
      createdAt: run.createdAt,
      link: run.link,
      backendPreference: run.backendPreference,
    };
    return { identity, config: run.config, epochs, validationLabels: run.validationLabels };
  }

  async remove(id: string): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    await store.deleteRun(id);
    this.compared = this.compared.filter((run) => run.id !== id);
    await this.refresh();
  }

  /** Downloads a saved run as a run file, like the live run's "Download run". */
  async download(id: string, userAgent: string): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    const run = await store.getRun(id);
    const epochs = await store.getEpochs(id);
    const last = epochs.at(-1);
    if (!run || !last) return;
    const best = run.earlyStop ? epochs[run.earlyStop.bestEpoch - 1] : undefined;
    const file = buildRunFile({
      config: run.config,
      backendPreference: run.backendPreference,
      link: run.link,
      backend: run.backend,
      userAgent,
      epochs: epochs.map((row) => row.metrics),
      validationLabels: run.validationLabels,
      validationLogits: (best ?? last).logits,
      createdAt: new Date(run.createdAt),
      earlyStop: run.earlyStop,
    });
    downloadJson(runFileName(new Date(run.createdAt)), file);
  }

  compareStored(id: string): void {
    const summary = this.runs.find((entry) => entry.run.id === id);
    if (!summary || this.compared.some((run) => run.id === id)) return;
    const { run, epochs } = summary;
    const label = `Saved ${new Date(run.createdAt).toLocaleString()}`;
    this.#add(
      comparedFromStored(run.id, label, run.config, run.backend.name, run.createdAt, epochs),
    );
  }

  compareFile(file: ParsedRunFile, fileName: string): void {
    this.#importCount++;
    this.#add(comparedFromFile(file, fileName, `file-${this.#importCount}`));
  }

  stopComparing(id: string): void {
    this.compared = this.compared.filter((run) => run.id !== id);
  }

  clearCompared(): void {
    this.compared = [];
  }

  #add(run: ComparedRun): void {
    // Oldest out first: the legend stays readable.
    this.compared = [...this.compared, run].slice(-MAX_COMPARED_RUNS);
  }
}
