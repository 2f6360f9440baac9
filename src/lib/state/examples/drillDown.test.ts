import { describe, expect, it } from 'vitest';
import { equalMassDiagram, reliabilityDiagram } from '../../core/metrics';
import { LOGIT_GAP_EDGES, logitGapHistogram } from '../../core/metrics';
import { mulberry32 } from '../../core/prng';
import { examplesInConfidenceBin, examplesInGapBin } from './drillDown';

// Worked by hand (gap |z₁ − z₀|, predicted class's probability c, loss in nats):
//   0: (3, 0),     class 0 → gap 3 (bin 2: 3 ≤ gap < 4.5), right, c = 0.9526, loss 0.0486
//   1: (0, 2),     class 0 → gap 2 (bin 1),                wrong, c = 0.8808, loss 2.127
//   2: (0.5, 0),   class 1 → gap 0.5 (bin 0),              wrong, c = 0.6225, loss 0.974
//   3: (−12, 12),  class 1 → gap 24 (bin 16),              right, c ≈ 1,      loss ≈ 4e-11
//   4: (−20, 20),  class 0 → gap 40 (last bin, 19),        wrong, c ≈ 1,      loss 40
//   5: (NaN, 0),   class 0 → no gap, no confidence: in no bin
const labels = new Uint8Array([0, 0, 1, 1, 0, 0]);
const logits = new Float32Array([3, 0, 0, 2, 0.5, 0, -12, 12, -20, 20, Number.NaN, 0]);
const RELIABILITY_EDGES = Array.from({ length: 16 }, (_, i) => (i === 15 ? 1 : i / 15));
const indices = (examples: { index: number }[]) => examples.map((example) => example.index);

/** `count` seeded two-class examples, each logit drawn by `logit`, then each label by a coin. */
function randomRun(seed: number, count: number, logit: (random: () => number) => number) {
  const random = mulberry32(seed);
  const logits = Float32Array.from({ length: 2 * count }, () => logit(random));
  const labels = Uint8Array.from({ length: count }, () => (random() < 0.5 ? 0 : 1));
  return { many: logits, manyLabels: labels };
}

describe('examplesInGapBin', () => {
  it('finds the examples of a histogram bar by hand', () => {
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 0))).toEqual([2]);
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 1))).toEqual([1]);
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 2))).toEqual([0]); // gap = edge 3
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 16))).toEqual([3]);
    expect(indices(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 19))).toEqual([4]); // above 30
    expect(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 5)).toEqual([]);
  });

  it('reads each example: logits, probability of its answer, loss', () => {
    const [wrong] = examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 1, 'wrong');
    expect(wrong).toMatchObject({ index: 1, label: 0, predicted: 1, z0: 0, z1: 2, wrong: true });
    expect(wrong.predictedProbability).toBeCloseTo(0.8808, 4);
    expect(wrong.loss).toBeCloseTo(2.1269, 4);
    expect(examplesInGapBin(logits, labels, LOGIT_GAP_EDGES, 1, 'correct')).toEqual([]);
  });

  it('agrees with the histogram’s counts, bar by bar and stack by stack', () => {
    const { many, manyLabels } = randomRun(7, 500, (random) => (random() - 0.5) * 70);
    const histogram = logitGapHistogram(many, manyLabels);
    histogram.correct.forEach((correct, bin) => {
      expect(examplesInGapBin(many, manyLabels, histogram.edges, bin, 'correct')).toHaveLength(
        correct,
      );
      expect(examplesInGapBin(many, manyLabels, histogram.edges, bin, 'wrong')).toHaveLength(
        histogram.wrong[bin],
      );
    });
  });
});

describe('examplesInConfidenceBin', () => {
  it('finds the examples of a reliability bin, highest loss first', () => {
    // c = 0.9526, ≈ 1 and ≈ 1 all fall in (14/15, 1]: the wrong one (loss 40) leads.
    expect(indices(examplesInConfidenceBin(logits, labels, RELIABILITY_EDGES, 14))).toEqual([
      4, 0, 3,
    ]);
    expect(
      indices(examplesInConfidenceBin(logits, labels, RELIABILITY_EDGES, 14, 'wrong')),
    ).toEqual([4]);
    expect(
      indices(examplesInConfidenceBin(logits, labels, RELIABILITY_EDGES, 14, 'correct')),
    ).toEqual([0, 3]);
    expect(indices(examplesInConfidenceBin(logits, labels, RELIABILITY_EDGES, 13))).toEqual([1]);
    expect(indices(examplesInConfidenceBin(logits, labels, RELIABILITY_EDGES, 9))).toEqual([2]);
  });

  it('agrees with the reliability diagram’s counts, edges included', () => {
    // Quarter-steps put some confidences exactly on or next to an edge's rounding.
    const { many, manyLabels } = randomRun(
      11,
      600,
      (random) => Math.round((random() - 0.5) * 40) / 4,
    );
    const diagram = reliabilityDiagram(many, manyLabels);
    diagram.count.forEach((binCount, bin) => {
      const found = examplesInConfidenceBin(many, manyLabels, diagram.edges, bin);
      expect(found).toHaveLength(binCount);
      const right = found.filter((example) => !example.wrong).length;
      expect(binCount === 0 ? 0 : right / binCount).toBeCloseTo(diagram.accuracy[bin], 12);
    });
  });

  it('agrees with the equal-mass diagram’s counts too (its own edges)', () => {
    const { many, manyLabels } = randomRun(
      5,
      700,
      (random) => Math.round((random() - 0.5) * 48) / 8,
    );
    const diagram = equalMassDiagram(many, manyLabels);
    diagram.count.forEach((binCount, bin) => {
      expect(examplesInConfidenceBin(many, manyLabels, diagram.edges, bin)).toHaveLength(binCount);
    });
  });
});
