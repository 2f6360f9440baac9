// Fault injection for the end-to-end tests, kept out of the user-facing settings: a test sets
// `window.__playgroundTestHooks = { loseDeviceAt: 1 }` with `page.addInitScript` before the page
// loads, and the next run loses its GPU device (or WebGL context) after that epoch, so the
// recovery path can be checked. Nothing else reads it; an ordinary visit has no such global.

import type { TestFaults } from '../worker/train/protocol';
import type { HeadlessSweep } from './sweep/headless';

declare global {
  var __playgroundTestHooks: (Partial<TestFaults> & { sweep?: HeadlessSweep }) | undefined;
}

/**
 * A sweep a script asked for (`sweep` in the hooks; see sweep/headless.ts): started without
 * the Sweep view, loaded only then.
 */
export function startTestSweep(): void {
  const request = globalThis.__playgroundTestHooks?.sweep;
  if (request) void import('./sweep/headless').then((module) => module.startHeadlessSweep(request));
}

/** The faults a test asked for, or undefined (always, outside tests). */
export function testFaults(): TestFaults | undefined {
  const loseDeviceAt = globalThis.__playgroundTestHooks?.loseDeviceAt;
  return typeof loseDeviceAt === 'number' && Number.isInteger(loseDeviceAt) && loseDeviceAt > 0
    ? { loseDeviceAt }
    : undefined;
}
