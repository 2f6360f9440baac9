// Projector mode as a stored preference: a presenter who turned it on keeps it across reloads
// and new links. The link's projector=1 still wins (a shared workshop link opens in projector
// mode anywhere); the link never turns a stored preference off, since formatHash leaves the
// default (off) out and so an absent key cannot be told from "off".

import {
  browserStorage,
  readPreference,
  savePreference,
  type PreferenceStorage,
} from './storedPreference';

export const PROJECTOR_STORAGE_KEY = 'overconfidence-playground.projector';

export function readProjectorPreference(
  storage: PreferenceStorage | null = browserStorage(),
): boolean {
  return readPreference(PROJECTOR_STORAGE_KEY, storage) === 'on';
}

/** Called when the person toggles projector mode; off leaves no entry. */
export function saveProjectorPreference(
  on: boolean,
  storage: PreferenceStorage | null = browserStorage(),
): void {
  savePreference(PROJECTOR_STORAGE_KEY, on ? 'on' : null, storage);
}

/** Projector mode when the page opens: the link's projector=1, else the stored preference. */
export function projectorAtStart(
  fromLink: boolean,
  storage: PreferenceStorage | null = browserStorage(),
): boolean {
  return fromLink || readProjectorPreference(storage);
}
