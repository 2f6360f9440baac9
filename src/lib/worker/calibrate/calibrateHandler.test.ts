import { describe, expect, it } from 'vitest';
import { createCalibrateHandler } from './calibrateHandler';
import type { FromCalibrateWorker } from './calibrateProtocol';

const LN2 = Math.log(2);
const LN3 = Math.log(3);

/**
 * Four 3-class examples; examples 0 and 1 are the same, [1, 0, 0] labelled 0, so whichever the
 * seeded split puts in calibration, the halves hold these values (heldOutSplit: class 0 gives one
 * to each half, class 1's one example goes to calibration, class 2's to evaluation).
 * Calibration half: [1, 0, 0] labelled 0 and 1. At β =
 * 1/T, p = (e^β, 1, 1) / (e^β + 2) and NLL's slope (e^β − 2) / (2(e^β + 2)) is zero at e^β = 2:
 * T = 1/ln 2. Evaluation half: [1, 0, 0] labelled 0, right, and [0, 0, 0]
 * labelled 2, which argmax calls 0, wrong. At the fitted T the first has p₀ = ½ (loss ln 2) and
 * the second ⅓ on every class (loss ln 3 at any T); at T = 1 the first costs log(e + 2) − 1.
 */
const logits = Float32Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
const labels = Uint8Array.from([0, 0, 1, 2]);

function handler() {
  const replies: FromCalibrateWorker[] = [];
  const handle = createCalibrateHandler((message) => replies.push(message));
  return { replies, handle };
}

describe('the calibration worker handler', () => {
  it('fits T, then posts the evaluation at T, then the post-hoc report, all naming the fit', () => {
    const { replies, handle } = handler();
    handle({ type: 'fit', id: 7, logits, labels, seed: 1 });
    expect(replies.map((reply) => [reply.type, reply.replyTo])).toEqual([
      ['fitted', 7],
      ['posthoc', 7],
    ]);
    const [fitted, posthoc] = replies;
    if (fitted.type !== 'fitted' || posthoc.type !== 'posthoc') throw new Error('order');
    const { fit, atFitted } = fitted;
    expect(Math.abs(fit.T * LN2 - 1)).toBeLessThan(1e-9);
    expect(fit.bound).toBeNull();
    expect(fit.calibrationCount).toBe(2);
    expect(fit.evaluationCount).toBe(2);
    expect(fit.nllBefore).toBeCloseTo((Math.log(Math.E + 2) - 1 + LN3) / 2, 7);
    expect(fit.nllAfter).toBeCloseTo((LN2 + LN3) / 2, 7);
    expect(fit.accuracyBefore).toBe(0.5);
    expect(fit.accuracyAfter).toBe(0.5);
    // Confidence ½ and right, ⅓ and wrong, in different bins: (|1 − ½| + |0 − ⅓|) / 2 = 5/12.
    expect(fit.eceAfter).toBeCloseTo(5 / 12, 7);
    expect(atFitted.nll).toBe(fit.nllAfter);
    expect(atFitted.ece).toBe(fit.eceAfter);
    expect(atFitted.reliability.count.reduce((sum, count) => sum + count, 0)).toBe(2);
    // Three classes: temperature applies, Platt and isotonic say why they do not.
    expect(posthoc.report.temperature.T).toBe(fit.T);
    expect(posthoc.report.temperature.nll).toBe(fit.nllAfter);
    expect(posthoc.report.none.nll).toBe(fit.nllBefore);
    expect(posthoc.report.platt.notApplicable).toMatch(/two classes/);
  });

  it('evaluates the held logits at any T, and refuses a fit it no longer holds', () => {
    const { replies, handle } = handler();
    handle({ type: 'fit', id: 1, logits, labels, seed: 1 });
    handle({ type: 'evaluate', id: 2, fitId: 1, T: 1 });
    const evaluated = replies[2];
    if (evaluated.type !== 'evaluated') throw new Error(evaluated.type);
    expect(evaluated.replyTo).toBe(2);
    expect(evaluated.T).toBe(1);
    expect(evaluated.evaluation.nll).toBeCloseTo((Math.log(Math.E + 2) - 1 + LN3) / 2, 7);
    expect(evaluated.evaluation.accuracy).toBe(0.5);
    // The loss split: ln 3 of the wrong example and log(e + 2) − 1 of the right one, halved.
    expect(evaluated.evaluation.lossWrong).toBeCloseTo(LN3 / 2, 7);

    // A newer fit replaces the held logits: an evaluate for fit 1 is now stale.
    handle({
      type: 'fit',
      id: 3,
      logits: Float32Array.from([2, 0, 0, 0, 2, 0]),
      labels: labels.slice(0, 2),
      seed: 1,
    });
    handle({ type: 'evaluate', id: 4, fitId: 1, T: 2 });
    expect(replies.at(-1)).toEqual({
      type: 'error',
      replyTo: 4,
      message: 'No logits held for fit 1 (a newer fit replaced them)',
    });
  });

  it('reports a run it does not hold, fitting T itself', () => {
    const { replies, handle } = handler();
    handle({ type: 'report', id: 5, logits, labels, seed: 1 });
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    if (reply.type !== 'posthoc') throw new Error(reply.type);
    expect(reply.replyTo).toBe(5);
    expect(Math.abs(reply.report.temperature.T * LN2 - 1)).toBeLessThan(1e-9);
    expect(reply.report.temperature.nll).toBeCloseTo((LN2 + LN3) / 2, 7);
    // A report holds nothing: there is still no fit to evaluate.
    handle({ type: 'evaluate', id: 6, fitId: 5, T: 1 });
    expect(replies[1].type).toBe('error');
  });

  it('answers logits that do not fit their labels with an error naming the command', () => {
    const { replies, handle } = handler();
    handle({
      type: 'fit',
      id: 9,
      logits: new Float32Array(5),
      labels: Uint8Array.from([0, 1]),
      seed: 1,
    });
    expect(replies).toHaveLength(1);
    expect(replies[0].type).toBe('error');
    expect(replies[0].replyTo).toBe(9);
  });
});
