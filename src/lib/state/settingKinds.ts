// The kinds of setting (whole number, number, choice, class pair, on/off): how each reads and
// writes itself as text and which form control it needs. The table in settings.ts uses these.

import { CLASS_SLUGS, type ClassSlug } from '../core/types';
import { shownText } from './shownText';

/** A parsed value, or why the text was rejected (a phrase such as "is not a number"). */
export type Parsed<V> = { ok: true; value: V } | { ok: false; reason: string };

/** What kind of form control a setting needs. */
export type SettingControl =
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; options: readonly { value: string; label: string }[] }
  | { kind: 'classPair' }
  | { kind: 'flag' }
  | { kind: 'list'; options: readonly string[] };

export interface SettingSpec<V> {
  label: string;
  help: string;
  default: V;
  control: SettingControl;
  parse(text: string): Parsed<V>;
  format(value: V): string;
}

interface Described<V> {
  label: string;
  help: string;
  default: V;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string, min: number, max: number, integer: boolean): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  // Decimal notation only: Number() would also take "0x10", "Infinity" and "".
  if (!DECIMAL.test(trimmed)) return { ok: false, reason: 'is not a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, reason: 'is not a finite number' };
  if (integer && !Number.isInteger(value)) return { ok: false, reason: 'is not a whole number' };
  if (value < min) return { ok: false, reason: `is below the minimum ${min}` };
  if (value > max) return { ok: false, reason: `is above the maximum ${max}` };
  return { ok: true, value };
}

export function integer(
  spec: Described<number> & { min: number; max: number },
): SettingSpec<number> {
  return {
    ...spec,
    control: { kind: 'integer', min: spec.min, max: spec.max },
    parse: (text) => parseNumber(text, spec.min, spec.max, true),
    format: (value) => String(value),
  };
}

export function decimal(
  spec: Described<number> & { min: number; max: number },
): SettingSpec<number> {
  return {
    ...spec,
    control: { kind: 'number', min: spec.min, max: spec.max },
    parse: (text) => parseNumber(text, spec.min, spec.max, false),
    format: (value) => String(value),
  };
}

export function choice<V extends string>(
  spec: Described<V> & { options: readonly { value: V; label: string }[] },
): SettingSpec<V> {
  const values = spec.options.map((option) => option.value);
  return {
    ...spec,
    control: { kind: 'choice', options: spec.options },
    parse(text) {
      const wanted = text.trim().toLowerCase();
      const found = values.find((value) => value === wanted);
      return found === undefined
        ? { ok: false, reason: `is not one of ${values.join(', ')}` }
        : { ok: true, value: found };
    },
    format: (value) => value,
  };
}

function findClass(text: string): ClassSlug | undefined {
  const wanted = text.trim().toLowerCase();
  return CLASS_SLUGS.find((slug) => slug === wanted);
}

/** Two different class slugs, written "pullover,coat". */
export function classPair(
  spec: Described<[ClassSlug, ClassSlug]>,
): SettingSpec<[ClassSlug, ClassSlug]> {
  return {
    ...spec,
    control: { kind: 'classPair' },
    parse(text) {
      const parts = text.split(',');
      if (parts.length !== 2) {
        return { ok: false, reason: 'needs exactly two classes separated by a comma' };
      }
      const first = findClass(parts[0]);
      const second = findClass(parts[1]);
      if (first === undefined || second === undefined) {
        const unknown = parts.filter((part) => findClass(part) === undefined);
        const names = unknown.map((part) => `"${shownText(part.trim())}"`).join(' and ');
        return {
          ok: false,
          reason: `names an unknown class (${names}; known: ${CLASS_SLUGS.join(', ')})`,
        };
      }
      if (first === second) return { ok: false, reason: 'needs two different classes' };
      return { ok: true, value: [first, second] };
    },
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
    parse(text) {
      const wanted = text
        .split(',')
        .map((part) => part.trim().toLowerCase())
        .filter((part) => part !== '');
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
    },
    format: (value) => value.join(','),
  };
}
