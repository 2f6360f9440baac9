// The Sweep view on the shipped recording (static/replay/remedies-sweep.json): it opens at once,
// labelled as recorded; the table, the marks beyond seed noise, the caption and both charts
// fill; the sweep's choices go into the link with a run count and an ETA; the JSON and CSV
// download and the JSON opens again (read-only, labelled); nothing spills at 1280×720, the view
// stays within 3 screens, and axe finds no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

interface RecordedSweep {
  format: string;
  recorded?: boolean;
  arms: { name: string; label: string }[];
  seeds: number[];
  runs: unknown[];
}

const VIEWPORT = { width: 1280, height: 720 };

test.use({ viewport: VIEWPORT });

test('the recorded sweep opens labelled, fills the table and charts, and round-trips as files', async ({
  page,
}) => {
  const recorded = (await (
    await page.request.get('/replay/remedies-sweep.json')
  ).json()) as RecordedSweep;
  expect(recorded.recorded).toBe(true);
  const arms = recorded.arms.length;

  await page.goto('/#view=sweep');
  const label = page.getByTestId('sweep-label');
  await expect(label).toHaveAttribute('data-origin', 'recorded');
  await expect(label).toContainText('Recorded sweep, not trained here (read-only)');
  await expect(label).toContainText(`${arms} arms × ${recorded.seeds.length} seeds`);

  // The table: one row per arm, reference first; the rule beside the marks.
  const table = page.getByTestId('sweep-table');
  await expect(table.locator('tbody tr')).toHaveCount(arms);
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText(recorded.arms[0].label);
  await expect(page.getByTestId('sweep-noise-rule')).toContainText(
    '95 % paired-t interval over seeds',
  );
  // Remedies on the pair: some remedy moves some figure beyond seed noise, and says so in words.
  const marked = table.locator('td[data-mark]');
  expect(await marked.count()).toBeGreaterThan(0);
  await expect(marked.first().locator('.visually-hidden')).toContainText('beyond seed noise');
  // The reference row is never marked: it is what the others are compared with.
  await expect(table.locator('tbody tr').first().locator('td[data-mark]')).toHaveCount(0);

  await expect(page.getByTestId('sweep-caption')).toContainText(/final NLL/);
  await expect(page.getByTestId('sweep-metric-points')).toHaveAttribute(
    'data-points',
    String(arms),
  );
  await expect(page.getByTestId('sweep-curves-points')).toHaveAttribute(
    'data-points',
    String(arms),
  );

  // The sweep is a link: a preset's choice writes `sweep`, and the view counts its runs.
  await page.getByRole('radio', { name: 'Learning rate' }).check();
  await expect(page).toHaveURL(/sweep=learning-rate/);
  // Five rates × the default 3 seeds.
  await expect(page.getByTestId('sweep-eta')).toContainText('15 runs');

  // Layout: nothing spills sideways, the table scrolls in its own box, ≤ 3 screens tall.
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(sizes.page).toBeLessThanOrEqual(VIEWPORT.width);
  expect(sizes.height).toBeLessThanOrEqual(3 * VIEWPORT.height);

  const axe = await new AxeBuilder({ page }).include('[data-testid="sweep-view"]').analyze();
  const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // CSV of the table: a header and one row per arm (CRLF).
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download table (CSV)' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0].startsWith('arm,label,seeds,')).toBe(true);
  expect(lines).toHaveLength(arms + 1);

  // The sweep@1 file, then opened again from disk: read-only, labelled, the same table.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download sweep (JSON)' }).click();
  const download = await jsonDownload;
  expect(download.suggestedFilename()).toMatch(/^sweep-.*\.json$/);
  const path = await download.path();
  const file = JSON.parse(await readFile(path, 'utf8')) as RecordedSweep;
  expect(file.format).toBe('overconfidence-playground/sweep@1');
  expect(file.runs).toHaveLength(recorded.runs.length);

  await page.getByTestId('sweep-import').setInputFiles({
    name: 'shared-sweep.json',
    mimeType: 'application/json',
    buffer: await readFile(path),
  });
  await expect(label).toHaveAttribute('data-origin', 'imported');
  await expect(label).toContainText('Imported sweep “shared-sweep.json” (a recording, read-only)');
  await expect(table.locator('tbody tr')).toHaveCount(arms);

  // A file that is not a sweep is refused with the reader's words, and the shown one stays.
  await page.getByTestId('sweep-import').setInputFiles({
    name: 'not-a-sweep.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something-else"}'),
  });
  await expect(page.getByTestId('sweep-files-status')).toContainText(
    'not-a-sweep.json could not be opened',
  );
  await expect(label).toHaveAttribute('data-origin', 'imported');
});

test('a tiny sweep started in the view fills its progress, table and cells that open its runs', async ({
  page,
}) => {
  // Two arms × one seed of a tiny run, one worker: the view's own path, timing to table.
  await page.goto(
    '/#view=sweep&sweep=smoothing(0,0.1)&seeds=1&train=64&val=100&epochs=2&batch=32&model=small&pool=1',
  );
  await expect(page.getByRole('radio', { name: 'One setting' })).toBeChecked();
  const eta = page.getByTestId('sweep-eta');
  await expect(eta).toContainText('2 runs');
  // Before any sweep, the pool can be timed on the sweep's first run: the ETA then reads it.
  await page.getByTestId('sweep-time-pool').click();
  // While the pool is timed nothing else trains on it: Start waits.
  await expect(page.getByRole('button', { name: 'Start sweep' })).toBeDisabled();
  await expect(eta).toContainText('the pool timed just now on this sweep’s first run', {
    timeout: 120_000,
  });
  await expect(eta).toHaveText(/^2 runs, about \d+ (s|min) at [\d,]+ images\/s/);
  await expect(page.getByTestId('sweep-time-pool')).toBeHidden();
  await page.getByRole('button', { name: 'Start sweep' }).click();
  const progress = page.getByTestId('sweep-progress');
  await expect(progress).toContainText('1 worker at once');
  await expect(progress).toContainText('2 of 2 runs done', { timeout: 180_000 });
  await expect(progress.getByRole('button', { name: 'Pause' })).toBeDisabled();

  const label = page.getByTestId('sweep-label');
  await expect(label).toHaveAttribute('data-origin', 'live');
  await expect(label).toContainText('2 of 2 runs finished');
  const table = page.getByTestId('sweep-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // One seed: nothing can be beyond noise, and the caption says so rather than guess.
  await expect(table.locator('td[data-mark]')).toHaveCount(0);
  await expect(page.getByTestId('sweep-noise-rule')).toContainText(
    'With one seed nothing is beyond noise.',
  );
  // Each run's cell opens that saved run in the playground: its story, both epochs drawn.
  await table.getByRole('button', { name: /open smoothing 0\.1, seed 1/ }).click();
  await expect(page.getByRole('tabpanel')).toHaveAttribute('data-view', 'story');
  await expect(page.getByTestId('status')).toHaveText(/done/);
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
});
