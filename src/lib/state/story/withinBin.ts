// Words for the Brier decomposition's within-bin term (Stephenson, Coelho & Jolliffe 2008), read
// from its size, never assumed: with 10 bins it reached 2.2× reliability on the recorded run,
// with 50 at most 3.9 %. Pure.

import type { BrierDecomposed } from '../../core/types';
import { formatSignificant } from '../../format';

/** "Small" means at most this share of reliability… */
export const SMALL_WITHIN_BIN_SHARE = 0.1;
/** …and is only judged where reliability is at least this: below, a share of it means little. */
export const RELIABILITY_FLOOR = 0.001;

export type WithinBinSize =
  | { kind: 'small'; share: number }
  | { kind: 'not-small'; share: number }
  /** Reliability under RELIABILITY_FLOOR: no verdict. */
  | { kind: 'unrated' };

/** |within-bin| / reliability and whether that is small; null when the figures are not finite. */
export function withinBinSize(
  brier: Pick<BrierDecomposed, 'withinBin' | 'reliability'>,
): WithinBinSize | null {
  const { withinBin, reliability } = brier;
  if (!Number.isFinite(withinBin) || !Number.isFinite(reliability)) return null;
  if (reliability < RELIABILITY_FLOOR) return { kind: 'unrated' };
  const share = Math.abs(withinBin) / reliability;
  return share <= SMALL_WITHIN_BIN_SHARE ? { kind: 'small', share } : { kind: 'not-small', share };
}

/** A signed figure with a true minus sign: −0.00039. */
function signed(value: number | undefined): string {
  return formatSignificant(value).replace('-', '−');
}

/**
 * "within-bin −0.00039 (variance 2.9e-5 − covariance 0.00042; 1.72% of reliability: small at 50
 * bins)". Files from before the two parts were stored give the term alone.
 */
export function withinBinText(brier: BrierDecomposed): string {
  const parts =
    brier.withinBinVariance === undefined || brier.withinBinCovariance === undefined
      ? ''
      : `variance ${signed(brier.withinBinVariance)} − covariance ${signed(brier.withinBinCovariance)}; `;
  const size = withinBinSize(brier);
  const verdict =
    size === null
      ? 'not a finite number'
      : size.kind === 'unrated'
        ? `reliability is under ${RELIABILITY_FLOOR}, too small to measure it against`
        : `${formatSignificant(size.share * 100)}% of reliability: ` +
          (size.kind === 'small'
            ? `small at ${brier.bins} bins`
            : `not small at ${brier.bins} bins; more bins would shrink it`);
  return `within-bin ${signed(brier.withinBin)} (${parts}${verdict})`;
}
