// The figures an epoch's validation logits give, as plain data: what the metrics compute, the
// worker sends and the panels draw. Re-exported by types.ts, where the rest of the shared data is.

/**
 * Validation labels, one class index per example. Logits beside them are row-major N × K (example
 * i's at i·K … i·K + K − 1), so K = logits.length / labels.length is never stored or passed:
 * core/metrics/metrics.ts classCount. Up to 256 classes fit a Uint8Array; more need a Uint16Array.
 */
export type Labels = Uint8Array | Uint16Array;

/** Histogram of the margin = top logit − runner-up logit (|z1 − z0| for two classes), split by correct and wrong. */
export interface LogitGapHistogram {
  /** Bin edges of the margin, length = bins + 1; the last bin also holds everything above its upper edge. */
  edges: number[];
  correct: number[];
  wrong: number[];
}

/**
 * Reliability diagram over equal-width confidence bins (Guo et al. 2017). Confidence is the
 * softmax probability of the predicted class (top-label), in [1/K, 1] for K classes ([0.5, 1] for
 * two), but the bins span [0, 1] as in the paper. accuracy[i] / confidence[i] are 0 where count[i] is 0.
 */
export interface ReliabilityDiagram {
  /** Bin edges, length = bins + 1: 0, 1/15, …, 1. */
  edges: number[];
  count: number[];
  /** Fraction of the bin's examples classified correctly. */
  accuracy: number[];
  /** Mean confidence of the bin's examples. */
  confidence: number[];
}

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
  imagesPerSecond: number;
  logitGapHistogram: LogitGapHistogram;
  /** Sum over correctly classified examples of their loss / all examples: part of validationLoss. */
  validationLossCorrect: number;
  /** Same for the wrongly classified ones; validationLossCorrect + validationLossWrong = validationLoss. */
  validationLossWrong: number;
  wrongCount: number;
  /** Expected calibration error over the 15 reliability bins. */
  ece: number;
  /** Maximum calibration error: the largest |accuracy − confidence| over non-empty bins. */
  mce: number;
  reliability: ReliabilityDiagram;
  /** Mean Brier score Σ_k (p_k − y_k)², in [0, 2], with its Murphy decomposition for two classes (core/metrics/brier.ts). Absent in runs from before it. */
  brier?: BrierScore;
  /**
   * K, the number of classes of the logits measured, set only when K > 2 (an imported run); absent
   * means two. The margin histogram then bins top − runner-up, and `brier` has no decomposition.
   */
  classCount?: number;
  /** ECE, MCE and the diagram over equal-mass (adaptive) bins: each holds about N / 15 examples (core/metrics/calibration.ts). */
  eceAdaptive?: number;
  mceAdaptive?: number;
  reliabilityAdaptive?: ReliabilityDiagram;
  /** Bootstrap 90 % intervals of the population ECE under both binnings (core/metrics/bootstrap.ts). */
  eceInterval?: EceInterval;
  /** Confusion counts, loss and calibration per class (core/metrics/classes). Absent in runs from before it. */
  classFigures?: ClassFigures;
}

/**
 * One epoch's per-class figures, as counts and sums over the N validation examples (rows: the
 * true class t, columns: the predicted class p, argmax with ties to the lowest), so every mean
 * and share the Classes panel shows is a division of two stored numbers
 * (core/metrics/classes/classTable.ts).
 */
export interface ClassFigures {
  /** confusion[t][p]: examples of class t predicted as p. K × K; the rows sum to N. */
  confusion: number[][];
  /** lossSum[t][p]: their summed cross-entropy in nats (from the logits, never clipped). */
  lossSum: number[][];
  /** confidenceSum[t]: the summed top-label confidence (p of the predicted class) over class t's examples. */
  confidenceSum: number[];
  /**
   * Classwise ECE of each class c: the ECE (15 equal-width bins) of the one-vs-rest forecast
   * p_c against 1[y = c], over all N examples (Kull et al. 2019).
   */
  classwiseEce: number[];
}

