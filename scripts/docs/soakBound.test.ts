// The soak's length and heap bound as docs/reliability.md states them, against the constants of
// e2e/soak.spec.ts (read as text: a spec file is not a module the unit suite can import).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oneLine, readDoc, section, tableRows } from './markdown';

const spec = readFileSync('e2e/soak.spec.ts', 'utf8');
const faults = tableRows(section(readDoc('docs/reliability.md'), 'Faults and inputs'), 'fault or input');
const soakRow = faults.find(([fault]) => /-epoch soak/.test(fault));

/** `const NAME = <arithmetic of integers>;` from the spec, evaluated (digits, spaces and * only). */
function constant(name: string): number {
  const expression = spec.match(new RegExp(`const ${name} = ([\\d\\s*]+);`))?.[1];
  if (!expression) throw new Error(`e2e/soak.spec.ts has no numeric constant ${name}`);
  return expression.split('*').reduce((product, factor) => product * Number(factor), 1);
}

describe('the soak as docs/reliability.md states it', () => {
  it('names the number of epochs the spec runs', () => {
    expect(soakRow?.[0]).toMatch(new RegExp(`^${constant('EPOCHS')}-epoch soak`));
  });

  it('names the heap bound the spec holds it to', () => {
    const bound = constant('MAX_HEAP_GROWTH_BYTES');
    expect(bound % (1024 * 1024)).toBe(0);
    expect(oneLine(soakRow![1])).toContain(`grows less than ${bound / (1024 * 1024)} MiB`);
  });
});
