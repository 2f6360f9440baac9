import { availableParallelism } from 'node:os';
import { defineConfig, type Project } from '@playwright/test';
import { launchOptions } from './scripts/chromium.mjs';
import { previewArgs } from './scripts/preview.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Another build folder (e.g. `vite build --outDir /tmp/x`) lets two checkouts test side by side.
const DIST = process.env.E2E_DIST ?? 'dist';
// REGRESS=1 (`npm run regress`, `npm run test:regress`) selects the regression sweep instead of
// the end-to-end suite, so a plain `npx playwright test` runs only its one default run (the
// phenomenon check, minutes), never the hours of the full sweep.
const REGRESS = process.env.REGRESS === '1';
// SWEEP=1 (`npm run sweep`, scripts/sweep/run.mjs) selects the headless sweep: one test per run.
const SWEEP = process.env.SWEEP === '1';

/**
 * Specs (WebGL flags, like the webgl project) that run in the phenomenon check's lane once it
 * ends, after the webgpu project: about as many minutes as the two lanes then need to end
 * together on a 2-core machine (measured: 521 s against 472 s with the soak alone there).
 */
const SECOND_LANE = [/soak\.spec\.ts/, /run-truth\.spec\.ts/, /live-edits\.spec\.ts/];

/**
 * The sweep specs train on a pool of workers, one per core, and `npm run sweep`'s shards start
 * Playwright runs of their own: they run alone, once every other project has ended, so neither
 * they nor another lane's timings share the cores (about 20 s at the end of the suite).
 */
const SWEEP_SPECS = [/sweep\.spec\.ts/, /sweep-view\.spec\.ts/];

// Two lanes, each project one test at a time (`workers: 1`): the phenomenon check starts first
// and holds one lane for minutes while the webgl project takes the other; when it ends, the
// next project with a free slot (webgpu, then second-lane) takes its lane.
const e2eProjects: Project[] = [
  {
    // The CI phenomenon check: the default run on the no-GPU path (regress/spec.json's
    // "phenomenon" entry). XNNPACK computes on one thread on a 2-core machine (TensorFlow.js
    // sizes its pool to half the cores), so it leaves the other core to the end-to-end tests.
    name: 'default-run',
    testMatch: /regress\.spec\.ts/,
    grep: /phenomenon · /,
    workers: 1,
  },
  {
    // Without the flag there is no adapter, so the app must fall back to WebGL.
    name: 'webgl',
    testIgnore: [
      /webgpu\.spec\.ts/,
      /regress\.spec\.ts/,
      /sweep-run\.spec\.ts/,
      ...SECOND_LANE,
      ...SWEEP_SPECS,
    ],
    use: { launchOptions: launchOptions('webgl') },
    workers: 1,
  },
  {
    // WebGPU path: with its flag headless Chromium offers a SwiftShader WebGPU adapter.
    name: 'webgpu',
    testMatch: /webgpu\.spec\.ts/,
    use: { launchOptions: launchOptions('webgpu') },
    workers: 1,
  },
  {
    name: 'second-lane',
    testMatch: SECOND_LANE,
    use: { launchOptions: launchOptions('webgl') },
    workers: 1,
  },
  {
    name: 'sweep-lane',
    testMatch: SWEEP_SPECS,
    use: { launchOptions: launchOptions('webgl') },
    workers: 1,
    dependencies: ['default-run', 'webgl', 'webgpu', 'second-lane'],
  },
];

const regressProject: Project = {
  // One test per spec entry × backend, each launching the Chromium its backend needs
  // (e2e/regress.spec.ts). fullyParallel lets --shard split the sweep test by test.
  name: 'regress',
  testMatch: /regress\.spec\.ts/,
  fullyParallel: true,
};

const sweepProject: Project = {
  // One test per (arm, seed) run (e2e/sweep-run.spec.ts); each run trains on one WASM thread,
  // so the lane runs one test per core, and fullyParallel lets --shard split it run by run.
  name: 'sweep',
  testMatch: /sweep-run\.spec\.ts/,
  fullyParallel: true,
  use: { launchOptions: launchOptions('wasm') },
};

export default defineConfig({
  testDir: 'e2e',
  // Two lanes (see e2eProjects). The regression sweep (REGRESS=1) runs one test at a time.
  workers: REGRESS ? 1 : SWEEP ? availableParallelism() : 2,
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
    // Recording a trace for every test cost 13 % of the suite's CPU (and the CI log keeps no
    // files): E2E_TRACE=1 records them again, kept for failed tests in test-results/.
    trace: process.env.E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: REGRESS ? [regressProject] : SWEEP ? [sweepProject] : e2eProjects,
  webServer: {
    // The production build, as users get it (`npm test` builds first).
    command: `npx vite ${previewArgs(DIST, PORT).join(' ')}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
