// The demo's service worker (vite.config.ts fills in the list and the version at build time).
// Install keeps the app shell and the model in one versioned cache, so the app loads and answers
// with the network off; a new build's worker replaces the old cache when it activates. Requests
// to other origins (the LLM server) are never touched: they must fail offline, not be replayed.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `tandem-demo-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((f) => new Request(new URL(f, self.registration.scope), { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tandem-demo-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // Cache first: every file here is versioned by the build (the cache name), so a cached copy is
  // the right one; a page navigation falls back to the app shell.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      if (req.mode === 'navigate') {
        const shell = await cache.match(new URL('./', self.registration.scope).href);
        if (shell) {
          try {
            return await fetch(req);
          } catch {
            return shell;
          }
        }
      }
      return fetch(req);
    }),
  );
});
