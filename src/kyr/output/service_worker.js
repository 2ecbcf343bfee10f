// The kyr site generator's service worker, written by the kyr plugin at build time.
// After a first visit it keeps every page of the reader's language, the contacts and the assets
// on the phone, so the site keeps working with no signal. VERSION changes with the content, so
// a new build replaces what was kept.
//
// Pages and data come from the network whenever it answers within NETWORK_WAIT: a number or a
// statement that changed must never be shown from an old copy while the site can be reached.
// Only files whose name carries a content hash (they never change) are served saved-first.
"use strict";
const VERSION = "__VERSION__";
const CORE = __CORE__;
const PAGES = __PAGES__;
const PREFIX = "kyr-";
const CORE_CACHE = PREFIX + VERSION + "-core";
const pageCache = (lang) => PREFIX + VERSION + "-pages-" + lang;
const absolute = (url) => new URL(url, self.registration.scope).href;
const NETWORK_WAIT = 4000; // ms: on one bar of signal, the saved copy after this
const HASHED = /\.[0-9a-f]{8,}\.(min\.)?(js|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CORE_CACHE).then((cache) => cache.addAll(CORE.map(absolute))));
  self.skipWaiting();
});

// Activation only takes control. Re-saving pages here would hold up every page the reader opens
// (a fetch waits until activation ends), for minutes on one bar of signal.
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
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

// After an update: save this version of every language the reader had saved, then drop the old
// version's copies (until then they still answer when there is no signal).
async function renewSaved() {
  const names = await caches.keys();
  const old = names.filter((n) => n.startsWith(PREFIX) && !n.startsWith(PREFIX + VERSION));
  if (old.length === 0) return;
  const saved = new Set();
  for (const name of old) {
    const match = name.match(/^kyr-.+-pages-([a-z-]+)$/);
    if (match) saved.add(match[1]);
  }
  for (const lang of saved) await savePages(lang);
  await Promise.all(old.map((n) => caches.delete(n)));
}

// Every page asks to keep its language on the device (kyr.js), which also renews the rest.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "save-language") return;
  event.waitUntil(savePages(data.lang).then((saved) => {
    if (saved && event.source) event.source.postMessage({ type: "offline-ready", lang: data.lang });
    return renewSaved();
  }).catch(() => {}));
});

// A file with a content hash in its name never changes: saved copy first.
// Anything else: the network first; the saved copy when it fails or is slow. A slow answer that
// arrives later still refreshes the saved copy, and the page is told a newer version exists.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.headers.has("range")) {
    event.respondWith(savedRange(request));
    return;
  }
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request, { ignoreSearch: true })
      .then((saved) => saved || fetch(request)));
    return;
  }
  event.respondWith(networkFirst(event, request));
});

async function networkFirst(event, request) {
  const saved = await caches.match(request, { ignoreSearch: true });
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && saved) await refresh(request, response.clone());
    return response;
  });
  if (!saved) {
    try {
      return await fromNetwork;
    } catch (error) {
      return (await offlinePage(request)) || Promise.reject(error);
    }
  }
  const slow = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_WAIT));
  const first = await Promise.race([fromNetwork.catch(() => null), slow]);
  if (first) return first;
  // The saved copy now; if the network answers later with something else, say so.
  const shown = saved.clone(); // before `saved` is handed to the page and its body read
  event.waitUntil(fromNetwork.then(async (response) => {
    if (!response.ok || request.mode !== "navigate") return;
    const [before, after] = await Promise.all([shown.text(), response.clone().text()]);
    if (before === after) return;
    const client = await self.clients.get(event.resultingClientId || event.clientId);
    if (client) client.postMessage({ type: "newer-version" });
  }).catch(() => {}));
  return saved;
}

// Keep the saved copy current in whichever cache holds it.
async function refresh(request, response) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX + VERSION)) continue;
    const cache = await caches.open(name);
    if (await cache.match(request, { ignoreSearch: true })) {
      await cache.put(request, response);
      return;
    }
  }
}

// Audio asks for byte ranges, and Safari plays a file only from a 206 answer: a saved file (the
// card's audio) is answered from the device, its requested bytes only.
async function savedRange(request) {
  const saved = await caches.match(request.url, { ignoreSearch: true });
  if (!saved) return fetch(request);
  const data = await saved.arrayBuffer();
  const size = data.byteLength;
  const asked = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("range").trim());
  let start = asked && asked[1] ? Number(asked[1]) : 0;
  let end = asked && asked[2] ? Math.min(Number(asked[2]), size - 1) : size - 1;
  if (asked && !asked[1] && asked[2]) [start, end] = [Math.max(size - Number(asked[2]), 0), size - 1];
  if (!asked || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  }
  return new Response(data.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": saved.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes",
    },
  });
}

async function offlinePage(request) {
  if (request.mode !== "navigate") return null;
  return caches.match(absolute("404.html"));
}
