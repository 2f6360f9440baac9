// Fuzz: 300 seeded random hostile hashes, plus every kind of hostile value for every key
// (huge, negative, NaN, empty, unicode, markup, repeated keys, 10 kB values, %-garbage, bare
// keys…), through parseHash. It never throws, always returns settings inside the table's
// bounds, names a problem exactly when the hash had a bad piece, and every message is plain,
// short text. The e2e twin (e2e/hash-fuzz.spec.ts) opens the first cases in the real page.
import { describe, expect, it } from 'vitest';
import { CLASS_SLUGS } from '../core/types';
import { formatHash, parseHash } from './hash';
import {
  FUZZED_KEYS,
  HASH_FUZZ_SEED,
  everyKeyEveryKind,
  hostileHashes,
  hostileKeysThatAreSettings,
} from './hashFuzzCases';
import { HASH_FUZZ_MESSAGES } from './hashFuzzMessages.fixture';
import { SETTINGS, type SettingSpec, type Settings } from './settings';
import { SETTING_KEYS } from './settingKeys';

const RANDOM_COUNT = 300;
/** Random mixes, then every kind of hostile value for every key (one piece each). */
const CASES = [
  ...hostileHashes(HASH_FUZZ_SEED, RANDOM_COUNT),
  ...everyKeyEveryKind(HASH_FUZZ_SEED),
];
const CASE_COUNT = CASES.length;
/**
 * "Short", whatever the input's length: the longest legitimate message quotes a few values
 * shortened to 40 characters and lists every allowed name (about 300 characters).
 */
const MAX_MESSAGE_CHARS = 400;
/** A quoted key or value: at most 40 characters and "…" (shownText), whichever path made it. */
const MAX_QUOTED_CHARS = 41;
/** Control characters, line breaks and bidi overrides/isolates/marks would garble the text. */
const UNPLAIN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function results() {
  return CASES.map((fuzz) => ({ fuzz, ...parseHash(fuzz.hash) }));
}

function expectWithinTable(settings: Settings, label: string): void {
  expect(Object.keys(settings).sort(), label).toEqual([...SETTING_KEYS].sort());
  for (const key of SETTING_KEYS) {
    const where = `${label}: ${key}`;
    const spec = SETTINGS[key] as SettingSpec<unknown>;
    const value: unknown = settings[key];
    // Whatever the kind, the value is one the table itself writes and reads back.
    expect(spec.parse(spec.format(value)), where).toEqual({ ok: true, value });
    const control = spec.control;
    if (control.kind === 'integer' || control.kind === 'number') {
      expect(Number.isFinite(value), where).toBe(true);
      expect(value, where).toBeGreaterThanOrEqual(control.min);
      expect(value, where).toBeLessThanOrEqual(control.max);
      if (control.kind === 'integer') expect(Number.isInteger(value), where).toBe(true);
    } else if (control.kind === 'choice') {
      expect(
        control.options.map((option) => option.value),
        where,
      ).toContain(value);
    } else if (control.kind === 'classes') {
      const slugs = value as string[];
      expect(slugs.length, where).toBeGreaterThanOrEqual(control.min);
      expect(slugs.length, where).toBeLessThanOrEqual(control.max);
      for (const slug of slugs) expect(CLASS_SLUGS, where).toContain(slug);
      expect(new Set(slugs).size, where).toBe(slugs.length);
    } else if (control.kind === 'list') {
      const names = value as string[];
      for (const name of names) expect(control.options, where).toContain(name);
      expect(new Set(names).size, where).toBe(names.length);
    } else if (control.kind === 'sweep') {
      // A sweep is checked by its round trip above (settings/sweepSpec.test.ts has the rest).
      expect(['off', 'preset', 'grid'], where).toContain((value as { kind: string }).kind);
    } else {
      expect(typeof value, where).toBe('boolean');
    }
  }
}

