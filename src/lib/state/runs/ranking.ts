// Ranking saved runs by how well their final model scores, before and after each post-hoc fix.
// Each run's held logits are fitted and scored by core/metrics/posthoc.ts (calibration half → evaluation
// half), so every run is judged on the same images the same way. Pure: reports in, rows out.

import type { PosthocMethod, PosthocReport } from '../../core/metrics';
import type { TrainConfig } from '../../core/types';
import { defaultSettings, RUN_KEYS, SETTINGS, type SettingKey } from '../../settings';

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
  /** The settings that differ from the defaults, e.g. "Focal loss γ 2 · Epochs 10"; "defaults" when none do. */
  differences: string;
  /** The epoch whose logits were scored (the restored best after early stopping). */
  epoch: number;
  report: PosthocReport;
}

/** "Label smoothing 0.1 · Epochs 10": the run's settings away from their defaults. */
export function settingsDifferences(config: TrainConfig): string {
  const defaults = defaultSettings();
  const parts: string[] = [];
  for (const key of RUN_KEYS as readonly SettingKey[]) {
    if (key === 'backend') continue;
    const spec = SETTINGS[key] as {
      config?: keyof TrainConfig;
      label: string;
      format(value: unknown): string;
    };
    if (spec.config === undefined) continue;
    const value = spec.format(config[spec.config]);
    if (value !== spec.format(defaults[key])) parts.push(`${spec.label} ${value}`);
  }
  return parts.length === 0 ? 'defaults' : parts.join(' · ');
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
