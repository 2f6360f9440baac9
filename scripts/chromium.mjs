// Which Chromium the tests and scripts launch, and with which flags. Shared by
// playwright.config.ts and the scripts in this folder.
import { existsSync } from 'node:fs';

/**
 * $CHROMIUM_PATH if set, else Debian's `chromium`, else undefined: Playwright's own download
 * (on machines where `npx playwright install chromium` works).
 * @returns {string | undefined}
 */
export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}

/** Needed as root and on closed networks (no sandbox, no background traffic); harmless elsewhere. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium offers a (SwiftShader) WebGPU adapter only with this flag. */
export const WEBGPU_ARG = '--enable-unsafe-webgpu';
