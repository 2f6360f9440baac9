// IndexedDB's callbacks as promises, shared by the run store and the own-dataset store.

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
