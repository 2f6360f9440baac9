// The pure state readers with K > 2 classes, against numbers worked by hand. The 3-class set:
//   0: [0, 0, 0],       class 0 → predicted 0 (tie), right, p = 1/3, loss ln 3,   margin 0
//   1: [0, ln 2, ln 5], class 2 → predicted 2, right,       p = 5/8, loss ln 1.6, margin ln 2.5
//   2: [0, ln 2, ln 5], class 0 → predicted 2, wrong,       p = 5/8, loss ln 8,   margin ln 2.5
//   3: [ln 4, 0, 0],    class 2 → predicted 0, wrong,       p = 4/6, loss ln 6,   margin ln 4
import { describe, expect, it } from 'vitest';
import { LOGIT_GAP_EDGES } from '../../core/metrics';
import { reliabilityEdges } from '../../core/metrics';
import type { EpochMetrics } from '../../core/types';
import { runCaption, scoringCaption } from '../story';
import { examplesInConfidenceBin, examplesInGapBin } from './drillDown';
import { highestLossExamples, readExample } from './gallery';
import { confidentlyWrong } from './showMeOne';
import { fixedTrackedIndices, logitTrajectory } from './tracked';
import { workedExample, workedExampleOfRow } from './workedExample';

const LN2 = Math.log(2);
const LN5 = Math.log(5);
const logits = Float32Array.from([0, 0, 0, 0, LN2, LN5, 0, LN2, LN5, Math.log(4), 0, 0]);
const labels = Uint8Array.from([0, 2, 0, 2]);
const indices = (examples: { index: number }[]) => examples.map((example) => example.index);

describe('gallery with 3 classes', () => {
  it('reads the answer, runner-up, margin, probability and loss', () => {
    const reading = readExample(logits, labels, 2);
    expect(reading).toMatchObject({ index: 2, label: 0, predicted: 2, runnerUp: 1, wrong: true });
    expect(reading.margin).toBeCloseTo(Math.log(2.5), 6);
    expect(reading.predictedProbability).toBeCloseTo(0.625, 6);
    expect(reading.loss).toBeCloseTo(Math.log(8), 6);
    // A three-way tie: class 0 predicted, class 1 the runner-up, margin 0.
    expect(readExample(logits, labels, 0)).toMatchObject({ predicted: 0, runnerUp: 1, margin: 0 });
  });

  it('ranks by loss, ties in index order', () => {
    const { examples, lossShare } = highestLossExamples(logits, labels, 3);
    expect(indices(examples)).toEqual([2, 3, 0]);
    const total = Math.log(3) + Math.log(1.6) + Math.log(8) + Math.log(6);
    expect(lossShare).toBeCloseTo((Math.log(8) + Math.log(6) + Math.log(3)) / total, 6);
  });
});

describe('drill-down with 3 classes', () => {
  it('finds a margin bar’s examples', () => {
    // Margins 0, ln 2.5 ≈ 0.92, ln 4 ≈ 1.39 all in [0, 1.5); the wrong stack holds 2 and 3.
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 0))).toEqual([2, 3, 0, 1]);
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 0, 'wrong'))).toEqual([2, 3]);
    expect(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 1)).toEqual([]);
  });

  it('finds a confidence bin’s examples: 1/3 in bin 4, 5/8 in bin 9', () => {
    const edges = reliabilityEdges(15);
    expect(indices(examplesInConfidenceBin(logits, labels, edges, 4))).toEqual([0]);
    expect(indices(examplesInConfidenceBin(logits, labels, edges, 9, 'correct'))).toEqual([1]);
  });
});

describe('show me one with 3 classes', () => {
  it('loads the true and predicted classes’ logits, lower class first', () => {
    const [first, second] = confidentlyWrong(logits, labels);
    // Example 2: true 0, predicted 2 → z0 = z[0] = 0 (true), z1 = z[2] = ln 5.
    expect(first).toMatchObject({
      index: 2,
      classes: [0, 2],
      label: 0,
      trueClass: 0,
      predicted: 2,
    });
    expect(first.z1).toBeCloseTo(LN5, 6);
    expect(first.loss).toBeCloseTo(Math.log(8), 6);
    // Example 3: true 2, predicted 0 → z0 = z[0] = ln 4, z1 = z[2] = 0 (true); loss ln 6.
    expect(second).toMatchObject({ index: 3, classes: [0, 2], label: 1, trueClass: 2, z1: 0 });
    expect(second.loss).toBeCloseTo(Math.log(6), 6);
  });
});

