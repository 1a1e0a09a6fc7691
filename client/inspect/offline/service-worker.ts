/**
 * The inspectors' workspace offline (served as /inspect-sw.js, scope /inspect, on our own origin: CSP
 * worker-src 'self'). After a first visit the workspace opens without a network: its page and code (the
 * build's content-hashed assets, fonts included) come from a cache, and so do the last answers the
 * inspector's area needed (catalog, session, tiles, lists, cards, statistics). Online, the network answers
 * first and the cache follows it; writes always go to the network (the outbox in IndexedDB keeps them).
 * Self-contained on purpose: a service worker must not import the app's chunks.
 */

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  data: unknown;
}
interface ServiceWorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const worker = self as unknown as ServiceWorkerScope;
/** The page and the build's code and fonts; assets are content-hashed, so a cached one never goes stale. */
const APP_CACHE = 'casa-sig-inspect-app-v1';
/** Answers that depend on the caller (personal data included): emptied at sign-out. */
const DATA_CACHE = 'casa-sig-inspect-data-v1';
/** Entries the data cache keeps, the oldest dropped first: the last area viewed, not the whole city. */
const DATA_ENTRIES_MAX = 2000;
/** The workspace page, whatever its query (language, filters, open feature). */
const SHELL_PATH = '/inspect';
const DATA_PATHS = [/^\/tiles\//, /^\/ogc\/collections\//, /^\/api\/layers$/, /^\/api\/auth\/me$/, /^\/api\/query\/(stats|nearby)$/];

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.add(SHELL_PATH)).catch(() => undefined).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('casa-sig-inspect-') && name !== APP_CACHE && name !== DATA_CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

async function trimDataCache(): Promise<void> {
  const cache = await caches.open(DATA_CACHE);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - DATA_ENTRIES_MAX)).map((key) => cache.delete(key)));
}

/** Network first; a good answer is kept. Without a network, the kept answer (tiles whatever their ?view=). */
async function networkFirst(request: Request, cacheName: string, ignoreSearch: boolean, cacheKey: string | Request = request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && response.status !== 206) {
      const copy = response.clone();
      void caches.open(cacheName).then(async (cache) => {
        await cache.put(cacheKey, copy);
        if (cacheName === DATA_CACHE) await trimDataCache();
      });
    }
    return response;
  } catch (error) {
    const cached = await caches.match(cacheKey, { ignoreSearch, cacheName });
    if (cached) return cached;
    throw error;
  }
}

/** Cache first for the build's hashed files (never stale), kept the first time they are fetched. */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: APP_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(APP_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    // Signed out: what the account could see does not stay on the device.
    event.respondWith(fetch(request).finally(() => caches.delete(DATA_CACHE)));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    if (url.pathname === SHELL_PATH || url.pathname === `${SHELL_PATH}/`) event.respondWith(networkFirst(request, APP_CACHE, true, SHELL_PATH));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (DATA_PATHS.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA_CACHE, url.pathname.startsWith('/tiles/')));
  }
});

/**
 * Messages from the page: `cache-urls` lists what the page loaded before this worker controlled it (the
 * first visit), fetched again into the caches; `forget-data` empties the data cache (another account).
 */
worker.addEventListener('message', (event) => {
  const message = event.data as { type?: unknown; urls?: unknown } | null;
  if (message?.type === 'forget-data') {
    event.waitUntil(caches.delete(DATA_CACHE));
    return;
  }
  if (message?.type !== 'cache-urls' || !Array.isArray(message.urls)) return;
  const urls = message.urls.filter((value): value is string => typeof value === 'string');
  event.waitUntil(
    Promise.all(
      urls.map(async (value) => {
        const url = new URL(value, worker.location.origin);
        if (url.origin !== worker.location.origin) return;
        const isAsset = url.pathname.startsWith('/assets/');
        if (!isAsset && !DATA_PATHS.some((pattern) => pattern.test(url.pathname))) return;
        const cache = await caches.open(isAsset ? APP_CACHE : DATA_CACHE);
        if (await cache.match(url.href)) return;
        const response = await fetch(url.href, { credentials: 'same-origin' }).catch(() => undefined);
        if (response?.ok) await cache.put(url.href, response);
      }),
    ).then(trimDataCache),
  );
});
