// "Stop early, or keep training and rescale?" answered on one evaluation half. The stopping
// epoch is the one early stopping would restore (epochChoice.ts: chosen on the calibration half
// only), the rival is the last epoch; at each, the model as trained and every fix fitted on the
// calibration half (epochFixes.ts) is a candidate. The candidates are few and were all chosen
// without the evaluation half, so comparing their evaluation NLL picks a winner, not an estimate.

import { stopEpoch } from './epochChoice';
import type { EpochFix } from './epochFixes';

export type FixName = 'none' | 'temperature' | 'platt' | 'isotonic';

/** One candidate, on the evaluation half. */
export interface VerdictOption {
  epoch: number;
  fix: FixName;
  nll: number;
  ece: number;
  accuracy: number;
  /** The fitted T for 'temperature', else null. */
  T: number | null;
}

export interface FixVerdict {
  /** The epoch early stopping would restore (lowest calibration-half loss). */
  stopEpoch: number;
  lastEpoch: number;
  /** Every candidate, stopping epoch first, each epoch's as trained first. */
  options: VerdictOption[];
  /** The lowest evaluation NLL (ties: the earlier candidate, the simpler one). */
  best: VerdictOption;
  /**
   * What `best` is compared with: the best candidate at the other epoch; when both epochs are
   * one, the model as trained there (or, when that is best, the best fix).
   */
  rival: VerdictOption | null;
  evaluationCount: number;
}

const FIX_ORDER: readonly Exclude<FixName, 'none'>[] = ['temperature', 'platt', 'isotonic'];

/** The candidates at one epoch: as trained, then each fix that applies (Platt and isotonic: two classes). */
function optionsAt(fix: EpochFix): VerdictOption[] {
  const { report, epoch } = fix;
  const options: VerdictOption[] = [{ epoch, fix: 'none', ...figuresOf(report.none), T: null }];
  for (const name of FIX_ORDER) {
    const result = report[name];
    if ('notApplicable' in result && result.notApplicable !== undefined) continue;
    options.push({
      epoch,
      fix: name,
      ...figuresOf(result),
      T: name === 'temperature' ? report.temperature.T : null,
    });
  }
  return options;
}

function figuresOf(figures: { nll: number; ece: number; accuracy: number }) {
  return { nll: figures.nll, ece: figures.ece, accuracy: figures.accuracy };
}

/** The lowest finite NLL, the first on ties; null when none is finite. */
function lowest(options: readonly VerdictOption[]): VerdictOption | null {
  let best: VerdictOption | null = null;
  for (const option of options) {
    if (!Number.isFinite(option.nll)) continue;
    if (best === null || option.nll < best.nll) best = option;
  }
  return best;
}

/** The verdict over every epoch's fixes (epoch order); null with no epoch to judge. */
export function chooseVerdict(fixes: readonly EpochFix[]): FixVerdict | null {
  const chosen = stopEpoch(fixes);
  const last = fixes.at(-1);
  const stopped = fixes.find((fix) => fix.epoch === chosen);
  if (chosen === null || last === undefined || stopped === undefined) return null;
  const atStop = optionsAt(stopped);
  const atLast = last === stopped ? [] : optionsAt(last);
  const options = [...atStop, ...atLast];
  const best = lowest(options);
  if (best === null) return null;
  const others = last === stopped ? [] : best.epoch === chosen ? atLast : atStop;
  const rival =
    others.length > 0
      ? lowest(others)
      : best.fix === 'none'
        ? lowest(atStop.slice(1))
        : (atStop.find((option) => option.fix === 'none') ?? null);
  return {
    stopEpoch: chosen,
    lastEpoch: last.epoch,
    options,
    best,
    rival,
    evaluationCount: last.report.evaluationCount,
  };
}
