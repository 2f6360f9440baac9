import { describe, expect, it } from 'vitest';
import { validationMetrics } from '../../metrics';
import { LOG_ZERO_PROBABILITY, looksLikeProbabilities, readLogitsForm } from './logitsForm';

const f32 = (values: number[]) => Float32Array.from(values);
/** Float32 of hand-written values, as the reader stores them. */
const stored = (values: number[]) => values.map(Math.fround);

describe('looksLikeProbabilities', () => {
  it.each([
    [[0.2, 0.8, 1, 0], 2, true], // two rows summing to 1
    [[0.5005, 0.5], 2, true], // off by 5e-4: float16 rounding, within 1e-3
    [[0.2, 0.79], 2, false], // sums to 0.99
    [[0.3, 0.3, 0.3], 3, false], // sums to 0.9
    [[-0.1, 1.1], 2, false], // sums to 1 but leaves [0, 1]: logits
    [[0, 0.5, 1], 1, true], // one sigmoid column: values in [0, 1] are enough
    [[0.5, 1.5], 1, false],
    [[Number.NaN, 1], 2, false],
  ])('%j with %i columns: %s', (values, columns, answer) => {
    expect(looksLikeProbabilities([f32(values)], columns)).toBe(answer);
  });

  it('needs every epoch to look so', () => {
    expect(looksLikeProbabilities([f32([0.25, 0.75]), f32([2, -1])], 2)).toBe(false);
  });
});

describe('readLogitsForm', () => {
  it('leaves plain logits alone, with no note', () => {
    const logits = f32([2, -1, 0.5, 0.5]);
    expect(readLogitsForm([logits], 2)).toEqual({ epochLogits: [logits], notes: [] });
  });

  it('widens one sigmoid logit z to [0, z]', () => {
    const { epochLogits, notes } = readLogitsForm([f32([2, -3])], 1);
    expect(Array.from(epochLogits[0])).toEqual([0, 2, 0, -3]);
    expect(notes.map((note) => note.kind)).toEqual(['single-output']);
  });

  it('reads one column in [0, 1] as sigmoid probabilities: [ln(1 − p), ln p]', () => {
    // ln 0.5 = −0.6931471805599453; ln 0.25 = −1.3862943611198906; ln 0.75 = −0.2876820724517809
    const { epochLogits } = readLogitsForm([f32([0.5, 0.75])], 1);
    expect(Array.from(epochLogits[0])).toEqual(
      stored([-0.6931471805599453, -0.6931471805599453, -1.3862943611198906, -0.2876820724517809]),
    );
  });

  it('reads softmax rows as log-probabilities, a 0 as ln 2^-149, and says so', () => {
    const { epochLogits, notes } = readLogitsForm([f32([0.25, 0.75, 1, 0])], 2);
    expect(LOG_ZERO_PROBABILITY).toBeCloseTo(-149 * Math.LN2, 12); // −103.2789…
    expect(Array.from(epochLogits[0])).toEqual(
      stored([-1.3862943611198906, -0.2876820724517809, 0, -103.27892990343184]),
    );
    expect(notes[0].kind).toBe('probabilities');
    expect(notes[0].text).toContain('1 probability was exactly 0');
  });
});

describe('log-probabilities stand in for logits', () => {
  // Two examples, three classes; p = softmax(z) in float64, stored as float32 like a file's.
  const z = [2, -1, 0.5, -0.3, 1.2, 0.1];
  const labels = Uint8Array.of(0, 2);
  const softmaxRows = (values: number[]) =>
    [0, 3].flatMap((start) => {
      const row = values.slice(start, start + 3).map(Math.exp);
      const sum = row.reduce((total, value) => total + value, 0);
      return row.map((value) => value / sum);
    });

  it('give the logits’ loss and accuracy at every temperature (a per-row shift changes none)', () => {
    const { epochLogits } = readLogitsForm([f32(softmaxRows(z))], 3);
    for (const temperature of [0.5, 1, 2]) {
      const fromLogs = validationMetrics(
        epochLogits[0].map((v) => v / temperature),
        labels,
      );
      const fromLogits = validationMetrics(f32(z.map((v) => v / temperature)), labels);
      expect(fromLogs.accuracy).toBe(fromLogits.accuracy);
      // float32 rounding of p and of ln p only.
      expect(Math.abs(fromLogs.loss - fromLogits.loss)).toBeLessThan(1e-6);
    }
  });
});
