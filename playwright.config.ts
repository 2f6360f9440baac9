import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Browser: $CHROMIUM_PATH if set, else Debian's `chromium`, else Playwright's own download
// (on machines where `npx playwright install` works).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);
const executablePath = process.env.CHROMIUM_PATH || systemChromium || undefined;

// Needed as root and on closed networks; harmless elsewhere.
const baseArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const PORT = Number(process.env.E2E_PORT ?? 4173);

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
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      // WebGPU path: with this flag headless Chromium offers a SwiftShader WebGPU adapter.
      name: 'webgpu',
      testMatch: /webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath, args: [...baseArgs, '--enable-unsafe-webgpu'] } },
    },
    {
      // Without the flag there is no adapter, so the app must fall back to WebGL.
      name: 'webgl',
      testIgnore: /webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath, args: baseArgs } },
    },
  ],
  webServer: {
    // The production build, as users get it (`npm test` builds first).
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
