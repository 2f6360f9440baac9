// The reliability plugins for vite.config.ts: offline service worker and security policy.
import { offlinePlugin } from './offline.mjs';
import { securityPlugins } from './security.mjs';

/** @returns {import('vite').Plugin[]} */
export function reliabilityPlugins() {
  return [offlinePlugin(), ...securityPlugins()];
}
