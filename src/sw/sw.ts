/// <reference lib="webworker" />
// The offline service worker: after one visit the page, the default class pair and the recorded
// run (Replay) work with the network off, so a workshop survives bad Wi-Fi. Built as sw.js by scripts/vite/offline.mjs,
// which replaces __OFFLINE_PRECACHE__ with the build's file list and versions.
//
// Cache-first for everything it knows: built files have content hashes in their names (and the
// app cache is renamed with every build), dataset files are checked against the manifest's sha256,
// and the replay cache is renamed whenever the recording's content changes.
// No skipWaiting: a new build waits until every tab of the old one is closed, so an open page
// never loses the worker chunk it has yet to load.
//
// Every response it serves carries the cross-origin isolation headers (COOP + COEP), so the
// wasm backend gets threads even from a static host that cannot send them.

import {
  cacheNames,
  pathInScope,
  routeRequest,
  staleCaches,
  withIsolationHeaders,
  type PrecacheManifest,
} from './precacheManifest';

declare const self: ServiceWorkerGlobalScope;
declare const __OFFLINE_PRECACHE__: PrecacheManifest;

const PRECACHE: PrecacheManifest = __OFFLINE_PRECACHE__;
const CACHES = cacheNames(PRECACHE);

function scopeUrl(path: string): string {
  return new URL(path, self.registration.scope).href;
}

/** Bypass the HTTP cache, so a stale copy there never ends up in the versioned cache. */
function freshRequest(path: string): Request {
  return new Request(scopeUrl(path), { cache: 'reload' });
}

/** Adds to `cacheName` what it lacks of `paths`: it may survive from an older build. */
async function fillCache(cacheName: string, paths: readonly string[]): Promise<void> {
  const cache = await caches.open(cacheName);
  const cached = await Promise.all(paths.map((path) => cache.match(scopeUrl(path))));
  await cache.addAll(paths.filter((_, index) => !cached[index]).map(freshRequest));
}

async function precache(): Promise<void> {
  const app = await caches.open(CACHES.app);
  await app.addAll(PRECACHE.app.map(freshRequest));
  await fillCache(CACHES.data, PRECACHE.data);
  await fillCache(CACHES.replay, PRECACHE.replay);
}

async function removeStaleCaches(): Promise<void> {
  const stale = staleCaches(await caches.keys(), CACHES);
  await Promise.all(stale.map((name) => caches.delete(name)));
}

async function cacheFirst(cacheName: string, path: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const key = scopeUrl(path);
  const hit = await cache.match(key);
  if (hit) return hit;
  // A miss: a dataset file outside the default pair, or an entry the browser evicted.
  const response = await fetch(key);
  if (response.status === 200 && response.type === 'basic') {
    await cache.put(key, response.clone());
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  // claim(): the very first visit is controlled at once, so it already works offline.
  event.waitUntil(removeStaleCaches().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = pathInScope(new URL(request.url), self.registration.scope);
  if (path === null) return;
  const route = routeRequest(path, request.mode === 'navigate', PRECACHE);
  if (route === null) return;
  event.respondWith(cacheFirst(CACHES[route.cache], route.path).then(withIsolationHeaders));
});
