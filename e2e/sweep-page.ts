// Driving a sweep without the Sweep view (src/lib/app/sweep/headless.ts): open the sweep's link
// with `__playgroundTestHooks.sweep` set, wait for the runner, read its sweep@1 file. Shared by
// the end-to-end sweep spec and the Playwright sweep (sweep-run.spec.ts).
import type { Page } from '@playwright/test';
import type { SweepFile } from '../src/lib/core/sweep';
import type { HeadlessSweep } from '../src/lib/app/sweep/headless';

/** Sets the hooks for every load of `page`: `first` on the first load, `later` after reloads. */
export async function askForSweep(page: Page, first: HeadlessSweep, later = first): Promise<void> {
  await page.addInitScript(
    ({ first, later }) => {
      const loads = Number(sessionStorage.getItem('sweep-loads') ?? 0);
      sessionStorage.setItem('sweep-loads', String(loads + 1));
      (globalThis as { __playgroundTestHooks?: unknown }).__playgroundTestHooks = {
        sweep: loads === 0 ? first : later,
      };
    },
    { first, later },
  );
}

/**
 * Waits until the runner is done (or, with a number, holds at least that many finished runs),
 * failing at once when a run failed, and returns its file as a download would give it (JSON:
 * NaN is null there).
 */
export async function sweepFileWhen(
  page: Page,
  until: 'done' | number,
  timeout: number,
): Promise<SweepFile> {
  await page.waitForFunction(
    (until) => {
      const runner = globalThis.__playgroundSweep;
      if (!runner) return false;
      if (runner.error) throw new Error(runner.error);
      return until === 'done' ? runner.state === 'done' : runner.results.length >= until;
    },
    until,
    { timeout, polling: 100 },
  );
  return JSON.parse(await page.evaluate(() => JSON.stringify(globalThis.__playgroundSweep?.file)));
}

/** Runs this browser stored with a sweep tag: [id, arm, seed, finished]. */
export function storedSweepRuns(page: Page): Promise<[string, string, number, boolean][]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('overconfidence-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('runs').objectStore('runs').getAll();
          all.onsuccess = () =>
            resolve(
              (
                all.result as {
                  sweep?: { id: string; arm: string; seed: number };
                  finished: boolean;
                }[]
              )
                .filter((run) => run.sweep)
                .map((run) => [run.sweep!.id, run.sweep!.arm, run.sweep!.seed, run.finished]),
            );
        };
      }),
  );
}
