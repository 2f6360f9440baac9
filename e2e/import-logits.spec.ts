// A practitioner's own run: per-epoch validation logits imported by the picker (.npz and JSON,
// two and ten classes), every panel drawn from them, the run kept across a reload and
// downloaded back, and bad files refused with a message naming the problem.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY } from './fixtures';
import { showView } from './views';

const FIXTURES = 'src/lib/core/files/logitsImport/fixtures';

/**
 * A run that shows the phenomenon: 90 % of examples are right, and every epoch the network is
 * surer of everything, right or wrong (the margin grows by 0.3 per epoch), so accuracy holds
 * while the loss climbs. Deterministic: margins come from the example index.
 */
function overconfidentRun(examples: number, epochs: number) {
  const labels = Array.from({ length: examples }, (_, i) => i % 2);
  return {
    format: 'overconfidence-playground/logits@1',
    classes: ['Pullover', 'Coat'],
    labels,
    epochs: Array.from({ length: epochs }, (_, e) => ({
      epoch: e + 1,
      logits: labels.map((label, i) => {
        const right = i % 10 !== 0;
        const margin = (0.5 + ((i * 7919) % 100) / 100) * (1 + 0.3 * e);
        const towards = right ? label : 1 - label;
        return towards === 1 ? [0, margin] : [margin, 0];
      }),
      trainLoss: 0.5 / (e + 1),
      trainAccuracy: Math.min(0.99, 0.8 + e * 0.005),
    })),
  };
}

/** Imports by the picker in Your data; a good import then opens its story. */
async function importFile(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await showView(page, 'data');
  await page
    .getByTestId('import-logits-drop')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType, buffer });
}

async function importFixture(page: Page, file: string) {
  const type = file.endsWith('.json') ? 'application/json' : 'application/zip';
  await importFile(page, file, await readFile(`${FIXTURES}/${file}`), type);
}

/** Every view's panels show the imported run's `epochs` epochs; ends on the story view. */
async function expectEveryPanel(page: Page, epochs: number) {
  const points = String(epochs);
  await showView(page, 'story');
  for (const chart of ['chart-loss', 'chart-histogram']) {
    await expect(page.getByTestId(chart), chart).toHaveAttribute('data-points', points);
  }
  await showView(page, 'why');
  for (const chart of ['chart-loss-split', 'chart-calibration']) {
    await expect(page.getByTestId(chart), chart).toHaveAttribute('data-points', points);
  }
  await expect(page.getByTestId('chart-reliability')).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(page.getByTestId('reliability-ece')).toContainText('%');
  await expect(page.getByTestId('run-caption')).not.toContainText('No epochs yet');
  await showView(page, 'fix');
  await expect(page.getByTestId('temperature-fitted')).toContainText('T =');
  await showView(page, 'examples');
  await expect(page.getByTestId('gallery').getByTestId('gallery-item').first()).toBeVisible();
  await showView(page, 'story');
}

/** A fresh page with `file` (of `epochs` epochs) imported by the picker and drawn everywhere. */
async function openImported(page: Page, file: string, epochs: number) {
  await openApp(page, TINY);
  await importFixture(page, file);
  await expectEveryPanel(page, epochs);
}

test('an .npz and a JSON file by the picker: every panel, kept after a reload, downloaded back', async ({
  page,
}) => {
  await openImported(page, 'f32_le_stored.npz', 3); // 3 epochs × 6 examples × 2 classes
  await expect(page.getByTestId('imported-banner')).toContainText('“f32_le_stored”: 2 classes');
  // No images in a logits file: the gallery lists examples by index.
  await showView(page, 'examples');
  await expect(page.getByTestId('gallery').getByTestId('gallery-item').first()).toContainText('#');
  const runs = page.getByTestId('stored-run');
  await showView(page, 'runs');
  await expect(runs.filter({ hasText: 'f32_le_stored' })).toHaveCount(1);

  const big = overconfidentRun(2000, 40);
  await importFile(
    page,
    'overconfident.json',
    Buffer.from(JSON.stringify(big)),
    'application/json',
  );
  await expectEveryPanel(page, 40);
  // The story the panels tell: loss up from its minimum while accuracy holds.
  await showView(page, 'why');
  await expect(page.getByTestId('run-caption')).toContainText('%');
  await showView(page, 'runs');
  await expect(runs.filter({ hasText: 'overconfident' })).toHaveCount(1);

  await page.reload();
  await showView(page, 'runs');
  await expect(runs.filter({ hasText: 'f32_le_stored' })).toHaveCount(1);
  const stored = runs.filter({ hasText: 'overconfident' });
  await stored.getByRole('button', { name: 'Open' }).click();
  await expectEveryPanel(page, 40);

  await showView(page, 'runs');
  const downloadPromise = page.waitForEvent('download');
  await stored.getByRole('button', { name: 'Download' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('logits-overconfident.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(file.format).toBe('overconfidence-playground/logits@1');
  expect(file.labels).toEqual(big.labels);
  expect(file.epochs).toHaveLength(40);
  // Logits are kept as float32, so they come back rounded to it, and nothing else changes.
  expect(file.epochs[39].logits[3]).toEqual(big.epochs[39].logits[3].map(Math.fround));

  await stored.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('compare-table')).toContainText('imported');
});

test('a 10-class import: margins, top-label reliability and temperature on every panel', async ({
  page,
}) => {
  await openImported(page, 'ten_classes_compressed.npz', 4); // 4 epochs × 20 examples × 10 classes
  await expect(page.getByTestId('imported-banner')).toContainText('10 classes, 20 validation');
  await expect(page.getByTestId('card-histogram')).toContainText(/runner-up/i);
  await showView(page, 'runs');
  await expect(page.getByTestId('stored-run').filter({ hasText: '10 classes' })).toHaveCount(1);
  // Platt and isotonic are two-class methods: the panel says so instead of going blank.
  await showView(page, 'fix');
  await expect(page.getByTestId('temperature-panel')).toContainText(/two classes/i);
});

test('a one-output Keras file and a file of probabilities: read, drawn, and each says how', async ({
  page,
}) => {
  await openImported(page, 'sigmoid_logits.npz', 3); // 3 epochs × 6 examples × 1 column
  await expect(page.getByTestId('imported-banner')).toContainText('2 classes');
  const notes = page.getByTestId('imported-note');
  await expect(notes.and(page.locator('[data-kind="single-output"]'))).toContainText(
    'read as two-class logits [0, z]',
  );
  await importFixture(page, 'softmax_probabilities.npz');
  await expectEveryPanel(page, 3);
  await expect(notes.and(page.locator('[data-kind="probabilities"]'))).toContainText(
    'these are probabilities (after softmax), not logits',
  );
});

test('bad files: one clear message each, nothing stored, the page still works', async ({
  page,
}) => {
  await openApp(page, TINY);
  const cases: [string, RegExp][] = [
    ['truncated.npz', /truncated|cut short|damaged|incomplete/i],
    ['not_a_zip.npz', /npz|JSON/],
    ['missing_logits.npz', /logits/],
    ['label_equals_k.npz', /label/i],
    ['nonfinite.npz', /NaN|infinite/i],
    ['complex_logits.npz', /dtype/i],
    ['limit_examples.npz', /100,000/],
  ];
  const error = page.getByTestId('import-logits-error');
  for (const [file, message] of cases) {
    await importFixture(page, file);
    await expect(error, file).toContainText(message);
  }
  await showView(page, 'runs');
  await expect(page.getByTestId('stored-run')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step' }).click();
  await showView(page, 'story');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1');
});
