// Every user setting in one typed table (after tensorflow/playground's state.ts): hash key,
// default, bounds or choices, label and help text, the run-config field it maps to, plus how to
// read it as text (the URL hash) and as JSON (a run file). The key lists (settingKeys.ts), the
// defaults (settingValues.ts), the hash codec, the settings form, the run-file config reader and
// the mid-run change check are all generated from this table, so their bounds cannot drift. The
// kinds of setting are settingKinds.ts. Pure: no DOM, no window.

import {
  MAX_CLASSES,
  MIN_CLASSES,
  type BackendPreference,
  type ClassSlug,
  type EarlyStopMetric,
  type ModelPreset,
  type OptimizerName,
} from '../core/types';
import { PAGE_VIEWS, type PageView } from './views';
import {
  choice,
  classList,
  decimal,
  flag,
  integer,
  list,
  offByDefault,
  type SettingSpec,
} from './settingKinds';
import { sweepSetting, type SweepSpec } from './sweepSpec';

export type { ConfigField, Parsed, SettingControl, SettingSpec } from './settingKinds';

/** One field per hash key; the field names ARE the hash keys. */
export interface Settings {
  classes: ClassSlug[];
  train: number;
  val: number;
  split: number;
  epochs: number;
  batch: number;
  lr: number;
  optimizer: OptimizerName;
  model: ModelPreset;
  seed: number;
  smoothing: number;
  l2: number;
  dropout: number;
  earlyStop: EarlyStopMetric;
  patience: number;
  focal: number;
  mixup: number;
  backend: BackendPreference;
  autostart: boolean;
  hide: readonly HideablePart[];
  tour: boolean;
  projector: boolean;
  replay: boolean;
  view: PageView;
  sweep: SweepSpec;
  seeds: number;
  pool: number;
}

/** Parts of the page a shared link can hide (`hide=settings,backend`), for focused classroom views. */
export const HIDEABLE_PARTS = [
  'intro',
  'backend',
  'controls',
  'settings',
  'preview',
  'metrics',
  'loss',
  'histogram',
  'split',
  'reliability',
  'calibration',
  'temperature',
  'gallery',
  'worked',
] as const;
export type HideablePart = (typeof HIDEABLE_PARTS)[number];

export type SettingKey = keyof Settings;

export type SettingsTable = { [K in SettingKey]: SettingSpec<Settings[K]> };

/** Fashion-MNIST ships 6000 training images per class; we keep 3000 per class. */
export const TRAIN_EXAMPLES_PER_CLASS = 3000;
/** Fashion-MNIST ships 1000 held-out images per class. */
export const VALIDATION_EXAMPLES_PER_CLASS = 1000;
/** Validation examples evaluated each epoch by default: all that ship for a pair. */
export const VALIDATION_SIZE = 2 * VALIDATION_EXAMPLES_PER_CLASS;

