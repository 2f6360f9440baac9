// Every backend chain the README and docs/ write ("WebGPU → WebGL → WASM → CPU") is the chain
// the code walks: BACKEND_ORDER, which selectBackend follows for a forced backend and the
// training client follows after a lost GPU (the next backend in BACKEND_ORDER, in a new worker).
import { describe, expect, it } from 'vitest';
import { BACKEND_ORDER, backendDisplayName } from '../../src/lib/core/train/backend';
import { oneLine, userDocs } from './markdown';

const NAMES = BACKEND_ORDER.map(backendDisplayName);
const NAME = `(?:${NAMES.join('|')})`;
/** Two or more backend names joined by arrows. */
const CHAIN = new RegExp(`${NAME}(?: → ${NAME})+`, 'g');

const chains = userDocs().flatMap(({ path, text }) =>
  [...oneLine(text).matchAll(CHAIN)].map((match) => ({ path, chain: match[0] })),
);

describe('backend chains in the docs', () => {
  it('finds the chains it checks (the settings table, performance.md, the faults table)', () => {
    expect(new Set(chains.map(({ path }) => path))).toEqual(
      new Set(['README.md', 'docs/performance.md', 'docs/reliability.md']),
    );
  });

  it.each(chains.map(({ path, chain }) => [path, chain]))('%s: %s', (_path, chain) => {
    expect(chain).toBe(NAMES.join(' → '));
  });
});
