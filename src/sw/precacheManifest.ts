// What the offline service worker caches and how it routes a request. Pure (no `self`), so the
// routing rules are tested in Node; sw.ts is the thin event glue around them.

/** Written into sw.js at build time by scripts/vite/offline.mjs. */
export interface PrecacheManifest {
  /** Hash of every built app file's name and content: a new build gets a new cache. */
  appVersion: string;
  /** Hash of data/manifest.json: dataset files outlive app builds until the data changes. */
  dataVersion: string;
  /** Built app files (HTML, JS incl. the training worker, CSS), relative to the SW scope. */
  app: readonly string[];
  /** data/manifest.json and the default pair's files, relative to the SW scope. */
  data: readonly string[];
  /** Hash of the recorded run's name and content: it outlives app builds until it changes. */
  replayVersion: string;
  /** The recorded run Replay plays (replay/default-run.json), so `replay=1` works offline. */
  replay: readonly string[];
}

/** Every cache this app creates starts with this, so activation deletes only our own. */
export const CACHE_PREFIX = 'overconfidence-';
/** Folder of the dataset files, relative to the scope. */
export const DATA_FOLDER = 'data/';
/** The page itself; navigations to the scope root are answered with it. */
export const INDEX_HTML = 'index.html';

export interface CacheNames {
  app: string;
  data: string;
  replay: string;
}

export function cacheNames(manifest: PrecacheManifest): CacheNames {
  return {
    app: `${CACHE_PREFIX}app-${manifest.appVersion}`,
    data: `${CACHE_PREFIX}data-${manifest.dataVersion}`,
    replay: `${CACHE_PREFIX}replay-${manifest.replayVersion}`,
  };
}

/** Our caches from older builds (another app on the origin keeps its caches). */
export function staleCaches(existing: readonly string[], current: CacheNames): string[] {
  const kept = new Set(Object.values(current));
  return existing.filter((name) => name.startsWith(CACHE_PREFIX) && !kept.has(name));
}

export interface Route {
  cache: keyof CacheNames;
  /** Cache key, relative to the scope. */
  path: string;
}

/**
 * Which cache answers a same-origin GET, or null to leave it to the network. `path` is the
 * request's pathname relative to the scope (no query): the app never adds one, and ignoring it
 * keeps a `?utm=…` on a shared link from missing the cache.
 */
export function routeRequest(
  path: string,
  isNavigation: boolean,
  manifest: PrecacheManifest,
): Route | null {
  if (isNavigation) {
    return path === '' || path === INDEX_HTML ? { cache: 'app', path: INDEX_HTML } : null;
  }
  if (manifest.app.includes(path)) return { cache: 'app', path };
  if (manifest.replay.includes(path)) return { cache: 'replay', path };
  // Every dataset file is cache-first: files are checksummed by the manifest, and a new
  // manifest means a new data cache. Files outside the default pair are cached on first use.
  if (path.startsWith(DATA_FOLDER) && path.length > DATA_FOLDER.length) {
    return { cache: 'data', path };
  }
  return null;
}

/** `url` relative to `scope` (both absolute), or null when it lies outside the scope. */
export function pathInScope(url: URL, scope: string): string | null {
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  // Not decoded: built and dataset file names are plain ASCII, and a malformed %-sequence in
  // some other URL must not throw inside the fetch handler.
  return url.pathname.slice(base.pathname.length);
}

/**
 * Cross-origin isolation headers (equal to ISOLATION_HEADERS in scripts/vite/security.mjs;
 * offline.test.ts checks). Added to every response the service worker serves, so a static host
 * that cannot set headers still gets SharedArrayBuffer, hence wasm threads, from the second
 * visit on (the first navigation comes from the network, before the worker controls the page).
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** `response` with the isolation headers set; opaque and error responses pass unchanged. */
export function withIsolationHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'error' || response.status === 0) {
    return response;
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
