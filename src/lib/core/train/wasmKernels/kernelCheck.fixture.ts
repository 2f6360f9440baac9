// One describe block per kernel: ours is the one registered for wasm (not tfjs' shipped kernel,
// which the cpu comparison alone could not tell apart), each case's gradient with respect to
// input `which` matches the cpu backend, and agrees with central differences.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ourWasmKernel } from './index';
import {
  caseGradients,
  numericalGradient,
  onBackend,
  relativeError,
  sampleEntries,
  setUpWasm,
  type GradientCase,
} from './testing.fixture';

/** The bound for values and gradients against the cpu backend. */
export const TOLERANCE = 1e-4;
/** Central differences over float32 sums; convnetjs' gradient check allows 1e-2. */
const NUMERICAL_TOLERANCE = 1e-3;
const NUMERICAL_ENTRIES = 6;
const DELTA = 1e-2;

export interface KernelCheck {
  kernelName: string;
  /** Which input's gradient runs the kernel. */
  which: number;
  cases: readonly GradientCase[];
  numericalCases: readonly GradientCase[];
  /** Smaller for kernels that are only piecewise linear (max-pooling: a step must not change the winner). */
  delta?: number;
}

export function describeKernel({
  kernelName,
  which,
  cases,
  numericalCases,
  delta,
}: KernelCheck): void {
  describe(`${kernelName} on wasm`, () => {
    beforeAll(setUpWasm);

    it('is ours that tfjs runs on the wasm backend', () => {
      const ours = ourWasmKernel(kernelName);
      expect(ours?.kernelFunc).toBeTypeOf('function');
      expect(tf.getKernel(kernelName, 'wasm')?.kernelFunc).toBe(ours?.kernelFunc);
    });

    for (const testCase of cases) {
      it(`matches the cpu backend: ${testCase.name}`, async () => {
        const expected = (await onBackend('cpu', () => caseGradients(testCase)))[which];
        const actual = (await onBackend('wasm', () => caseGradients(testCase)))[which];
        expect(relativeError(actual, expected)).toBeLessThanOrEqual(TOLERANCE);
      });
    }

    for (const testCase of numericalCases) {
      it(`agrees with central differences: ${testCase.name}`, async () => {
        const entries = sampleEntries(testCase, which, NUMERICAL_ENTRIES);
        const [analytic] = await onBackend('wasm', () => caseGradients(testCase)[which]);
        const numerical = numericalGradient(testCase, which, entries, delta ?? DELTA);
        const atEntries = entries.map((entry) => analytic[entry]);
        expect(relativeError(numerical, atEntries)).toBeLessThanOrEqual(NUMERICAL_TOLERANCE);
      });
    }
  });
}
