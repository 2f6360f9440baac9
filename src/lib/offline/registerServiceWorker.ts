// Registers the offline service worker (src/sw/sw.ts, built as sw.js next to index.html).
// Production builds only: the dev server has no sw.js, and a cache would hide every edit.
// Secure contexts only (https, localhost, 127.0.0.1): browsers refuse service workers elsewhere.

/** Where the build writes the service worker (see scripts/vite/offline.mjs). */
const SERVICE_WORKER_FILE = 'sw.js';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
  const register = (): void => {
    // Relative to the page, so the app also works from a sub-folder (base: './').
    const url = new URL(SERVICE_WORKER_FILE, document.baseURI);
    navigator.serviceWorker.register(url).catch((error: unknown) => {
      // Offline support is a bonus: the page works without it, so this is no error for the user.
      console.warn('Offline support is unavailable:', error);
    });
  };
  // After `load`: precaching ~6 MB must not compete with the first page load.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
