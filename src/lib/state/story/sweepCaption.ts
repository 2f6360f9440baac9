// The sweep's caption: what one arm did to final NLL against the reference arm, seed by seed,
// whether accuracy moved, and whether temperature scaling closes the gap — every comparison by
// the one rule of core/sweep (the 95 % paired-t interval over seeds excludes 0). With one seed
// it says nothing is beyond noise rather than guess.

import type { PairedDifference, SweepTableRow } from '../../core/sweep';
import { percentText, pointsText, sentence } from './numberText';

/** Whole percent: the seeds' spread makes finer digits noise. */
function wholePercent(fraction: number): string {
  return percentText(Math.round(Math.abs(fraction) * 100) / 100);
}

function seedsText(count: number): string {
  return count === 1 ? 'one seed' : `${count} seeds`;
}

function accuracyClause(difference: PairedDifference): string {
  return difference.beyondNoise
    ? `and moved accuracy by ${pointsText(difference.mean)} points`
    : 'at equal accuracy';
}

function temperatureClause(difference: PairedDifference, reference: string): string {
  if (!difference.beyondNoise) {
    return `after temperature scaling the ${reference} run is within seed noise of it`;
  }
  const by = wholePercent(difference.relativeMean);
  return difference.mean < 0
    ? `after temperature scaling it still beats the ${reference} run by ${by}`
    : `after temperature scaling the ${reference} run beats it by ${by}`;
}

/**
 * The caption for `arm` (default: the arm with the lowest mean final NLL) against the
 * reference row, the one without a difference.
 */
export function sweepCaption(rows: readonly SweepTableRow[], arm?: string): string {
  const reference = rows.find((row) => row.cells.finalNll.difference === null);
  const others = rows.filter((row) => row !== reference && row.seeds.length > 0);
  const chosen =
    arm === undefined
      ? others.reduce<SweepTableRow | undefined>(
          (best, row) =>
            best === undefined || row.cells.finalNll.spread.mean < best.cells.finalNll.spread.mean
              ? row
              : best,
          undefined,
        )
      : others.find((row) => row.arm.name === arm);
  const nll = chosen?.cells.finalNll.difference;
  if (reference === undefined || chosen === undefined || !nll || nll.pairs === 0) {
    return 'No finished runs to compare yet: each arm needs a run on a seed the reference arm has run.';
  }
  const label = chosen.arm.label;
  const referenceLabel = reference.arm.label;
  const direction = nll.mean < 0 ? 'cut' : 'raised';
  if (nll.pairs === 1) {
    return sentence([
      `${label} ${direction} final NLL by ${wholePercent(nll.relativeMean)} against ${referenceLabel} on one seed`,
      'with one seed nothing is beyond seed noise: run more seeds to tell',
    ]);
  }
  const headline = nll.beyondNoise
    ? `${label} ${direction} final NLL by ${wholePercent(nll.relativeMean)} (± ${wholePercent(nll.relativeSd)} over ${seedsText(nll.pairs)})`
    : `${label} left final NLL within seed noise of ${referenceLabel} (${seedsText(nll.pairs)})`;
  const accuracy = chosen.cells.finalAccuracy.difference;
  const scaled = chosen.cells.temperatureNll.difference;
  return sentence([
    accuracy ? `${headline} ${accuracyClause(accuracy)}` : headline,
    scaled ? temperatureClause(scaled, referenceLabel) : null,
  ]);
}
