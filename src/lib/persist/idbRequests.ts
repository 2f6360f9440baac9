// IndexedDB's plumbing shared by the run store and the own-dataset store: callbacks as
// promises, opening a database with its object stores, and the store classes' common base.

export function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function completed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
  });
}

/** An id that sorts by creation time: `<prefix>-<ms>-<random>`. */
export function timeOrderedId(prefix: string, now: number, random: () => number): string {
  return `${prefix}-${now.toString(36).padStart(9, '0')}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

/**
 * Opens database `name` at `version` from `factory` (the browser's unless given), creating
 * each missing object store with its key path; `upgrade` then migrates older records in the
 * upgrade's transaction. Null where IndexedDB is missing or refused (some private modes, or a
 * null factory): the app then works without it.
 */
export async function openDatabase(
  factory: IDBFactory | null = globalThis.indexedDB ?? null,
  name: string,
  version: number,
  keyPaths: Record<string, string | string[]>,
  upgrade?: (oldVersion: number, transaction: IDBTransaction) => void,
): Promise<IDBDatabase | null> {
  if (!factory) return null;
  try {
    const request = factory.open(name, version);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      for (const [store, keyPath] of Object.entries(keyPaths)) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath });
      }
      if (upgrade && request.transaction) upgrade(event.oldVersion, request.transaction);
    };
    const db = await promised(request);
    // Another tab upgrading the schema must not be blocked by this connection.
    db.onversionchange = () => db.close();
    return db;
  } catch {
    return null;
  }
}

/** A store over one open database, which it keeps to itself and its subclass. */
export abstract class IdbStore {
  protected readonly db: IDBDatabase;

  protected constructor(db: IDBDatabase) {
    this.db = db;
  }

  close(): void {
    this.db.close();
  }
}