/**
 * Brier score = reliability − resolution + uncertainty + withinBin (Murphy 1973; the within-bin
 * term of Stephenson et al. 2008 makes the binned decomposition exact). Two-class: each part ×2.
 * For K > 2 only the score is given (BrierScoreOnly): see core/metrics/brier.ts for why.
 */
export type BrierScore = BrierDecomposed | BrierScoreOnly;

/** A two-class Brier score with its Murphy decomposition. */
export interface BrierDecomposed {
  /** Mean Σ_k (p_k − y_k)², in [0, 2]. */
  score: number;
  /** Σ_b (n_b/N)(mean forecast − frequency)²: miscalibration, lower is better. */
  reliability: number;
  /** Σ_b (n_b/N)(frequency − base rate)²: how well the forecasts sort the examples, higher is better. */
  resolution: number;
  /** base rate × (1 − base rate): the data's own difficulty, the same for every model. */
  uncertainty: number;
  /** withinBinVariance − withinBinCovariance (Stephenson et al. 2008): what binning adds. */
  withinBin: number;
  /** (1/N) Σ (f − f̄_bin)², ×2: the forecasts' spread inside the bins. Absent in runs from before it. */
  withinBinVariance?: number;
  /** (2/N) Σ (f − f̄_bin)(o − ō_bin), ×2: how that spread follows the outcomes. Absent in runs from before it. */
  withinBinCovariance?: number;
  /** Equal-width bins of p₁ the decomposition used (10 in runs from before 50 became the default). */
  bins: number;
}

/**
 * A K-class (K > 2) Brier score Σ_k (p_k − y_k)², in [0, 2], without a decomposition: the parts
 * are null, so a panel can say that the decomposition it shows is for two classes.
 */
export interface BrierScoreOnly {
  score: number;
  reliability: null;
  resolution: null;
  uncertainty: null;
  withinBin: null;
  withinBinVariance?: null;
  withinBinCovariance?: null;
  /** Bins a two-class decomposition would use (kept so panels read one field either way). */
  bins: number;
  /** K. */
  classCount: number;
}

/**
 * A bootstrap interval of the population ECE from `resamples` resampled validation sets, seeded.
 * 'basic-bootstrap' (core/metrics/bootstrapInterval.ts): a band for the population value around
 * the bias-corrected estimate. 'percentile': files written before it, whose band is the spread
 * of the replicates (biased upward, as the plug-in ECE is) and has no estimate.
 */
export interface EceInterval {
  method: EceIntervalMethod;
  level: number;
  resamples: number;
  seed: number;
  equalWidth: EceBand;
  equalMass: EceBand;
}

export type EceIntervalMethod = 'basic-bootstrap' | 'percentile';

/** One binning's band; `estimate`, the bias-corrected ECE 2θ̂ − mean(θ*), only for 'basic-bootstrap'. */
export interface EceBand {
  low: number;
  high: number;
  estimate?: number;
}

/**
 * Temperature scaling (Guo et al. 2017): one T > 0 divides every logit. It is fitted on half of
 * the held-out examples (calibration) and judged on the other half (evaluation), before (T = 1)
 * and after. Accuracy cannot change: dividing both logits by T > 0 keeps their order.
 */
export interface TemperatureFit {
  T: number;
  /**
   * Set when NLL was still falling at an end of the search range, so T is that end (where the
   * search stopped, not a measurement): `side` says which end, `reason` why, in plain words
   * (e.g. a perfectly separated calibration half). Null when T is a true minimum.
   */
  bound: { side: 'lower' | 'upper'; reason: string } | null;
  nllBefore: number;
  nllAfter: number;
  eceBefore: number;
  eceAfter: number;
  accuracyBefore: number;
  accuracyAfter: number;
  calibrationCount: number;
  evaluationCount: number;
}
