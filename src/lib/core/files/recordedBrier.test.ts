// The recorded run (static/replay/default-run.json) against the Brier decomposition: its stored
// figures are the code's own for its logits, and its within-bin term is small there. Measured
// max |within-bin| / reliability per epoch: 2.20 at 10 bins (median 0.27), 0.039 at 50 (epoch 19).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIER_BINS, brierDecomposition } from '../metrics';
import { parseRunFile } from './runFileParse';
import { validRunFileText } from './runFileParse.fixture';

const recording = parseRunFile(readFileSync('static/replay/default-run.json', 'utf8'));
if (!recording.ok) throw new Error(recording.error);
const { run } = recording;
const labels = Uint8Array.from(run.validation.labels);
const logits = run.epochLogits ?? [];

function withinBinShares(bins: number): number[] {
  return logits.map((epochLogits) => {
    const { withinBin, reliability } = brierDecomposition(epochLogits, labels, bins);
    return Math.abs(withinBin) / reliability;
  });
}

describe('the recorded run’s Brier decomposition', () => {
  it('stores exactly what the code computes from its logits, at 50 bins with both within-bin parts', () => {
    expect(BRIER_BINS).toBe(50);
    expect(logits).toHaveLength(40);
    run.epochs.forEach((epoch, index) => {
      expect(epoch.brier).toEqual(brierDecomposition(logits[index], labels));
    });
  });

  it('keeps the within-bin term within 4 % of reliability at every epoch at 50 bins, not at 10', () => {
    for (const epoch of run.epochs) expect(epoch.brier?.reliability).toBeGreaterThan(0.001);
    expect(Math.max(...withinBinShares(50))).toBeLessThanOrEqual(0.04);
    // The old tenths: up to twice reliability, which the panel used to call "small".
    expect(Math.max(...withinBinShares(10))).toBeGreaterThan(2);
  });
});

describe('a run file’s within-bin parts', () => {
  const pair = new Float32Array([0, 1, 2, -1, 0.5, 0.5, 3, 0]);
  const pairLabels = Uint8Array.from([1, 0, 1, 0]);

  function fileWith(edit: (brier: Record<string, number>) => void): string {
    const doc = JSON.parse(validRunFileText);
    for (const epoch of doc.epochs) {
      epoch.brier = { ...brierDecomposition(pair, pairLabels, 2) };
      edit(epoch.brier);
    }
    return JSON.stringify(doc);
  }

  it('are optional: a file from before them opens without them', () => {
    const result = parseRunFile(
      fileWith((brier) => {
        delete brier.withinBinVariance;
        delete brier.withinBinCovariance;
      }),
    );
    expect(result.ok && result.run.epochs[0].brier).not.toHaveProperty('withinBinVariance');
  });

  it('must make up the within-bin term', () => {
    const result = parseRunFile(fileWith((brier) => (brier.withinBinCovariance += 0.01)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/brier.*within-bin parts that make up withinBin/);
  });
});
