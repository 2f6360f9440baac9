import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, WEBGPU_ARG } from './scripts/chromium.mjs';

const executablePath = chromiumExecutable();
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Another build folder (e.g. `vite build --outDir /tmp/x`) lets two checkouts test side by side.
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // Emulated GPUs are slow and share two cores: one test at a time keeps timings sane.
  workers: 1,
  fullyParallel: false,
  timeout: 6 * 60_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  forbidOnly: true,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    // A service worker would answer dataset requests that some tests route; specs that test
    // offline use switch it back on.
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      // WebGPU path: with this flag headless Chromium offers a SwiftShader WebGPU adapter.
      name: 'webgpu',
      testMatch: /webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath, args: [...CHROMIUM_ARGS, WEBGPU_ARG] } },
    },
    {
      // Without the flag there is no adapter, so the app must fall back to WebGL.
      name: 'webgl',
      testIgnore: /webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: {
    // The production build, as users get it (`npm test` builds first).
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
