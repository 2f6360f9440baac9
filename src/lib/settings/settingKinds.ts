// The kinds of setting (whole number, number, choice, class list, on/off): how each reads and
// writes itself as text (the URL hash) and as JSON (a run file's config), and which form control
// it needs. Text and JSON go through one check per kind, so the two can never disagree on what
// is allowed. The table in settings.ts uses these.

import {
  CLASS_SLUGS,
  MAX_CLASSES,
  MIN_CLASSES,
  type ClassSlug,
  type TrainConfig,
} from '../core/types';
import { shownText } from './shownText';

/** A parsed value, or why the text was rejected (a phrase such as "is not a number"). */
export type Parsed<V> = { ok: true; value: V } | { ok: false; reason: string };

/** What kind of form control a setting needs. */
export type SettingControl =
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; options: readonly { value: string; label: string }[] }
  | { kind: 'classes'; min: number; max: number }
  | { kind: 'flag' }
  | { kind: 'list'; options: readonly string[] }
  /** The sweep grammar (settings/sweepSpec.ts); the Sweep view edits it, not the form. */
  | { kind: 'sweep' };

/** A field of a run's config (TrainConfig plus the backend preference), as run files spell it. */
export type ConfigField = keyof TrainConfig | 'backend';

export interface SettingSpec<V> {
  label: string;
  help: string;
  default: V;
  /**
   * Run settings only: the config field that carries this setting in the worker's commands and
   * in run files. Settings without one (autostart, view flags) shape the page, not the run.
   */
  config?: ConfigField;
  /** Run files made before this setting existed lack it; the default is what those runs used. */
  optionalInRunFile?: boolean;
  /** Changes how the page looks, not the run: never in the settings form, never locked. */
  view?: boolean;
  /** Used by runs on this data only (the other kind of run ignores the value). */
  onlyFor?: 'fashion-mnist' | 'own-images';
  control: SettingControl;
  parse(text: string): Parsed<V>;
  /** The same rules as `parse`, applied to a JSON value (a run file's config field). */
  fromJson(value: unknown): Parsed<V>;
  format(value: V): string;
}

type Described<V> = Pick<
  SettingSpec<V>,
  'label' | 'help' | 'default' | 'config' | 'optionalInRunFile' | 'view' | 'onlyFor'
>;

const NOT_TEXT: Parsed<never> = { ok: false, reason: 'is not text' };

/** Names are read case- and space-insensitively, in links (typed by hand) and files alike. */
function normalised(text: string): string {
  return text.trim().toLowerCase();
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string, min: number, max: number, integer: boolean): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  // Decimal notation only: Number() would also take "0x10", "Infinity" and "".
  if (!DECIMAL.test(trimmed)) return { ok: false, reason: 'is not a number' };
  return checkNumber(Number(trimmed), min, max, integer);
}

function jsonNumber(value: unknown, min: number, max: number, integer: boolean): Parsed<number> {
  if (typeof value !== 'number') return { ok: false, reason: 'is not a number' };
  return checkNumber(value, min, max, integer);
}

function checkNumber(value: number, min: number, max: number, integer: boolean): Parsed<number> {
  if (!Number.isFinite(value)) return { ok: false, reason: 'is not a finite number' };
  if (integer && !Number.isInteger(value)) return { ok: false, reason: 'is not a whole number' };
  if (value < min) return { ok: false, reason: `is below the minimum ${min}` };
  if (value > max) return { ok: false, reason: `is above the maximum ${max}` };
  return { ok: true, value };
}

type NumberDescribed = Described<number> & { min: number; max: number };

/** A whole number or any decimal number between `min` and `max`. */
function numeric(spec: NumberDescribed, integer: boolean): SettingSpec<number> {
  return {
    ...spec,
    control: { kind: integer ? 'integer' : 'number', min: spec.min, max: spec.max },
    parse: (text) => parseNumber(text, spec.min, spec.max, integer),
    fromJson: (value) => jsonNumber(value, spec.min, spec.max, integer),
    format: (value) => String(value),
  };
}

export function integer(spec: NumberDescribed): SettingSpec<number> {
  return numeric(spec, true);
}

export function decimal(spec: NumberDescribed): SettingSpec<number> {
  return numeric(spec, false);
}

/**
 * A counter-measure to over-confidence (label smoothing, L2, dropout, focal loss, mixup): a
 * number from 0, which turns it off and is the default, to `max`. Each came after the first
 * run files, so a file without it describes a run trained without it (0).
 */
export function offByDefault(
  spec: Omit<Described<number>, 'default' | 'optionalInRunFile'> & { max: number },
): SettingSpec<number> {
  return numeric({ ...spec, default: 0, min: 0, optionalInRunFile: true }, false);
}

