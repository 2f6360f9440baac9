// Builds the app and the bench harness, and serves them with `vite preview` on a free port.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview } from '../preview.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the harness lands inside the app's build folder (see vite.config.mjs beside this file). */
export const HARNESS_FOLDER = 'bench-harness';

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

/**
 * `vite preview` of `appDir`; resolves once it answers.
 * @param {string} appDir
 */
export function serve(appDir) {
  return startPreview(appDir);
}
