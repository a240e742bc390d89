// 年报校验's service worker: the app keeps working offline after its first visit.
// Written by www/hooks/post_build.py, which fills in the cache name (a hash of this build's
// files) and the list of this build's files; registered by the start-up script over http(s).
'use strict';

const CACHE = '__CACHE__';
// [file, revalidate]: a hashed name never changes, so whatever the HTTP cache holds is right (the
// page has just loaded the largest ones); the stable names (index.html, nianbao.js…) are fetched again.
const FILES = __FILES__;
const PAGE = 'index.html';

const scope = new URL(self.registration.scope);
const inScope = (url) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map(([file, revalidate]) =>
      new Request(new URL(file, scope), { cache: revalidate ? 'no-cache' : 'force-cache' })));
    // The new build takes over at once: the files of an open page are already loaded.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('nianbao-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      // The page, whatever its query string (embed.html?origins=…); a folder is its index.html.
      const page = inScope(url) && url.pathname.endsWith('/') ? new URL(PAGE, url) : url;
      return (await cache.match(page.href, { ignoreSearch: true })) ?? fetch(request);
    }
    return (await cache.match(request)) ?? fetch(request);
  })());
});
