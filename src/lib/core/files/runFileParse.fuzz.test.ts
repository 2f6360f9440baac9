// Generated malformed run files: each case breaks a valid file in one way that must make it
// invalid (a deletion of a required field, a type swap, a non-finite or NaN number, nested
// garbage, markup where a choice belongs, a truncation, a polluting key). Every one must give
// ok:false with a message that names what is wrong: the broken field, or why the text is no JSON.

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { validRunFileText } from './runFileParse.fixture';
import { parseRunFile } from './runFileParse';

type Path = (string | number)[];
interface Node {
  path: Path;
  value: unknown;
}

/** Fields whose absence is allowed (older files), so deleting them is no corruption. */
const OPTIONAL = new Set([
  'temperature',
  'temperature.bound',
  'earlyStop',
  'epochLogits',
  'epochFixes',
  'epochFixes.bound',
  'config.labelSmoothing',
  'config.l2',
  'config.dropout',
  'config.earlyStop',
  'config.patience',
  'config.focalGamma',
  'config.mixupAlpha',
  'config.validationPercent',
  'events',
]);
/** Free-text fields: any string is valid there, so markup in them is data, not corruption. */
const FREE_TEXT = new Set([
  'environment.adapter',
  'environment.userAgent',
  'environment.tfjs',
  'environment.fallbackReason',
  // A fit's reason is words the page shows as text.
  'epochFixes.bound.reason',
]);
const SCRIPT = '<script>alert(1)</script>';

const key = (path: Path) => path.filter((part) => typeof part === 'string').join('.');

function nodes(value: unknown, path: Path = [], out: Node[] = []): Node[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((item, i) => nodes(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [name, item] of Object.entries(value)) nodes(item, [...path, name], out);
  }
  return out;
}

function parentOf(doc: any, path: Path): any {
  return path.slice(0, -1).reduce((node, part) => node[part], doc);
}

function nested(depth: number): unknown {
  let value: unknown = 'garbage';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Values of another JSON type than `value`'s, each invalid where `value` stands. */
function typeSwaps(node: Node): unknown[] {
  const { value } = node;
  if (typeof value === 'number') return ['12', null, true, [], {}, SCRIPT];
  if (typeof value === 'string') {
    const swaps: unknown[] = [3, true, [], {}];
    if (key(node.path) !== 'environment.fallbackReason') swaps.push(null);
    if (!FREE_TEXT.has(key(node.path))) swaps.push(SCRIPT);
    return swaps;
  }
  if (Array.isArray(value)) return [{}, 'list', 0, null];
  if (value === null) return [7, [], {}]; // fallbackReason
  return [[], 'object', 0, null];
}

/** A broken file and what its message must contain; null when the draw would not break it. */
type Mutation = (random: () => number) => { text: string; names: string } | null;

/** The last field name on the path: any message about that node or below it contains it. */
const field = (path: Path) => String(path.filter((part) => typeof part === 'string').at(-1));
const NOT_JSON = 'it is not valid JSON (cut short, or not JSON)';

const pick = <T>(items: T[], random: () => number): T => items[Math.floor(random() * items.length)];
const base = () => JSON.parse(validRunFileText);
const all = nodes(base()).filter((node) => node.path.length > 0);
const objectNodes = all.filter((n) => typeof n.value === 'object' && n.value !== null);
const numberNodes = all.filter((n) => typeof n.value === 'number');

/** A placeholder replaced in the text, for values JSON.stringify cannot write. */
function withRaw(node: Node, raw: string): string {
  const doc = base();
  parentOf(doc, node.path)[node.path.at(-1)!] = '@@RAW@@';
  return JSON.stringify(doc).replace('"@@RAW@@"', raw);
}

function replaced(node: Node, value: unknown) {
  const doc = base();
  parentOf(doc, node.path)[node.path.at(-1)!] = value;
  return { text: JSON.stringify(doc), names: field(node.path) };
}

const MUTATIONS: Record<string, Mutation> = {
  deleteField(random) {
    const node = pick(all, random);
    const last = node.path.at(-1)!;
    if (typeof last === 'number' || OPTIONAL.has(key(node.path))) return null;
    const doc = base();
    delete parentOf(doc, node.path)[last];
    const names = last === 'format' ? 'no "format" field' : `${last} is missing`;
    return { text: JSON.stringify(doc), names };
  },
  swapType(random) {
    const node = pick(all, random);
    // null there means "none"
    if (['temperature', 'earlyStop', 'epochLogits', 'epochFixes'].includes(key(node.path)))
      return null;
    return replaced(node, pick(typeSwaps(node), random));
  },
  hugeNumber(random) {
    const node = pick(numberNodes, random);
    return { text: withRaw(node, pick(['1e999', '-1e999'], random)), names: field(node.path) };
  },
  notANumber: (random) => ({
    text: withRaw(pick(numberNodes, random), pick(['NaN', 'Infinity', '-0x1'], random)),
    names: NOT_JSON,
  }),
  nestedGarbage: (random) =>
    replaced(pick(objectNodes, random), nested(2 + Math.floor(random() * 400))),
  truncate: (random) => ({
    text: validRunFileText.slice(0, 1 + Math.floor(random() * (validRunFileText.length - 1))),
    names: NOT_JSON,
  }),
  pollute(random) {
    const node = pick(
      objectNodes.filter((n) => !Array.isArray(n.value)),
      random,
    );
    const doc = base();
    const target = parentOf(doc, node.path)[node.path.at(-1)!];
    target['@@KEY@@'] = { polluted: true };
    const name = pick(['__proto__', 'constructor', 'prototype'], random);
    return {
      text: JSON.stringify(doc).replace('"@@KEY@@"', JSON.stringify(name)),
      names: `the file contains the reserved key "${name}"`,
    };
  },
};

describe('parseRunFile on generated malformed files', () => {
  it('accepts the file they are made from: each rejection below is the break, not the file', () => {
    expect(parseRunFile(validRunFileText)).toMatchObject({ ok: true });
  });

  it('rejects every one, naming the broken field or why the text is no JSON', () => {
    const random = mulberry32(2024);
    const names = Object.keys(MUTATIONS);
    let cases = 0;
    while (cases < 350) {
      const name = names[cases % names.length];
      const broken = MUTATIONS[name](random);
      if (broken === null) continue; // that draw would not corrupt the file; draw again
      cases++;
      // parseRunFile catches everything, so "does not throw" would prove nothing: what it
      // returns is checked instead.
      const result = parseRunFile(broken.text);
      expect(result, `${name}: ${broken.text.slice(0, 300)}`).toEqual({
        ok: false,
        error: expect.stringContaining(broken.names),
      });
    }
  });
});
