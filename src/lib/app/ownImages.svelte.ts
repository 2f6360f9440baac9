// The page's side of "train on your own images": the 2 to 10 classes being added (decoded off
// the main thread by ImageDecoder; draftClasses.ts has their rules), the datasets stored in this browser, and which one the next run
// trains on (none: the bundled Fashion-MNIST pair). The choice is page state, not a setting:
// a link cannot carry private images, so it never names a dataset.

import { IMAGE_PIXELS } from '../core/data';
import { folderName } from '../core/data';
import { datasetRef, type OwnDatasetSummary } from '../core/data';
import { MAX_CLASSES, MIN_CLASSES, type TrainConfig } from '../core/types';
import { OwnDatasetStore } from '../persist/ownDatasetStore';
import { SETTINGS } from '../settings';
import {
  draftsProblem,
  emptyClass,
  emptySide,
  initialDrafts,
  resized,
  type DraftClass,
} from './draftClasses';
import type { DropPlan, Side } from './dropPlan';
import type { ImageDecoder } from './imageDecoder';

export type { DraftClass };

/** Images per class the previews show. */
export const PREVIEW_PER_CLASS = 8;

export class OwnImages {
  /** Stored datasets, newest first. */
  datasets = $state.raw<OwnDatasetSummary[]>([]);
  /** The dataset the next run trains on; null: the Fashion-MNIST pair. */
  selectedId = $state<string | null>(null);
  /** The first images of each class of the selected dataset (what the network will see). */
  selectedPreview = $state.raw<Uint8Array[] | null>(null);
  /** False where IndexedDB is unavailable: own datasets cannot be stored or trained on. */
  available = $state(true);
  drafts = $state.raw<DraftClass[]>(initialDrafts());
  /** The new dataset's name; empty: "<class A> vs <class B>" (joined by "vs" for more). */
  draftName = $state('');
  saving = $state(false);
  /** A storage failure to show (saving, deleting). */
  error = $state<string | null>(null);
  /** What the last drop used and what it ignored (dropPlan.ts); null before any drop. */
  dropNote = $state<string | null>(null);

  readonly #decoder: ImageDecoder;
  readonly #store: Promise<OwnDatasetStore | null>;
  /** Per class: bumped by each new choice of files, so a slower older decode is dropped. */
  #generation: number[] = Array.from({ length: MAX_CLASSES }, () => 0);

  constructor(decoder: ImageDecoder, store = OwnDatasetStore.open()) {
    this.#decoder = decoder;
    this.#store = store;
  }

  get selected(): OwnDatasetSummary | null {
    return this.datasets.find((dataset) => dataset.id === this.selectedId) ?? null;
  }

  /** The name a saved dataset gets. */
  get datasetName(): string {
    const typed = this.draftName.trim();
    return typed !== '' ? typed : this.drafts.map((draft) => draft.name.trim()).join(' vs ');
  }

  /** Why the classes being added cannot be saved yet; null when they can. */
  get saveProblem(): string | null {
    if (!this.available) {
      return 'This browser does not let the page store datasets (IndexedDB unavailable), so your images cannot be used here.';
    }
    return draftsProblem(this.drafts);
  }

  /** Adds an empty class (at most MAX_CLASSES). */
  addClass(): void {
    if (this.drafts.length < MAX_CLASSES)
      this.drafts = resized(this.drafts, this.drafts.length + 1);
  }

  /** Removes class `side` (at least MIN_CLASSES stay); the classes after it move up one label. */
  removeClass(side: Side): void {
    // Not while decoding: a decode in flight writes to its class by position.
    if (this.drafts.length <= MIN_CLASSES || this.drafts.some((draft) => draft.progress)) return;
    this.drafts = this.drafts.filter((_, index) => index !== side);
  }

  async refresh(): Promise<void> {
    const store = await this.#store;
    this.available = store !== null;
    if (store) this.datasets = await store.list();
  }

