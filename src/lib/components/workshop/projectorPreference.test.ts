import { describe, expect, it } from 'vitest';
import {
  PROJECTOR_STORAGE_KEY,
  projectorAtStart,
  readProjectorPreference,
  saveProjectorPreference,
} from './projectorPreference';
import { memoryStorage, throwingStorage } from './preferenceStorage.fixture';

describe('projector preference', () => {
  it('round-trips through storage; off removes the entry', () => {
    const storage = memoryStorage();
    expect(readProjectorPreference(storage)).toBe(false);
    saveProjectorPreference(true, storage);
    expect(storage.items.get(PROJECTOR_STORAGE_KEY)).toBe('on');
    expect(readProjectorPreference(storage)).toBe(true);
    saveProjectorPreference(false, storage);
    expect(storage.items.has(PROJECTOR_STORAGE_KEY)).toBe(false);
    expect(readProjectorPreference(storage)).toBe(false);
  });

  it('reads anything but "on" as off', () => {
    expect(readProjectorPreference(memoryStorage({ [PROJECTOR_STORAGE_KEY]: '1' }))).toBe(false);
    expect(readProjectorPreference(memoryStorage({ [PROJECTOR_STORAGE_KEY]: 'true' }))).toBe(false);
  });

  it.each([
    // link projector=1, stored, → on at start
    [true, null, true],
    [true, 'on', true],
    [false, 'on', true],
    [false, null, false],
  ])('link %s with stored %j starts %s', (fromLink, stored, expected) => {
    const storage = memoryStorage(stored === null ? {} : { [PROJECTOR_STORAGE_KEY]: stored });
    expect(projectorAtStart(fromLink, storage)).toBe(expected);
  });

  it('falls back to the link alone where storage throws or is missing', () => {
    expect(projectorAtStart(false, throwingStorage())).toBe(false);
    expect(projectorAtStart(true, throwingStorage())).toBe(true);
    expect(projectorAtStart(false, null)).toBe(false);
    const refusing = throwingStorage();
    expect(saveProjectorPreference(true, refusing)).toBeUndefined();
  });
});
