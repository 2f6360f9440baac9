// Checks a downloaded run file against the documented format and against itself: the
// per-epoch numbers must be exactly what the stored logits give.

import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page } from '@playwright/test';
import { logitGapHistogram, validationMetrics } from '../src/lib/core/metrics';
import type { RunFile } from '../src/lib/core/runFile';

export async function downloadRun(page: Page): Promise<{ file: RunFile; download: Download }> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download run' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^run-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
  const path = await download.path();
  const file = JSON.parse(await readFile(path, 'utf8')) as RunFile;
  return { file, download };
}

export function expectConsistentRunFile(
  file: RunFile,
  expected: { backend: string; epochs: number; validation: number },
): void {
  expect(file.format).toBe('overconfidence-playground/run@1');
  expect(file.environment.backend).toBe(expected.backend);
  expect(file.environment.tfjs).toBe('4.22.0');
  expect(file.environment.userAgent).toMatch(/Chrom/);
  expect(file.config).toMatchObject({ classes: ['pullover', 'coat'] });
  expect(file.epochs.map((epoch) => epoch.epoch)).toEqual(
    Array.from({ length: expected.epochs }, (_, i) => i + 1),
  );
  for (const epoch of file.epochs) {
    for (const key of [
      'trainLoss',
      'trainAccuracy',
      'validationLoss',
      'validationAccuracy',
      'imagesPerSecond',
    ] as const) {
      expect(Number.isFinite(epoch[key]), `${key} of epoch ${epoch.epoch}`).toBe(true);
    }
    const { edges, correct, wrong } = epoch.logitGapHistogram;
    expect(correct).toHaveLength(edges.length - 1);
    expect(wrong).toHaveLength(edges.length - 1);
    expect([...correct, ...wrong].reduce((a, b) => a + b, 0)).toBe(expected.validation);
  }
  const { labels, logits } = file.validation;
  expect(labels).toHaveLength(expected.validation);
  expect(logits).toHaveLength(expected.validation);
  // Dataset order: class 0's held-out images first, then class 1's.
  expect(labels).toEqual([...labels].sort((a, b) => a - b));
  const flat = new Float32Array(logits.flat());
  const recomputed = validationMetrics(flat, new Uint8Array(labels));
  const last = file.epochs[file.epochs.length - 1];
  expect(recomputed.loss).toBe(last.validationLoss);
  expect(recomputed.accuracy).toBe(last.validationAccuracy);
  expect(logitGapHistogram(flat, new Uint8Array(labels))).toEqual(last.logitGapHistogram);
}
