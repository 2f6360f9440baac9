// The chosen colour theme: 'system' follows prefers-color-scheme; 'light'/'dark' pin it via
// <html data-theme>, which app.css reads. Kept in localStorage, per browser, not in the link:
// a shared link should look right on the receiver's screen.

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export const THEME_STORAGE_KEY = 'overconfidence-playground.theme';

export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

type ThemeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where it is unavailable (some private modes throw on access). */
function browserStorage(): ThemeStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readThemeChoice(storage: ThemeStorage | null = browserStorage()): ThemeChoice {
  try {
    return parseThemeChoice(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

export function saveThemeChoice(
  choice: ThemeChoice,
  storage: ThemeStorage | null = browserStorage(),
): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Full or forbidden storage: the choice still holds for this page view.
  }
}

/** Sets or clears data-theme on `root` (the <html> element). */
export function applyThemeChoice(
  choice: ThemeChoice,
  root: Pick<Element, 'setAttribute' | 'removeAttribute'> = document.documentElement,
): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}