describe('the hostile-hash generator', () => {
  it(`makes ${RANDOM_COUNT}+ cases covering every kind of hostile input`, () => {
    expect(CASE_COUNT).toBeGreaterThanOrEqual(RANDOM_COUNT + 10 * SETTING_KEYS.length);
    expect(new Set(CASES.map((fuzz) => fuzz.hash)).size).toBeGreaterThan(CASE_COUNT * 0.9);
    const labels = CASES.map((fuzz) => fuzz.label).join('\n');
    for (const kind of [
      'huge',
      'negative',
      'NaN',
      'empty',
      'blank',
      'unicode',
      'markup',
      '10 kB',
      '%-garbage',
      'hex',
      'json',
      'comma pair',
      '10 kB pair',
      'bare',
      'unknown key',
      'valid',
    ]) {
      const count = labels.split(kind).length - 1;
      expect(count, kind).toBeGreaterThanOrEqual(3);
    }
    expect(CASES.filter((fuzz) => fuzz.hash.length > 10_000).length).toBeGreaterThanOrEqual(3);
    // Both answers occur, so "shows a problem exactly when" is tested both ways.
    expect(CASES.filter((fuzz) => fuzz.expectsProblem).length).toBeGreaterThan(CASE_COUNT / 2);
    expect(CASES.filter((fuzz) => !fuzz.expectsProblem).length).toBeGreaterThanOrEqual(10);
    expect(hostileKeysThatAreSettings()).toEqual([]);
    expect(SETTING_KEYS).toEqual(expect.arrayContaining([...FUZZED_KEYS]));
  });

  it('is deterministic: the first cases do not depend on how many are asked for', () => {
    expect(hostileHashes(HASH_FUZZ_SEED, 30)).toEqual(CASES.slice(0, 30));
  });
});

describe(`parseHash on ${CASE_COUNT} hostile hashes`, () => {
  it('never throws and always returns settings within the table', () => {
    for (const { fuzz, settings } of results()) expectWithinTable(settings, fuzz.label);
  });

  it('names a problem exactly when the hash had a bad, unknown or repeated piece', () => {
    for (const { fuzz, problems } of results()) {
      expect(problems.length > 0, `${fuzz.label} — ${fuzz.hash.slice(0, 80)}`).toBe(
        fuzz.expectsProblem,
      );
    }
  });

  it('gives, for the 30 cases the page opens, the messages written out for them', () => {
    const pageCases = hostileHashes(HASH_FUZZ_SEED, HASH_FUZZ_MESSAGES.length);
    pageCases.forEach((fuzz, index) => {
      // Encoded as a browser's URL parser leaves it, as the e2e twin opens it.
      const hash = new URL(`http://localhost/${fuzz.hash}`).hash;
      const messages = parseHash(hash).problems.map((problem) => problem.message);
      expect(messages, `case ${index} (${fuzz.label})`).toEqual(HASH_FUZZ_MESSAGES[index]);
    });
  });

  it('writes every problem as plain, short text', () => {
    // Collected, so one run lists every offending message.
    const offending: string[] = [];
    // (No count check: parseHash cuts the list to MAX_PROBLEMS itself, so it could not fail;
    // hash.test.ts checks the cut with a hand-counted flood.)
    for (const { fuzz, problems } of results()) {
      for (const problem of problems) {
        const plain =
          problem.message.length <= MAX_MESSAGE_CHARS &&
          !UNPLAIN.test(problem.message) &&
          Array.from(problem.key).length <= MAX_QUOTED_CHARS &&
          Array.from(problem.value).length <= MAX_QUOTED_CHARS;
        if (!plain)
          offending.push(
            `${fuzz.label} → ${JSON.stringify(problem.message.slice(0, 100))} (${problem.message.length} chars)`,
          );
      }
    }
    expect(offending).toEqual([]);
  });

  it('writes back a canonical hash that parses without problems to the same settings', () => {
    for (const { fuzz, settings } of results()) {
      expect(parseHash(formatHash(settings)), fuzz.label).toEqual({ settings, problems: [] });
    }
  });
});
