// Automated accessibility check (axe-core): no serious or critical violations, at rest, after a
// run (tables open), in the dark theme with projector mode, with the tour and the shortcuts
// sheet open, and in every view at desktop, projector and phone sizes. Minor/moderate findings are printed but do not fail the test.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { openReplayAt, openReplayStoryAt, RECORDED_EPOCHS, showViewAt } from './replay-page';
import { showView, VIEW_IDS } from './views';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** Runs axe on the page and returns the serious/critical violations, readably. */
async function blockingViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const described = results.violations.map((violation) => {
    const nodes = violation.nodes
      .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
      .join('\n');
    const impact = violation.impact ?? 'unknown';
    return {
      impact,
      text: `[${impact}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`,
    };
  });
  // Every finding is printed; only serious and critical ones fail the test.
  if (described.length > 0) {
    console.log(`axe (${label}):\n${described.map((entry) => entry.text).join('\n')}`);
  }
  return described.filter((entry) => BLOCKING_IMPACTS.has(entry.impact)).map((entry) => entry.text);
}

/** The sample images have arrived (in Your data): the page is as a first-time visitor sees it. */
async function waitForIdlePage(page: Page): Promise<void> {
  await showView(page, 'data');
  await expect(page.getByTestId('dataset-preview').locator('canvas').first()).toBeVisible();
  await showView(page, 'story');
  await waitForStatus(page, 'idle');
}

test('no serious or critical accessibility violations at rest', async ({ page }) => {
  await openApp(page, TINY);
  await waitForIdlePage(page);
  expect(await blockingViolations(page, 'at rest')).toEqual([]);
});

test('no serious or critical accessibility violations after a tiny run', async ({ page }) => {
  await openApp(page, TINY);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  // The charts' text alternatives live in <details>: open them so axe checks the tables too.
  await page.locator('details').evaluateAll((elements) => {
    for (const element of elements) (element as HTMLDetailsElement).open = true;
  });
  expect(await blockingViolations(page, 'after a run')).toEqual([]);
});

test('no serious or critical violations in the dark theme with projector mode', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, `${TINY}&projector=1`);
  await waitForIdlePage(page);
  await expect(page.locator('html')).toHaveAttribute('data-projector', '');
  expect(await blockingViolations(page, 'dark + projector')).toEqual([]);
});

test('no serious or critical violations with the tour or the shortcuts sheet open', async ({
  page,
}) => {
  await openApp(page, `${TINY}&tour=1`);
  await waitForIdlePage(page);
  const tour = page.getByRole('dialog', { name: /train a small network/i });
  await expect(tour).toBeVisible();
  expect(await blockingViolations(page, 'tour open')).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(tour).toBeHidden();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  expect(await blockingViolations(page, 'shortcuts sheet open')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('no serious or critical violations in a replay with the drill-down dialog open', async ({
  page,
}) => {
  await openReplayAt(page);
  expect(await blockingViolations(page, 'replay at its last epoch')).toEqual([]);
  await page.getByTestId('histogram-bin').first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Logit gap/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('canvas').first()).toBeVisible();
  expect(await blockingViolations(page, 'drill-down open')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('no serious or critical violations in any view at desktop, projector (dark) and phone sizes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openReplayStoryAt(page, RECORDED_EPOCHS);
  const projector = page.getByTestId('projector-toggle');
  // Projector mode last: its button is on the workshop bar, which a phone-sized page folds away.
  const sizes = [
    { name: 'desktop', width: 1280, height: 720, projector: false },
    { name: 'phone', width: 390, height: 844, projector: false },
    { name: 'projector, dark', width: 1280, height: 720, projector: true },
  ];
  const found: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ colorScheme: size.projector ? 'dark' : 'light' });
    if (size.projector) await projector.click();
    await expect(projector).toHaveAttribute('aria-pressed', String(size.projector));
    for (const view of VIEW_IDS) {
      await showViewAt(page, view, RECORDED_EPOCHS);
      const label = `${size.name}, ${view} view`;
      found.push(...(await blockingViolations(page, label)).map((text) => `${label}: ${text}`));
    }
  }
  expect(found).toEqual([]);
});
