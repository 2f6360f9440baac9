// Builds the app and serves the production build with `vite preview` on a free port of its own,
// so a regression run never collides with a dev server or another checkout's tests.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const VITE = path.resolve('node_modules/vite/bin/vite.js');
/** vite preview starts in about a second; a loaded CI machine may need far longer. */
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_POLL_MS = 250;

/**
 * Runs a command to completion, its output passed through; rejects on a non-zero exit.
 * @param {string[]} args arguments to node
 */
function runNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(undefined)
        : reject(new Error(`node ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** @param {string} outDir */
export async function build(outDir) {
  console.log(`== building the app into ${outDir}`);
  await runNode([VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
}

/** A port the system says is free now (there is a small race until vite takes it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `vite preview` on the build in `outDir`; resolves once it answers.
 * @param {string} outDir
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function serve(outDir) {
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`No build in ${outDir}: run without --no-build, or build first`);
  }
  const port = /** @type {number} */ (await freePort());
  const child = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  process.once('exit', stop);
  // Ctrl-C: Node exits without 'exit' handlers, which would leave the server running.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${errors.trim()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, SERVER_POLL_MS));
  }
  stop();
  throw new Error(
    `vite preview did not answer on ${url} within ${SERVER_START_TIMEOUT_MS / 1000} s`,
  );
}
