// Real exports met halfway: float16 and bfloat16 logits, a single sigmoid output, probabilities
// saved instead of logits, one-hot and column labels. The expected values are NumPy's own
// conversion (scripts/fixtures/logits_fixtures.py), never the parser's.

import { describe, expect, it } from 'vitest';
import { accepted, expected, parseFixture, refused } from './logitsFixtures.fixture';

describe('parseLogitsFile reads real exports that are not plain logits, and says how', () => {
  it.each(Object.keys(expected.forms))('%s matches NumPy, with its notes', async (name) => {
    const want = expected.forms[name];
    const run = accepted(await parseFixture(name));
    expect(Array.from(run.labels)).toEqual(want.labels);
    expect(run.epochLogits.map((logits) => Array.from(logits))).toEqual(
      want.logits.map((epoch) => epoch.flat().map(Math.fround)),
    );
    expect(run.notes.map((note) => note.kind)).toEqual(want.noteKinds);
  });

  it('covers each form the issue names', () => {
    expect(Object.keys(expected.forms).sort()).toEqual([
      'bfloat16_as_float32.npz', // PyTorch bf16 .float(): plain float32, no note needed
      'float16_logits.npz', // <f2 with a subnormal and 65504
      'one_hot_labels.npz', // float32 one-hot rows → argmax
      'sigmoid_logits.npz', // (E, N, 1) logits z and (N, 1) labels → [0, z]
      'sigmoid_probabilities.npz', // (E, N, 1) values in [0, 1] → [ln(1 − p), ln p]
      'softmax_probabilities.npz', // rows summing to 1 → ln p
    ]);
  });

  it('says what each reading did, in words the page shows', async () => {
    const sigmoid = accepted(await parseFixture('sigmoid_logits.npz'));
    expect(sigmoid.classNames).toEqual(['class 0', 'class 1']);
    expect(sigmoid.notes.map((note) => note.text)).toEqual([
      'labels has shape (6, 1): read as one class index per example.',
      'logits has one column, a single sigmoid output z: read as two-class logits [0, z], ' +
        'so class 1 has probability sigmoid(z).',
    ]);
    const softmax = accepted(await parseFixture('softmax_probabilities.npz'));
    expect(softmax.notes[0].text).toBe(
      'every row of logits lies in [0, 1] and sums to 1: these are probabilities (after ' +
        'softmax), not logits. Read as log-probabilities: they differ from the logits by one ' +
        'constant per row, which softmax, margins and temperature ignore, so every figure is ' +
        'unchanged. ' +
        "2 probabilities were exactly 0 and read as ln 2⁻¹⁴⁹ = −103.28 (float32's smallest), not −∞.",
    );
    const float16 = accepted(await parseFixture('float16_logits.npz'));
    expect(float16.notes[0].text).toBe(
      'logits are float16 (<f2): each value widened exactly to float32 on reading.',
    );
    const oneHot = accepted(await parseFixture('one_hot_labels.npz'));
    expect(oneHot.notes[0].text).toBe(
      'labels are one-hot (6 × 3): each row read as the class of its 1.',
    );
  });

  it('refuses bfloat16 kept as raw bytes, and soft labels, with the line that fixes them', async () => {
    expect(refused(await parseFixture('bfloat16_raw.npz'))).toBe(
      'logits has dtype |V2, 2 raw bytes per value (how numpy saves bfloat16); ' +
        'save logits.astype(np.float32) instead',
    );
    expect(refused(await parseFixture('not_one_hot_labels.npz'))).toBe(
      'labels has one row per example and one column per class, but row 4 (0.05, 0.9, 0.05) ' +
        'is not one-hot; save labels.argmax(axis=1), one class index per example',
    );
  });
});
