// The two logits files the e2e verdict checks import (scripts/fixtures/verdict_fixtures.mjs
// builds them so that one way wins by construction): here the app's own fits and chooser must
// agree with the construction, on the split an import uses (the default seed, 1).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { epochFixes } from './epochFixes';
import { chooseVerdict } from './verdict';

const FIXTURES = 'src/lib/core/files/logitsImport/fixtures';
/** An imported run's config holds the default seed, which draws its split. */
const IMPORT_SEED = 1;

function verdictOf(name: string) {
  const file = JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as {
    labels: number[];
    epochs: { logits: number[][] }[];
  };
  const labels = Uint8Array.from(file.labels);
  const history = file.epochs.map((epoch) => Float32Array.from(epoch.logits.flat()));
  const verdict = chooseVerdict(epochFixes(history, labels, IMPORT_SEED));
  if (verdict === null) throw new Error('no verdict');
  return verdict;
}

describe('the verdict fixtures', () => {
  it('verdict-stop-early.json: stopping at epoch 4 beats the last epoch however it is scaled', () => {
    const verdict = verdictOf('verdict-stop-early.json');
    expect(verdict.stopEpoch).toBe(4);
    expect(verdict.lastEpoch).toBe(8);
    expect(verdict.best.epoch).toBe(4);
    expect(verdict.rival?.epoch).toBe(8);
    expect(verdict.rival?.fix).toBe('temperature');
    // Not a near thing: the rescaled last epoch is clearly behind, and less accurate.
    expect(verdict.rival!.nll - verdict.best.nll).toBeGreaterThan(0.1);
    expect(verdict.rival!.accuracy).toBeLessThan(verdict.best.accuracy);
  });

  it('verdict-rescale.json: the last epoch with its T beats stopping early', () => {
    const verdict = verdictOf('verdict-rescale.json');
    expect(verdict.stopEpoch).toBeLessThan(verdict.lastEpoch);
    expect(verdict.best).toMatchObject({ epoch: 8, fix: 'temperature' });
    expect(verdict.best.T).toBeGreaterThan(3);
    expect(verdict.rival?.epoch).toBe(verdict.stopEpoch);
    expect(verdict.rival!.nll - verdict.best.nll).toBeGreaterThan(0.1);
  });
});
