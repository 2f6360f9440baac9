// The divergence policy: when an evaluated epoch means the run has blown up, and what the page
// then tells the user. Pure; the run controller applies it after every epoch.

/**
 * Above this mean validation cross-entropy (nats per example) a run has blown up even while
 * its numbers are still finite: a uniform guess scores ln K (0.69 for two classes, 2.30 for
 * ten), and a healthy run that grows over-confident stays within single or low double digits. 1000 means the average example is
 * wrong by a logit gap of about 1000 — the weights exploded (a learning rate of 10 with Adam
 * gets there within the first epoch), and float32 overflow to NaN is only a matter of time.
 * Validation loss, not training loss: the latter includes the L2 penalty, which can be large.
 */
export const EXPLODED_VALIDATION_LOSS = 1000;

/**
 * Whether an epoch's validation figures mean the run diverged: any NaN/Inf logit or loss
 * (`explodedLoss` null), or a finite loss above EXPLODED_VALIDATION_LOSS (that loss). Null: fine.
 */
export function divergence(
  validationLoss: number,
  validationLogits: Float32Array,
): { explodedLoss: number | null } | null {
  if (!allFinite(validationLogits) || !Number.isFinite(validationLoss)) {
    return { explodedLoss: null };
  }
  return validationLoss > EXPLODED_VALIDATION_LOSS ? { explodedLoss: validationLoss } : null;
}

function allFinite(values: Float32Array): boolean {
  for (const value of values) if (!Number.isFinite(value)) return false;
  return true;
}

export function divergenceMessage(
  epoch: number,
  explodedLoss: number | null,
  learningRate: number,
): string {
  const good = epoch - 1;
  const what =
    explodedLoss === null
      ? 'the loss became NaN or infinite'
      : `the validation loss exploded to ${Math.round(explodedLoss).toLocaleString('en-US')} (a uniform guess scores ln K: 0.69 for two classes, 2.30 for ten)`;
  return (
    `Training diverged in epoch ${epoch}: ${what}, so the run stopped. ` +
    (good === 0
      ? 'No epoch had finished before it, so the charts stay empty. '
      : `The charts keep the ${good} good epoch${good === 1 ? '' : 's'}. `) +
    `Try a smaller learning rate than ${learningRate} (e.g. 0.001 with Adam), then Reset and Train.`
  );
}
