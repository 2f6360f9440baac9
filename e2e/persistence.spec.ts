// Nothing lost: every completed epoch is saved in IndexedDB, so a reload mid-run keeps the run
// (resume offer + Runs panel), Resume continues it exactly, and a stored run can be compared,
// downloaded and deleted from the Runs panel.
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY_WEBGL, waitForStatus } from './fixtures';
import { downloadRun, expectConsistentRunFile } from './run-file';
import { readFile } from 'node:fs/promises';
import type { RunFile } from '../src/lib/core/files/runFile';
import { showView } from './views';

const EPOCHS = 6;
/**
 * The reload-and-resume run on WASM with a realistic slice of the defaults (wide CNN, batch 64,
 * 512 training and 500 validation images): seconds per epoch there, minutes on SwiftShader.
 */
const BACKEND = 'wasm';
const VALIDATION = 500;
const HASH =
  `classes=pullover,coat&train=512&val=${VALIDATION}&epochs=${EPOCHS}&batch=64&model=wide` +
  `&seed=7&backend=${BACKEND}`;
/** Same backend, same seed: issue 4 asks for per-epoch validation losses equal within this. */
const SAME_RUN_TOLERANCE = 1e-6;

async function completedEpochs(page: Page): Promise<number> {
  return Number(await page.getByTestId('latest-metrics').getAttribute('data-epoch'));
}

function validationLosses(file: RunFile): number[] {
  return file.epochs.map((epoch) => epoch.validationLoss);
}

test('a reload mid-run loses no completed epoch; Resume finishes it exactly', async ({ page }) => {
  await openApp(page, HASH);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => completedEpochs(page), { timeout: 300_000 }).toBeGreaterThanOrEqual(2);

  // What the page shows before the reload (training goes on meanwhile: compare a prefix).
  const { file: before } = await downloadRun(page);
  const shownBefore = before.epochs.length;
  expect(shownBefore).toBeGreaterThanOrEqual(2);
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', BACKEND, {
    timeout: 120_000,
  });

  // The run is offered for Resume and listed, with at least every epoch the page had shown.
  const offer = page.getByTestId('resume-offer');
  await expect(offer).toBeVisible();
  const offered = await offer.textContent();
  const match = /stopped after epoch\s+(\d+)\s+of\s+(\d+)/.exec(offered ?? '');
  expect(match, `resume offer text: ${offered}`).not.toBeNull();
  const saved = Number(match?.[1]);
  expect(saved).toBeGreaterThanOrEqual(shownBefore);
  expect(saved).toBeLessThan(EPOCHS);
  expect(Number(match?.[2])).toBe(EPOCHS);
  const stored = page.getByTestId('runs-panel').getByTestId('stored-run');
  await showView(page, 'runs');
  await expect(stored).toHaveCount(1);
  await expect(stored).toContainText(`${saved} of ${EPOCHS} epochs on ${BACKEND} · unfinished`);

  await offer.getByRole('button', { name: 'Resume it' }).click();
  await showView(page, 'story');
  // The saved epochs are shown at once, before any new training.
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute(
    'data-epoch',
    new RegExp(`^[${saved}-${EPOCHS}]$`),
  );
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', String(EPOCHS));
  await expect(offer).toBeHidden();
  await showView(page, 'runs');
  await expect(stored).toContainText(`${EPOCHS} of ${EPOCHS} epochs on ${BACKEND}`);
  await expect(stored).not.toContainText('unfinished');

  const { file: resumed } = await downloadRun(page);
  expectConsistentRunFile(resumed, { backend: BACKEND, epochs: EPOCHS, validation: VALIDATION });
  // The epochs trained before the reload are the very same numbers.
  expect(validationLosses(resumed).slice(0, shownBefore)).toEqual(validationLosses(before));

  // Resume is exact: an uninterrupted run of the same settings gives the same curve.
  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForStatus(page, 'idle');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  const { file: uninterrupted } = await downloadRun(page);
  const straight = validationLosses(uninterrupted);
  expect(straight).toHaveLength(EPOCHS);
  for (const [index, loss] of validationLosses(resumed).entries()) {
    expect(Math.abs(loss - straight[index]), `epoch ${index + 1}`).toBeLessThanOrEqual(
      SAME_RUN_TOLERANCE,
    );
  }
});

test('a stored run can be compared, downloaded and deleted', async ({ page }) => {
  await openApp(page, TINY_WEBGL); // the WebGL path keeps a saved-run spec of its own
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  const { file: live } = await downloadRun(page);
  // Reset: the run is no longer current, so every action of the Runs panel is open to it.
  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForStatus(page, 'idle');

  const stored = page.getByTestId('runs-panel').getByTestId('stored-run');
  await showView(page, 'runs');
  await expect(stored).toHaveCount(1);
  await expect(stored).toContainText('2 of 2 epochs on webgl');

  // Compare: its curves are overlaid and its settings tabled.
  const compare = stored.getByRole('button', { name: 'Compare', exact: true });
  await compare.click();
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-overlays', '1');
  await showView(page, 'runs');
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  await expect(table).toContainText('pullover vs coat');
  await expect(table.getByRole('row', { name: /Backend used/ })).toContainText('webgl');
  await expect(compare).toBeDisabled(); // already compared

  // Download: a valid run file with the same figures as the live run's.
  const downloadPromise = page.waitForEvent('download');
  await stored.getByRole('button', { name: 'Download', exact: true }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^run-.*\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as RunFile;
  expectConsistentRunFile(file, { backend: 'webgl', epochs: 2, validation: 100 });
  expect(file.epochs).toEqual(live.epochs);
  expect(file.validation).toEqual(live.validation);
  expect(file.config).toEqual(live.config);

  // Delete: gone from the list, from the comparison, and after a reload.
  await stored.getByRole('button', { name: /^Delete the run of/ }).click();
  await expect(stored).toHaveCount(0);
  await expect(page.getByTestId('compare-table')).toBeHidden();
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-overlays', '0');
  await page.reload();
  await showView(page, 'runs');
  await expect(page.getByTestId('runs-panel')).toContainText('Runs appear here as they train');
  await expect(page.getByTestId('resume-offer')).toBeHidden();
});
