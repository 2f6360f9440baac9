// The tracked examples: a fixed handful of validation images whose logits we follow epoch by
// epoch, plus any the user pins from the gallery. The fixed ones are chosen from the labels
// alone, before the model has said anything, so they are a fair sample rather than the
// model's worst cases.

import { crossEntropyFromLogits } from '../core/metrics';

export const TRACKED_PER_CLASS = 3;

/**
 * `perClass` indices of each class, evenly spaced through that class's examples in dataset
 * order (the middles of `perClass` equal slices), class 0's first. Depends only on the labels,
 * so it is the same at every epoch of a run and for every run over the same validation set.
 */
export function fixedTrackedIndices(labels: Uint8Array, perClass = TRACKED_PER_CLASS): number[] {
  const chosen: number[] = [];
  for (const label of [0, 1]) {
    const members: number[] = [];
    labels.forEach((value, index) => {
      if ((value === 1 ? 1 : 0) === label) members.push(index);
    });
    const picks = Math.min(perClass, members.length);
    for (let slice = 0; slice < picks; slice++) {
      chosen.push(members[Math.floor(((slice + 0.5) * members.length) / picks)]);
    }
  }
  return chosen;
}

/** Adds `index` to the pinned list, or removes it if it is there. Returns a new array. */
export function togglePinned(pinned: readonly number[], index: number): number[] {
  return pinned.includes(index) ? pinned.filter((value) => value !== index) : [...pinned, index];
}

/** Fixed examples then pinned ones, without repeats, dropping indices outside the set. */
export function trackedIndices(
  fixed: readonly number[],
  pinned: readonly number[],
  exampleCount: number,
): number[] {
  const seen = new Set<number>();
  for (const index of [...fixed, ...pinned]) {
    if (Number.isInteger(index) && index >= 0 && index < exampleCount) seen.add(index);
  }
  return [...seen];
}

/** One example's logits and loss at every epoch so far; epoch[i] = i + 1. */
export interface Trajectory {
  epoch: number[];
  z0: number[];
  z1: number[];
  loss: number[];
}

export function logitTrajectory(
  logitsHistory: readonly Float32Array[],
  labels: Uint8Array,
  index: number,
): Trajectory {
  const label = labels[index] === 1 ? 1 : 0;
  const trajectory: Trajectory = { epoch: [], z0: [], z1: [], loss: [] };
  logitsHistory.forEach((logits, epochIndex) => {
    const z0 = logits[2 * index];
    const z1 = logits[2 * index + 1];
    trajectory.epoch.push(epochIndex + 1);
    trajectory.z0.push(z0);
    trajectory.z1.push(z1);
    trajectory.loss.push(crossEntropyFromLogits(z0, z1, label));
  });
  return trajectory;
}
