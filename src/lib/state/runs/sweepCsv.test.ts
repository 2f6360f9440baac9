import { describe, expect, it } from 'vitest';
import { SUMMARY_KEYS, sweepTable, type SweepTableRow } from '../../core/sweep';
import { sweepTableToCsv } from './sweepCsv';

const spread = (values: number[]) => ({
  count: values.length,
  mean: values[0],
  sd: Number.NaN,
  min: values[0],
  max: values[0],
});

describe('sweep table CSV', () => {
  it('writes one row per arm, reference without a difference, labels quoted when needed', () => {
    const cells = (beyond: boolean | null) =>
      Object.fromEntries(
        SUMMARY_KEYS.map((key) => [
          key,
          {
            spread: spread([0.25]),
            difference:
              beyond === null
                ? null
                : {
                    pairs: 1,
                    mean: -0.5,
                    low: -1,
                    high: 0.25,
                    relativeMean: -0.5,
                    relativeSd: Number.NaN,
                    beyondNoise: beyond,
                  },
          },
        ]),
      ) as SweepTableRow['cells'];
    const rows: SweepTableRow[] = [
      {
        arm: { name: 'plain', label: 'plain cross-entropy', overrides: {} },
        seeds: [1],
        cells: cells(null),
      },
      {
        arm: { name: 'l2=0.001', label: 'L2 λ = 0.001, "weak"', overrides: {} },
        seeds: [1],
        cells: cells(false),
      },
    ];
    const lines = sweepTableToCsv(rows).split('\r\n');
    expect(
      lines[0].startsWith(
        'arm,label,seeds,finalNll mean,finalNll sd,finalNll min,finalNll max,finalNll diff,finalNll diffLow,finalNll diffHigh,finalNll beyondNoise,finalEce mean',
      ),
    ).toBe(true);
    expect(lines[1].startsWith('plain,plain cross-entropy,1,0.25,,0.25,0.25,,,,,0.25')).toBe(true);
    expect(
      lines[2].startsWith(
        'l2=0.001,"L2 λ = 0.001, ""weak""",1,0.25,,0.25,0.25,-0.5,-1,0.25,0,0.25',
      ),
    ).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0].split(',')).toHaveLength(3 + 16 * 8);
  });

  it('is a table sweepTable made', () => {
    expect(sweepTableToCsv(sweepTable({ arms: [], runs: [], reference: '' }))).toMatch(
      /^arm,label,seeds,/,
    );
  });
});
