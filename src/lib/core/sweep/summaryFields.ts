// The figures a sweep keeps of each run, as one list: the summary function fills them, the
// table and the CSV show them in this order, the file parser checks them by these bounds, and
// the caption names them by these words. Every figure is on the evaluation half of the
// held-out set, with the best epoch chosen on the calibration half (docs/reliability.md).

/** How a figure is bounded in a file and read in a table. */
export interface SummaryField {
  key: SummaryKey;
  /** Short words for a table header or a caption, e.g. "final NLL". */
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Lower is better (NLL, ECE, Brier), or higher (accuracy); neither for the epoch and T. */
  better: 'lower' | 'higher' | 'neither';
  /** NaN allowed (null in a file): Platt and isotonic apply to two classes only. */
  mayBeMissing?: boolean;
}

export const SUMMARY_KEYS = [
  'finalNll',
  'finalEce',
  'finalBrier',
  'finalAccuracy',
  'bestNll',
  'bestEce',
  'bestBrier',
  'bestAccuracy',
  'bestEpoch',
  'temperature',
  'temperatureNll',
  'temperatureEce',
  'plattNll',
  'plattEce',
  'isotonicNll',
  'isotonicEce',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

/** One run's figures. */
export type RunSummary = Record<SummaryKey, number>;

const NLL = { min: 0, max: Infinity, better: 'lower' } as const;
const ECE = { min: 0, max: 1, better: 'lower' } as const;
const BRIER = { min: 0, max: 2, better: 'lower' } as const;
const ACCURACY = { min: 0, max: 1, better: 'higher' } as const;

export const SUMMARY_FIELDS: Readonly<Record<SummaryKey, SummaryField>> = {
  finalNll: { key: 'finalNll', label: 'final NLL', ...NLL },
  finalEce: { key: 'finalEce', label: 'final ECE', ...ECE },
  finalBrier: { key: 'finalBrier', label: 'final Brier', ...BRIER },
  finalAccuracy: { key: 'finalAccuracy', label: 'final accuracy', ...ACCURACY },
  bestNll: { key: 'bestNll', label: 'best-epoch NLL', ...NLL },
  bestEce: { key: 'bestEce', label: 'best-epoch ECE', ...ECE },
  bestBrier: { key: 'bestBrier', label: 'best-epoch Brier', ...BRIER },
  bestAccuracy: { key: 'bestAccuracy', label: 'best-epoch accuracy', ...ACCURACY },
  bestEpoch: {
    key: 'bestEpoch',
    label: 'epoch of lowest loss',
    min: 1,
    max: Infinity,
    integer: true,
    better: 'neither',
  },
  temperature: {
    key: 'temperature',
    label: 'fitted T',
    min: Number.MIN_VALUE,
    max: Infinity,
    better: 'neither',
  },
  temperatureNll: { key: 'temperatureNll', label: 'NLL after temperature scaling', ...NLL },
  temperatureEce: { key: 'temperatureEce', label: 'ECE after temperature scaling', ...ECE },
  plattNll: { key: 'plattNll', label: 'NLL after Platt', ...NLL, mayBeMissing: true },
  plattEce: { key: 'plattEce', label: 'ECE after Platt', ...ECE, mayBeMissing: true },
  isotonicNll: { key: 'isotonicNll', label: 'NLL after isotonic', ...NLL, mayBeMissing: true },
  isotonicEce: { key: 'isotonicEce', label: 'ECE after isotonic', ...ECE, mayBeMissing: true },
};

/** A run's per-epoch curves, one value per epoch (columns: compact in a file). */
export interface RunCurves {
  epoch: number[];
  trainLoss: number[];
  trainAccuracy: number[];
  /** On the calibration half: what chose the best epoch. */
  calibrationLoss: number[];
  /** On the evaluation half. */
  validationLoss: number[];
  validationAccuracy: number[];
  ece: number[];
}

export const CURVE_KEYS = [
  'epoch',
  'trainLoss',
  'trainAccuracy',
  'calibrationLoss',
  'validationLoss',
  'validationAccuracy',
  'ece',
] as const satisfies readonly (keyof RunCurves)[];
