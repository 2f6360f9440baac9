import { describe, expect, it } from 'vitest';
import {
  cacheNames,
  pathInScope,
  routeRequest,
  staleCaches,
  type PrecacheManifest,
  ISOLATION_HEADERS,
  withIsolationHeaders,
} from './precacheManifest';

const manifest: PrecacheManifest = {
  appVersion: 'a1',
  dataVersion: 'd1',
  app: ['index.html', 'assets/index-x.js', 'assets/train.worker-y.js'],
  data: ['data/manifest.json', 'data/coat-train.bin'],
  replayVersion: 'r1',
  replay: ['replay/default-run.json'],
};

describe('routeRequest', () => {
  it('answers navigations to the page from the app cache', () => {
    expect(routeRequest('', true, manifest)).toEqual({ cache: 'app', path: 'index.html' });
    expect(routeRequest('index.html', true, manifest)).toEqual({
      cache: 'app',
      path: 'index.html',
    });
    expect(routeRequest('elsewhere.html', true, manifest)).toBeNull();
  });

  it('answers built files from the app cache and every dataset file from the data cache', () => {
    expect(routeRequest('assets/train.worker-y.js', false, manifest)).toEqual({
      cache: 'app',
      path: 'assets/train.worker-y.js',
    });
    expect(routeRequest('data/bag-test.bin', false, manifest)).toEqual({
      cache: 'data',
      path: 'data/bag-test.bin',
    });
  });

  it('answers the recorded run from the replay cache, so replay=1 works offline', () => {
    expect(routeRequest('replay/default-run.json', false, manifest)).toEqual({
      cache: 'replay',
      path: 'replay/default-run.json',
    });
    // Another file beside it (a run the user fetched by hand) is not the shipped recording.
    expect(routeRequest('replay/other-run.json', false, manifest)).toBeNull();
  });

  it('leaves everything else to the network', () => {
    expect(routeRequest('assets/index-old.js', false, manifest)).toBeNull();
    expect(routeRequest('data/', false, manifest)).toBeNull();
    expect(routeRequest('sw.js', false, manifest)).toBeNull();
  });
});

describe('caches', () => {
  it('deletes only our own caches from other builds', () => {
    const names = cacheNames(manifest);
    expect(names).toEqual({
      app: 'overconfidence-app-a1',
      data: 'overconfidence-data-d1',
      replay: 'overconfidence-replay-r1',
    });
    expect(
      staleCaches(
        [
          'overconfidence-app-a0',
          'overconfidence-app-a1',
          'overconfidence-data-d1',
          'overconfidence-replay-r0',
          'overconfidence-replay-r1',
          'other-app',
        ],
        names,
      ),
    ).toEqual(['overconfidence-app-a0', 'overconfidence-replay-r0']);
  });
});

describe('pathInScope', () => {
  it('is relative to the scope and ignores the query', () => {
    const scope = 'https://example.org/play/';
    expect(pathInScope(new URL('https://example.org/play/data/x.bin?v=1'), scope)).toBe(
      'data/x.bin',
    );
    expect(pathInScope(new URL('https://example.org/play/'), scope)).toBe('');
    expect(pathInScope(new URL('https://example.org/other/'), scope)).toBeNull();
    expect(pathInScope(new URL('https://cdn.example.com/play/x.js'), scope)).toBeNull();
    expect(pathInScope(new URL('https://example.org/play/%E0%A4%A'), scope)).toBe('%E0%A4%A');
  });
});

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP and keeps the body, status and other headers', async () => {
    const original = new Response('body', {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'text/javascript' },
    });
    const isolated = withIsolationHeaders(original);
    expect(isolated.status).toBe(200);
    expect(isolated.headers.get('Content-Type')).toBe('text/javascript');
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(await isolated.text()).toBe('body');
  });

  it('passes an error response unchanged', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
  });

  it('sets the isolation headers and nothing else', async () => {
    const isolated = withIsolationHeaders(new Response(''));
    const names = [...isolated.headers.keys()].filter((name) => name.startsWith('cross-origin'));
    expect(names.sort()).toEqual(
      Object.keys(ISOLATION_HEADERS)
        .map((n) => n.toLowerCase())
        .sort(),
    );
  });
});
