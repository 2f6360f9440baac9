// Whether an array of logits belongs to a set of labels: N × K with K ≥ 2 (core/metrics/metrics.ts
// reads K off the shapes). Panels check it before reading, so an epoch from another run, or
// one not yet arrived, shows as "no data" instead of throwing.

import type { Labels } from '../../core/types';

export function fitsLabels(logits: ArrayLike<number>, labels: Labels): boolean {
  const examples = labels.length;
  return examples > 0 && logits.length % examples === 0 && logits.length / examples >= 2;
}
