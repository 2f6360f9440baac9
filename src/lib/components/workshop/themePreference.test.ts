import { describe, expect, it } from 'vitest';
import {
  applyThemeChoice,
  parseThemeChoice,
  readThemeChoice,
  saveThemeChoice,
  THEME_STORAGE_KEY,
} from './themePreference';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function throwingStorage() {
  const fail = (): never => {
    throw new Error('SecurityError');
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

describe('theme choice', () => {
  it('parses only the known values, defaulting to the system theme', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
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
    expect(() => saveThemeChoice('light', throwingStorage())).not.toThrow();
    expect(readThemeChoice(null)).toBe('system');
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
