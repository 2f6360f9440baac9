import { defineConfig, type Project } from '@playwright/test';
import { launchOptions } from './scripts/chromium.mjs';
import { previewArgs } from './scripts/preview.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Another build folder (e.g. `vite build --outDir /tmp/x`) lets two checkouts test side by side.
const DIST = process.env.E2E_DIST ?? 'dist';
// REGRESS=1 (`npm run regress`, `npm run test:regress`) selects the regression sweep instead of
// the end-to-end suite, so a plain `npx playwright test` never starts hours of training.
const REGRESS = process.env.REGRESS === '1';

const e2eProjects: Project[] = [
  {
    // WebGPU path: with its flag headless Chromium offers a SwiftShader WebGPU adapter.
    name: 'webgpu',
    testMatch: /webgpu\.spec\.ts/,
    use: { launchOptions: launchOptions('webgpu') },
  },
  {
    // Without the flag there is no adapter, so the app must fall back to WebGL.
    name: 'webgl',
    testIgnore: [/webgpu\.spec\.ts/, /regress\.spec\.ts/],
    use: { launchOptions: launchOptions('webgl') },
  },
];

const regressProject: Project = {
  // One test per spec entry × backend, each launching the Chromium its backend needs
  // (e2e/regress.spec.ts). fullyParallel lets --shard split the sweep test by test.
  name: 'regress',
  testMatch: /regress\.spec\.ts/,
  fullyParallel: true,
};

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
  projects: REGRESS ? [regressProject] : e2eProjects,
  webServer: {
    // The production build, as users get it (`npm test` builds first).
    command: `npx vite ${previewArgs(DIST, PORT).join(' ')}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
