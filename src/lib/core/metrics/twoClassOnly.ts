// Platt scaling and isotonic regression map the one number z₁ − z₀ to p₁: two-class methods.
// With K > 2 classes there is no single gap to map (their multi-class extensions, one-vs-rest
// plus renormalisation, are other methods), so they refuse such logits and the post-hoc report
// says why; temperature scaling, which divides all K logits alike, still applies.

import { checkLogitShapes } from './metrics';
import type { Labels } from '../types';

/** Why Platt and isotonic do not apply to K-class logits, in plain words. */
export function twoClassOnlyReason(classes: number): string {
  return `Platt scaling and isotonic regression calibrate the gap z₁ − z₀ of two classes; these logits have ${classes} classes, so they do not apply (temperature scaling does).`;
}

/** Throws unless the logits have two classes: Platt and isotonic read the gap z₁ − z₀. */
export function checkTwoClasses(logits: Float32Array, labels: Labels): void {
  const classes = checkLogitShapes(logits, labels);
  if (classes !== 2) throw new Error(twoClassOnlyReason(classes));
}
