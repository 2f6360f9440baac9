// Ranking saved runs by how well their final model scores, before and after each post-hoc fix.
// Each run's held logits are fitted and scored by core/metrics/posthoc.ts (calibration half → evaluation
// half), so every run is judged on the same images the same way. Pure: reports in, rows out.

import type { PosthocMethod, PosthocReport } from '../../core/metrics';

export type RankMetric = 'nll' | 'ece' | 'accuracy';

export const RANK_METRICS: readonly { value: RankMetric; label: string }[] = [
  { value: 'nll', label: 'NLL (lower is better)' },
  { value: 'ece', label: 'ECE (lower is better)' },
  { value: 'accuracy', label: 'Accuracy (higher is better)' },
];

export const RANK_FIXES: readonly { value: PosthocMethod; label: string }[] = [
  { value: 'none', label: 'as trained' },
  { value: 'temperature', label: 'after temperature' },
  { value: 'platt', label: 'after Platt' },
  { value: 'isotonic', label: 'after isotonic' },
];

export interface RankedRun {
  id: string;
  /** When it started, as the Runs list writes it. */
  createdAt: string;
  /** What tells it from the other runs ranked (runNames), e.g. "label smoothing 0.1", "plain". */
  differences: string;
  /** The epoch whose logits were scored (the restored best after early stopping). */
  epoch: number;
  report: PosthocReport;
}

/** A run's figure for `metric` after `fix`, on its evaluation half. */
export function figureOf(run: RankedRun, metric: RankMetric, fix: PosthocMethod): number {
  return run.report[fix][metric];
}

/**
 * Best first by `metric` after `fix`: ascending for NLL and ECE, descending for accuracy; a
 * non-finite figure (a diverged run) sorts last; ties keep the newer run first.
 */
export function rankRuns(
  runs: readonly RankedRun[],
  metric: RankMetric,
  fix: PosthocMethod,
): RankedRun[] {
  const sign = metric === 'accuracy' ? -1 : 1;
  const key = (run: RankedRun) => {
    const value = figureOf(run, metric, fix);
    return Number.isFinite(value) ? sign * value : Infinity;
  };
  return [...runs].sort((a, b) => key(a) - key(b) || b.createdAt.localeCompare(a.createdAt));
}
