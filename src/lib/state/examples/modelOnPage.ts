// One model per page. The worker says which model the run holds (RunState.model: the last
// epoch, or the best one restored by early stopping); every panel that speaks of "the model"
// (Show me one, the temperature panel, the tracked images' verdicts) reads those logits through
// `modelOnPage`, and never the latest epoch's, which after early stopping belong to weights the
// run threw away. A panel with an epoch slider (the gallery) is about "epoch N": it starts at the
// model's epoch and says so, and names the model's epoch when another one is picked.

import type { HeldModel, RunState } from '../../core/runState';

/** The model the run holds, as the page shows it. */
export interface ModelOnPage extends HeldModel {
  /** Epochs trained so far: more than `epoch` once early stopping restored an earlier one. */
  epochsTrained: number;
}

/** The model the worker reports as held, or null before the first epoch. */
export function modelOnPage(
  state: Pick<RunState, 'model' | 'epochsCompleted'> | null,
): ModelOnPage | null {
  if (state === null) return null;
  return { ...state.model, epochsTrained: Math.max(state.epochsCompleted, state.model.epoch) };
}

/** True once the run trained past the model it holds (early stopping restored an earlier epoch). */
export function restored(model: ModelOnPage): boolean {
  return model.epochsTrained > model.epoch;
}

/**
 * Which model, in words: "epoch 12", or after early stopping "epoch 12, whose weights early
 * stopping restored (the run trained 14)" — so no reader takes it for the latest epoch.
 */
export function modelEpochWords(model: ModelOnPage): string {
  return restored(model)
    ? `epoch ${model.epoch}, whose weights early stopping restored (the run trained ${model.epochsTrained})`
    : `epoch ${model.epoch}`;
}

/**
 * The epoch a panel with an epoch slider shows: the one picked, else the model's (clamped to
 * the epochs it has logits for, since its copy of the run may trail by an update).
 */
export function shownEpoch(
  picked: number | null,
  model: ModelOnPage | null,
  epochsWithLogits: number,
): number {
  if (picked !== null && picked >= 1 && picked <= epochsWithLogits) return picked;
  return Math.min(model?.epoch ?? epochsWithLogits, epochsWithLogits);
}

/** "Epoch 12 — the model the run holds", or "Epoch 14 (the run holds epoch 12's weights)". */
export function epochHeading(epoch: number, model: ModelOnPage | null): string {
  if (model === null) return `Epoch ${epoch}`;
  if (epoch === model.epoch) return `Epoch ${epoch} — the model the run holds`;
  return `Epoch ${epoch} (the run holds epoch ${model.epoch}'s weights)`;
}
