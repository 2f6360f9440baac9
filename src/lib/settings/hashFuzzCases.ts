// Seeded generator of hostile URL hashes, shared by the unit fuzz test (hash.fuzz.test.ts) and
// the page-level one (e2e/hash-fuzz.spec.ts). Every generated piece knows whether it is a valid
// setting, so each case also says whether the page must show a settings problem — an oracle
// written apart from the parser it checks.

import { mulberry32 } from '../core/prng';
import { CLASS_SLUGS } from '../core/types';
import { SETTINGS, type SettingKey, type SettingSpec } from './settings';
import { SETTING_KEYS, isSettingKey } from './settingKeys';

export interface HashFuzzCase {
  /** The whole hash, starting with '#'. */
  hash: string;
  /** True when some piece is invalid, unknown or repeated: the page must name a problem. */
  expectsProblem: boolean;
  /** What the pieces were, e.g. "huge lr; valid epochs", for failure messages. */
  label: string;
}

/** The seed both fuzz tests use, so a failure names a reproducible case. */
export const HASH_FUZZ_SEED = 20170614;

/** Script that would leave a mark if it ever ran: the e2e test looks for the mark. */
export const MARKUP_PAYLOADS = [
  '<script>document.body.dataset.injected="script"</script>',
  '<img src=x onerror="document.body.dataset.injected=\'img\'">',
  '"><svg onload="document.body.dataset.injected=\'svg\'">',
  "javascript:document.body.dataset.injected='js'",
  '<iframe srcdoc="<script>parent.document.body.dataset.injected=1</script>">',
] as const;

type Random = () => number;

const TEN_KB = 10_240;

interface Piece {
  text: string;
  /** Decoded setting key, when the piece names one (for repeated-key detection). */
  key: SettingKey | null;
  bad: boolean;
  label: string;
}

/**
 * The keys the random cases draw from: the table as it stood when HASH_FUZZ_MESSAGES was written.
 * Frozen, so a new setting does not reshuffle every case and its written-out messages; new keys
 * are still fuzzed, one case per key and kind, by everyKeyEveryKind.
 */
