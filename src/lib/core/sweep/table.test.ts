import { describe, expect, it } from 'vitest';
import { fixtureSweep } from './sweepFile.fixture';
import { sweepTable } from './table';

describe('sweep table', () => {
  // The fixture's finalNll (k = 0): 0.1 + 0.05·arm + 0.001·seed, seeds 1 and 2.
  const rows = sweepTable(fixtureSweep());

  it('gives each arm mean, sd and range over seeds, by hand', () => {
    expect(rows.map((row) => row.arm.name)).toEqual(['smoothing=0', 'smoothing=0.1']);
    const cell = rows[1].cells.finalNll;
    expect(cell.spread.count).toBe(2);
    expect(cell.spread.mean).toBeCloseTo(0.1515, 12);
    expect(cell.spread.sd).toBeCloseTo(Math.SQRT1_2 * 0.001, 12);
    expect(cell.spread.min).toBeCloseTo(0.151, 12);
    expect(cell.spread.max).toBeCloseTo(0.152, 12);
    expect(rows[1].seeds).toEqual([1, 2]);
  });

  it('marks a steady difference to the reference beyond seed noise; the reference has none', () => {
    expect(rows[0].cells.finalNll.difference).toBeNull();
    const difference = rows[1].cells.finalNll.difference!;
    // Both seeds differ by exactly 0.05 (to rounding): a zero-width interval around 0.05.
    expect(difference.mean).toBeCloseTo(0.05, 12);
    expect(difference.beyondNoise).toBe(true);
    expect(difference.relativeMean).toBeCloseTo((0.05 / 0.101 + 0.05 / 0.102) / 2, 12);
  });

  it('leaves a figure a run could not give as NaN, never beyond noise', () => {
    expect(rows[1].cells.plattNll.spread.mean).toBeNaN();
    expect(rows[1].cells.plattNll.difference!.beyondNoise).toBe(false);
  });

  it('reads a partial sweep: an arm without runs has no figures', () => {
    const partial = { ...fixtureSweep(), runs: fixtureSweep().runs.slice(0, 2) };
    const [, empty] = sweepTable(partial);
    expect(empty.seeds).toEqual([]);
    expect(empty.cells.finalNll.spread.count).toBe(0);
    expect(empty.cells.finalNll.difference!.beyondNoise).toBe(false);
  });
});
