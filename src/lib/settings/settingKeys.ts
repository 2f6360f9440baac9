// The key lists generated from the settings table: the hash's order, which keys are part of a
// run, which only shape the page, which the form shows and which a run can change while it
// trains. Read from the table's own fields, so a new setting lands in every list it belongs to.

import { ADJUSTABLE_FIELDS, type AdjustableField } from '../core/types';
import { SETTINGS, type SettingKey } from './settings';

/** Table order: the order of the hash and of the form. */
export const SETTING_KEYS = Object.keys(SETTINGS) as readonly SettingKey[];

/** Keys that change how the page looks, not the run: never in the settings form, never locked. */
export const VIEW_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => SETTINGS[key].view);
/** Keys that are part of a run's config (in commands to the worker and in run files). */
export const RUN_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => SETTINGS[key].config !== undefined,
);
/**
 * Written to the hash only when not at their default, so ordinary links stay short: everything
 * that is not part of the run (autostart and the view keys).
 */
export const OPTIONAL_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => !RUN_KEYS.includes(key),
);
/** The settings form's fields, in table order. */
export const FORM_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => key !== 'classes' && !VIEW_KEYS.includes(key),
);

/**
 * The settings a run can change while it trains (their config fields are ADJUSTABLE_FIELDS):
 * editable in the form during a run, sent to the worker instead of the link.
 */
export const LIVE_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) =>
  (ADJUSTABLE_FIELDS as readonly string[]).includes(SETTINGS[key].config ?? ''),
);

/** The config field of a live key, e.g. lr → learningRate. */
export function liveField(key: SettingKey): AdjustableField | null {
  const field = SETTINGS[key].config;
  return (ADJUSTABLE_FIELDS as readonly string[]).includes(field ?? '')
    ? (field as AdjustableField)
    : null;
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}
