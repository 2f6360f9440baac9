// When is the validation set too small for the calibration bins? ECE sums |accuracy − confidence|
// over bins; a bin's accuracy measured on few images is noisy, and the absolute value lets that
// noise add up instead of cancelling, so small bins make ECE read too high (Kumar et al. 2019,
// Nixon et al. 2019). Pure: counts in, a sentence out.

import type { Binning } from '../../core/metrics';
import type { ReliabilityDiagram } from '../../core/types';

/** A bin needs about this many images before its accuracy is known to within ±5 points at 90 %. */
export const MIN_IMAGES_PER_BIN = 30;
/** The accuracy the standard error is quoted at: about this playground's. */
const TYPICAL_ACCURACY = 0.9;

/** One standard error of a bin's accuracy from `count` images, in percentage points. */
export function binAccuracyError(count: number): number {
  return 100 * Math.sqrt((TYPICAL_ACCURACY * (1 - TYPICAL_ACCURACY)) / count);
}

/**
 * A warning when the validation set gives the bins too few images: fewer than
 * MIN_IMAGES_PER_BIN per bin on average (N < 30 × bins). Equal-width bins fill unevenly, so their
 * warning also counts the images in bins under that size. Null when the set is large enough.
 */
export function eceSampleWarning(diagram: ReliabilityDiagram, binning: Binning): string | null {
  const bins = binning === 'equal-mass' ? 15 : diagram.count.length;
  const total = diagram.count.reduce((sum, n) => sum + n, 0);
  if (total === 0 || total >= MIN_IMAGES_PER_BIN * bins) return null;
  const perBin = total / bins;
  const sparse = diagram.count.filter((n) => n > 0 && n < MIN_IMAGES_PER_BIN);
  const sparseImages = sparse.reduce((sum, n) => sum + n, 0);
  const where =
    binning === 'equal-width'
      ? ` (equal-width bins fill unevenly: ${sparseImages} of them sit in ${sparse.length} bins of fewer than ${MIN_IMAGES_PER_BIN})`
      : '';
  return (
    `Too few validation images for ${bins} bins: ${total} images, about ${Math.round(perBin)} per bin${where}. ` +
    `A bin's accuracy from ${Math.max(1, Math.round(perBin))} images is uncertain by about ±${Math.round(binAccuracyError(Math.max(1, perBin)))} points, ` +
    `and ECE adds such errors up without letting them cancel, so it reads too high: the bias-corrected ECE and its 90% basic-bootstrap band, an interval for the value over all images like these, take that into account. ` +
    `Use at least ${MIN_IMAGES_PER_BIN * bins} validation images (the val setting) for ${bins} bins.`
  );
}
