// The sweep table's words: which figures it shows (every summary figure but the fitted T, which
// is a means, not a result), how a cell reads (mean ± sd, min–max over seeds) and how a
// difference beyond seed noise is marked, with the rule said once for the caption. Pure.

import {
  SEED_NOISE_LEVEL,
  SUMMARY_FIELDS,
  SUMMARY_KEYS,
  type SummaryKey,
  type SweepCell,
  type SweepFile,
} from '../../core/sweep';
import { parseHash } from '../../settings';

/** Columns of the table, in SUMMARY_KEYS order: final, best epoch, then after each fix. */
export const TABLE_KEYS: readonly SummaryKey[] = SUMMARY_KEYS.filter(
  (key) => key !== 'temperature',
);

/** A figure with the digits its seeds' spread can carry: 3 significant, epochs to one place. */
export function figureText(key: SummaryKey, value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (SUMMARY_FIELDS[key].integer) return String(Number(value.toFixed(1)));
  return String(Number(value.toPrecision(digits)));
}

/** Digits of an sd: two, as a spread over a few seeds is itself only roughly known. */
const SD_DIGITS = 2;

export interface CellText {
  /** "0.331 ± 0.012" (one seed: "0.331"). */
  main: string;
  /** "0.318–0.345" over the seeds; empty for one seed. */
  range: string;
  /** '' | 'better' | 'worse' | 'different': a difference to the reference beyond seed noise. */
  mark: '' | 'better' | 'worse' | 'different';
  /** The mark in words for screen readers and tooltips. */
  markText: string;
}

export function cellText(key: SummaryKey, cell: SweepCell): CellText {
  const { spread, difference } = cell;
  const sd =
    spread.count > 1 && Number.isFinite(spread.sd)
      ? ` ± ${figureText(key, spread.sd, SD_DIGITS)}`
      : '';
  const main = spread.count === 0 ? '—' : `${figureText(key, spread.mean)}${sd}`;
  const range =
    spread.count > 1 ? `${figureText(key, spread.min)}–${figureText(key, spread.max)}` : '';
  if (difference === null || !difference.beyondNoise) {
    return { main, range, mark: '', markText: '' };
  }
  const better = SUMMARY_FIELDS[key].better;
  const lower = difference.mean < 0;
  const mark =
    better === 'neither' ? 'different' : (better === 'lower') === lower ? 'better' : 'worse';
  const by = `${difference.mean > 0 ? '+' : '−'}${figureText(key, Math.abs(difference.mean))}`;
  const words = mark === 'different' ? 'differs from' : `${mark} than`;
  return { main, range, mark, markText: `${words} the reference beyond seed noise (${by})` };
}

/** The one rule, said where the marks are. */
export function noiseRuleText(seedCount: number): string {
  const level = Math.round(SEED_NOISE_LEVEL * 100);
  const rule = `A difference is beyond seed noise when the ${level} % paired-t interval over seeds of (arm − reference) excludes 0; runs pair by seed (same initial weights and batch order).`;
  return seedCount < 2 ? `${rule} With one seed nothing is beyond noise.` : rule;
}

/** How the view names the file it shows. */
export function fileLabel(
  file: Pick<SweepFile, 'recorded' | 'link' | 'arms' | 'seeds' | 'runs'>,
  origin: 'recorded' | 'imported' | 'live',
  fileName?: string,
): string {
  const { settings } = parseHash(file.link);
  const setup = `${file.arms.length} arms × ${file.seeds.length} seeds, ${settings.train} training images, ${settings.epochs} epochs`;
  const runs = `${file.runs.length} of ${file.arms.length * file.seeds.length} runs`;
  if (origin === 'imported') {
    const what = file.recorded ? 'a recording, read-only' : 'read-only';
    return `Imported sweep${fileName ? ` “${fileName}”` : ''} (${what}): ${setup}; ${runs}.`;
  }
  if (origin === 'recorded' || file.recorded) {
    return `Recorded sweep, not trained here (read-only): ${setup}; ${runs}.`;
  }
  return `This sweep: ${setup}; ${runs} finished.`;
}
