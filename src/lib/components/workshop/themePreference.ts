// The chosen colour theme: 'system' follows prefers-color-scheme; 'light'/'dark' pin it via
// <html data-theme>, which app.css reads. Kept in localStorage, per browser, not in the link:
// a shared link should look right on the receiver's screen.

import {
  browserStorage,
  readPreference,
  savePreference,
  type PreferenceStorage,
} from './storedPreference';

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

export function readThemeChoice(storage: PreferenceStorage | null = browserStorage()): ThemeChoice {
  return parseThemeChoice(readPreference(THEME_STORAGE_KEY, storage));
}

export function saveThemeChoice(
  choice: ThemeChoice,
  storage: PreferenceStorage | null = browserStorage(),
): void {
  savePreference(THEME_STORAGE_KEY, choice === 'system' ? null : choice, storage);
}

/** Sets or clears data-theme on `root` (the <html> element). */
export function applyThemeChoice(
  choice: ThemeChoice,
  root: Pick<Element, 'setAttribute' | 'removeAttribute'> = document.documentElement,
): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}
