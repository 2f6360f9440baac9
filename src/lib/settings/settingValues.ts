// Settings as values: the defaults, one setting read from text or written back, and a class's
// display name. Generated from the settings table, typed per key, so callers need no casts.

import { CLASS_NAMES, CLASS_SLUGS, type ClassSlug } from '../core/types';
import { SETTING_KEYS } from './settingKeys';
import { SETTINGS, type SettingKey, type Settings, type SettingSpec } from './settings';

/** Copies a table default, so no caller can mutate the table through it. */
export function copied<V>(value: V): V {
  return (Array.isArray(value) ? [...value] : value) as V;
}

export function defaultSettings(): Settings {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) settings[key] = copied(SETTINGS[key].default);
  return settings as Settings;
}

/**
 * Parse `text` with the table entry for `key` and return a copy of `settings` with it applied,
 * or the reason it was rejected. Typed per key, so forms and the hash codec need no casts.
 */
export function withSetting<K extends SettingKey>(
  settings: Settings,
  key: K,
  text: string,
): { ok: true; settings: Settings } | { ok: false; reason: string } {
  const spec: SettingSpec<Settings[K]> = SETTINGS[key];
  const parsed = spec.parse(text);
  if (!parsed.ok) return parsed;
  const next = { ...settings };
  next[key] = parsed.value;
  return { ok: true, settings: next };
}

export function formatSetting<K extends SettingKey>(settings: Settings, key: K): string {
  const spec: SettingSpec<Settings[K]> = SETTINGS[key];
  return spec.format(settings[key]);
}

export function className(slug: ClassSlug): string {
  return CLASS_NAMES[CLASS_SLUGS.indexOf(slug)];
}
