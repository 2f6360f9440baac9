// One epoch's per-class figures from its N × K validation logits, in one pass: the confusion
// counts with each cell's summed loss, each class's summed top-label confidence, and classwise
// ECE. Stored as counts and sums (ClassFigures) so the table, the confusions and the CSV divide
// the same numbers (classTable.ts). Plain numbers, float64 accumulation, no tf.

import {
  calibrationErrors,
  confidenceBin,
  RELIABILITY_BINS,
  reliabilityEdges,
} from '../calibration';
import { argmaxRow, crossEntropyRow, softmaxRow } from '../logitRows';
import { checkLogitShapes } from '../metrics';
import type { ClassFigures, Labels } from '../../types';

/** A K × K table of zeros. */
function squareOfZeros(classes: number): number[][] {
  return Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
}

/**
 * Classwise ECE (Kull et al. 2019) of class c: bin every example's one-vs-rest probability p_c
 * into `bins` equal-width bins of [0, 1] (the bins and edge rule of the top-label ECE,
 * calibration.ts confidenceBin), then Σ_b (n_b / N)·|freq_b − mean p_b|, where freq_b is the
 * fraction of the bin's examples whose label is c. Unlike the top-label ECE it also scores the
 * small probabilities a model gives class c on other classes' examples: a class the model
 * over-predicts shows here even when its own examples are right.
 */
export class ClasswiseBins {
  readonly #edges: number[];
  readonly #bins: number;
  readonly #count: Float64Array;
  readonly #hits: Float64Array;
  readonly #probabilitySum: Float64Array;

  constructor(
    readonly classes: number,
    bins = RELIABILITY_BINS,
  ) {
    this.#edges = reliabilityEdges(bins);
    this.#bins = bins;
    this.#count = new Float64Array(classes * bins);
    this.#hits = new Float64Array(classes * bins);
    this.#probabilitySum = new Float64Array(classes * bins);
  }

  /** Bins one example's K probabilities; a NaN row (a diverged model) is in no bin. */
  add(probabilities: ArrayLike<number>, label: number): void {
    for (let c = 0; c < this.classes; c++) {
      const p = probabilities[c];
      if (Number.isNaN(p)) return;
      const cell = c * this.#bins + confidenceBin(p, this.#edges);
      this.#count[cell]++;
      this.#probabilitySum[cell] += p;
      if (label === c) this.#hits[cell]++;
    }
  }

  /** Each class's ECE; NaN when no example was binned (calibrationErrors' rule). */
  ece(): number[] {
    return Array.from({ length: this.classes }, (_, c) => {
      const start = c * this.#bins;
      const count = Array.from(this.#count.subarray(start, start + this.#bins));
      const diagram = {
        edges: this.#edges,
        count,
        accuracy: count.map((n, b) => (n > 0 ? this.#hits[start + b] / n : 0)),
        confidence: count.map((n, b) => (n > 0 ? this.#probabilitySum[start + b] / n : 0)),
      };
      return calibrationErrors(diagram).ece;
    });
  }
}

/**
 * The per-class figures of one epoch (ClassFigures, core/metricTypes.ts). Argmax ties go to the
 * lowest class and the loss is crossEntropyRow, as validationMetrics counts them, so the
 * confusion's diagonal sums to accuracy × N and lossSum's total to loss × N.
 */
export function classFigures(logits: Float32Array, labels: Labels): ClassFigures {
  const classes = checkLogitShapes(logits, labels);
  const confusion = squareOfZeros(classes);
  const lossSum = squareOfZeros(classes);
  const confidenceSum = new Array<number>(classes).fill(0);
  const classwise = new ClasswiseBins(classes);
  const probabilities = new Float64Array(classes);
  for (let i = 0, offset = 0; i < labels.length; i++, offset += classes) {
    const label = labels[i];
    const predicted = argmaxRow(logits, offset, classes);
    softmaxRow(logits, offset, classes, probabilities);
    confusion[label][predicted]++;
    lossSum[label][predicted] += crossEntropyRow(logits, offset, classes, label);
    confidenceSum[label] += probabilities[predicted];
    classwise.add(probabilities, label);
  }
  return { confusion, lossSum, confidenceSum, classwiseEce: classwise.ece() };
}
