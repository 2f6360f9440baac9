// An epoch's per-class figures for a panel: the stored ones (every epoch measured since they
// existed carries them), else measured from the epoch's logits (a replayed or older run).

import { classFigures } from './classFigures';
import type { ClassFigures, EpochMetrics, Labels } from '../../types';

/** The stored figures, or those of `logits` when the epoch has none; null when neither is at hand. */
export function epochClassFigures(
  metrics: Pick<EpochMetrics, 'classFigures'> | undefined,
  logits: Float32Array | undefined,
  labels: Labels | null | undefined,
): ClassFigures | null {
  if (metrics?.classFigures) return metrics.classFigures;
  if (!logits || !labels || labels.length === 0) return null;
  return classFigures(logits, labels);
}
