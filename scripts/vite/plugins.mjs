// The reliability plugins for vite.config.ts: offline service worker, security policy and
// own-origin wasm thread scripts.
import { offlinePlugin } from './offline.mjs';
import { securityPlugins } from './security.mjs';
import { wasmThreadsPlugin } from './wasmThreads.mjs';

/** @returns {import('vite').Plugin[]} */
export function reliabilityPlugins() {
  return [offlinePlugin(), ...securityPlugins(), wasmThreadsPlugin()];
}
