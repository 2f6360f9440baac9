// Builds the app and the bench harness, and serves them with `vite preview` on a free port.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the harness lands inside the app's build folder (see vite.config.mjs beside this file). */
export const HARNESS_FOLDER = 'bench-harness';
const PREVIEW_START_TIMEOUT_MS = 60_000;

/**
 * Runs a command in the repo root; resolves with its output, rejects (with that output) on failure.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<string>}
 */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * Production build of the app into `appDir` (unless `reuse`), then the harness inside it.
 * @param {{ appDir: string, reuse: boolean }} options
 */
export async function build({ appDir, reuse }) {
  if (!reuse) await run('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir']);
  const harnessDir = path.join(appDir, HARNESS_FOLDER);
  await run('npx', [
    'vite',
    'build',
    '--config',
    'scripts/bench/vite.config.mjs',
    '--outDir',
    harnessDir,
    '--emptyOutDir',
  ]);
}

/** A temporary folder for a fresh build; the caller removes it with `removeBuild`. */
export function temporaryBuildDir() {
  return mkdtemp(path.join(tmpdir(), 'playground-bench-'));
}

/** @param {string} dir */
export function removeBuild(dir) {
  return rm(dir, { recursive: true, force: true });
}

/** @returns {Promise<number>} a TCP port that was free a moment ago */
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
 * `vite preview` of `appDir`; resolves once it answers.
 * @param {string} appDir
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serve(appDir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      appDir,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const close = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM'); // npx → vite: end the group this call started
    await exited;
  };
  const deadline = Date.now() + PREVIEW_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`vite preview did not answer on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, close };
}
