// Generated malformed run files: each case breaks a valid file in one way that must make it
// invalid (a deletion of a required field, a type swap, a non-finite or NaN number, nested
// garbage, markup where a choice belongs, a truncation, a polluting key). Every one must give
// ok:false with a short plain message — and none may throw.

import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
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
  'earlyStop',
  'config.labelSmoothing',
  'config.l2',
  'config.dropout',
  'config.earlyStop',
  'config.patience',
]);
/** Free-text fields: any string is valid there, so markup in them is data, not corruption. */
const FREE_TEXT = new Set([
  'environment.adapter',
  'environment.userAgent',
  'environment.tfjs',
  'environment.fallbackReason',
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

type Mutation = (random: () => number) => string | null;

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

const MUTATIONS: Record<string, Mutation> = {
  deleteField(random) {
    const node = pick(all, random);
    const last = node.path.at(-1)!;
    if (typeof last === 'number' || OPTIONAL.has(key(node.path))) return null;
    const doc = base();
    delete parentOf(doc, node.path)[last];
    return JSON.stringify(doc);
  },
  swapType(random) {
    const node = pick(all, random);
    // null there means "none"
    if (key(node.path) === 'temperature' || key(node.path) === 'earlyStop') return null;
    const doc = base();
    parentOf(doc, node.path)[node.path.at(-1)!] = pick(typeSwaps(node), random);
    return JSON.stringify(doc);
  },
  hugeNumber: (random) => withRaw(pick(numberNodes, random), pick(['1e999', '-1e999'], random)),
  notANumber: (random) =>
    withRaw(pick(numberNodes, random), pick(['NaN', 'Infinity', '-0x1'], random)),
  nestedGarbage(random) {
    const node = pick(objectNodes, random);
    const doc = base();
    parentOf(doc, node.path)[node.path.at(-1)!] = nested(2 + Math.floor(random() * 400));
    return JSON.stringify(doc);
  },
  truncate(random) {
    return validRunFileText.slice(0, 1 + Math.floor(random() * (validRunFileText.length - 1)));
  },
  pollute(random) {
    const node = pick(
      objectNodes.filter((n) => !Array.isArray(n.value)),
      random,
    );
    const doc = base();
    const target = parentOf(doc, node.path)[node.path.at(-1)!];
    target['@@KEY@@'] = { polluted: true };
    const name = pick(['__proto__', 'constructor', 'prototype'], random);
    return JSON.stringify(doc).replace('"@@KEY@@"', JSON.stringify(name));
  },
};

describe('parseRunFile on generated malformed files', () => {
  it('rejects every one with a plain message and never throws', () => {
    const random = mulberry32(2024);
    const names = Object.keys(MUTATIONS);
    const perKind = new Map<string, number>();
    let cases = 0;
    while (cases < 350) {
      const name = names[cases % names.length];
      const text = MUTATIONS[name](random);
      if (text === null) continue; // that draw would not corrupt the file; draw again
      cases++;
      let result: ReturnType<typeof parseRunFile> | undefined;
      expect(() => (result = parseRunFile(text)), `${name}: ${text.slice(0, 200)}`).not.toThrow();
      expect(result?.ok, `${name} accepted: ${text.slice(0, 300)}`).toBe(false);
      if (result && !result.ok) {
        expect(result.error.length).toBeGreaterThan(10);
        expect(result.error.length).toBeLessThanOrEqual(240);
        // eslint-disable-next-line no-control-regex
        expect(result.error).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }
      perKind.set(name, (perKind.get(name) ?? 0) + 1);
    }
    expect(cases).toBe(350);
    for (const name of names) expect(perKind.get(name), name).toBeGreaterThanOrEqual(40);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
