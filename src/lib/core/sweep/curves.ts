// An arm's per-epoch curve averaged over its seeds, with the band the seeds span: what the
// overlaid validation-loss chart draws per setting value. A run that stopped early (early
// stopping) leaves the later epochs to the seeds that reached them; `count` says how many did.

import { seedSpread } from './seedStats';
import type { RunCurves } from './summaryFields';
import type { SweepFile } from './sweepFile';

export interface CurveBand {
  epoch: number[];
  mean: number[];
  sd: number[];
  min: number[];
  max: number[];
  /** Seeds that reached each epoch. */
  count: number[];
}

export function seedAveragedCurve(
  file: Pick<SweepFile, 'runs'>,
  arm: string,
  key: Exclude<keyof RunCurves, 'epoch'>,
): CurveBand {
  const runs = file.runs.filter((run) => run.arm === arm);
  const epochs = [...new Set(runs.flatMap((run) => run.curves.epoch))].sort((a, b) => a - b);
  const band: CurveBand = { epoch: epochs, mean: [], sd: [], min: [], max: [], count: [] };
  for (const epoch of epochs) {
    const values = runs.flatMap((run) => {
      const at = run.curves.epoch.indexOf(epoch);
      return at === -1 ? [] : [run.curves[key][at]];
    });
    const spread = seedSpread(values);
    band.mean.push(spread.mean);
    band.sd.push(spread.sd);
    band.min.push(spread.min);
    band.max.push(spread.max);
    band.count.push(spread.count);
  }
  return band;
}
