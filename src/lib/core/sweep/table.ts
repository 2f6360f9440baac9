// The sweep's table: per arm, each summary figure's mean, sd and range over seeds, and its
// paired difference to the reference arm with the "beyond seed noise" mark (seedStats.ts).

import type { Arm } from './definition';
import { pairedDifference, seedSpread, type PairedDifference, type SeedSpread } from './seedStats';
import { SUMMARY_KEYS, type SummaryKey } from './summaryFields';
import type { SweepFile } from './sweepFile';

export interface SweepCell {
  spread: SeedSpread;
  /** Against the reference arm, seed by seed; null in the reference arm's own row. */
  difference: PairedDifference | null;
}

export interface SweepTableRow {
  arm: Arm;
  /** The seeds this arm has finished, in order. */
  seeds: number[];
  cells: Record<SummaryKey, SweepCell>;
}

/** One row per arm (in the file's order), over the runs the file holds. */
export function sweepTable(file: Pick<SweepFile, 'arms' | 'runs' | 'reference'>): SweepTableRow[] {
  const bySeed = (arm: string, key: SummaryKey) =>
    new Map(file.runs.filter((run) => run.arm === arm).map((run) => [run.seed, run.summary[key]]));
  return file.arms.map((arm) => {
    const cells = {} as Record<SummaryKey, SweepCell>;
    for (const key of SUMMARY_KEYS) {
      const values = bySeed(arm.name, key);
      cells[key] = {
        spread: seedSpread([...values.values()]),
        difference:
          arm.name === file.reference
            ? null
            : pairedDifference(values, bySeed(file.reference, key)),
      };
    }
    return {
      arm,
      seeds: file.runs.filter((run) => run.arm === arm.name).map((run) => run.seed),
      cells,
    };
  });
}
