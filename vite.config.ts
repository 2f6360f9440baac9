import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { reliabilityPlugins } from './scripts/vite/plugins.mjs';
import { wasmThreadsPlugin } from './scripts/vite/wasmThreads.mjs';

const APP_VERSION: string = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
).version;

// `static/` is the public directory: the dataset files are served as-is, never bundled.
export default defineConfig({
  plugins: [svelte(), reliabilityPlugins()],
  publicDir: 'static',
  base: './',
  // The backend-speed cache key names the build (tfEnvironment.ts): a new version times again.
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // The worker bundle (where TensorFlow.js runs) gets its own plugin list in a build.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // Vitest's default leaves one core idle (one worker on a 2-core CI machine, where the suite
    // then took 120 s instead of 64 s): `npm test` runs nothing else beside it.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.svelte.test.ts'],
          // Files share a worker's modules, so TensorFlow.js loads once per worker, not once per
          // file (60 s → 44 s on 2 cores). No file leaves state behind for the next: the suite
          // passes in shuffled file orders (`--sequence.shuffle.files`).
          isolate: false,
        },
      },
      {
        // Rune modules: Svelte's server output never runs effects (see the environment).
        extends: true,
        test: {
          name: 'runes',
          include: ['src/**/*.svelte.test.ts'],
          environment: './scripts/vitest/runes-environment.ts',
        },
      },
    ],
  },
});
