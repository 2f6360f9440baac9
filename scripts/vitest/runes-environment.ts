// Vitest environment for modules written with Svelte runes: Node globals, but Vite's `client`
// pipeline, so Svelte compiles them for the browser (its server output never runs effects)
// and resolves Svelte's client runtime.
import type { Environment } from 'vitest/environments';

export default {
  name: 'runes',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
