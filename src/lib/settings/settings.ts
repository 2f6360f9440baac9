// Every user setting in one typed table (after tensorflow/playground's state.ts): hash key,
// default, bounds or choices, label and help text, the run-config field it maps to, plus how to
// read it as text (the URL hash) and as JSON (a run file). The key lists, the defaults, the hash
// codec, the settings form and the run-file config reader are all generated from this table, so
// their bounds cannot drift. Pure: no DOM, no window.

import {
  ADJUSTABLE_FIELDS,
  CLASS_NAMES,
  CLASS_SLUGS,
  type AdjustableField,
  type BackendPreference,
  type ClassSlug,
  type EarlyStopMetric,
  type ModelPreset,
  type OptimizerName,
  type SettingChanges,
  type TrainConfig,
} from '../core/types';
import { choice, classPair, decimal, flag, integer, list, type SettingSpec } from './settingKinds';

export type { ConfigField, Parsed, SettingControl, SettingSpec } from './settingKinds';

/** One field per hash key; the field names ARE the hash keys. */
export interface Settings {
  classes: [ClassSlug, ClassSlug];
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
/** Validation examples evaluated each epoch: all shipped (1000 held-out images per class). */
export const VALIDATION_SIZE = 2000;

export const SETTINGS: SettingsTable = {
  classes: classPair({
    config: 'classes',
    label: 'Classes',
    help: 'The two Fashion-MNIST classes the network must tell apart. Similar-looking pairs (pullover vs coat) make the effect easiest to see.',
    default: ['pullover', 'coat'],
  }),
  train: integer({
    config: 'trainSize',
    label: 'Training examples',
    help: `Total training images, split evenly between the two classes (at most ${TRAIN_EXAMPLES_PER_CLASS} per class). Fewer examples over-fit sooner. Fashion-MNIST only: a run on your own images trains on every image of its training split.`,
    default: 2000,
    min: 10,
    max: 2 * TRAIN_EXAMPLES_PER_CLASS,
    onlyFor: 'fashion-mnist',
  }),
  val: integer({
    config: 'validationSize',
    label: 'Validation examples',
    help: `Held-out images evaluated after every epoch, half per class (at most ${VALIDATION_SIZE}: all that ship). Fewer make each epoch faster on a slow GPU. Fashion-MNIST only: a run on your own images validates on every image of its validation split.`,
    default: VALIDATION_SIZE,
    min: 10,
    max: VALIDATION_SIZE,
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
    options: [
      { value: 'adam', label: 'Adam' },
      { value: 'sgd', label: 'SGD' },
      { value: 'momentum', label: 'SGD with momentum' },
    ],
  }),
  model: choice<ModelPreset>({
    config: 'model',
    label: 'Model',
    help: 'The wide CNN has plenty of capacity to memorise, so it grows over-confident; the small one less so.',
    default: 'wide',
    options: [
      { value: 'wide', label: 'Wide CNN' },
      { value: 'small', label: 'Small CNN' },
    ],
  }),
  seed: integer({
    config: 'seed',
    label: 'Random seed',
    help: 'Fixes the data sample, shuffling and initial weights, so a link reproduces a run.',
    default: 1,
    min: 0,
    max: 2147483647,
  }),
  smoothing: decimal({
    config: 'labelSmoothing',
    optionalInRunFile: true,
    label: 'Label smoothing α',
    help: 'Trains towards (1 − α) on the true class and α on the other, so the network gains nothing by growing its logits without bound (Müller et al. 2019). Validation loss is still measured against the hard labels.',
    default: 0,
    min: 0,
    max: 0.49,
  }),
  l2: decimal({
    config: 'l2',
    optionalInRunFile: true,
    label: 'L2 weight decay λ',
    help: 'Adds λ·Σw² over every kernel to the training loss: large weights, and so large logits, cost something.',
    default: 0,
    min: 0,
    max: 1,
  }),
  dropout: decimal({
    config: 'dropout',
    optionalInRunFile: true,
    label: 'Dropout rate',
    help: 'Fraction of activations zeroed at random before each dense layer while training (seeded). 0 = off.',
    default: 0,
    min: 0,
    max: 0.9,
  }),
  earlyStop: choice<EarlyStopMetric>({
    config: 'earlyStop',
    optionalInRunFile: true,
    label: 'Early stopping',
    help: 'Stop when this validation metric has not improved for "patience" epochs, and restore the weights of its best epoch. Stopping on loss catches the over-confidence; stopping on accuracy does not.',
    default: 'off',
    options: [
      { value: 'off', label: 'Off' },
      { value: 'loss', label: 'On validation loss' },
      { value: 'accuracy', label: 'On validation accuracy' },
    ],
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
  focal: decimal({
    config: 'focalGamma',
    optionalInRunFile: true,
    label: 'Focal loss γ',
    help: "Weights each training example's loss by (1 − p)^γ, p its probability of the true class (Lin et al. 2017): examples already right with confidence cost almost nothing, so there is little to gain by growing the logits further (Mukhoti et al. 2020). 0 = plain cross-entropy.",
    default: 0,
    min: 0,
    max: 5,
  }),
  mixup: decimal({
    config: 'mixupAlpha',
    optionalInRunFile: true,
    label: 'Mixup α',
    help: 'Trains on blends λ·x₁ + (1 − λ)·x₂ of two images with the same blend of their labels, λ ~ Beta(α, α) per batch, seeded (Zhang et al. 2018): in-between images get in-between targets, which discourages extreme logits. 0 = off.',
    default: 0,
    min: 0,
    max: 2,
  }),
  backend: choice<BackendPreference>({
    config: 'backend',
    label: 'Compute backend',
    help: 'Automatic takes a hardware GPU (WebGPU, then WebGL) if there is one; otherwise it times WebAssembly against any software-emulated GPU on the selected model and keeps the faster, and falls to the (slow) JavaScript CPU backend only when neither starts. A forced backend that cannot start falls back along WebGPU → WebGL → WASM → CPU. Changing it restarts the training worker.',
    default: 'auto',
    options: [
      { value: 'auto', label: 'Automatic' },
      { value: 'webgpu', label: 'WebGPU' },
      { value: 'webgl', label: 'WebGL' },
      { value: 'wasm', label: 'WebAssembly (CPU, fast)' },
      { value: 'cpu', label: 'CPU' },
    ],
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
};

/** Table order: the order of the hash and of the form. */
export const SETTING_KEYS = Object.keys(SETTINGS) as readonly SettingKey[];

/** Keys that change how the page looks, not the run: never in the settings form, never locked. */
export const VIEW_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => SETTINGS[key].view);
/** Keys that are part of a run's config (in commands to the worker and in run files). */
export const RUN_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => SETTINGS[key].config !== undefined,
);
/**
 * Written to the hash only when not at their default, so ordinary links stay short: everything
 * that is not part of the run (autostart and the view keys).
 */
export const OPTIONAL_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => !RUN_KEYS.includes(key),
);
/** The settings form's fields, in table order. */
export const FORM_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => key !== 'classes' && !VIEW_KEYS.includes(key),
);

/**
 * The settings a run can change while it trains (their config fields are ADJUSTABLE_FIELDS):
 * editable in the form during a run, sent to the worker instead of the link.
 */
export const LIVE_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) =>
  (ADJUSTABLE_FIELDS as readonly string[]).includes(SETTINGS[key].config ?? ''),
);