export const FUZZED_KEYS: readonly SettingKey[] = [
  'classes',
  'train',
  'val',
  'split',
  'epochs',
  'batch',
  'lr',
  'optimizer',
  'model',
  'seed',
  'smoothing',
  'l2',
  'dropout',
  'earlyStop',
  'patience',
  'focal',
  'mixup',
  'backend',
  'autostart',
  'hide',
  'tour',
  'projector',
  'replay',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function digits(random: Random, count: number): string {
  let text = String(1 + Math.floor(random() * 9)); // no leading zero: "0…0" would be 0
  while (text.length < count) text += String(Math.floor(random() * 10));
  return text;
}

function encodeMaybe(random: Random, text: string): string {
  return random() < 0.5 ? encodeURIComponent(text) : text;
}

/** Flags read "" as on and lists read "" as none: for them an empty value is valid. */
function acceptsEmpty(key: SettingKey): boolean {
  const kind = SETTINGS[key].control.kind;
  return kind === 'flag' || kind === 'list';
}

/** Makers of values no setting accepts (empty and blank only for keys that reject them). */
function hostileKinds(random: Random, key: SettingKey): [string, () => string][] {
  const kinds: [string, () => string][] = [
    ['huge', () => digits(random, 12 + Math.floor(random() * 300))],
    ['negative', () => `-${digits(random, 1 + Math.floor(random() * 8))}`],
    ['negative decimal', () => `-0.${digits(random, 3)}`],
    ['NaN', () => pick(random, ['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e999', '-1e999'])],
    ['hex', () => pick(random, ['0x10', '0b11', '0o7', '1_000', '1,5', '١٢', '१०'])],
    ['markup', () => encodeMaybe(random, pick(random, MARKUP_PAYLOADS))],
    [
      'unicode',
      () =>
        encodeMaybe(
          random,
          pick(random, ['пуловер', 'コート', '😀😀', '\u202eevil', 'a\u200bb', 'e\u0301\u0301']),
        ),
    ],
    [
      '10 kB',
      () => {
        const unit = pick(random, ['x', '9', '%F0%9F%98%80', '<b>']);
        return unit.repeat(Math.ceil(TEN_KB / unit.length));
      },
    ],
    [
      '%-garbage',
      () => pick(random, ['%', '%E0%A4%A', '%ZZ', '%%%', '100%', '%C0%80', '%ED%A0%80']),
    ],
    [
      'comma pair',
      () =>
        encodeMaybe(
          random,
          `${pick(random, [MARKUP_PAYLOADS[1], '\u202ecoat', 'пуловер', '\u0000'])},${pick(random, ['coat', 'bag', 'unicorn'])}`,
        ),
    ],
    ['10 kB pair', () => `${'x'.repeat(TEN_KB)},${pick(random, ['coat', 'bag', 'unicorn'])}`],
    ['json', () => encodeMaybe(random, pick(random, ['{"a":1}', '[1,2]', 'null', 'undefined']))],
  ];
  if (!acceptsEmpty(key)) {
    kinds.push(['empty', () => ''], ['blank', () => pick(random, ['%20', '%09', '+'])]);
  }
  return kinds;
}

function hostileValue(random: Random, key: SettingKey): { text: string; label: string } {
  const [label, make] = pick(random, hostileKinds(random, key));
  return { text: make(), label };
}

/**
 * A value the table accepts. Never one that changes what the page does on opening (autostart,
 * a tour, hidden parts, another backend = a new worker): the e2e test opens these in one page.
 */
function validValue(random: Random, key: SettingKey): string {
  const spec = SETTINGS[key] as SettingSpec<unknown>;
  const control = spec.control;
  if (key === 'backend') return 'auto';
  if (control.kind === 'classes') {
    const first = pick(random, CLASS_SLUGS);
    const second = pick(
      random,
      CLASS_SLUGS.filter((slug) => slug !== first),
    );
    return `${first},${second}`;
  }
  if (control.kind === 'choice') {
    const value = pick(random, control.options).value;
    return random() < 0.3 ? value.toUpperCase() : value;
  }
  if (control.kind === 'integer') {
    return String(control.min + Math.floor(random() * (control.max - control.min + 1)));
  }
  if (control.kind === 'number') {
    return String(control.min + random() * (control.max - control.min));
  }
  // Flags, lists and kinds added later: the default, which the table's own test keeps valid.
  return encodeURIComponent(spec.format(spec.default));
}

const HOSTILE_KEYS = [
  '<script>alert(1)</script>',
  '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '__proto__',
  'constructor',
  'toString',
  'Train',
  'EPOCHS',
  'epoch',
  'lr ',
  '😀',
  '%',
  '%ZZ',
  '',
  'x'.repeat(TEN_KB),
] as const;

function piece(random: Random, keyForRepeat: SettingKey | null): Piece {
  const roll = random();
  if (keyForRepeat !== null || roll < 0.45) {
    const key = keyForRepeat ?? pick(random, FUZZED_KEYS);
    if (keyForRepeat === null && random() < 0.55) {
      const value = hostileValue(random, key);
      return { text: `${key}=${value.text}`, key, bad: true, label: `${value.label} ${key}` };
    }
    return { text: `${key}=${validValue(random, key)}`, key, bad: false, label: `valid ${key}` };
  }
  if (roll < 0.6) {
    // A known key with no '=' reads as an empty value: valid for flags and lists, so not them.
    const key = pick(
      random,
      FUZZED_KEYS.filter((candidate) => !acceptsEmpty(candidate)),
    );
    return { text: key, key, bad: true, label: `bare ${key}` };
  }
  if (roll < 0.85) {
    const key = pick(random, HOSTILE_KEYS);
    // An empty key with no value is an empty segment, which is fine: give it a value.
    const value = key === '' || random() < 0.7 ? `=${hostileValue(random, 'train').text}` : '';
    return {
      text: `${key}${value}`,
      key: null,
      bad: true,
      label: `unknown key ${key.slice(0, 12)}`,
    };
  }
  if (roll < 0.93)
    return { text: pick(random, ['', '&', '&&']), key: null, bad: false, label: 'empty' };
  return { text: '=', key: null, bad: true, label: 'lone =' };
}

function fuzzCase(random: Random): HashFuzzCase {
  const pieces: Piece[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let index = 0; index < count; index++) pieces.push(piece(random, null));
  const named = pieces.filter((part) => part.key !== null);
  if (named.length > 0 && random() < 0.15) pieces.push(piece(random, pick(random, named).key));
  // Repeated keys are reported even when every copy is valid.
  const keys = pieces.flatMap((part) => (part.key === null ? [] : [part.key]));
  const repeated = new Set(keys).size !== keys.length;
  return {
    hash: `${random() < 0.05 ? '##' : '#'}${pieces.map((part) => part.text).join('&')}`,
    expectsProblem: repeated || pieces.some((part) => part.bad),
    label: pieces.map((part) => part.label).join('; ') || 'empty hash',
  };
}

/** `count` deterministic cases: the first n are the same for any count ≥ n. */
export function hostileHashes(seed: number, count: number): HashFuzzCase[] {
  const random = mulberry32(seed);
  const cases: HashFuzzCase[] = [];
  for (let index = 0; index < count; index++) {
    const generated = fuzzCase(random);
    // '##…' makes the first segment an unknown key ("#key", or "#" alone): always a problem.
    const doubleHash = generated.hash.startsWith('##');
    cases.push({ ...generated, expectsProblem: generated.expectsProblem || doubleHash });
  }
  return cases;
}

/** One `#key=value` case for every setting key and every kind of hostile value. */
export function everyKeyEveryKind(seed: number): HashFuzzCase[] {
  const random = mulberry32(seed);
  return SETTING_KEYS.flatMap((key) =>
    hostileKinds(random, key).map(([label, make]) => ({
      hash: `#${key}=${make()}`,
      expectsProblem: true,
      label: `${label} ${key}`,
    })),
  );
}

/** Keys in this module's tables that must not be setting keys (kept honest by the unit test). */
export function hostileKeysThatAreSettings(): string[] {
  return HOSTILE_KEYS.filter((key) => {
    try {
      return isSettingKey(decodeURIComponent(key));
    } catch {
      return false;
    }
  });
}
