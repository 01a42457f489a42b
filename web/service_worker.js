// The offline app shell: precaches this version of the site and serves it cache-first, so after one
// visit the app starts with no network. web/precache.cmake writes in the version and file list below.
'use strict';

// A hash over every precached file and this script: any change makes a new worker and a new cache.
const VERSION = '@PRECACHE_VERSION@';
// Site files relative to the scope, as the page requests them (never their .br/.gz variants: the
// browser asks for the plain name and stores the decoded bytes it receives).
const FILES = @PRECACHE_FILES@;

// Cache names hold the scope, so two deployments on one origin never delete each other's caches.
const PREFIX = 'madoguchi-app ' + self.registration.scope + ' ';
const CACHE = PREFIX + VERSION;
const scoped = (file) => new URL(file, self.registration.scope);
const PRECACHED = new Set(FILES.map((file) => scoped(file).href));
const INDEX = scoped('index.html');
const START_PATHS = [scoped('').pathname, INDEX.pathname];
const API_PATH = scoped('api/').pathname;

self.addEventListener('install', (event) => {
  // 'no-cache' revalidates with the endpoint, so an older copy in the HTTP cache is never taken. The
  // page is asked for by the start address the browser has just loaded, so on a first visit that is a
  // 304 rather than the page again (67 KB: it carries the first frame's files); it is kept as index.html.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(FILES.map(async (file) => {
    const response = await fetch(new Request(file === 'index.html' ? scoped('') : scoped(file), { cache: 'no-cache' }));
    if (!response.ok) throw new TypeError(`${file}: HTTP ${response.status}`);
    await cache.put(scoped(file), response);
  }))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) =>
    Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)))));
});

// The page asks for this when the resident chose to reload into the waiting version (web/app_update.js).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// Only the precached files are answered here; everything else, /api/ above all (sending and status
// must reach the ward), goes to the network untouched.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (url.origin !== self.location.origin || url.pathname.startsWith(API_PATH)) return;
  let key = url.href;
  // The app's screens live in the #fragment, so every navigation to the start page is index.html,
  // whatever its query.
  if (request.mode === 'navigate' && START_PATHS.includes(url.pathname)) {
    key = INDEX.href;
  } else if (!PRECACHED.has(key)) {
    return;
  }
  // The endpoint varies by Accept-Encoding, which the network stack adds below the page: ignore it.
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key, { ignoreVary: true }))
    .then((cached) => cached || fetch(request)));
});
