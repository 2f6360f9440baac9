// Streaming charts append each new epoch in place; a reset or a new run replaces the history
// array, and then the chart must start over. This tells the two apart by identity.

export interface HistoryChange<T> {
  /** True when `items` does not extend what was seen: clear the chart first. */
  restart: boolean;
  /** What to append (everything after a restart). */
  added: readonly T[];
}

/** Returns a function that, given the full history each time, says what changed since the last call. */
export function createHistoryTracker<T>(): (items: readonly T[]) => HistoryChange<T> {
  let seen: readonly T[] = [];
  return (items) => {
    const restart = seen.length > items.length || seen.some((item, i) => item !== items[i]);
    const added = items.slice(restart ? 0 : seen.length);
    seen = items.slice();
    return { restart, added };
  };
}