describe('tracked examples with 3 classes', () => {
  it('picks from each class asked for', () => {
    // One per class: the middle of its two members, i.e. the second.
    expect(fixedTrackedIndices(Uint8Array.from([0, 1, 2, 2, 1, 0]), 1, 3)).toEqual([5, 4, 3]);
    expect(fixedTrackedIndices(Uint8Array.from([0, 1, 2, 2, 1, 0]), 1)).toEqual([5, 4]);
  });

  it('follows the true logit against its strongest rival', () => {
    const later = Float32Array.from([0, 0, 0, 0, 0, 0, 3, 0, 1, 0, 0, 0]);
    const trajectory = logitTrajectory([logits, later], labels, 2);
    expect(trajectory.rivalClass).toEqual([2, 2]);
    expect(trajectory.trueLogit).toEqual([0, 3]);
    expect(trajectory.rivalLogit[0]).toBeCloseTo(LN5, 6);
    expect(trajectory.rivalLogit[1]).toBe(1);
    // Epoch 2: [3, 0, 1] with class 0 true: loss log(e³ + 1 + e) − 3.
    expect(trajectory.loss[1]).toBeCloseTo(Math.log(Math.exp(3) + 1 + Math.E) - 3, 12);
  });
});

describe('worked example of a row', () => {
  it('4 classes: shows the top two, with the rest’s probability beside them', () => {
    // [0, 0, ln 2, ln 4] = (1, 1, 2, 4)/8, class 0 true: top two classes 2 and 3.
    const row = workedExampleOfRow(
      Float32Array.from([0, 0, LN2, Math.log(4)]),
      Uint8Array.from([0]),
      0,
    );
    expect(row).toMatchObject({ classCount: 4, label: 0, classes: [2, 3] });
    expect(row.p0).toBeCloseTo(2 / 8, 6);
    expect(row.p1).toBeCloseTo(4 / 8, 6);
    expect(row.pRest).toBeCloseTo(2 / 8, 6);
    expect(row.gap).toBeCloseTo(LN2, 6);
    expect(row.loss).toBeCloseTo(Math.log(8), 6);
  });

  it('2 classes: the example’s own two logits, nothing left over', () => {
    const row = workedExampleOfRow(Float32Array.from([0.62, -0.52]), Uint8Array.from([0]), 0);
    // The same arithmetic as the two-logit worked example, on the float32 logits.
    const pair = workedExample(row.z0, row.z1);
    expect(row).toMatchObject({ classes: [0, 1], p0: pair.p0, p1: pair.p1, pRest: 0 });
    expect(row.loss).toBeCloseTo(0.27749, 5);
  });
});

describe('captions with 3 classes', () => {
  function epoch(number: number, loss: number, medianBin: number): EpochMetrics {
    const correct = [0, 0, 0];
    correct[medianBin] = 10;
    return {
      epoch: number,
      trainLoss: Number.NaN,
      trainAccuracy: Number.NaN,
      validationLoss: loss,
      validationAccuracy: 0.9,
      imagesPerSecond: Number.NaN,
      logitGapHistogram: { edges: [0, 1, 2, 3], correct, wrong: [0, 0, 0] },
      validationLossCorrect: loss,
      validationLossWrong: 0,
      wrongCount: 0,
      ece: 0,
      mce: 0,
      reliability: { edges: [0, 1], count: [0], accuracy: [0], confidence: [0] },
      brier: {
        score: 0.25,
        reliability: null,
        resolution: null,
        uncertainty: null,
        withinBin: null,
        bins: 10,
        classCount: 3,
      },
      classCount: 3,
    };
  }

  it('name the margin and say the Brier decomposition is for two classes', () => {
    const history = [epoch(1, 0.5, 0), epoch(2, 0.4, 1)];
    // Medians: half of 10 in bin 0 → 0.5; in bin 1 → 1.5.
    expect(runCaption(history)).toContain(
      'the median margin (top − runner-up logit) grew from ≈ 0.5 to ≈ 1.5',
    );
    expect(scoringCaption(history)).toBe(
      'Epoch 2: Brier 0.25 over 3 classes (the decomposition into reliability, resolution and uncertainty is shown for two classes only).',
    );
  });
});