  /** Decodes one class's files (replacing what it had); a folder's name names the class. */
  async addFiles(side: Side, files: File[], folder: string | null = null): Promise<void> {
    if (side >= this.drafts.length) this.drafts = resized(this.drafts, side + 1);
    const generation = ++this.#generation[side];
    const name = folder ?? folderName(files) ?? this.drafts[side].name;
    this.#setDraft(side, {
      ...emptyClass(name),
      progress: { done: 0, total: files.length },
    });
    const result = await this.#decoder.decode(files, name, (done, total) => {
      if (generation === this.#generation[side]) {
        this.#setDraft(side, { ...this.drafts[side], progress: { done, total } });
      }
    });
    if (generation !== this.#generation[side]) return; // newer files replaced these
    const current = this.drafts[side];
    this.#setDraft(
      side,
      result.ok
        ? {
            ...current,
            pixels: result.pixels,
            count: result.count,
            skipped: result.skipped,
            progress: null,
          }
        : { ...current, problem: result.reason, progress: null, pixels: new Uint8Array(0) },
    );
  }

  /** The first class with no images yet (a new class when all have some): a lone folder's place. */
  get emptySide(): Side {
    return emptySide(this.drafts);
  }

  /** Adds what a drop's plan chose, and keeps its message for the panel; settles when decoded. */
  async addDropped(plan: DropPlan): Promise<void> {
    this.dropNote = plan.message;
    if (plan.classCount !== null) {
      this.drafts = resized([], plan.classCount);
      this.#generation = this.#generation.map((generation) => generation + 1);
    }
    await Promise.all(
      plan.classes.map(({ side, files, folder }) => this.addFiles(side, files, folder)),
    );
  }

  renameClass(side: Side, name: string): void {
    this.#setDraft(side, { ...this.drafts[side], name });
  }

  /** Stores the classes being added as a dataset and selects it. */
  async save(): Promise<void> {
    const store = await this.#store;
    const drafts = this.drafts;
    const pixels = drafts.map((draft) => draft.pixels);
    if (!store || this.saveProblem !== null || pixels.some((classPixels) => !classPixels)) return;
    this.saving = true;
    this.error = null;
    try {
      const summary = await store.add({
        name: this.datasetName,
        classNames: drafts.map((draft) => draft.name.trim()),
        pixels: pixels as Uint8Array[],
      });
      this.datasets = [summary, ...this.datasets];
      this.drafts = initialDrafts();
      this.draftName = '';
      this.dropNote = null;
      await this.select(summary.id);
    } catch (error) {
      this.error = `The dataset could not be stored: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.saving = false;
    }
  }

  /** Trains the next run on dataset `id` (null: the Fashion-MNIST pair); loads its preview. */
  /** A run resumed or opened on a stored dataset shows that dataset as the one trained on. */
  showRunDataset(id: string | undefined): void {
    if (id && id !== this.selectedId && this.datasets.some((dataset) => dataset.id === id)) {
      void this.select(id);
    }
  }

  async select(id: string | null): Promise<void> {
    this.selectedId = id;
    this.selectedPreview = null;
    const store = await this.#store;
    if (id === null || !store) return;
    const pixels = await store.pixels(id);
    if (this.selectedId !== id || !pixels) return;
    this.selectedPreview = pixels.map((classPixels) =>
      classPixels.slice(0, PREVIEW_PER_CLASS * IMAGE_PIXELS),
    );
  }

  async remove(id: string): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    try {
      await store.delete(id);
      this.datasets = this.datasets.filter((dataset) => dataset.id !== id);
      if (this.selectedId === id) await this.select(null);
    } catch (error) {
      this.error = `The dataset could not be deleted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The run config for the selected dataset: `config` with its dataset ref (split by `split`). */
  configFor(config: TrainConfig): TrainConfig {
    const selected = this.selected;
    if (!selected) return config;
    const percent = config.validationPercent ?? SETTINGS.split.default;
    return { ...config, validationPercent: percent, dataset: datasetRef(selected, percent) };
  }

  #setDraft(side: Side, draft: DraftClass): void {
    this.drafts = this.drafts.map((current, index) => (index === side ? draft : current));
  }
}
