// Builds the bench harness page (bench.html + src/bench/) on its own, next to the app's build.
// Not a second entry of the app's vite.config.ts on purpose: a second entry makes Rollup split
// the modules both pages share (Chart.js, the chart code) into a common chunk, which would
// change the very main-thread bundle the bench weighs and loads. Output goes under the app's
// outDir (the driver passes --outDir <app>/bench-harness), so one server serves both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { wasmThreadsPlugin } from '../vite/wasmThreads.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [svelte()],
  publicDir: false, // the dataset is served by the app's build
  // As the app's config: tfEnvironment's speed cache names the build.
  define: {
    __APP_VERSION__: JSON.stringify(
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
    ),
  },
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { bench: 'bench.html' } },
  },
  // The app worker's plugins: tfEnvironment needs the wasm thread files (scripts/vite/).
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
});
