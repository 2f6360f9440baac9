// The worker owns the run's truth: a run that stopped early downloads the same file before a
// reload, after Runs → Open, and from the Runs panel — the restored best epoch's logits and the
// early-stopping record every time (the bug of issue 14, reproduced with its own settings).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { RunFile } from '../src/lib/core/files/runFile';
import { earlyStopOf, earlyStopSettings, trainUntilEarlyStop } from './early-stop';
import { expect, test } from './fixtures';
import { downloadRun, expectConsistentRunFile } from './run-file';
import { showView } from './views';

const SETTINGS = earlyStopSettings('webgl');

async function runsPanelDownload(page: Page): Promise<string> {
  await showView(page, 'runs');
  const downloadPromise = page.waitForEvent('download');
  const stored = page.getByTestId('runs-panel').getByTestId('stored-run');
  await stored.getByRole('button', { name: 'Download', exact: true }).click();
  return readFile(await (await downloadPromise).path(), 'utf8');
}

async function downloadText(page: Page): Promise<string> {
  const { download } = await downloadRun(page);
  return readFile(await download.path(), 'utf8');
}

test('an early-stopped run downloads the same file before a reload, after Open and from Runs', async ({
  page,
}) => {
  await trainUntilEarlyStop(page, SETTINGS);
  const before = await downloadText(page);
  const file = JSON.parse(before) as RunFile;
  // It did stop early, and not on its last epoch: the held logits are not the last epoch's.
  const { stoppedAfterEpoch } = earlyStopOf(file);
  expect(file.epochs).toHaveLength(stoppedAfterEpoch);
  expectConsistentRunFile(file, { backend: 'webgl', epochs: stoppedAfterEpoch, validation: 100 });

  // A fresh page load (without autostart): the run is only in this browser's storage now.
  await page.goto(`/#${SETTINGS}`);
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgl', {
    timeout: 120_000,
  });
  const stored = page.getByTestId('runs-panel').getByTestId('stored-run');
  await showView(page, 'runs');
  await expect(stored).toHaveCount(1);
  await expect(stored).toContainText(`${stoppedAfterEpoch} of 40 epochs on webgl`);
  const fromPanel = await runsPanelDownload(page);

  await stored.getByRole('button', { name: 'Open', exact: true }).click();
  await showView(page, 'story');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute(
    'data-epoch',
    String(stoppedAfterEpoch),
  );
  await expect(page.getByTestId('latest-metrics')).toContainText(`whose weights were restored`);
  const afterOpen = await downloadText(page);

  expect(JSON.parse(afterOpen)).toEqual(file);
  expect(JSON.parse(fromPanel)).toEqual(file);
  expect(afterOpen).toBe(before);
  expect(fromPanel).toBe(before);
});
