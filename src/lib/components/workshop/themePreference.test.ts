import { describe, expect, it } from 'vitest';
import {
  applyThemeChoice,
  parseThemeChoice,
  readThemeChoice,
  saveThemeChoice,
  THEME_STORAGE_KEY,
} from './themePreference';
import { memoryStorage, throwingStorage } from './preferenceStorage.fixture';

describe('theme choice', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    ['purple', 'system'],
    [null, 'system'],
  ])('parses only the known values, defaulting to the system theme: %j → %s', (text, choice) => {
    expect(parseThemeChoice(text)).toBe(choice);
  });

  it('round-trips through storage; System removes the entry', () => {
    const storage = memoryStorage();
    saveThemeChoice('dark', storage);
    expect(storage.items.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(readThemeChoice(storage)).toBe('dark');
    saveThemeChoice('system', storage);
    expect(storage.items.has(THEME_STORAGE_KEY)).toBe(false);
    expect(readThemeChoice(storage)).toBe('system');
  });

  it('survives storage that throws or is missing', () => {
    expect(readThemeChoice(throwingStorage())).toBe('system');
    expect(readThemeChoice(null)).toBe('system');
    // saveThemeChoice catches everything, so "does not throw" would prove nothing. Full
    // storage: the write is tried, refused, and the stored choice stays what it was.
    const full = memoryStorage({ [THEME_STORAGE_KEY]: 'dark' });
    const tried: string[] = [];
    const refuse = (what: string): never => {
      tried.push(what);
      throw new Error('QuotaExceededError');
    };
    const quota = {
      getItem: full.getItem,
      setItem: (key: string, value: string) => refuse(`set ${key}=${value}`),
      removeItem: (key: string) => refuse(`remove ${key}`),
    };
    expect(saveThemeChoice('light', quota)).toBeUndefined();
    expect(saveThemeChoice('system', quota)).toBeUndefined();
    expect(tried).toEqual([
      'set overconfidence-playground.theme=light',
      'remove overconfidence-playground.theme',
    ]);
    expect(readThemeChoice(quota)).toBe('dark');
    expect(saveThemeChoice('light', null)).toBeUndefined();
  });

  it('sets data-theme for light and dark and clears it for System', () => {
    const attributes = new Map<string, string>();
    const root = {
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
    };
    applyThemeChoice('dark', root);
    expect(attributes.get('data-theme')).toBe('dark');
    applyThemeChoice('system', root);
    expect(attributes.has('data-theme')).toBe(false);
  });
});
