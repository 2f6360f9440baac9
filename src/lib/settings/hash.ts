// The URL-hash codec: `#classes=pullover,coat&train=2000&…` ⇄ Settings.
// Pure (no `window`), never throws: every rejected piece of the hash becomes a SettingProblem
// that says what was wrong and what was used instead, so a mistyped link still opens.

import { OPTIONAL_KEYS, SETTING_KEYS, isSettingKey } from './settingKeys';
import { defaultSettings, formatSetting, withSetting } from './settingValues';
import { type SettingKey, type Settings } from './settings';

export interface SettingProblem {
  /** The parameter as written (decoded when possible, shortened for display). */
  key: string;
  /** The offending value, shortened for display ('' when there was none). */
  value: string;
  /** What was used instead, e.g. "the default 2000", "ignored". */
  usedInstead: string;
  /** One plain-English sentence for the user. */
  message: string;
}

/** Beyond this many problems, the rest are summarised in one line. */
export const MAX_PROBLEMS = 20;

export { MAX_SHOWN_CHARS, shownText } from './shownText';
import { shownText } from './shownText';

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // malformed %-sequence
  }
}

/** Values are slugs and numbers; keep the comma readable in shared links. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

function suggestKey(key: string): SettingKey | undefined {
  const lower = key.toLowerCase();
  if (lower.length > 20) return undefined;
  return SETTING_KEYS.find((known) => known === lower || editDistance(known, lower) <= 2);
}

interface Occurrence {
  rawKey: string;
  rawValue: string;
  hasValue: boolean;
}

function splitHash(hash: string): Occurrence[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body
    .split('&')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const equals = segment.indexOf('=');
      return equals === -1
        ? { rawKey: segment, rawValue: '', hasValue: false }
        : { rawKey: segment.slice(0, equals), rawValue: segment.slice(equals + 1), hasValue: true };
    });
}

function defaultText(key: SettingKey): string {
  const text = formatSetting(defaultSettings(), key);
  return `the default ${text === '' ? '(none)' : text}`;
}

export function parseHash(hash: string): { settings: Settings; problems: SettingProblem[] } {
  let settings = defaultSettings();
  const problems: SettingProblem[] = [];
  const lastValue = new Map<SettingKey, Occurrence>();
  const counts = new Map<SettingKey, number>();

  for (const occurrence of splitHash(hash)) {
    const key = safeDecode(occurrence.rawKey);
    if (key === null) {
      const shown = shownText(occurrence.rawKey);
      problems.push({
        key: shown,
        value: shownText(occurrence.rawValue),
        usedInstead: 'ignored',
        message: `The parameter name ${shown} is not valid URL encoding; ignored`,
      });
      continue;
    }
    if (!isSettingKey(key)) {
      const shownKey = shownText(key);
      const shownValue = shownText(safeDecode(occurrence.rawValue) ?? occurrence.rawValue);
      const written = occurrence.hasValue ? `${shownKey}=${shownValue}` : shownKey;
      const suggestion = suggestKey(key);
      const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
      problems.push({
        key: shownKey,
        value: shownValue,
        usedInstead: 'ignored',
        message: `${written} is not a known setting${hint}; ignored`,
      });
      continue;
    }
    lastValue.set(key, occurrence);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  for (const key of SETTING_KEYS) {
    const occurrence = lastValue.get(key);
    if (occurrence === undefined) continue;
    const decoded = safeDecode(occurrence.rawValue);
    const shown = shownText(decoded ?? occurrence.rawValue);
    const count = counts.get(key) ?? 1;
    if (count > 1) {
      problems.push({
        key,
        value: shown,
        usedInstead: `the last value, ${shown}`,
        message: `${key} is given ${count} times; the last one wins (${key}=${shown})`,
      });
    }
    if (decoded === null) {
      problems.push({
        key,
        value: shown,
        usedInstead: defaultText(key),
        message: `${key}=${shown} is not valid URL encoding; using ${defaultText(key)}`,
      });
      continue;
    }
    const result = withSetting(settings, key, decoded);
    if (result.ok) {
      settings = result.settings;
    } else {
      problems.push({
        key,
        value: shown,
        usedInstead: defaultText(key),
        message: `${key}=${shown} ${result.reason}; using ${defaultText(key)}`,
      });
    }
  }

  return { settings, problems: capProblems(problems) };
}

function capProblems(problems: SettingProblem[]): SettingProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const hidden = problems.length - (MAX_PROBLEMS - 1);
  return [
    ...problems.slice(0, MAX_PROBLEMS - 1),
    {
      key: '…',
      value: '',
      usedInstead: 'ignored',
      message: `…and ${hidden} more problems in the link`,
    },
  ];
}

/**
 * All keys in table order; optional ones (autostart, view flags) only when not at their default,
 * so ordinary shared links never autostart and stay short.
 */
export function formatHash(settings: Settings): string {
  const defaults = defaultSettings();
  const parts = SETTING_KEYS.filter(
    (key) =>
      !OPTIONAL_KEYS.includes(key) || formatSetting(settings, key) !== formatSetting(defaults, key),
  ).map((key) => `${key}=${encodeValue(formatSetting(settings, key))}`);
  return `#${parts.join('&')}`;
}
