// The JSON format meets the same exports halfway as the .npz reader: one number per row for a
// single sigmoid output, one-hot label rows, probabilities instead of logits.

import { describe, expect, it } from 'vitest';
import { LOGITS_JSON_FORMAT, parseLogitsFile } from './importedRun';
import { accepted, refused } from './logitsFixtures.fixture';

function file(labels: unknown[], rows: number[][], classes = ['no', 'yes']) {
  const doc = { format: LOGITS_JSON_FORMAT, classes, labels, epochs: [{ epoch: 1, logits: rows }] };
  return parseLogitsFile('run.json', new TextEncoder().encode(JSON.stringify(doc)));
}

describe('parseLogitsJson reads real exports that are not plain logits, and says how', () => {
  it('reads one number per row (two classes) as a sigmoid output z: [0, z]', async () => {
    const run = accepted(await file([0, 1], [[-1.5], [2]]));
    expect(Array.from(run.epochLogits[0])).toEqual([0, -1.5, 0, 2]);
    expect(run.notes.map((note) => note.kind)).toEqual(['single-output']);
  });

  it('reads one-hot label rows by their 1', async () => {
    const run = accepted(
      await file(
        [
          [0, 1],
          [1, 0],
        ],
        [
          [1, 2],
          [3, -1],
        ],
      ),
    );
    expect(Array.from(run.labels)).toEqual([1, 0]);
    expect(run.notes.map((note) => note.text)).toEqual([
      'labels are one-hot (2 × 2): each row read as the class of its 1.',
    ]);
  });

  it('refuses soft label rows with the line that fixes them', async () => {
    const message = refused(
      await file(
        [
          [0.1, 0.9],
          [1, 0],
        ],
        [
          [1, 2],
          [3, -1],
        ],
      ),
    );
    expect(message).toBe(
      'labels has one row per example and one column per class, but row 0 (0.1, 0.9) is not ' +
        'one-hot; save labels.argmax(axis=1), one class index per example',
    );
  });

  it('catches softmax outputs and reads them as log-probabilities', async () => {
    // ln 0.25 = −1.3862943611198906, ln 0.75 = −0.2876820724517809, ln 0.5 = −0.6931471805599453
    const run = accepted(
      await file(
        [0, 1],
        [
          [0.25, 0.75],
          [0.5, 0.5],
        ],
      ),
    );
    expect(Array.from(run.epochLogits[0])).toEqual(
      [-1.3862943611198906, -0.2876820724517809, -0.6931471805599453, -0.6931471805599453].map(
        Math.fround,
      ),
    );
    expect(run.notes.map((note) => note.kind)).toEqual(['probabilities']);
  });

  it('still refuses a one-class file', async () => {
    expect(refused(await file([0, 0], [[1], [2]], ['only']))).toMatch(
      /1 class: the page needs at least 2 classes/,
    );
  });
});
