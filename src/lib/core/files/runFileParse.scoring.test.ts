// The per-epoch scoring figures in a run file: Brier and its decomposition, equal-mass ECE and the
// bootstrap intervals. Optional (older files lack them), checked when present.
import { describe, expect, it } from 'vitest';
import { eceBootstrap } from '../metrics';
import { brierDecomposition } from '../metrics';
import { calibrationErrors, equalMassDiagram } from '../metrics';
import { validRunFileText } from './runFileParse.fixture';
import { parseRunFile } from './runFileParse';

const labels = new Uint8Array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
const logits = new Float32Array([
  0.62, -0.52, 3, -1, 4, -4, 1, 0, 2, 1, -2, 2.5, 12, -12, -3, 3, -1, 5, 0, 0.5,
]);

/** The fixture's file with this epoch's scoring figures added to every epoch, then `edit`ed. */
function withScoring(edit: (epoch: any) => void = () => {}): string {
  const doc = JSON.parse(validRunFileText);
  const reliabilityAdaptive = equalMassDiagram(logits, labels);
  const { ece, mce } = calibrationErrors(reliabilityAdaptive);
  for (const epoch of doc.epochs) {
    Object.assign(epoch, {
      brier: brierDecomposition(logits, labels),
      eceAdaptive: ece,
      mceAdaptive: mce,
      reliabilityAdaptive,
      eceInterval: eceBootstrap(logits, labels),
    });
    edit(epoch);
  }
  return JSON.stringify(doc);
}

describe('run file scoring figures', () => {
  it('are read back when present', () => {
    const result = parseRunFile(withScoring());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [epoch] = result.run.epochs;
    expect(epoch.brier).toEqual(brierDecomposition(logits, labels));
    expect(epoch.reliabilityAdaptive).toEqual(equalMassDiagram(logits, labels));
    expect(epoch.eceInterval).toEqual(eceBootstrap(logits, labels));
  });

  it('are absent, not guessed, in older files', () => {
    const result = parseRunFile(validRunFileText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.epochs[0].brier).toBeUndefined();
    expect(result.run.epochs[0].eceInterval).toBeUndefined();
  });

  it('refuse parts that do not sum to the score, a score above 2, a reversed interval, a lone adaptive ECE', () => {
    const cases: [(epoch: any) => void, RegExp][] = [
      [(epoch) => (epoch.brier.resolution += 0.1), /brier.*sum to score/],
      [(epoch) => (epoch.brier.score = 2.5), /brier\.score/],
      [(epoch) => (epoch.eceInterval.equalMass.high = -1), /equalMass\.high/],
      [(epoch) => delete epoch.reliabilityAdaptive, /reliabilityAdaptive/],
    ];
    for (const [edit, pattern] of cases) {
      const result = parseRunFile(withScoring(edit));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(pattern);
    }
  });
});
