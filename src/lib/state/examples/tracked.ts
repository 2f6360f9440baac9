// The tracked examples: a fixed handful of validation images whose logits we follow epoch by
// epoch, plus any the user pins from the gallery. The fixed ones are chosen from the labels
// alone, before the model has said anything, so they are a fair sample rather than the
// model's worst cases.

import { crossEntropyRow, strongestOtherRow } from '../../core/metrics';
import { classCount } from '../../core/metrics';
import type { Labels } from '../../core/types';

export const TRACKED_PER_CLASS = 3;
/** Classes the fixed examples come from by default: the binary task's two. */
export const TRACKED_CLASSES = 2;

/** At most this many fixed tracked images: enough to cover ten classes one each, few enough to read. */
export const TRACKED_MOST = 12;

/**
 * How many fixed images of which classes to track for K classes: TRACKED_PER_CLASS of each while
 * that fits in TRACKED_MOST (K ≤ 4), else one of each of the first TRACKED_MOST classes, so up to
 * twelve classes every class is covered and beyond that the caption says how many are.
 */
export function trackedPlan(classCount: number): { perClass: number; classes: number } {
  if (classCount * TRACKED_PER_CLASS <= TRACKED_MOST)
    return { perClass: TRACKED_PER_CLASS, classes: classCount };
  return { perClass: 1, classes: Math.min(classCount, TRACKED_MOST) };
}

/**
 * `perClass` indices of each of classes 0 … `classes` − 1, evenly spaced through that class's
 * examples in dataset order (the middles of `perClass` equal slices), class 0's first. Depends
 * only on the labels, so it is the same at every epoch of a run and for every run over the same
 * validation set. With K classes a caller may ask for more than two (each adds `perClass` rows).
 */
export function fixedTrackedIndices(
  labels: Labels,
  perClass = TRACKED_PER_CLASS,
  classes = TRACKED_CLASSES,
): number[] {
  const chosen: number[] = [];
  for (let label = 0; label < classes; label++) {
    const members: number[] = [];
    labels.forEach((value, index) => {
      if (value === label) members.push(index);
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

/**
 * One example's logits and loss at every epoch so far; epoch[i] = i + 1. With K > 2 classes z0
 * and z1 are still classes 0 and 1; the pair that tells the story is the true class's logit
 * against its strongest rival's (for two classes, the other class), which may change by epoch.
 */
export interface Trajectory {
  epoch: number[];
  z0: number[];
  z1: number[];
  loss: number[];
  trueLogit: number[];
  rivalLogit: number[];
  rivalClass: number[];
}

export function logitTrajectory(
  logitsHistory: readonly Float32Array[],
  labels: Labels,
  index: number,
): Trajectory {
  const label = labels[index];
  const trajectory: Trajectory = {
    epoch: [],
    z0: [],
    z1: [],
    loss: [],
    trueLogit: [],
    rivalLogit: [],
    rivalClass: [],
  };
  logitsHistory.forEach((logits, epochIndex) => {
    const classes = classCount(logits, labels);
    if (!(label < classes)) throw new Error(`Label ${label} is not a class of ${classes}`);
    const offset = index * classes;
    const rival = strongestOtherRow(logits, offset, classes, label);
    trajectory.epoch.push(epochIndex + 1);
    trajectory.z0.push(logits[offset]);
    trajectory.z1.push(logits[offset + 1]);
    trajectory.loss.push(crossEntropyRow(logits, offset, classes, label));
    trajectory.trueLogit.push(logits[offset + label]);
    trajectory.rivalLogit.push(logits[offset + rival]);
    trajectory.rivalClass.push(rival);
  });
  return trajectory;
}
