// Plain data shared by the core, the worker and the UI. No tensors cross this line.

export type * from './metricTypes';

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

/** A run trains on 2 to 10 classes: at least a pair, at most every bundled Fashion-MNIST class. */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = CLASS_SLUGS.length;

export type OptimizerName = 'adam' | 'sgd' | 'momentum';
export type ModelPreset = 'wide' | 'small';
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;
/** Which validation metric early stopping watches; 'off' trains every epoch. */
export type EarlyStopMetric = 'loss' | 'accuracy' | 'off';

/** Everything that defines a run. Names match the URL hash keys' meaning (see settings/settings.ts). */
export interface TrainConfig {
  /** The Fashion-MNIST classes (2 to 10, all different), as slugs: label k is classes[k]. */
  classes: ClassSlug[];
  /** Training examples in total, split evenly across the classes (the first n mod K get one more). */
  trainSize: number;
  /** Held-out examples evaluated each epoch, split evenly across the classes like trainSize. */
  validationSize: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  model: ModelPreset;
  seed: number;
  /** Label smoothing α in [0, 0.5): targets become (1 − α)·onehot + α/K. Training loss only. */
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

/** Why and where early stopping ended a run; the model then holds bestEpoch's weights. */
export interface EarlyStopInfo {
  metric: Exclude<EarlyStopMetric, 'off'>;
  /** The epoch (1-based) with the best validation metric; ties keep the earlier one. */
  bestEpoch: number;
  /** The last epoch trained: bestEpoch + patience. */
  stoppedAfterEpoch: number;
}

/**
 * A GPU adapter: `hardware` names a hardware vendor and nothing else; `software` is flagged as a
 * fallback or named as a CPU emulation; `unverified` is neither (an unlisted software renderer, a
 * masked WebGL renderer) and, like software, must beat WASM on the clock.
 */
export type AdapterKind = 'hardware' | 'software' | 'unverified';

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
  /** webgpu/webgl: what the adapter showed itself to be (core/train/backendAdapter.ts). */
  adapterKind?: AdapterKind;
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

/** How many classes a run trains on: its own dataset's, or its Fashion-MNIST choice's. */
export function runClassCount(config: Pick<TrainConfig, 'classes' | 'dataset'>): number {
  return config.dataset?.classNames.length ?? config.classes.length;
}

/** What a trainer needs to continue exactly after `epoch` (Trainer.exportState / restoreState). */
export interface TrainerSnapshot {
  epoch: number;
  model: NamedArray[];
  optimizer: NamedArray[];
  /** Early stopping's memory: the best epoch so far, its score, weights and logits (null when off). */
  best: { epoch: number; score: number; model: NamedArray[]; logits: Float32Array } | null;
}

/** Training and validation images per class (one entry per class, label order). */
export interface SplitCounts {
  train: number[];
  validation: number[];
}

/**
 * What a run's config says of its own dataset (TrainConfig.dataset): which stored dataset, and
 * what it held when the run started. Run files record it (no pixels); the worker reloads the
 * images by `id` and refuses them if their hash or split no longer match.
 */
export interface OwnDatasetRef {
  id: string;
  name: string;
  /** One name per class (2 to 10), label order. */
  classNames: string[];
  hash: string;
  /** Training and validation images per class, by the run's seeded stratified split. */
  counts: SplitCounts;
}
