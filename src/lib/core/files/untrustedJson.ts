// Readers for JSON of unknown origin: each checks one value's type and range and throws
// `Invalid` with a plain-text message naming the value's path, e.g.
// `epochs[3].validationLoss must be a finite number ≥ 0, got "abc"`. Quoted values are
// cleaned of control characters and shortened, so a message is safe to show as text.

/** Quoted values in messages are cut to this length. */
const MAX_QUOTE_CHARS = 60;
/** Long enough for any real user agent or adapter name, short enough to lay out. */
const MAX_STRING_CHARS = 2000;

export class Invalid extends Error {}

/** Strips control and bidi-override characters and cuts to `max` characters. */
export function plain(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g,
    ' ',
  );
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** A short description of a JSON value for a message: never the whole of a large value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return `"${plain(value, MAX_QUOTE_CHARS)}"`;
  if (typeof value === 'object') return 'an object';
  return plain(String(value), MAX_QUOTE_CHARS);
}

export function fail(path: string, expected: string, value: unknown): never {
  throw new Invalid(`${path} must be ${expected}, got ${describe(value)}`);
}

export type Json = Record<string, unknown>;

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'an object', value);
  }
  return value as Json;
}

export function get(parent: Json, key: string, path: string): unknown {
  if (!Object.hasOwn(parent, key)) throw new Invalid(`${path}.${key} is missing`);
  return parent[key];
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function number(value: unknown, path: string, rule: NumberRule = {}): number {
  const { min = -Infinity, max = Infinity, integer = false } = rule;
  const kind = integer ? 'an integer' : 'a finite number';
  const range =
    min > -Infinity && max < Infinity
      ? ` in [${min}, ${max}]`
      : min > -Infinity
        ? ` ≥ ${min}`
        : max < Infinity
          ? ` ≤ ${max}`
          : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, kind + range, value);
  if ((integer && !Number.isInteger(value)) || value < min || value > max) {
    fail(path, kind + range, value);
  }
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'text', value);
  if (value.length > MAX_STRING_CHARS)
    fail(path, `text of at most ${MAX_STRING_CHARS} characters`, value);
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    fail(path, `one of ${options.join(', ')}`, value);
  }
  return value as T;
}

export function list(value: unknown, path: string, length?: number): unknown[] {
  if (!Array.isArray(value))
    fail(path, length === undefined ? 'a list' : `a list of ${length}`, value);
  if (length !== undefined && value.length !== length) fail(path, `a list of ${length}`, value);
  return value;
}

export function numbers(value: unknown, path: string, rule: NumberRule, length?: number): number[] {
  return list(value, path, length).map((item, i) => number(item, `${path}[${i}]`, rule));
}

export const PROBABILITY: NumberRule = { min: 0, max: 1 };
export const NON_NEGATIVE: NumberRule = { min: 0 };
export const POSITIVE: NumberRule = { min: Number.MIN_VALUE };
export const COUNT: NumberRule = { min: 0, integer: true };
export const POSITIVE_COUNT: NumberRule = { min: 1, integer: true };

/** Histogram or reliability bin edges: at least two, strictly rising (charts place bars by them). */
export function edges(value: unknown, path: string): number[] {
  const result = numbers(value, path, {});
  if (result.length < 2) fail(path, 'a list of at least 2 bin edges', value);
  for (let i = 1; i < result.length; i++) {
    if (!(result[i] > result[i - 1])) fail(`${path}[${i}]`, `above ${result[i - 1]}`, result[i]);
  }
  return result;
}

/** One object of the document and its path, read field by field. */
export class Fields {
  readonly source: Json;
  readonly path: string;

  constructor(value: unknown, path: string) {
    this.source = object(value, path);
    this.path = path;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.source, key);
  }

  raw(key: string): unknown {
    return get(this.source, key, this.path);
  }

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  number(key: string, rule: NumberRule = {}): number {
    return number(this.raw(key), this.at(key), rule);
  }

  string(key: string): string {
    return string(this.raw(key), this.at(key));
  }

  oneOf<T extends string>(key: string, options: readonly T[]): T {
    return oneOf(this.raw(key), this.at(key), options);
  }

  list(key: string, length?: number): unknown[] {
    return list(this.raw(key), this.at(key), length);
  }

  numbers(key: string, rule: NumberRule, length?: number): number[] {
    return numbers(this.raw(key), this.at(key), rule, length);
  }

  edges(key: string): number[] {
    return edges(this.raw(key), this.at(key));
  }

  object(key: string): Fields {
    return new Fields(this.raw(key), this.at(key));
  }
}
