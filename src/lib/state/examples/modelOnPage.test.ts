import { describe, expect, it } from 'vitest';
import { highestLossExamples, readExample } from './gallery';
import {
  epochHeading,
  modelEpochWords,
  modelOnPage,
  restored,
  shownEpoch,
  type ModelOnPage,
} from './modelOnPage';
import { confidentlyWrong } from './showMeOne';

// An early-stopped run: three epochs trained, the worker holds epoch 2's weights. Epoch 2 gets
// examples 0 (gap 4) and 3 (gap 1) wrong; epoch 3, which the run threw away, gets only example
// 1 wrong (gap 6). A panel that read the last epoch's logits would name example 1.
const labels = Uint8Array.from([0, 1, 0, 1]);
const epoch1 = Float32Array.from([1, -1, -1, 1, 1, -1, -1, 1]);
const epoch2 = Float32Array.from([-2, 2, -1, 1, 1, -1, 0.5, -0.5]);
const epoch3 = Float32Array.from([2, -2, 3, -3, 2, -2, -2, 2]);
const history = [epoch1, epoch2, epoch3];
const earlyStopped = { model: { epoch: 2, validationLogits: epoch2 }, epochsCompleted: 3 };

describe('one model per page, after early stopping', () => {
  const model = modelOnPage(earlyStopped) as ModelOnPage;

  it('is the model the worker holds, not the last epoch trained', () => {
    expect(model.epoch).toBe(2);
    expect(model.validationLogits).toBe(epoch2);
    expect(model.epochsTrained).toBe(3);
    expect(restored(model)).toBe(true);
  });

  it('Show me one picks from it: epoch 2’s wrong examples, highest loss first', () => {
    const wrong = confidentlyWrong(model.validationLogits, labels);
    expect(wrong.map((example) => example.index)).toEqual([0, 3]);
    // −log softmax of the true class: log(1 + e⁴) and log(1 + e¹).
    expect(wrong[0].loss).toBeCloseTo(4.0181499279, 8);
    expect(wrong[1].loss).toBeCloseTo(1.3132616875, 8);
    expect(modelEpochWords(model)).toBe(
      'epoch 2, whose weights early stopping restored (the run trained 3)',
    );
  });

  it('the gallery opens at the same epoch and ranks its logits', () => {
    const epoch = shownEpoch(null, model, history.length);
    expect(epoch).toBe(2);
    expect(highestLossExamples(history[epoch - 1], labels, 1).examples[0].index).toBe(0);
    expect(epochHeading(epoch, model)).toBe('Epoch 2 — the model the run holds');
  });

  it('the gallery names the model’s epoch when another is picked', () => {
    expect(shownEpoch(3, model, history.length)).toBe(3);
    expect(epochHeading(3, model)).toBe("Epoch 3 (the run holds epoch 2's weights)");
    // A picked epoch the run does not have (a new, shorter run) falls back to the model's.
    expect(shownEpoch(7, model, history.length)).toBe(2);
  });

  it('the tracked images’ verdicts are the same model’s', () => {
    expect(readExample(model.validationLogits, labels, 0).wrong).toBe(true);
    expect(readExample(epoch3, labels, 0).wrong).toBe(false);
  });
});

describe('modelOnPage without early stopping', () => {
  it('is the latest epoch, named plainly', () => {
    const model = modelOnPage({
      model: { epoch: 3, validationLogits: epoch3 },
      epochsCompleted: 3,
    }) as ModelOnPage;
    expect(restored(model)).toBe(false);
    expect(modelEpochWords(model)).toBe('epoch 3');
    expect(shownEpoch(null, model, 3)).toBe(3);
  });

  it('is nothing before the first epoch', () => {
    expect(modelOnPage(null)).toBeNull();
    expect(shownEpoch(null, null, 0)).toBe(0);
    expect(epochHeading(1, null)).toBe('Epoch 1');
  });

  it('never names an epoch the panel has no logits for yet (its copy trails by an update)', () => {
    const ahead = modelOnPage({
      model: { epoch: 4, validationLogits: epoch3 },
      epochsCompleted: 4,
    });
    expect(shownEpoch(null, ahead, 3)).toBe(3);
  });
});
