// A sweep driven by a script instead of the Sweep view: the Playwright sweep (`npm run sweep`,
// e2e/sweep-run.spec.ts) and the end-to-end tests open the page with the sweep's link and
// `window.__playgroundTestHooks.sweep` set, and this starts (or resumes) the sweep and exposes
// its runner as `window.__playgroundSweep`, whose `file` they read. Loaded only then
// (src/main.ts), so an ordinary visit never fetches it.

import { parseHash } from '../../settings';
import { SweepRunner } from '../sweepRunner.svelte';

/** What a test or the headless sweep asks of the page. */
export interface HeadlessSweep {
  /** Workers at once (the link's `pool` otherwise). */
  pool?: number;
  /** Only these runs (one shard's share). */
  only?: { arm: string; seed: number }[];
  /** Resume the stored unfinished sweep instead of starting the link's. */
  resume?: boolean;
}

declare global {
  var __playgroundSweep: SweepRunner | undefined;
}

/** How long a script waits at most for the page to settle before it starts the sweep. */
const SETTLE_TIMEOUT_MS = 3000;

export async function startHeadlessSweep(request: HeadlessSweep): Promise<void> {
  // Once the page has mounted and gone idle, as when a person presses Start: the sweep's own
  // main-thread work is then what the bench's long-task figure measures.
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: SETTLE_TIMEOUT_MS }));
  const runner = new SweepRunner({
    dataUrl: new URL('data/', document.baseURI).href,
    only: request.only,
  });
  globalThis.__playgroundSweep = runner;
  if (request.resume && (await runner.checkStored())) {
    await runner.resumeStored();
    return;
  }
  const { settings } = parseHash(location.hash);
  await runner.start({ ...settings, pool: request.pool ?? settings.pool });
}
