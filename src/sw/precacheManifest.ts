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
}

export function cacheNames(manifest: PrecacheManifest): CacheNames {
  return {
    app: `${CACHE_PREFIX}app-${manifest.appVersion}`,
    data: `${CACHE_PREFIX}data-${manifest.dataVersion}`,
  };
}

/** Our caches from older builds (another app on the origin keeps its caches). */
export function staleCaches(existing: readonly string[], current: CacheNames): string[] {
  return existing.filter(
    (name) => name.startsWith(CACHE_PREFIX) && name !== current.app && name !== current.data,
  );
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
