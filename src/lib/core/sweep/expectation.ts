// A sweep's expectation, the calibration regression check a CI run can hold a sweep to:
// `"smoothing=0.1: ece < plain.ece"` passes only when the arm's figure is below the other arm's
// beyond seed noise (the paired-t rule of seedStats.ts), so a remedy that stops working, or
// whose gain shrinks into the noise, fails the run. Arms are named as in the file; a setting may
// also be written by its run-file name (`labelSmoothing=0.1`).

import { SETTINGS, SETTING_KEYS } from '../../settings';
import { pairedDifference, type PairedDifference } from './seedStats';
import { SUMMARY_KEYS, type SummaryKey } from './summaryFields';
import type { SweepFile } from './sweepFile';

/** Short names for the final model's figures. */
const ALIASES: Readonly<Record<string, SummaryKey>> = {
  nll: 'finalNll',
  ece: 'finalEce',
  brier: 'finalBrier',
  accuracy: 'finalAccuracy',
};

export interface Expectation {
  arm: string;
  metric: SummaryKey;
  relation: '<' | '>';
  other: string;
}

export type ExpectationCheck =
  | { ok: true; passed: boolean; difference: PairedDifference; message: string }
  | { ok: false; message: string };

const EXPECTATION = /^\s*(.+?)\s*:\s*([A-Za-z]+)\s*([<>])\s*(.+?)\.([A-Za-z]+)\s*$/;

function metricOf(name: string): SummaryKey | undefined {
  return ALIASES[name.toLowerCase()] ?? SUMMARY_KEYS.find((key) => key === name);
}

/** An arm name with run-file setting names turned into hash keys: labelSmoothing=0.1 → smoothing=0.1. */
function armName(written: string, file: Pick<SweepFile, 'arms'>): string | undefined {
  const normalised = written
    .split(',')
    .map((part) => {
      const [name, value] = part.split('=');
      const key = SETTING_KEYS.find((known) => SETTINGS[known].config === name?.trim());
      return key === undefined || value === undefined ? part.trim() : `${key}=${value.trim()}`;
    })
    .join(',');
  return file.arms.find((arm) => arm.name === normalised || arm.name === written.trim())?.name;
}

/** Reads `"<arm>: <metric> < <arm>.<metric>"` against the arms of `file`. */
export function parseExpectation(
  text: string,
  file: Pick<SweepFile, 'arms'>,
): { ok: true; expectation: Expectation } | { ok: false; message: string } {
  const match = EXPECTATION.exec(text);
  if (match === null) {
    return { ok: false, message: `"${text}" is not of the form "smoothing=0.1: ece < plain.ece"` };
  }
  const [, left, metricText, relation, right, otherMetric] = match;
  const metric = metricOf(metricText);
  if (metric === undefined || metricOf(otherMetric) !== metric) {
    return {
      ok: false,
      message: `"${text}" must compare one figure on both sides (nll, ece, brier, accuracy or ${SUMMARY_KEYS.join(', ')})`,
    };
  }
  const arm = armName(left, file);
  const other = armName(right, file);
  const unknown = arm === undefined ? left : other === undefined ? right : null;
  if (unknown !== null) {
    return {
      ok: false,
      message: `"${text}" names "${unknown.trim()}", which is not an arm of this sweep (${file.arms.map((a) => a.name).join(', ')})`,
    };
  }
  return {
    ok: true,
    expectation: { arm: arm!, metric, relation: relation as '<' | '>', other: other! },
  };
}

/** Holds `text` to the sweep's runs by the seed-noise rule. */
export function checkExpectation(
  text: string,
  file: Pick<SweepFile, 'arms' | 'runs'>,
): ExpectationCheck {
  const parsed = parseExpectation(text, file);
  if (!parsed.ok) return parsed;
  const { arm, metric, relation, other } = parsed.expectation;
  const bySeed = (name: string) =>
    new Map(
      file.runs.filter((run) => run.arm === name).map((run) => [run.seed, run.summary[metric]]),
    );
  const difference = pairedDifference(bySeed(arm), bySeed(other));
  const passed =
    difference.beyondNoise && (relation === '<' ? difference.high < 0 : difference.low > 0);
  const interval = `${arm} − ${other} = ${difference.mean} (95 % interval ${difference.low} to ${difference.high} over ${difference.pairs} seeds)`;
  return {
    ok: true,
    passed,
    difference,
    message: passed
      ? `${text.trim()}: holds beyond seed noise; ${interval}`
      : `${text.trim()}: not shown beyond seed noise; ${interval}`,
  };
}
