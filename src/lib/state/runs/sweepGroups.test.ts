import { describe, expect, it } from 'vitest';
import { sweepGroups } from './sweepGroups';

const run = (id: string, createdAt: string, sweep?: [string, string, number]) => ({
  id,
  createdAt,
  ...(sweep ? { sweep: { id: sweep[0], arm: sweep[1], seed: sweep[2] } } : {}),
});

describe('sweepGroups', () => {
  it('lists a sweep’s runs together in (arm, seed) order where the list first meets it', () => {
    // Newest first, as the Runs list shows them; the pool started plain/1, plain/2, l2/1, l2/2.
    const runs = [
      run('solo-new', '2026-12-01T12:00:00Z'),
      run('l2-2', '2026-12-01T11:03:00Z', ['s1', 'l2=0.001', 2]),
      run('l2-1', '2026-12-01T11:02:00Z', ['s1', 'l2=0.001', 1]),
      run('plain-2', '2026-12-01T11:01:00Z', ['s1', 'plain', 2]),
      run('solo-old', '2026-12-01T10:30:00Z'),
      run('plain-1', '2026-12-01T11:00:00Z', ['s1', 'plain', 1]),
    ];
    const groups = sweepGroups(runs);
    expect(groups.map((group) => [group.sweepId, group.runs.map((one) => one.id)])).toEqual([
      [null, ['solo-new']],
      ['s1', ['plain-1', 'plain-2', 'l2-1', 'l2-2']],
      [null, ['solo-old']],
    ]);
  });

  it('keeps two sweeps apart', () => {
    const groups = sweepGroups([
      run('a', '2026-12-01T11:00:00Z', ['s1', 'plain', 1]),
      run('b', '2026-12-01T11:00:00Z', ['s2', 'plain', 1]),
    ]);
    expect(groups.map((group) => group.sweepId)).toEqual(['s1', 's2']);
  });
});
