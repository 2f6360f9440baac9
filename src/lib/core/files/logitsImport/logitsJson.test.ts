import { describe, expect, it } from 'vitest';
import { LOGITS_JSON_FORMAT, parseLogitsFile } from './importedRun';
import { accepted, expected, parseFixture, refused } from './logitsFixtures.fixture';

const encoder = new TextEncoder();

interface EpochDoc {
  epoch?: unknown;
  logits: unknown[][];
  trainLoss?: unknown;
  trainAccuracy?: unknown;
}
interface Doc {
  format?: unknown;
  classes: unknown[];
  labels?: unknown[];
  epochs: EpochDoc[];
}

/** A small valid document: 2 classes, 3 examples, 2 epochs; `change` edits a copy. */
function document(change: (doc: Doc) => void = () => undefined): string {
  const doc: Doc = {
    format: LOGITS_JSON_FORMAT,
    classes: ['no', 'yes'],
    labels: [0, 1, 1],
    epochs: [
      {
        epoch: 1,
        logits: [
          [0.5, -0.5],
          [0, 1],
          [2, -1],
        ],
        trainLoss: 0.7,
        trainAccuracy: 0.5,
      },
      {
        epoch: 2,
        logits: [
          [1, -1],
          [-1, 1],
          [0.25, 0.75],
        ],
        trainLoss: 0.4,
        trainAccuracy: 1,
      },
    ],
  };
  change(doc);
  return JSON.stringify(doc);
}

async function parseText(text: string) {
  return parseLogitsFile('mine.json', encoder.encode(text));
}

async function messageFor(text: string): Promise<string> {
  const message = refused(await parseText(text));
  expect(message.length).toBeLessThanOrEqual(240);
  return message;
}

describe('parseLogitsFile on JSON', () => {
  it('reads the file the NumPy script wrote as NumPy holds it', async () => {
    const run = accepted(await parseFixture('good.json'));
    const want = expected.good['good.json'];
    expect(run.format).toBe('json');
    expect(run.name).toBe('good');
    expect(run.classNames).toEqual(want.classNames);
    expect(Array.from(run.labels)).toEqual(want.labels);
    expect(run.epochLogits.map((logits) => Array.from(logits))).toEqual(
      want.logits.map((epoch) => epoch.flat().map(Math.fround)),
    );
    expect(run.trainLoss).toEqual(want.trainLoss);
    expect(run.trainAccuracy).toEqual(want.trainAccuracy);
  });

  it('reads a hand-written document, with leading spaces and a byte-order mark', async () => {
    const run = accepted(await parseText(`\uFEFF \n${document()}`));
    expect(run.classNames).toEqual(['no', 'yes']);
    expect(Array.from(run.labels)).toEqual([0, 1, 1]);
    expect(Array.from(run.epochLogits[1])).toEqual([1, -1, -1, 1, 0.25, 0.75]);
    expect(run.trainLoss).toEqual([0.7, 0.4]);
    expect(run.trainAccuracy).toEqual([0.5, 1]);
  });

  it('leaves the curves null when no epoch gives them', async () => {
    const text = document((doc) => {
      for (const epoch of doc.epochs) {
        delete epoch.trainLoss;
        delete epoch.trainAccuracy;
      }
    });
    const run = accepted(await parseText(text));
    expect(run.trainLoss).toBeNull();
    expect(run.trainAccuracy).toBeNull();
  });

  it.each([
    [
      'wrong format',
      (d: Doc) => (d.format = 'logits@2'),
      /format must be ".*logits@1", got "logits@2"/,
    ],
    ['no format', (d: Doc) => delete d.format, /format is missing/],
    ['no labels', (d: Doc) => delete d.labels, /^labels is missing$/],
    [
      'ragged row',
      (d: Doc) => (d.epochs[1].logits[2] = [1]),
      /epochs\[1\]\.logits\[2\] must be a list of 2 numbers/,
    ],
    [
      'missing row',
      (d: Doc) => d.epochs[0].logits.pop(),
      /epochs\[0\]\.logits has 2 rows but labels has 3/,
    ],
    [
      'text logit',
      (d: Doc) => (d.epochs[0].logits[1][0] = 'x'),
      /epochs\[0\]\.logits\[1\]\[0\] must be a number or null, got "x"/,
    ],
    [
      'label = K',
      (d: Doc) => (d.labels![2] = 2),
      /1 label is not a class index in 0\.\.1 .*labels\[2\] = 2/,
    ],
    ['label = −1', (d: Doc) => (d.labels![0] = -1), /labels\[0\] = -1/],
    ['label 0.5', (d: Doc) => (d.labels![1] = 0.5), /labels\[1\] = 0\.5/],
    [
      'label text',
      (d: Doc) => (d.labels![1] = 'yes'),
      /labels\[1\] must be a class index, got "yes"/,
    ],
    [
      'epoch skipped',
      (d: Doc) => (d.epochs[1].epoch = 3),
      /epochs\[1\]\.epoch is 3 but should be 2/,
    ],
    ['epochs swapped', (d: Doc) => d.epochs.reverse(), /epochs\[0\]\.epoch is 2 but should be 1/],
    ['epoch missing', (d: Doc) => delete d.epochs[0].epoch, /epochs\[0\]\.epoch is missing/],
    [
      'curve hole',
      (d: Doc) => delete d.epochs[1].trainLoss,
      /epochs\[1\]\.trainLoss is missing; give trainLoss for every epoch or for none/,
    ],
    [
      'accuracy in %',
      (d: Doc) => (d.epochs[0].trainAccuracy = 50),
      /epochs\[0\]\.trainAccuracy is 50; accuracy must be a fraction/,
    ],
    [
      'a class without logits',
      (d: Doc) => d.classes.push('maybe'),
      /epochs\[0\]\.logits\[0\] must be a list of 3 numbers/,
    ],
    ['one class', (d: Doc) => (d.classes = ['only']), /1 class: the page needs at least 2 classes/],
    [
      'no epochs',
      (d: Doc) => (d.epochs = []),
      /0 epochs × 3 examples × 2 classes: the file holds no epochs/,
    ],
  ])('refuses: %s', async (_, change, pattern) => {
    expect(await messageFor(document(change))).toMatch(pattern);
  });

  it('counts null logits as non-finite and names the first', async () => {
    const text = document((doc) => {
      doc.epochs[1].logits[0][1] = null;
      doc.epochs[1].logits[2][0] = null;
      doc.epochs[1].logits[2][1] = 1e39; // beyond float32: infinite once stored
    });
    expect(await messageFor(text)).toBe(
      '3 logits are null or infinite; the first at epoch 2, example 0, class 1 ' +
        '(epochs[1].logits[0][1])',
    );
  });

  it("explains NaN written by Python's json.dump", async () => {
    const text = document().replace('0.25', 'NaN');
    expect(await messageFor(text)).toMatch(/contains NaN or Infinity, which JSON cannot hold/);
  });

  it('refuses text that is not JSON', async () => {
    expect(await messageFor('{"format": ')).toMatch(/^not valid JSON/);
  });

  it('checks the limits from the list lengths before reading any logit', async () => {
    // 100,001 labels and one epoch whose logits are not even a list: the size is refused
    // first, so the epoch is never looked at.
    const text = JSON.stringify({
      format: LOGITS_JSON_FORMAT,
      classes: ['a', 'b'],
      labels: new Array(100_001).fill(0),
      epochs: [{ epoch: 1, logits: 'not read' }],
    });
    expect(await messageFor(text)).toBe(
      '1 epoch × 100,001 examples × 2 classes: more than the 100,000 examples the page can hold',
    );
  });
});
