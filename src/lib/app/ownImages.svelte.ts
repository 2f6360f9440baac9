// The page's side of "train on your own images": the two classes being added (decoded off the
// main thread by ImageDecoder), the datasets stored in this browser, and which one the next run
// trains on (none: the bundled Fashion-MNIST pair). The choice is page state, not a setting:
// a link cannot carry private images, so it never names a dataset.

import { IMAGE_PIXELS } from '../core/data';
import { folderName, type SkippedFile } from '../core/data';
import { tooFewImages } from '../core/data';
import { datasetRef, type OwnDatasetSummary } from '../core/data';
import type { TrainConfig } from '../core/types';
import { OwnDatasetStore } from '../persist/ownDatasetStore';
import { SETTINGS } from '../settings';
import type { DropPlan, Side } from './dropPlan';
import type { ImageDecoder } from './imageDecoder';

/** Images per class the previews show. */
export const PREVIEW_PER_CLASS = 8;

/** One class being added: its name and what its files decoded to. */
export interface DraftClass {
  name: string;
  /** 28 × 28 uint8 per decoded image; null before any files were chosen. */
  pixels: Uint8Array | null;
  count: number;
  skipped: SkippedFile[];
  /** Why the files were refused (too many) or could not be decoded. */
  problem: string | null;
  /** Set while decoding: files done of all. */
  progress: { done: number; total: number } | null;
}

function emptyClass(name: string): DraftClass {
  return { name, pixels: null, count: 0, skipped: [], problem: null, progress: null };
}

const DEFAULT_NAMES = ['Class A', 'Class B'] as const;

export class OwnImages {
  /** Stored datasets, newest first. */
  datasets = $state.raw<OwnDatasetSummary[]>([]);
  /** The dataset the next run trains on; null: the Fashion-MNIST pair. */
  selectedId = $state<string | null>(null);
  /** The first images of each class of the selected dataset (what the network will see). */
  selectedPreview = $state.raw<[Uint8Array, Uint8Array] | null>(null);
  /** False where IndexedDB is unavailable: own datasets cannot be stored or trained on. */
  available = $state(true);
  drafts = $state.raw<[DraftClass, DraftClass]>([
    emptyClass(DEFAULT_NAMES[0]),
    emptyClass(DEFAULT_NAMES[1]),
  ]);
  /** The new dataset's name; empty: "<class A> vs <class B>". */
  draftName = $state('');
  saving = $state(false);
  /** A storage failure to show (saving, deleting). */
  error = $state<string | null>(null);
  /** What the last drop used and what it ignored (dropPlan.ts); null before any drop. */
  dropNote = $state<string | null>(null);

  readonly #decoder: ImageDecoder;
  readonly #store: Promise<OwnDatasetStore | null>;
  #generation = [0, 0];

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
    return typed !== '' ? typed : `${this.drafts[0].name.trim()} vs ${this.drafts[1].name.trim()}`;
  }

  /** Why the classes being added cannot be saved yet; null when they can. */
  get saveProblem(): string | null {
    if (!this.available) {
      return 'This browser does not let the page store datasets (IndexedDB unavailable), so your images cannot be used here.';
    }
    const [first, second] = this.drafts;
    if (first.progress || second.progress) return 'Decoding…';
    if (first.pixels === null || second.pixels === null) return 'Add images for both classes.';
    for (const draft of this.drafts) {
      if (draft.name.trim() === '') return 'Name both classes.';
      const problem = draft.problem ?? tooFewImages(draft.name, draft.count);
      if (problem) return problem;
    }
    if (first.name.trim() === second.name.trim()) return 'The two classes need different names.';
    return null;
  }

  async refresh(): Promise<void> {
    const store = await this.#store;
    this.available = store !== null;
    if (store) this.datasets = await store.list();
  }

  /** Decodes one class's files (replacing what it had); a folder's name names the class. */
  async addFiles(side: 0 | 1, files: File[], folder: string | null = null): Promise<void> {
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

  /** The first class with no images yet (class 0 when both have some): a lone folder's place. */
  get emptySide(): Side {
    return this.drafts[0].pixels === null || this.drafts[1].pixels !== null ? 0 : 1;
  }

  /** Adds what a drop's plan chose, and keeps its message for the panel. */
  addDropped(plan: DropPlan): void {
    this.dropNote = plan.message;
    for (const { side, files, folder } of plan.classes) void this.addFiles(side, files, folder);
  }

  renameClass(side: 0 | 1, name: string): void {
    this.#setDraft(side, { ...this.drafts[side], name });
  }

  /** Stores the classes being added as a dataset and selects it. */
  async save(): Promise<void> {
    const store = await this.#store;
    const [first, second] = this.drafts;
    if (!store || this.saveProblem !== null || !first.pixels || !second.pixels) return;
    this.saving = true;
    this.error = null;
    try {
      const summary = await store.add({
        name: this.datasetName,
        classNames: [first.name.trim(), second.name.trim()],
        pixels: [first.pixels, second.pixels],
      });
      this.datasets = [summary, ...this.datasets];
      this.drafts = [emptyClass(DEFAULT_NAMES[0]), emptyClass(DEFAULT_NAMES[1])];
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
  async select(id: string | null): Promise<void> {
    this.selectedId = id;
    this.selectedPreview = null;
    const store = await this.#store;
    if (id === null || !store) return;
    const pixels = await store.pixels(id);
    if (this.selectedId !== id || !pixels) return;
    const first = pixels.map((classPixels) =>
      classPixels.slice(0, PREVIEW_PER_CLASS * IMAGE_PIXELS),
    );
    this.selectedPreview = [first[0], first[1]];
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

  #setDraft(side: 0 | 1, draft: DraftClass): void {
    const next: [DraftClass, DraftClass] = [this.drafts[0], this.drafts[1]];
    next[side] = draft;
    this.drafts = next;
  }
}
