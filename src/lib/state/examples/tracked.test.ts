import { describe, expect, it } from 'vitest';
import { crossEntropyFromLogits } from '../../core/metrics';
import {
  fixedTrackedIndices,
  logitTrajectory,
  togglePinned,
  trackedIndices,
  trackedPlan,
} from './tracked';

describe('fixedTrackedIndices', () => {
  it('spreads three of each class evenly through an ordered set', () => {
    // As shipped: first half class 0, second half class 1.
    const labels = Uint8Array.from({ length: 12 }, (_, i) => (i < 6 ? 0 : 1));
    expect(fixedTrackedIndices(labels)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('follows the labels, not the positions, when classes interleave', () => {
    const labels = Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 0]);
    expect(fixedTrackedIndices(labels, 2)).toEqual([3, 7, 2, 6]);
  });

  it('takes what there is when a class is short, and is deterministic', () => {
    const labels = Uint8Array.from([0, 1, 1, 1, 1]);
    expect(fixedTrackedIndices(labels)).toEqual([0, 1, 3, 4]);
    expect(fixedTrackedIndices(labels)).toEqual(fixedTrackedIndices(Uint8Array.from(labels)));
    expect(fixedTrackedIndices(new Uint8Array(0))).toEqual([]);
  });
});

describe('togglePinned and trackedIndices', () => {
  it('pins and unpins without mutating', () => {
    const pinned = [4];
    expect(togglePinned(pinned, 7)).toEqual([4, 7]);
    expect(togglePinned(pinned, 4)).toEqual([]);
    expect(pinned).toEqual([4]);
  });

  it('lists fixed then pinned, once each, inside the set', () => {
    expect(trackedIndices([1, 5], [5, 9, 2, -1, 30], 10)).toEqual([1, 5, 9, 2]);
  });
});

describe('logitTrajectory', () => {
  it('follows one example across epochs', () => {
    const history = [Float32Array.from([0, 0, 1, -1]), Float32Array.from([0, 0, 4, -4])];
    const labels = Uint8Array.from([0, 1]);
    const trajectory = logitTrajectory(history, labels, 1);
    expect(trajectory.epoch).toEqual([1, 2]);
    expect(trajectory.z0).toEqual([1, 4]);
    expect(trajectory.z1).toEqual([-1, -4]);
    expect(trajectory.loss[1]).toBeCloseTo(crossEntropyFromLogits(4, -4, 1), 12);
    expect(logitTrajectory([], labels, 0).epoch).toEqual([]);
  });
});

describe('trackedPlan', () => {
  it('covers every class up to twelve, three each while twelve images suffice', () => {
    expect(trackedPlan(2)).toEqual({ perClass: 3, classes: 2 });
    expect(trackedPlan(4)).toEqual({ perClass: 3, classes: 4 });
    expect(trackedPlan(5)).toEqual({ perClass: 1, classes: 5 });
    expect(trackedPlan(10)).toEqual({ perClass: 1, classes: 10 });
    expect(trackedPlan(50)).toEqual({ perClass: 1, classes: 12 });
  });
});
