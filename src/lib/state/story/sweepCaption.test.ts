import { describe, expect, it } from 'vitest';
import { REMEDIES_ARMS, sweepTable, type SweepFileRun } from '../../core/sweep';
import { sweepCaption } from './sweepCaption';

const [plain, smoothing] = REMEDIES_ARMS;

/** Runs whose only figures of interest are given; the rest copy final NLL. */
function runs(arm: string, finalNll: number[], accuracy: number[], scaledNll: number[]) {
  return finalNll.map((nll, k) => {
    const summary = Object.fromEntries(
      [
        'finalEce',
        'finalBrier',
        'bestNll',
        'bestEce',
        'bestBrier',
        'bestAccuracy',
        'bestEpoch',
        'temperature',
        'temperatureEce',
        'plattNll',
        'plattEce',
        'isotonicNll',
        'isotonicEce',
      ].map((key) => [key, nll]),
    );
    return {
      arm,
      seed: k + 1,
      summary: {
        ...summary,
        finalNll: nll,
        finalAccuracy: accuracy[k],
        temperatureNll: scaledNll[k],
      },
    } as unknown as SweepFileRun;
  });
}

const table = (armRuns: SweepFileRun[]) =>
  sweepTable({ arms: [plain, smoothing], reference: 'plain', runs: armRuns });

describe('sweep caption', () => {
  it('reads a cut beyond seed noise at equal accuracy that temperature scaling closes', () => {
    // Relative changes −40 %, −35 %, −40 %: mean −38.3 %, sd 2.9 %. Differences −0.2, −0.14,
    // −0.24: mean −0.193, sd 0.0503, half-width 4.303 · 0.0503/√3 = 0.125, so beyond noise.
    // Accuracy differences ±0.01, 0 and scaled-NLL differences −0.01, +0.01, −0.01: within it.
    const rows = table([
      ...runs('plain', [0.5, 0.4, 0.6], [0.9, 0.91, 0.92], [0.3, 0.28, 0.33]),
      ...runs('smoothing=0.1', [0.3, 0.26, 0.36], [0.91, 0.9, 0.92], [0.29, 0.29, 0.32]),
    ]);
    expect(sweepCaption(rows)).toBe(
      'Label smoothing 0.1 cut final NLL by 38% (± 3% over 3 seeds) at equal accuracy; after temperature scaling the plain cross-entropy run is within seed noise of it.',
    );
  });

  it('says so when the change is within seed noise, and when accuracy and the scaled gap move', () => {
    const rows = table([
      ...runs('plain', [0.5, 0.4, 0.6], [0.9, 0.91, 0.92], [0.3, 0.28, 0.33]),
      // NLL differences −0.1, +0.05, −0.05: mean −0.033, within noise. Accuracy +0.02 each
      // seed (sd 0: beyond). Scaled NLL −0.1, −0.08, −0.11: beyond: −33.3 %, −28.6 %, −33.3 %, −31.7 % on average.
      ...runs('smoothing=0.1', [0.4, 0.45, 0.55], [0.92, 0.93, 0.94], [0.2, 0.2, 0.22]),
    ]);
    expect(sweepCaption(rows)).toBe(
      'Label smoothing 0.1 left final NLL within seed noise of plain cross-entropy (3 seeds) and moved accuracy by +2 points; after temperature scaling it still beats the plain cross-entropy run by 32%.',
    );
  });

  it('calls nothing beyond noise with one seed', () => {
    const rows = table([
      ...runs('plain', [0.5], [0.9], [0.3]),
      ...runs('smoothing=0.1', [0.2], [0.9], [0.3]),
    ]);
    expect(sweepCaption(rows)).toBe(
      'Label smoothing 0.1 cut final NLL by 60% against plain cross-entropy on one seed; with one seed nothing is beyond seed noise: run more seeds to tell.',
    );
  });

  it('waits for runs', () => {
    expect(sweepCaption(table(runs('plain', [0.5], [0.9], [0.3])))).toBe(
      'No finished runs to compare yet: each arm needs a run on a seed the reference arm has run.',
    );
  });
});
