// Checks a downloaded run file against the documented format and against itself: the
// held epoch's numbers must be what the stored logits give, recomputed by the test's own
// code (reference-metrics.ts), not by the app's functions under test.

import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page } from '@playwright/test';
import type { RunFile } from '../src/lib/core/files/runFile';
import { referenceMetrics, RELIABILITY_BIN_COUNT } from './reference-metrics';
import { showView } from './views';

/** docs/run-file.md: 20 logit-gap bins of width 1.5 from 0 to 30. */
const GAP_EDGES = Array.from({ length: 21 }, (_, i) => i * 1.5);
/** Float64 sums in another order than the app's agree to about 1e-15 relative. */
const RELATIVE_TOLERANCE = 1e-12;

function expectClose(actual: number, expected: number, what: string): void {
  const tolerance = RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

export async function downloadRun(page: Page): Promise<{ file: RunFile; download: Download }> {
  const downloadPromise = page.waitForEvent('download');
  // Download run is on the story view's "This run" card.
  await showView(page, 'story');
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
  expect(file.format).toBe('overconfidence-playground/run@2');
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
  const { labels } = file.validation;
  // A pair's file (config.classes is checked above): two logits per row.
  const logits = file.validation.logits as [number, number][];
  expect(labels).toHaveLength(expected.validation);
  expect(logits).toHaveLength(expected.validation);
  // Dataset order: class 0's held-out images first, then class 1's.
  expect(labels).toEqual([...labels].sort((a, b) => a - b));
  // The logits are the last epoch's, or the restored best epoch's after early stopping.
  const held = file.epochs[(file.earlyStop?.bestEpoch ?? file.epochs.length) - 1];
  // Every epoch's logits, float32 little-endian base64 (docs/run-file.md); the held epoch's
  // decode to exactly the validation logits above.
  expect(file.epochLogits?.encoding).toBe('float32le-base64');
  expect(file.epochLogits?.epochs).toHaveLength(file.epochs.length);
  const heldBytes = Buffer.from(file.epochLogits?.epochs[held.epoch - 1] ?? '', 'base64');
  const heldLogits = Array.from({ length: heldBytes.length / 4 }, (_, i) =>
    heldBytes.readFloatLE(4 * i),
  );
  expect(heldLogits).toEqual(logits.flat());
  const recomputed = referenceMetrics(labels, logits, GAP_EDGES);
  expectClose(held.validationLoss, recomputed.loss, 'validationLoss');
  expect(held.validationAccuracy).toBe(recomputed.accuracy);
  expectClose(held.validationLossCorrect, recomputed.lossCorrect, 'validationLossCorrect');
  expectClose(held.validationLossWrong, recomputed.lossWrong, 'validationLossWrong');
  expect(held.wrongCount).toBe(recomputed.wrongCount);
  expect(held.logitGapHistogram).toEqual({ edges: GAP_EDGES, ...recomputed.gapCounts });
  const reliability = held.reliability;
  expect(reliability.edges).toEqual(
    Array.from({ length: RELIABILITY_BIN_COUNT + 1 }, (_, i) => i / RELIABILITY_BIN_COUNT),
  );
  expect(reliability.count).toEqual(recomputed.reliability.count);
  for (const key of ['accuracy', 'confidence'] as const) {
    reliability[key].forEach((value, bin) =>
      expectClose(value, recomputed.reliability[key][bin], `reliability.${key}[${bin}]`),
    );
  }
  expectClose(held.ece, recomputed.ece, 'ece');
  expectClose(held.mce, recomputed.mce, 'mce');
}
