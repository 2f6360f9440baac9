// Plain data shared by the core, the worker and the UI. No tensors cross this line.

export const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/** URL-friendly class ids, index-aligned with CLASS_NAMES. */
export const CLASS_SLUGS = [
  'tshirt',
  'trouser',
  'pullover',
  'dress',
  'coat',
  'sandal',
  'shirt',
  'sneaker',
  'bag',
  'boot',
] as const;
export type ClassSlug = (typeof CLASS_SLUGS)[number];

export type OptimizerName = 'adam' | 'sgd' | 'momentum';
export type ModelPreset = 'wide' | 'small';
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;
/** Which validation metric early stopping watches; 'off' trains every epoch. */
export type EarlyStopMetric = 'loss' | 'accuracy' | 'off';

/** Everything that defines a run. Names match the URL hash keys' meaning (see settings/settings.ts). */
export interface TrainConfig {
  /** Class 0 and class 1 of the binary task, as slugs. */
  classes: [ClassSlug, ClassSlug];
  /** Training examples in total, split evenly between the two classes. */
  trainSize: number;
  /** Held-out examples evaluated each epoch (first half from each class); 2000 = all shipped. */
  validationSize: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  model: ModelPreset;
  seed: number;
  /** Label smoothing α in [0, 0.5): targets become (1 − α)·onehot + α/2. Training loss only. */
  labelSmoothing: number;
  /** L2 weight-decay coefficient λ on every kernel (loss += λ·Σw²); 0 = off. */
  l2: number;
  /** Dropout rate before each dense layer during training; 0 = no dropout layers. */
  dropout: number;
  /** Stop when this validation metric has not improved for `patience` epochs, restoring the best weights. */
  earlyStop: EarlyStopMetric;
  patience: number;
  /** Focal loss γ (Lin et al. 2017): each example's loss is weighted by (1 − p)^γ; 0 = plain cross-entropy. */
  focalGamma: number;
  /** Mixup α (Zhang et al. 2018): each batch blends with a shuffled copy by λ ~ Beta(α, α); 0 = off. */
  mixupAlpha: number;
  /**
   * Own images only: the percentage of each class held out for validation by the seeded,
   * stratified split (core/data/images/split.ts). Absent in runs from before it existed.
   */
  validationPercent?: number;
  /**
   * Set when the run trains on the user's own images instead of the Fashion-MNIST pair: which
   * stored dataset, its class names, hash and split counts (never its pixels). `classes`,
   * `trainSize` and `validationSize` then do not apply.
   */
  dataset?: OwnDatasetRef;
}

/** The settings a run can change while it trains (from the next batch on, no reset). */
export const ADJUSTABLE_FIELDS = ['learningRate', 'l2', 'labelSmoothing', 'focalGamma'] as const;
export type AdjustableField = (typeof ADJUSTABLE_FIELDS)[number];
export type AdjustableSettings = Pick<TrainConfig, AdjustableField>;
/** A change asked for mid-run: new values of some adjustable settings. */
export type SettingChanges = Partial<AdjustableSettings>;

/**
 * One mid-run change of a setting, as the worker applied it: from batch `batch` (batches of the
 * epoch already trained; 0 = from its start) of epoch `epoch` (1-based) on, of `batchesPerEpoch`.
 * On an epoch axis it sits at epoch − 1 + batch / batchesPerEpoch (see settingChangePosition).
 */
export interface SettingChangeEvent {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  field: AdjustableField;
  from: number;
  to: number;
}

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
  /** Bootstrap 90 % intervals of ECE under both binnings (core/metrics/bootstrap.ts). */
  eceInterval?: EceInterval;
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
  /** The forecasts' spread inside the bins (small for narrow bins). */
  withinBin: number;
  /** Equal-width bins of p₁ the decomposition used. */
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
  /** Bins a two-class decomposition would use (kept so panels read one field either way). */
  bins: number;
  /** K. */
  classCount: number;
}

/** Percentile bootstrap interval of ECE: `level` (0.9) of `resamples` resampled validation sets, seeded. */
export interface EceInterval {
  level: number;
  resamples: number;
  seed: number;
  equalWidth: { low: number; high: number };
  equalMass: { low: number; high: number };
}

/** Why and where early stopping ended a run; the model then holds bestEpoch's weights. */
export interface EarlyStopInfo {
  metric: Exclude<EarlyStopMetric, 'off'>;
  /** The epoch (1-based) with the best validation metric; ties keep the earlier one. */
  bestEpoch: number;
  /** The last epoch trained: bestEpoch + patience. */
  stoppedAfterEpoch: number;
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

export interface BackendInfo {
  name: BackendName;
  /** Adapter or renderer description, e.g. "Google SwiftShader" (WebGPU) or the GL renderer string. */
  adapter: string;
  /** Why the preferred backend was not used; null when it was. */
  fallbackReason: string | null;
  tfjsVersion: string;
  /** wasm: threads XNNPACK computes on (1 = single-threaded). */
  threads?: number;
  /** wasm: WebAssembly SIMD in use (the only wasm binaries shipped need it). */
  simd?: boolean;
  /** wasm: whether the page was cross-origin isolated (threads need it). */
  crossOriginIsolated?: boolean;
  /** webgpu/webgl: the adapter or renderer is a CPU emulation (SwiftShader, llvmpipe, …). */
  softwareEmulated?: boolean;
  /** webgl: renders to half-float textures only (WEBGL_RENDER_FLOAT32_ENABLED is false). */
  halfFloat?: boolean;
  /** `auto` timed these (or read their timing from the cache) to choose. */
  candidates?: BackendCandidate[];
  /** Why `auto` chose this backend, e.g. "a hardware GPU (…)". */
  choiceReason?: string;
}

/** One backend `auto` timed: a few warm training steps of the selected model. */
export interface BackendCandidate {
  name: BackendName;
  /** e.g. "WebGL (ANGLE (Google, Vulkan 1.3.0 (SwiftShader …)))" or "WASM (2 threads)". */
  label: string;
  imagesPerSecond: number;
}

/** A tensor's values with the name and shape needed to restore it (plain data, storable). */
export interface NamedArray {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** What a trainer needs to continue exactly after `epoch` (Trainer.exportState / restoreState). */
export interface TrainerSnapshot {
  epoch: number;
  model: NamedArray[];
  optimizer: NamedArray[];
  /** Early stopping's memory: the best epoch so far, its score, weights and logits (null when off). */
  best: { epoch: number; score: number; model: NamedArray[]; logits: Float32Array } | null;
}

/** Training and validation images per class for classes of `counts` images. */
export interface SplitCounts {
  train: [number, number];
  validation: [number, number];
}

/**
 * What a run's config says of its own dataset (TrainConfig.dataset): which stored dataset, and
 * what it held when the run started. Run files record it (no pixels); the worker reloads the
 * images by `id` and refuses them if their hash or split no longer match.
 */
export interface OwnDatasetRef {
  id: string;
  name: string;
  classNames: [string, string];
  hash: string;
  /** Training and validation images per class, by the run's seeded stratified split. */
  counts: SplitCounts;
}
