// The named sweeps. Remedies lists its arms in full: every arm sets every remedy, so "plain"
// stays plain cross-entropy whatever the base settings carry (a base with label smoothing on
// would otherwise smooth the reference too). Capacity and learning rate are grids, expanded by
// the same code as a grid written in a link.

import type { Settings, SweepPreset, SweepSpec } from '../../settings';

/** An arm: a name (stable: files, merges and expectations refer to it), its words and its overrides. */
export interface Arm {
  /** e.g. "plain", "smoothing=0.1", "model=small,train=500". */
  name: string;
  /** For tables and captions, e.g. "label smoothing 0.1". */
  label: string;
  overrides: Partial<Settings>;
}

/** Every remedy off: the reference arm, and the ground the other Remedies arms stand on. */
const NO_REMEDY = {
  smoothing: 0,
  l2: 0,
  dropout: 0,
  focal: 0,
  mixup: 0,
  earlyStop: 'off',
  patience: 5,
} as const satisfies Partial<Settings>;

function remedy(name: string, label: string, change: Partial<Settings>): Arm {
  return { name, label, overrides: { ...NO_REMEDY, ...change } };
}

/** Mukhoti et al. 2020's remedies beside plain cross-entropy, each alone. */
export const REMEDIES_ARMS: readonly Arm[] = [
  remedy('plain', 'plain cross-entropy', {}),
  remedy('smoothing=0.1', 'label smoothing 0.1', { smoothing: 0.1 }),
  remedy('l2=0.001', 'L2 λ = 0.001', { l2: 0.001 }),
  remedy('dropout=0.5', 'dropout 0.5', { dropout: 0.5 }),
  remedy('focal=3', 'focal loss γ = 3', { focal: 3 }),
  remedy('mixup=0.2', 'mixup α = 0.2', { mixup: 0.2 }),
  remedy('earlyStop=loss', 'early stopping on loss (patience 5)', {
    earlyStop: 'loss',
    patience: 5,
  }),
];

/** Guo et al. 2017: more capacity (a wider model, fewer examples per weight), worse calibration. */
export const CAPACITY_GRID: SweepSpec = {
  kind: 'grid',
  axes: [
    { key: 'model', values: ['small', 'wide'] },
    { key: 'train', values: [500, 1000, 2000, 4000] },
  ],
};

/** Half-decades around Adam's default 0.001. */
export const LEARNING_RATE_GRID: SweepSpec = {
  kind: 'grid',
  axes: [{ key: 'lr', values: [0.0001, 0.0003, 0.001, 0.003, 0.01] }],
};

/** A preset as arms, or as the grid that makes them. */
export const PRESETS: Readonly<Record<SweepPreset, readonly Arm[] | SweepSpec>> = {
  remedies: REMEDIES_ARMS,
  capacity: CAPACITY_GRID,
  'learning-rate': LEARNING_RATE_GRID,
};
