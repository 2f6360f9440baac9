import { describe, expect, it } from 'vitest';
import { parseRunFile, type ParsedRunFile } from '../core/files';
import { validRunFileText } from '../core/files/runFileParse.fixture';
import { recordedView, replayable, type ReplayableRun } from './replay';

function parsed(edit: (doc: any) => void = () => {}): ParsedRunFile {
  const doc = JSON.parse(validRunFileText);
  edit(doc);
  const result = parseRunFile(JSON.stringify(doc));
  if (!result.ok) throw new Error(result.error);
  return result.run;
}

function replayableRun(edit?: (doc: any) => void): ReplayableRun {
  const checked = replayable(parsed(edit));
  if (!checked.ok) throw new Error(checked.reason);
  return checked.run;
}

// The fixture: 2 of 3 epochs, early stopping on loss stopped after epoch 2 with epoch 1 best,
// 10 validation examples; epoch 2's logits are 1.5 × epoch 1's.
describe('replayable', () => {
  it('needs every epoch’s logits: run@1 files and files without them cannot be replayed', () => {
    expect(replayable(parsed((doc) => void delete doc.epochLogits))).toEqual({
      ok: false,
      reason: expect.stringMatching(/no per-epoch logits/),
    });
    const noCalibration = parsed((doc) => {
      for (const key of ['validationLossCorrect', 'validationLossWrong', 'wrongCount'])
        delete doc.epochs[1][key];
      for (const key of ['ece', 'mce', 'reliability']) delete doc.epochs[1][key];
    });
    expect(replayable(noCalibration)).toEqual({
      ok: false,
      reason: 'its epochs lack the calibration figures',
    });
  });
});

describe('recordedView', () => {
  const labels = new Uint8Array(10);

  it('shows the first epochs as a live run would after them: not yet stopped', () => {
    const run = replayableRun();
    const view = recordedView(run, 1, labels);
    expect(view.epochs).toHaveLength(1);
    expect(view.epochs[0]).toMatchObject(run.epochs[0]);
    expect(view.logitsHistory).toEqual([run.epochLogits[0]]);
    expect(view.state).toMatchObject({
      epochsCompleted: 1,
      model: { epoch: 1, validationLogits: run.epochLogits[0] },
      earlyStop: null,
      finished: false,
      backend: { name: 'webgl', adapter: 'SwiftShader', tfjsVersion: '4.22.0' },
    });
    expect(view.config).not.toHaveProperty('backend');
    expect(view.identity).toEqual({
      id: `recorded:${run.createdAt}`,
      createdAt: run.createdAt,
      link: run.link,
      backendPreference: 'webgl',
    });
  });

  it('after early stopping the model holds the best epoch’s logits, as the worker reported', () => {
    const run = replayableRun();
    const view = recordedView(run, 2, labels);
    expect(view.state).toMatchObject({
      epochsCompleted: 2,
      model: { epoch: 1, validationLogits: run.epochLogits[0] },
      earlyStop: { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 },
      finished: true,
    });
  });

  it('clamps the epoch and carries the setting changes made up to it', () => {
    const event = {
      epoch: 2,
      batch: 1,
      batchesPerEpoch: 2,
      field: 'learningRate',
      from: 0.001,
      to: 0.0005,
    };
    const run = replayableRun((doc) => void (doc.events = [event]));
    expect(recordedView(run, 1, labels).state?.events).toEqual([]);
    expect(recordedView(run, 99, labels).state?.events).toEqual([event]);
    expect(recordedView(run, 99, labels).epochs).toHaveLength(2);
    expect(recordedView(run, 0, labels).state).toBeNull();
  });
});
