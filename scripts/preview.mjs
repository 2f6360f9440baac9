// `vite preview` of a production build: the one command line the Playwright suites' web server
// (playwright.config.ts: e2e and regression runs) and the bench (`startPreview`, on a free port
// of its own, so it never collides with a dev server or another checkout's tests) both use.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
/** vite preview starts in about a second; a loaded CI machine may need far longer. */
const START_TIMEOUT_MS = 60_000;
const POLL_MS = 200;

/**
 * The arguments after `vite` that serve `outDir` on `port` (and fail if the port is taken).
 * @param {string} outDir
 * @param {number} port
 */
export const previewArgs = (outDir, port) => [
  ...['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  ...['--outDir', outDir],
];

/** @returns {Promise<number>} a TCP port that was free a moment ago (vite takes it just after) */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Serves the build in `outDir`; resolves once it answers. The server also stops when this
 * process exits or is interrupted, so a failed run never leaves it behind.
 * @param {string} outDir
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startPreview(outDir) {
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`No build in ${outDir}: build the app first`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [VITE, ...previewArgs(outDir, port)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  process.once('exit', kill);
  /** @type {(signal: NodeJS.Signals) => void} */
  const interrupted = () => {
    kill();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const close = async () => {
    process.off('exit', kill);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    kill();
    await exited;
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, close };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(
        `vite preview did not answer on ${url} within ${START_TIMEOUT_MS / 1000} s:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
