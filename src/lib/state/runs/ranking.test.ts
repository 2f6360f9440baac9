import { describe, expect, it } from 'vitest';
import type { PosthocReport } from '../../core/metrics';
import { rankRuns, type RankedRun } from './ranking';

function run(id: string, nll: number, ece: number, accuracy: number, tNll: number): RankedRun {
  const figures = { nll, ece, accuracy };
  const report: PosthocReport = {
    calibrationCount: 1000,
    evaluationCount: 1000,
    none: figures,
    temperature: { nll: tNll, ece: ece / 2, accuracy, T: 2 },
    platt: { ...figures, a: 1, b: 0 },
    isotonic: { ...figures, steps: 10 },
    isotonicWarning: null,
  };
  return { id, createdAt: `2026-11-0${id}`, differences: 'defaults', epoch: 10, report };
}

describe('ranking saved runs', () => {
  const runs = [
    run('1', 0.35, 0.06, 0.91, 0.25),
    run('2', 0.3, 0.08, 0.9, 0.28),
    run('3', NaN, NaN, 0.5, NaN),
  ];

  it('orders by the chosen figure after the chosen fix, non-finite last', () => {
    expect(rankRuns(runs, 'nll', 'none').map((r) => r.id)).toEqual(['2', '1', '3']);
    expect(rankRuns(runs, 'nll', 'temperature').map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(rankRuns(runs, 'accuracy', 'none').map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(rankRuns(runs, 'ece', 'platt').map((r) => r.id)).toEqual(['1', '2', '3']);
  });
});
