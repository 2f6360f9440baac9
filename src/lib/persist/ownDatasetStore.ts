// The user's own datasets in IndexedDB, in a database of their own so the run store's schema
// (runStore.ts) never changes for them. Two stores:
//   datasets — one small summary per dataset (name, class names, counts, hash): what lists need
//   images   — per dataset, its 28 × 28 pixels per class, read only to preview or train
// The page writes and deletes; the training worker reads a run's images by id.

import { contentHash, imageCounts } from '../core/data';
import type { OwnDatasetSummary } from '../core/data';
import { completed, IdbStore, openDatabase, promised, timeOrderedId } from './idbRequests';

export const OWN_DATASETS_DATABASE = 'overconfidence-playground-datasets';
const VERSION = 1;

interface ImagesRecord {
  id: string;
  /** One array per class, label order (datasets stored when runs were pairs have two). */
  pixels: Uint8Array[];
}

/** What the page hands over to store: decoded pixels and the names the user gave. */
export interface DatasetDraft {
  name: string;
  classNames: string[];
  pixels: Uint8Array[];
}

export class OwnDatasetStore extends IdbStore {
  /** Null where IndexedDB is missing or refused: own images then last for the page's life only. */
  static async open(factory?: IDBFactory | null): Promise<OwnDatasetStore | null> {
    const keyPaths = { datasets: 'id', images: 'id' };
    const db = await openDatabase(factory, OWN_DATASETS_DATABASE, VERSION, keyPaths);
    return db && new OwnDatasetStore(db);
  }

  /** Hashes and stores a dataset (summary and pixels in one transaction); returns its summary. */
  async add(draft: DatasetDraft, now = new Date()): Promise<OwnDatasetSummary> {
    const summary: OwnDatasetSummary = {
      id: timeOrderedId('dataset', now.getTime(), Math.random), // sorts by creation time
      name: draft.name,
      classNames: [...draft.classNames],
      counts: imageCounts(draft.pixels),
      hash: await contentHash(draft.pixels),
      createdAt: now.toISOString(),
    };
    const transaction = this.db.transaction(['datasets', 'images'], 'readwrite');
    transaction.objectStore('datasets').put(summary);
    const images: ImagesRecord = { id: summary.id, pixels: draft.pixels };
    transaction.objectStore('images').put(images);
    await completed(transaction);
    return summary;
  }

  /** Every stored dataset's summary, newest first. */
  async list(): Promise<OwnDatasetSummary[]> {
    const transaction = this.db.transaction('datasets', 'readonly');
    const all = (await promised(
      transaction.objectStore('datasets').getAll(),
    )) as OwnDatasetSummary[];
    return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async summary(id: string): Promise<OwnDatasetSummary | null> {
    const transaction = this.db.transaction('datasets', 'readonly');
    return (
      ((await promised(transaction.objectStore('datasets').get(id))) as OwnDatasetSummary) ?? null
    );
  }

  /** The dataset's pixels per class (28 × 28 uint8 each, concatenated), or null when gone. */
  async pixels(id: string): Promise<Uint8Array[] | null> {
    const transaction = this.db.transaction('images', 'readonly');
    const record = (await promised(transaction.objectStore('images').get(id))) as
      ImagesRecord | undefined;
    return record ? record.pixels : null;
  }

  async delete(id: string): Promise<void> {
    const transaction = this.db.transaction(['datasets', 'images'], 'readwrite');
    transaction.objectStore('datasets').delete(id);
    transaction.objectStore('images').delete(id);
    await completed(transaction);
  }
}
