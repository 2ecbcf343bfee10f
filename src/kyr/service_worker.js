// Know Your Rights L.A. service worker, written by the kyr plugin at build time.
// After a first visit it keeps every page of the reader's language, the contacts and the assets
// on the phone, so the site keeps working with no signal. VERSION changes with the content, so
// a new build replaces what was kept.
"use strict";
const VERSION = "__VERSION__";
const CORE = __CORE__;
const PAGES = __PAGES__;
const PREFIX = "kyr-";
const CORE_CACHE = PREFIX + VERSION + "-core";
const pageCache = (lang) => PREFIX + VERSION + "-pages-" + lang;
const absolute = (url) => new URL(url, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CORE_CACHE).then((cache) => cache.addAll(CORE.map(absolute))));
  self.skipWaiting();
});

// Keep the languages the reader had saved before, in their new version; drop old versions.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const saved = new Set();
    for (const name of names) {
      const match = name.match(/^kyr-.+-pages-([a-z-]+)$/);
      if (match && !name.startsWith(PREFIX + VERSION)) saved.add(match[1]);
    }
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && !n.startsWith(PREFIX + VERSION))
      .map((n) => caches.delete(n)));
    await self.clients.claim();
    for (const lang of saved) await savePages(lang);
  })());
});

async function savePages(lang) {
  const urls = PAGES[lang];
  if (!urls) return false;
  const cache = await caches.open(pageCache(lang));
  const missing = [];
  for (const url of urls) {
    if (!(await cache.match(absolute(url)))) missing.push(absolute(url));
  }
  if (missing.length === 0) return false;
  await cache.addAll(missing);
  return true;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "save-language") return;
  event.waitUntil(savePages(data.lang).then((saved) => {
    if (saved && event.source) event.source.postMessage({ type: "offline-ready", lang: data.lang });
  }).catch(() => {}));
});

// Saved copy first (fast on a weak signal, and works with none); the network otherwise.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const saved = await caches.match(request, { ignoreSearch: true });
    if (saved) return saved;
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode === "navigate") {
        const notFound = await caches.match(absolute("404.html"));
        if (notFound) return notFound;
      }
      throw error;
    }
  })());
});