/** The config field of a live key, e.g. lr → learningRate. */
export function liveField(key: SettingKey): AdjustableField | null {
  const field = SETTINGS[key].config;
  return (ADJUSTABLE_FIELDS as readonly string[]).includes(field ?? '')
    ? (field as AdjustableField)
    : null;
}

/**
 * Checks mid-run changes (config field → value) with the table's own bounds: the worker refuses
 * what the hash would refuse. Unknown or not-adjustable fields are refused too.
 */
export function parseSettingChanges(
  json: object,
): { ok: true; changes: SettingChanges } | { ok: false; field: string; reason: string } {
  const changes: SettingChanges = {};
  for (const [field, value] of Object.entries(json)) {
    const key = LIVE_KEYS.find((live) => SETTINGS[live].config === field);
    if (key === undefined) return { ok: false, field, reason: 'cannot change during a run' };
    const spec: SettingSpec<unknown> = SETTINGS[key];
    const parsed = spec.fromJson(value);
    if (!parsed.ok) return { ok: false, field, reason: parsed.reason };
    changes[field as AdjustableField] = parsed.value as number;
  }
  return { ok: true, changes };
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** Copies a table default, so no caller can mutate the table through it. */
export function copied<V>(value: V): V {
  return (Array.isArray(value) ? [...value] : value) as V;
}

export function defaultSettings(): Settings {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) settings[key] = copied(SETTINGS[key].default);
  return settings as Settings;
}

/**
 * Parse `text` with the table entry for `key` and return a copy of `settings` with it applied,
 * or the reason it was rejected. Typed per key, so forms and the hash codec need no casts.
 */
export function withSetting<K extends SettingKey>(
  settings: Settings,
  key: K,
  text: string,
): { ok: true; settings: Settings } | { ok: false; reason: string } {
  const spec: SettingSpec<Settings[K]> = SETTINGS[key];
  const parsed = spec.parse(text);
  if (!parsed.ok) return parsed;
  const next = { ...settings };
  next[key] = parsed.value;
  return { ok: true, settings: next };
}

export function formatSetting<K extends SettingKey>(settings: Settings, key: K): string {
  const spec: SettingSpec<Settings[K]> = SETTINGS[key];
  return spec.format(settings[key]);
}

export function className(slug: ClassSlug): string {
  return CLASS_NAMES[CLASS_SLUGS.indexOf(slug)];
}
