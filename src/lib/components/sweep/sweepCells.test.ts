import { describe, expect, it } from 'vitest';
import type { PairedDifference, SweepCell } from '../../core/sweep';
import { fixtureSweep } from '../../core/sweep/sweepFile.fixture';
import { cellText, figureText, fileLabel, noiseRuleText, TABLE_KEYS } from './sweepCells';

const spread = { count: 3, mean: 0.3, sd: 0.02, min: 0.28, max: 0.32 };
function difference(mean: number, beyondNoise: boolean): PairedDifference {
  return {
    pairs: 3,
    mean,
    low: mean - 0.01,
    high: mean + 0.01,
    relativeMean: 0,
    relativeSd: 0,
    beyondNoise,
  };
}
const cell = (d: PairedDifference | null): SweepCell => ({ spread, difference: d });

describe('the sweep table’s cells', () => {
  it('shows every figure but the fitted T', () => {
    expect(TABLE_KEYS).toHaveLength(15);
    expect(TABLE_KEYS).not.toContain('temperature');
  });

  it('reads mean ± sd and min–max with three significant digits', () => {
    expect(figureText('finalNll', 0.33149)).toBe('0.331');
    expect(figureText('bestEpoch', 7.3333)).toBe('7.3');
    expect(cellText('finalNll', cell(null))).toEqual({
      main: '0.3 ± 0.02',
      range: '0.28–0.32',
      mark: '',
      markText: '',
    });
    const one = cellText('finalNll', {
      spread: { ...spread, count: 1, sd: Number.NaN },
      difference: null,
    });
    expect([one.main, one.range]).toEqual(['0.3', '']);
  });

  it('marks a difference beyond seed noise by which way is better', () => {
    // NLL lower is better; accuracy higher is better; the epoch is neither.
    expect(cellText('finalNll', cell(difference(-0.05, true)))).toMatchObject({
      mark: 'better',
      markText: 'better than the reference beyond seed noise (−0.05)',
    });
    expect(cellText('finalAccuracy', cell(difference(-0.05, true))).mark).toBe('worse');
    expect(cellText('bestEpoch', cell(difference(2, true))).markText).toBe(
      'differs from the reference beyond seed noise (+2)',
    );
    expect(cellText('finalNll', cell(difference(-0.05, false))).mark).toBe('');
  });

  it('states the rule, and that one seed calls nothing', () => {
    expect(noiseRuleText(3)).toContain(
      '95 % paired-t interval over seeds of (arm − reference) excludes 0',
    );
    expect(noiseRuleText(1)).toContain('With one seed nothing is beyond noise.');
  });

  it('labels a recording by what its link says it holds', () => {
    expect(fileLabel({ ...fixtureSweep(), recorded: true }, 'recorded')).toBe(
      'Recorded sweep, not trained here (read-only): 2 arms × 2 seeds, 2000 training images, 3 epochs; 4 of 4 runs.',
    );
    expect(fileLabel(fixtureSweep(), 'imported', 'a.json')).toContain('Imported sweep “a.json”');
  });
});