/** One of a few names; `options` maps each value to its label, in the order the form lists them. */
export function choice<V extends string>(
  spec: Described<V> & { options: Readonly<Record<V, string>> },
): SettingSpec<V> {
  const { options, ...described } = spec;
  const values = Object.keys(options) as V[];
  const check = (wanted: string): Parsed<V> => {
    const found = values.find((value) => value === wanted);
    return found === undefined
      ? { ok: false, reason: `is not one of ${values.join(', ')}` }
      : { ok: true, value: found };
  };
  return {
    ...described,
    control: { kind: 'choice', options: values.map((value) => ({ value, label: options[value] })) },
    parse: (text) => check(normalised(text)),
    fromJson: (value) => (typeof value === 'string' ? check(normalised(value)) : NOT_TEXT),
    format: (value) => value,
  };
}

/** 2 to 10 different class slugs, in the order given; `find` maps each written part to a slug. */
function checkClasses(
  parts: readonly string[],
  find: (part: string) => ClassSlug | undefined,
): Parsed<ClassSlug[]> {
  if (parts.length < MIN_CLASSES || parts.length > MAX_CLASSES) {
    return {
      ok: false,
      reason: `needs ${MIN_CLASSES} to ${MAX_CLASSES} classes separated by commas`,
    };
  }
  const unknown = parts.filter((part) => find(part) === undefined);
  if (unknown.length > 0) {
    const names = unknown
      .slice(0, 3)
      .map((part) => `"${shownText(part.trim())}"`)
      .join(' and ');
    return {
      ok: false,
      reason: `names an unknown class (${names}; known: ${CLASS_SLUGS.join(', ')})`,
    };
  }
  const slugs = parts.map((part) => find(part) as ClassSlug);
  if (new Set(slugs).size !== slugs.length) return { ok: false, reason: 'names a class twice' };
  return { ok: true, value: slugs };
}

/**
 * 2 to 10 different class slugs, label 0 first: "pullover,coat" in a link and ["pullover",
 * "coat"] in a file, so links and files from when a run trained on a pair still read.
 */
export function classList(spec: Described<ClassSlug[]>): SettingSpec<ClassSlug[]> {
  const find = (part: string) => CLASS_SLUGS.find((slug) => slug === normalised(part));
  return {
    ...spec,
    control: { kind: 'classes', min: MIN_CLASSES, max: MAX_CLASSES },
    parse: (text) => checkClasses(text.split(','), find),
    fromJson: (value) =>
      Array.isArray(value) && value.every((part) => typeof part === 'string')
        ? checkClasses(value, find)
        : { ok: false, reason: 'is not a list of class names' },
    format: (value) => value.join(','),
  };
}

/** On/off, written 1/0 (true/false accepted); a bare key means on, like an HTML boolean attribute. */
export function flag(spec: Described<boolean>): SettingSpec<boolean> {
  return {
    ...spec,
    control: { kind: 'flag' },
    parse(text) {
      const wanted = text.trim().toLowerCase();
      if (wanted === '1' || wanted === 'true' || wanted === '') return { ok: true, value: true };
      if (wanted === '0' || wanted === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'is not 0 or 1' };
    },
    fromJson: (value) =>
      typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, reason: 'is not true or false' },
    format: (value) => (value ? '1' : '0'),
  };
}

/**
 * A set of names from a fixed list, written "settings,backend" (table order, no repeats);
 * empty means none. Unknown names reject the whole value, so a typo is reported, not ignored.
 */
export function list<V extends string>(
  spec: Described<readonly V[]> & { options: readonly V[] },
): SettingSpec<readonly V[]> {
  return {
    ...spec,
    control: { kind: 'list', options: spec.options },
    parse: (text) =>
      check(
        text
          .split(',')
          .map((part) => part.trim().toLowerCase())
          .filter((part) => part !== ''),
      ),
    fromJson: (value) =>
      Array.isArray(value) && value.every((part) => typeof part === 'string')
        ? check(value)
        : { ok: false, reason: 'is not a list of names' },
    format: (value) => value.join(','),
  };

  function check(wanted: readonly string[]): Parsed<readonly V[]> {
    const unknown = wanted.filter((part) => !(spec.options as readonly string[]).includes(part));
    if (unknown.length > 0) {
      const shown = unknown
        .slice(0, 3)
        .map((part) => `"${shownText(part)}"`)
        .join(', ');
      return {
        ok: false,
        reason: `names unknown parts (${shown}; known: ${spec.options.join(', ')})`,
      };
    }
    return { ok: true, value: spec.options.filter((option) => wanted.includes(option)) };
  }
}
