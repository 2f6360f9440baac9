// The page's test-only hook (src/lib/app/testHooks.ts): fault injection that is not a setting.
import type { Page } from '@playwright/test';

/** The next run on this page loses its GPU device (or WebGL context) after `epoch`. */
export async function loseDeviceAfter(page: Page, epoch: number): Promise<void> {
  await page.addInitScript((loseDeviceAt) => {
    (globalThis as { __playgroundTestHooks?: object }).__playgroundTestHooks = { loseDeviceAt };
  }, epoch);
}
