// A run that stops early, and not on its last epoch: the model it holds (the best epoch's
// weights) is not the last epoch trained. The settings of issue 14's bug; run-truth.spec.ts
// downloads it three ways, one-model.spec.ts checks every panel names the held epoch.
import type { Page } from '@playwright/test';
import type { RunFile } from '../src/lib/core/files/runFile';
import { expect, openApp, waitForStatus } from './fixtures';

/** Stops after about a dozen epochs: a high learning rate and a patience of one epoch. */
export function earlyStopSettings(backend: 'webgl' | 'wasm'): string {
  return `train=64&val=100&epochs=40&batch=16&lr=0.02&model=small&seed=3&earlyStop=loss&patience=1&backend=${backend}`;
}

/** The early-stopping record of a run file, checked to have stopped before its best epoch's end. */
export function earlyStopOf(file: RunFile): { bestEpoch: number; stoppedAfterEpoch: number } {
  expect(file.earlyStop).not.toBeNull();
  const { bestEpoch, stoppedAfterEpoch } = file.earlyStop ?? { bestEpoch: 0, stoppedAfterEpoch: 0 };
  expect(bestEpoch).toBeLessThan(stoppedAfterEpoch);
  return { bestEpoch, stoppedAfterEpoch };
}

/** Opens the app with `settings`, trains until early stopping ends the run. */
export async function trainUntilEarlyStop(page: Page, settings: string): Promise<void> {
  await openApp(page, `${settings}&autostart=1`);
  await waitForStatus(page, 'done');
}
