// Which Chromium the tests and scripts launch, with which flags, and how a fresh machine gets
// one. `node scripts/chromium.mjs` (run by `npm run test:e2e`, `test:regress`, `regress`, `bench`
// before Playwright starts) finds or installs a Chromium, in this order:
//   1. $CHROMIUM_PATH   2. a system Chromium   3. Playwright's own browser, if downloaded
//   4. `npx playwright install chromium`   5. as root on Debian/Ubuntu, `apt-get install chromium`
// and otherwise stops with one message naming the options. Steps 4 and 5 put the browser where
// steps 2 and 3 look, so playwright.config.ts needs only the synchronous `chromiumExecutable()`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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

/**
 * The Chromium flags each TensorFlow.js backend of the app needs: a backend's name in
 * regress/spec.json must be a key here (adding one is a line here and a word in the spec).
 * @type {Record<string, string[]>}
 */
export const BACKEND_ARGS = { webgpu: [WEBGPU_ARG], webgl: [], cpu: [], wasm: [] };

/**
 * Playwright launch options for a backend: the Chromium found here and its flags.
 * @param {string} backend
 */
export function launchOptions(backend) {
  const extra = BACKEND_ARGS[backend];
  if (!extra) throw new Error(`No Chromium flags known for backend "${backend}"`);
  return { executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, ...extra] };
}

/** Where distributions and vendors put Chromium or Chrome. */
export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** A real download takes a minute or two; a closed network fails within seconds. */
const INSTALL_TIMEOUT_MS = 5 * 60_000;

export const NO_CHROMIUM = `No Chromium found for the browser tests. Any one of these fixes it:
  - CHROMIUM_PATH=/path/to/chromium npm test
  - install a system Chromium (Debian/Ubuntu: sudo apt-get install chromium)
  - npx playwright install chromium   (needs access to Playwright's download server)`;

/**
 * @typedef {{ path: string, source: 'CHROMIUM_PATH' | 'system' | 'playwright' }} Found
 * @typedef {object} Probes
 * @property {Record<string, string | undefined>} env
 * @property {(path: string) => boolean} exists
 * @property {() => string | undefined} playwrightPath where Playwright's own Chromium would be
 */

/** @returns {Probes} */
const realProbes = () => ({
  env: process.env,
  exists: existsSync,
  playwrightPath: () => {
    try {
      return createRequire(import.meta.url)('playwright-core').chromium.executablePath();
    } catch {
      return undefined;
    }
  },
});

/**
 * Steps 1–3: what is already on this machine; null when nothing is.
 * @param {Probes} [probes]
 * @returns {Found | null}
 */
export function findChromium(probes = realProbes()) {
  const fromEnv = probes.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!probes.exists(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CHROMIUMS.find((path) => probes.exists(path));
  if (system) return { path: system, source: 'system' };
  const own = probes.playwrightPath();
  return own && probes.exists(own) ? { path: own, source: 'playwright' } : null;
}

/** The Chromium to launch (synchronous, for playwright.config.ts and the scripts). */
export function chromiumExecutable() {
  return findChromium()?.path;
}

/**
 * @typedef {object} Installers
 * @property {() => Found | null} find
 * @property {(command: string, args: string[]) => boolean} run true when it exited with 0
 * @property {() => boolean} isRoot
 * @property {() => boolean} isDebian Debian, Ubuntu or a derivative (apt-get)
 * @property {(line: string) => void} log
 */

/** @returns {Installers} */
const realInstallers = () => ({
  find: () => findChromium(),
  run: (command, args) =>
    spawnSync(command, args, {
      stdio: 'inherit',
      timeout: INSTALL_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0,
  isRoot: () => process.getuid?.() === 0,
  isDebian: () => {
    try {
      return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
    } catch {
      return false;
    }
  },
  log: (line) => console.error(line),
});

/**
 * Steps 1–5. Throws NO_CHROMIUM when every step fails.
 * @param {Installers} [installers]
 * @returns {Found}
 */
export function ensureChromium(installers = realInstallers()) {
  const { find, run, isRoot, isDebian, log } = installers;
  let found = find();
  if (found) return found;
  log('== no Chromium found: trying npx playwright install chromium');
  if (run('npx', ['playwright', 'install', 'chromium']) && (found = find())) return found;
  if (isRoot() && isDebian()) {
    log('== trying apt-get install chromium');
    if (
      run('apt-get', ['update', '-qq']) &&
      run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core']) &&
      (found = find())
    ) {
      return found;
    }
  }
  throw new Error(NO_CHROMIUM);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { path, source } = ensureChromium();
    console.log(`Chromium: ${path} (${source})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
