// A display preference kept in localStorage, per browser, not in the link (the theme, projector
// mode). Never throws: where storage is missing, full or forbidden the page simply forgets.

export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where it is unavailable (some private modes throw on access). */
export function browserStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readPreference(key: string, storage: PreferenceStorage | null): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value`, or forgets the key for null (the default needs no entry). */
export function savePreference(
  key: string,
  value: string | null,
  storage: PreferenceStorage | null,
): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Full or forbidden storage: the choice still holds for this page view.
  }
}
