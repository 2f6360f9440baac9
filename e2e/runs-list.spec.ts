// The Runs list as a practitioner meets it: runs named by the settings that tell them apart, the
// recorded run there to compare against (fetched only then), one entry per imported file however
// often it is imported. Views are reached by their tabs, by name.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';

const RECORDED = 'Recorded run (default settings)';

async function showView(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

test('the recorded run is in the Runs list, fetched only when compared', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('replay/default-run.json')) fetched.push(request.url());
  });
  await openApp(page, TINY);
  await showView(page, 'Runs');
  const recorded = page.getByTestId('recorded-run');
  await expect(recorded).toContainText(RECORDED);
  expect(fetched, 'not fetched at page load').toEqual([]);

  const compare = recorded.getByRole('button', { name: `Compare ${RECORDED}` });
  await compare.click();
  const table = page.getByTestId('compare-table');
  await expect(table.getByRole('columnheader', { name: RECORDED })).toBeVisible();
  await expect(compare).toBeDisabled(); // already compared
  expect(fetched).toHaveLength(1);

  await showView(page, 'Story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-overlays', '1');
});

test('two runs are named by the setting that differs, in the list and the comparison', async ({
  page,
}) => {
  await openApp(page, TINY);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  // The second run from a link with label smoothing (a fresh page: the first run is stored).
  await page.goto(`/#${TINY}&smoothing=0.1`);
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /wasm/, {
    timeout: 120_000,
  });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');

  await showView(page, 'Runs');
  const names = page.getByTestId('runs-panel').getByTestId('run-name');
  await expect(names).toHaveCount(2);
  // Newest first: the smoothed run, then the one without (smoothing at its default, off).
  await expect(names.nth(0)).toHaveText('label smoothing 0.1');
  await expect(names.nth(1)).not.toHaveText('label smoothing 0.1');
  await expect(names.nth(1)).toHaveText(/^label smoothing /);

  // Compared, each column is headed by the same name.
  const stored = page.getByTestId('runs-panel').getByTestId('stored-run');
  for (const index of [0, 1]) {
    await stored.nth(index).getByRole('button', { name: 'Compare', exact: true }).click();
  }
  const headers = page.getByTestId('compare-table').getByRole('columnheader');
  await expect(headers.filter({ hasText: 'label smoothing 0.1' })).toHaveCount(1);
  await expect(headers.filter({ hasText: /label smoothing (?!0\.1)/ })).toHaveCount(1);
});

test('importing the same logits file twice keeps one entry', async ({ page }) => {
  await openApp(page, TINY);
  await showView(page, 'Your data');
  const bytes = await readFile('src/lib/core/files/logitsImport/fixtures/f32_le_stored.npz');
  const picker = page.getByTestId('import-logits-drop').locator('input[type=file]');
  await picker.setInputFiles({
    name: 'f32_le_stored.npz',
    mimeType: 'application/zip',
    buffer: bytes,
  });
  const banner = page.getByTestId('imported-banner');
  await expect(banner).toContainText('“f32_le_stored”');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(banner).toBeHidden();
  // Again, under another name: the same bytes open the stored run (a new one would be “copy”).
  await showView(page, 'Your data');
  await picker.setInputFiles({ name: 'copy.npz', mimeType: 'application/zip', buffer: bytes });
  await expect(banner).toContainText('“f32_le_stored”');
  await showView(page, 'Runs');
  await expect(page.getByTestId('runs-panel').getByTestId('stored-run')).toHaveCount(1);
  await page.reload();
  await showView(page, 'Runs');
  await expect(page.getByTestId('runs-panel').getByTestId('stored-run')).toHaveCount(1);
});
