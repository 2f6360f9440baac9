// Builds the app and serves the production build with `vite preview` on a free port of its own,
// so a regression run never collides with a dev server or another checkout's tests.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { startPreview } from '../preview.mjs';

const VITE = path.resolve('node_modules/vite/bin/vite.js');

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

/**
 * Starts `vite preview` on the build in `outDir`; resolves once it answers.
 * @param {string} outDir
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serve(outDir) {
  const { url, close } = await startPreview(outDir);
  return { url, stop: close };
}
