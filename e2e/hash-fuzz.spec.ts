// The page under hostile links: the first 30 cases of the seeded generator the unit fuzz test
// uses (src/lib/settings/hash.fuzz.test.ts), opened in the real page — mostly as hash changes, every
// sixth as a real navigation. No page error, never a blank page, the messages written out for
// every bad link (hashFuzzMessages.fixture.ts, not computed by the parser under test) shown, and
// nothing from the link ever becomes markup or runs.
import type { Page } from '@playwright/test';
import { HASH_FUZZ_SEED, hostileHashes } from '../src/lib/settings/hashFuzzCases';
import { HASH_FUZZ_MESSAGES } from '../src/lib/settings/hashFuzzMessages.fixture';
import { expect, openApp, test } from './fixtures';

const CASES = hostileHashes(HASH_FUZZ_SEED, HASH_FUZZ_MESSAGES.length);
const REAL_NAVIGATION_EVERY = 6;

// Not about offline: keep the service worker from precaching in the background.
test.use({ serviceWorkers: 'block' });

/** Elements a link could only have put there by injecting markup (the app itself has none). */
const INJECTABLE =
  'script:not([src]), img, iframe, object, embed, svg, [onerror], [onload], [srcdoc]';

async function injectedTraces(page: Page) {
  return page.evaluate((selector) => {
    const found = [...document.querySelectorAll(selector)].map((element) => element.outerHTML);
    const mark = document.body.dataset.injected;
    return mark === undefined ? found : [...found, `data-injected=${mark}`];
  }, INJECTABLE);
}

test('30 hostile links: no error, never blank, a message when bad, no markup injected', async ({
  page,
  baseURL,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const requestedPaths: string[] = [];
  page.context().on('request', (request) => requestedPaths.push(new URL(request.url()).pathname));

  await openApp(page, '');
  expect(await injectedTraces(page)).toEqual([]);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const problems = page.getByTestId('settings-problems');

  let query = '?case=0';
  for (const [index, fuzz] of CASES.entries()) {
    // Same path and query: a hash change in the open page. A new query: a real navigation.
    if (index % REAL_NAVIGATION_EVERY === 0) query = `?case=${index}`;
    // Encoded as the browser would, so the page and this test parse the same text.
    const url = new URL(`/${query}${fuzz.hash}`, baseURL);
    const expected = HASH_FUZZ_MESSAGES[index];
    const where = `case ${index} (${fuzz.label}): ${fuzz.hash.slice(0, 80)}`;
    expect(expected.length > 0, `${where} — written-out messages and generator disagree`).toBe(
      fuzz.expectsProblem,
    );

    await page.goto(url.href);
    await expect(train, where).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 }), where).toBeVisible();
    if (fuzz.expectsProblem) {
      await expect(problems, where).toBeVisible();
      for (const message of expected) await expect(problems, where).toContainText(message);
    } else {
      await expect(problems, where).toBeHidden();
    }
    expect(await injectedTraces(page), where).toEqual([]);
    expect(pageErrors, where).toEqual([]);
  }

  expect(dialogs).toEqual([]);
  // `<img src=x>` never became an element, so nothing ever asked for "x".
  expect(requestedPaths.filter((path) => path.endsWith('/x'))).toEqual([]);
});
