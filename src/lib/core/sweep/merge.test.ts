import { describe, expect, it } from 'vitest';
import { missingRuns, mergeSweepShards } from './merge';
import { fixtureRun, fixtureSweep } from './sweepFile.fixture';
import { withoutVolatile, type SweepFile } from './sweepFile';

/** All orderings of `items`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const whole = fixtureSweep();
/** Three shards from two machines, runs listed out of order, one run in two shards. */
function shards(): SweepFile[] {
  const [a1, a2, b1, b2] = whole.runs;
  const onB = (run: typeof a1, armIndex: number) =>
    fixtureRun(run.arm, armIndex, run.seed, 'machine-b');
  return [
    { ...whole, createdAt: '2026-12-01T11:00:00.000Z', runs: [b2, a1] },
    { ...whole, createdAt: '2026-12-01T12:30:00.000Z', runs: [onB(a2, 0)] },
    { ...whole, createdAt: '2026-12-01T12:00:00.000Z', runs: [onB(b1, 1), b2] },
  ];
}

describe('merge of sweep shards', () => {
  it('gives the one-machine sweep, volatile fields aside, in every shard order', () => {
    const results = permutations(shards()).map((order) => mergeSweepShards(order));
    for (const result of results) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(withoutVolatile(result.sweep)).toEqual(withoutVolatile(whole));
      expect(result.sweep.runs.map((run) => [run.arm, run.seed])).toEqual([
        ['smoothing=0', 1],
        ['smoothing=0', 2],
        ['smoothing=0.1', 1],
        ['smoothing=0.1', 2],
      ]);
      // Identical to each other in full, time and machines included: the latest shard's time.
      expect(result.sweep).toEqual(results[0].ok && results[0].sweep);
      expect(result.sweep.createdAt).toBe('2026-12-01T12:30:00.000Z');
    }
  });

  it('keeps one copy of a run two shards hold, whichever came first', () => {
    const [first, second] = shards();
    const twice = {
      ...second,
      runs: [...second.runs, fixtureRun('smoothing=0', 0, 1, 'machine-b')],
    };
    const one = mergeSweepShards([first, twice]);
    const other = mergeSweepShards([twice, first]);
    expect(one).toEqual(other);
    expect(one.ok && one.sweep.runs).toHaveLength(3);
  });

  it('refuses a run that trained to different results on two machines', () => {
    const [first] = shards();
    const changed = fixtureRun('smoothing=0', 0, 1);
    changed.summary.finalNll += 1e-9;
    const result = mergeSweepShards([first, { ...first, runs: [changed] }]);
    expect(result).toEqual({
      ok: false,
      error:
        'arm "smoothing=0" seed 1 differs between shards: the same run trained to different results',
    });
  });

  it('refuses shards of different sweeps, and nothing to merge', () => {
    const [first] = shards();
    const other = { ...first, link: first.link.replace('seeds=2', 'seeds=3') };
    expect(mergeSweepShards([first, other])).toEqual({
      ok: false,
      error: `shard 2 is another sweep (link ${other.link}, not ${first.link})`,
    });
    expect(mergeSweepShards([])).toEqual({ ok: false, error: 'no sweep files to merge' });
  });

  it('lists the runs a partial sweep still needs, in run order', () => {
    expect(missingRuns(shards()[2])).toEqual([
      { arm: 'smoothing=0', seed: 1 },
      { arm: 'smoothing=0', seed: 2 },
    ]);
    expect(missingRuns(whole)).toEqual([]);
  });
});
