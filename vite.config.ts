import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { reliabilityPlugins } from './scripts/vite/plugins.mjs';

// `static/` is the public directory: the dataset files are served as-is, never bundled.
export default defineConfig({
  plugins: [svelte(), reliabilityPlugins()],
  publicDir: 'static',
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
