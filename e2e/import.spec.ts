// Import and compare: run files loaded through the file picker and by drag-and-drop are drawn
// over the charts with their settings side by side. Broken or hostile files get one clear
// message each; nothing from a file ever becomes markup or runs.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { MALFORMED_RUNS, XSS_PAYLOAD } from './malformed-runs';
import { downloadRun } from './run-file';
import { showView } from './views';

const JSON_TYPE = 'application/json';

/** Drops files on the import zone the way a browser does: a `drop` event carrying them. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, text } of list) {
      transfer.items.add(new File([text], name, { type: 'application/json' }));
    }
    return transfer;
  }, files);
  const zone = page.getByTestId('import-runs');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** The Runs view's file picker (the view shown first). */
async function picker(page: Page) {
  await showView(page, 'runs');
  return page.getByTestId('import-runs').getByLabel('Compare run files…');
}

/** Watches for any sign that markup from a file was injected or ran. */
function watchForInjection(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

async function injectedElements(page: Page): Promise<string[]> {
  // The app itself renders no <img>, <iframe>, inline <script> or on* handler attributes.
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'img, iframe, object, embed, script:not([src]), [onerror], [onload]',
      ),
    ].map((element) => element.outerHTML),
  );
}

test('run files imported by picker and by drop are overlaid with their settings side by side', async ({
  page,
}) => {
  const seen = watchForInjection(page);
  await openApp(page, TINY);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  const { download } = await downloadRun(page);
  const text = await readFile(await download.path(), 'utf8');
  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForStatus(page, 'idle');

  // The file picker, with the downloaded file.
  await (
    await picker(page)
  ).setInputFiles({
    name: 'first-run.json',
    mimeType: JSON_TYPE,
    buffer: Buffer.from(text),
  });
  // The loss chart (the story) overlays the compared runs; the Runs view tabulates them.
  const chart = page.getByTestId('chart-loss');
  await showView(page, 'story');
  await expect(chart).toHaveAttribute('data-overlays', '1');
  await showView(page, 'runs');
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /first-run\.json/ })).toBeVisible();

  // Drag-and-drop: the same run with other settings, under a name that is hostile markup.
  const other = JSON.parse(text) as { config: { seed: number; learningRate: number } };
  other.config.seed = 8;
  other.config.learningRate = 0.01;
  const hostileName = `${XSS_PAYLOAD}.json`;
  await dropFiles(page, [{ name: hostileName, text: JSON.stringify(other) }]);
  await expect(page.getByTestId('import-errors')).toBeHidden();
  await showView(page, 'story');
  await expect(chart).toHaveAttribute('data-overlays', '2');
  await showView(page, 'runs');

  // Settings side by side, labelled as in the settings table; rows where the runs differ are marked.
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await expect(table.getByRole('columnheader').nth(2)).toContainText(hostileName);
  const seedRow = table.getByRole('row', { name: /Random seed/ });
  await expect(seedRow.getByRole('cell')).toHaveText(['7', '8']);
  await expect(seedRow.getByRole('rowheader')).toHaveText('◆ Random seed');
  const rateRow = table.getByRole('row', { name: /Learning rate/ });
  await expect(rateRow.getByRole('cell')).toHaveText(['0.001', '0.01']);
  const modelRow = table.getByRole('row', { name: /Model/ });
  await expect(modelRow.getByRole('cell')).toHaveText(['small', 'small']);
  await expect(modelRow.getByRole('rowheader')).toHaveText('Model');
  await expect(table.getByRole('row', { name: /Backend used/ }).getByRole('cell')).toHaveText([
    'wasm',
    'wasm',
  ]);

  // Stop comparing one, then clear: the overlays follow.
  await table.getByRole('button', { name: /^Stop comparing first-run/ }).click();
  await showView(page, 'story');
  await expect(chart).toHaveAttribute('data-overlays', '1');
  await showView(page, 'runs');
  await table.getByRole('button', { name: 'Clear comparison' }).click();
  await expect(table).toBeHidden();
  await showView(page, 'story');
  await expect(chart).toHaveAttribute('data-overlays', '0');

  expect(await injectedElements(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
});

test(`${MALFORMED_RUNS.length} malformed run files: one clear message each, nothing injected`, async ({
  page,
}) => {
  expect(MALFORMED_RUNS.length).toBeGreaterThanOrEqual(10);
  const seen = watchForInjection(page);
  await openApp(page, TINY);
  const errors = page.getByTestId('import-errors');

  // All at once through the picker: one line per file, in the order given.
  await (
    await picker(page)
  ).setInputFiles(
    MALFORMED_RUNS.map(({ name, content }) => ({
      name,
      mimeType: JSON_TYPE,
      buffer: Buffer.from(content),
    })),
  );
  await expect(errors).toBeVisible();
  const items = errors.getByRole('listitem');
  await expect(items).toHaveCount(MALFORMED_RUNS.length);
  for (const [index, { name, message }] of MALFORMED_RUNS.entries()) {
    await expect(items.nth(index)).toContainText(`${name}:`);
    await expect(items.nth(index)).toContainText(message);
  }
  // The hostile field is quoted back as text.
  await expect(errors).toContainText(XSS_PAYLOAD);
  await expect(page.getByTestId('compare-table')).toBeHidden();
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-overlays', '0');
  await showView(page, 'runs');

  // One at a time by drop: each replaces the list with its own message.
  for (const { name, content, message } of MALFORMED_RUNS) {
    if (typeof content !== 'string') continue; // binary noise is covered by the picker
    await dropFiles(page, [{ name, text: content }]);
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText(`${name}:`);
    await expect(items.first()).toContainText(message);
  }

  // The page is intact and ready to train.
  expect(await injectedElements(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.locator('h1')).toHaveText('The over-confidence playground');
});
