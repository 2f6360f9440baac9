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
export type BackendName = 'webgpu' | 'webgl' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

/** Everything that defines a run. Names match the URL hash keys' meaning (see state/settings.ts). */
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
}

export interface LogitGapHistogram {
  /** Bin edges of |z1 - z0|, length = bins + 1; the last bin also holds everything above its upper edge. */
  edges: number[];
  correct: number[];
  wrong: number[];
}

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
  imagesPerSecond: number;
  logitGapHistogram: LogitGapHistogram;
}

export interface BackendInfo {
  name: BackendName;
  /** Adapter or renderer description, e.g. "Google SwiftShader" (WebGPU) or the GL renderer string. */
  adapter: string;
  /** Why the preferred backend was not used; null when it was. */
  fallbackReason: string | null;
  tfjsVersion: string;
}