export const SETTINGS: SettingsTable = {
  classes: classList({
    config: 'classes',
    label: 'Classes',
    help: `The Fashion-MNIST classes the network must tell apart: any ${MIN_CLASSES} to ${MAX_CLASSES}, label 0 first. Similar-looking pairs (pullover vs coat) make the effect easiest to see; only the default pair is stored for offline use.`,
    default: ['pullover', 'coat'],
  }),
  train: integer({
    config: 'trainSize',
    label: 'Training examples',
    help: `Total training images, split evenly across the classes (at most ${TRAIN_EXAMPLES_PER_CLASS} per class). Fewer examples over-fit sooner. Fashion-MNIST only: a run on your own images trains on every image of its training split.`,
    default: 2000,
    min: 10,
    max: MAX_CLASSES * TRAIN_EXAMPLES_PER_CLASS,
    onlyFor: 'fashion-mnist',
  }),
  val: integer({
    config: 'validationSize',
    label: 'Validation examples',
    help: `Held-out images evaluated after every epoch, split evenly across the classes (at most ${VALIDATION_EXAMPLES_PER_CLASS} per class ship; ${VALIDATION_SIZE} is all of a pair). Fewer make each epoch faster on a slow GPU. Fashion-MNIST only: a run on your own images validates on every image of its validation split.`,
    default: VALIDATION_SIZE,
    min: 10,
    max: MAX_CLASSES * VALIDATION_EXAMPLES_PER_CLASS,
    onlyFor: 'fashion-mnist',
  }),
  split: integer({
    config: 'validationPercent',
    optionalInRunFile: true,
    label: 'Validation share of your images (%)',
    help: 'Your own images only: the percentage of each class held out for validation. The split is stratified (every class gives the same share, so both sets keep the class balance) and seeded (the random seed picks which images), so a seed reproduces it. Fashion-MNIST runs validate on its own held-out images instead.',
    default: 20,
    min: 5,
    max: 50,
    onlyFor: 'own-images',
  }),
  epochs: integer({
    config: 'epochs',
    label: 'Epochs',
    help: 'Passes over the training set. Over-confidence shows after the validation loss reaches its minimum.',
    default: 40,
    min: 1,
    max: 500,
  }),
  batch: integer({
    config: 'batchSize',
    label: 'Batch size',
    help: 'Images per gradient step.',
    default: 64,
    min: 1,
    max: 1024,
  }),
  lr: decimal({
    config: 'learningRate',
    label: 'Learning rate',
    help: 'Step size of the optimizer. Too large and training diverges; too small and nothing happens within the epochs.',
    default: 0.001,
    min: 1e-6,
    max: 10,
  }),
  optimizer: choice<OptimizerName>({
    config: 'optimizer',
    label: 'Optimizer',
    help: 'Adam adapts the step per weight; SGD uses the plain gradient; momentum SGD smooths it.',
    default: 'adam',
    options: { adam: 'Adam', sgd: 'SGD', momentum: 'SGD with momentum' },
  }),
  model: choice<ModelPreset>({
    config: 'model',
    label: 'Model',
    help: 'The wide CNN has plenty of capacity to memorise, so it grows over-confident; the small one less so.',
    default: 'wide',
    options: { wide: 'Wide CNN', small: 'Small CNN' },
  }),
  seed: integer({
    config: 'seed',
    label: 'Random seed',
    help: 'Fixes the data sample, shuffling and initial weights, so a link reproduces a run.',
    default: 1,
    min: 0,
    max: 2147483647,
  }),
  smoothing: offByDefault({
    config: 'labelSmoothing',
    label: 'Label smoothing α',
    help: 'Trains towards (1 − α) on the true class and α on the other, so the network gains nothing by growing its logits without bound (Müller et al. 2019). Validation loss is still measured against the hard labels.',
    max: 0.49,
  }),
  l2: offByDefault({
    config: 'l2',
    label: 'L2 weight decay λ',
    help: 'Adds λ·Σw² over every kernel to the training loss: large weights, and so large logits, cost something.',
    max: 1,
  }),
  dropout: offByDefault({
    config: 'dropout',
    label: 'Dropout rate',
    help: 'Fraction of activations zeroed at random before each dense layer while training (seeded). 0 = off.',
    max: 0.9,
  }),
  earlyStop: choice<EarlyStopMetric>({
    config: 'earlyStop',
    optionalInRunFile: true,
    label: 'Early stopping',
    help: 'Stop when this validation metric has not improved for "patience" epochs, and restore the weights of its best epoch. Stopping on loss catches the over-confidence; stopping on accuracy does not.',
    default: 'off',
    options: { off: 'Off', loss: 'On validation loss', accuracy: 'On validation accuracy' },
  }),
  patience: integer({
    config: 'patience',
    optionalInRunFile: true,
    label: 'Patience (epochs)',
    help: 'Epochs without improvement before early stopping ends the run.',
    default: 5,
    min: 1,
    max: 100,
  }),
  focal: offByDefault({
    config: 'focalGamma',
    label: 'Focal loss γ',
    help: "Weights each training example's loss by (1 − p)^γ, p its probability of the true class (Lin et al. 2017): examples already right with confidence cost almost nothing, so there is little to gain by growing the logits further (Mukhoti et al. 2020). 0 = plain cross-entropy.",
    max: 5,
  }),
  mixup: offByDefault({
    config: 'mixupAlpha',
    label: 'Mixup α',
    help: 'Trains on blends λ·x₁ + (1 − λ)·x₂ of two images with the same blend of their labels, λ ~ Beta(α, α) per batch, seeded (Zhang et al. 2018): in-between images get in-between targets, which discourages extreme logits. 0 = off.',
    max: 2,
  }),
  backend: choice<BackendPreference>({
    config: 'backend',
    label: 'Compute backend',
    help: 'Automatic takes a hardware GPU (WebGPU, then WebGL) if there is one; otherwise it times WebAssembly against any software-emulated GPU on the selected model and keeps the faster, and falls to the (slow) JavaScript CPU backend only when neither starts. A forced backend that cannot start falls back along WebGPU → WebGL → WASM → CPU. Changing it restarts the training worker.',
    default: 'auto',
    options: {
      auto: 'Automatic',
      webgpu: 'WebGPU',
      webgl: 'WebGL',
      wasm: 'WebAssembly (CPU, fast)',
      cpu: 'CPU',
    },
  }),
  autostart: flag({
    label: 'Start training when the link is opened',
    help: 'For classrooms: a shared link with autostart=1 starts training as soon as the page is ready.',
    default: false,
  }),
  hide: list<HideablePart>({
    view: true,
    label: 'Hidden parts',
    help: `For presenters: parts of the page a shared link hides (${HIDEABLE_PARTS.join(', ')}).`,
    default: [],
    options: HIDEABLE_PARTS,
  }),
  tour: flag({
    view: true,
    label: 'Start the guided tour',
    help: 'Opens the step-by-step tour of the question when the link is opened.',
    default: false,
  }),
  projector: flag({
    view: true,
    label: 'Projector mode',
    help: 'Large type, thick lines and high contrast for a room.',
    default: false,
  }),
  replay: flag({
    view: true,
    label: 'Replay the recorded run',
    help: 'Plays the shipped recording of a full default run, epoch by epoch, when the link is opened.',
    default: false,
  }),
  view: choice<PageView>({
    view: true,
    label: 'Shown view',
    help: 'The tab the page opens on: the story (both main charts), or one of the deeper views.',
    default: 'story',
    options: PAGE_VIEWS,
  }),
  sweep: sweepSetting(
    {
      view: true,
      label: 'Sweep',
      help: 'Which arms a sweep trains, each once per seed: off, a preset (remedies, capacity, learning-rate) or one or two settings with their values, e.g. smoothing(0,0.1) or model(small,wide)*train(500,2000). The other settings are the base every arm starts from.',
    },
    () => SETTINGS,
  ),
  seeds: integer({
    view: true,
    label: 'Sweep seeds',
    help: 'Seeds each arm of a sweep trains with: seed, seed + 1, … The same seed gives every arm the same initial weights and batch order, so arms are compared seed by seed.',
    default: 3,
    min: 1,
    max: 10,
  }),
  pool: integer({
    view: true,
    label: 'Sweep workers',
    help: 'Training workers a sweep runs at once; 0 = automatic (about one per core on WebAssembly, one on a GPU). The results do not depend on it.',
    default: 0,
    min: 0,
    max: 32,
  }),
};
