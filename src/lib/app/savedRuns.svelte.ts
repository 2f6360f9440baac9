// The page's view of runs saved in this browser and of runs being compared (imported files or
// saved runs). The list holds run records only (no logits, no weights): it is read from storage
// when the page opens, and otherwise follows the worker's `saved` messages and deletions.
// A run's epochs are read only when one is opened, resumed or downloaded. Runs with no finished
// epoch are not listed: there is nothing in them to open, compare or download. The recording
// shipped with the app can be compared too (fetched when first compared, never at page load).

import type { ParsedRunFile } from '../core/files';
import { newestFirst, RunStore, type RunRecord } from '../persist/runStore';
import { identityOf, savedRunState, type SavedRun } from '../persist/savedRun';
import {
  comparedFromFile,
  comparedFromStored,
  MAX_COMPARED_RUNS,
  withRunNames,
  type ComparedRun,
} from '../state/runs';
import {
  fetchText,
  loadRecordedRun,
  RECORDED_RUN_ID,
  RECORDED_RUN_NAME,
  type FetchText,
} from './recordedRun';
import type { ReplayableRun } from './replay';
import { downloadRun } from './runDownload';

/** Listed in Runs: at least one finished epoch. */
export function listed(record: RunRecord): boolean {
  return record.curve.length > 0;
}

export class SavedRuns {
  /** Newest first; only runs with a finished epoch. */
  runs = $state.raw<RunRecord[]>([]);
  compared = $state.raw<ComparedRun[]>([]);
  /** False where the browser offers no IndexedDB (then nothing is kept). */
  available = $state(true);
  /** A plain-text problem with the last action (e.g. deleting failed). */
  problem = $state<string | null>(null);
  /** True while the shipped recording is fetched to be compared. */
  recordedLoading = $state(false);

  #store: Promise<RunStore | null>;
  #importCount = 0;
  #fetch: FetchText;
  #recorded: Promise<ReplayableRun> | null = null;

  constructor(
    open: () => Promise<RunStore | null> = () => RunStore.open(),
    fetch: FetchText = fetchText,
  ) {
    this.#fetch = fetch;
    this.#store = open().then((store) => {
      this.available = store !== null;
      return store;
    });
  }

  /** Reads the list of records from storage, once, when the page opens. */
  async refresh(): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    try {
      const stored = await store.listRuns();
      // Saves reported while the read was in flight are newer than what it found.
      const known = new Map(this.runs.map((run) => [run.id, run]));
      this.runs = stored.map((run) => known.get(run.id) ?? run).filter(listed);
      for (const run of known.values())
        if (!stored.some((s) => s.id === run.id)) this.noteSaved(run);
    } catch (error) {
      this.problem = `Saved runs could not be read (${String(error)}).`;
    }
  }

  /** The worker said a save landed: this is the record as stored. No storage read. */
  noteSaved(record: RunRecord): void {
    const others = this.runs.filter((run) => run.id !== record.id);
    this.runs = (listed(record) ? [record, ...others] : others).sort(newestFirst);
  }

  /** The newest unfinished run with at least one epoch, other than `currentId`: offered for Resume. */
  latestUnfinished(currentId: string | null): RunRecord | null {
    return (
      this.runs.find((run) => !run.finished && run.id !== currentId && run.curve.length > 0) ?? null
    );
  }

  /** The run and its epochs (with logits), to show, resume or download it. */
  async load(id: string): Promise<SavedRun | null> {
    const store = await this.#store;
    if (!store) return null;
    const record = await store.getRun(id);
    if (!record) return null;
    return { record, epochs: await store.getEpochs(id) };
  }

  async remove(id: string): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    try {
      await store.deleteRun(id);
    } catch (error) {
      this.problem = `The run could not be deleted (${String(error)}).`;
    }
    this.#setCompared(this.compared.filter((run) => run.id !== id));
    this.runs = this.runs.filter((run) => run.id !== id);
  }

  /** Downloads a saved run as a run file: the same builder as the live run's "Download run". */
  async download(id: string, userAgent: string): Promise<void> {
    const saved = await this.load(id);
    const state = saved && savedRunState(saved);
    if (!saved || !state) return;
    downloadRun(
      {
        identity: identityOf(saved.record),
        config: saved.record.config,
        state,
        epochs: saved.epochs.map((row) => row.metrics),
        validationLabels: saved.record.validationLabels,
        logitsHistory: saved.epochs.map((row) => row.logits),
      },
      saved.record.source ?? null,
      userAgent,
    );
  }

  compareStored(id: string): void {
    if (id === RECORDED_RUN_ID) {
      void this.compareRecorded();
      return;
    }
    const run = this.runs.find((entry) => entry.id === id);
    if (!run || this.compared.some((entry) => entry.id === id)) return;
    const imported = run.source?.kind === 'imported';
    const label = imported
      ? `Imported ${run.source?.name ?? ''}`
      : `Saved ${new Date(run.createdAt).toLocaleString()}`;
    this.#add(
      comparedFromStored(
        run.id,
        label,
        imported ? null : run.config,
        imported ? null : run.backend.name,
        run.createdAt,
        run.curve,
      ),
    );
  }

  compareFile(file: ParsedRunFile, fileName: string): void {
    this.#importCount++;
    this.#add(comparedFromFile(file, fileName, `file-${this.#importCount}`));
  }

  /** Compares the recording shipped with the app, fetching it the first time. */
  async compareRecorded(): Promise<void> {
    if (this.compared.some((entry) => entry.id === RECORDED_RUN_ID)) return;
    this.recordedLoading = true;
    try {
      this.#recorded ??= loadRecordedRun(this.#fetch);
      const run = await this.#recorded;
      if (!this.compared.some((entry) => entry.id === RECORDED_RUN_ID)) {
        this.#add(comparedFromFile(run, RECORDED_RUN_NAME, RECORDED_RUN_ID));
      }
    } catch (error) {
      this.#recorded = null; // a later click tries again
      this.problem = `The recorded run could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    } finally {
      this.recordedLoading = false;
    }
  }

  stopComparing(id: string): void {
    this.#setCompared(this.compared.filter((run) => run.id !== id));
  }

  clearCompared(): void {
    this.compared = [];
  }

  #add(run: ComparedRun): void {
    // Oldest out first: the legend stays readable.
    this.#setCompared([...this.compared, run].slice(-MAX_COMPARED_RUNS));
  }

  /** Each compared run is labelled by what tells it from the others, so labels follow the set. */
  #setCompared(runs: readonly ComparedRun[]): void {
    this.compared = withRunNames(runs);
  }
}
