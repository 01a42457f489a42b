// The offline app shell, page side: registers the service worker (service_worker.js) once the app
// runs (on a first visit, once the page has the full font), looks for a new version in the
// background, and never reloads by itself: when a new version is waiting it tells the app (and sets
// <html data-update-ready>), which offers a reload at a safe moment; apply() then activates that
// version and reloads once it controls the page.
'use strict';
(function () {
  // On start, and when the page is shown again at most this often: a phone left open for days still
  // finds new versions, without a request on every switch between apps.
  const CHECK_INTERVAL_MS = 60 * 60 * 1000;
  // The app fetches the full font (1.3 MB) as its first frame is drawn, and a first visit's worker
  // precaches every file. Registered at once, the worker's downloads (what the page never asked for:
  // the other languages and their fonts, icons; about 250 KB) would share a slow connection with the
  // font, and its request for the font itself waits for the page's (Chromium) or downloads it twice.
  // Registered once the font has come, it revalidates the page's copies (304) and fetches the rest.
  const FULL_FONT = new URL('fonts/ui-ja.ttf', document.baseURI).href;
  // A font that failed or never came does not keep the app from working offline for longer.
  const FIRST_VISIT_WAIT_MS = 30 * 1000;

  let registration = null;
  let onReady = null;
  let lastCheck = 0;
  let applying = false;

  function announce() {
    document.documentElement.dataset.updateReady = 'true';
    if (onReady) onReady();
  }

  // A worker that finishes installing while an older one controls this page is a new version; with
  // no controller it is the first install, which this page does not need.
  function watch(worker) {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
    });
  }

  // At once when a worker controls the page: its files come from that worker's cache, not the network.
  function afterFullFont(then) {
    if (navigator.serviceWorker.controller || !('PerformanceObserver' in window)) return then();
    let timer = 0;
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === FULL_FONT)) return;
      observer.disconnect();
      clearTimeout(timer);
      then();
    });
    timer = setTimeout(() => { observer.disconnect(); then(); }, FIRST_VISIT_WAIT_MS);
    observer.observe({ type: 'resource', buffered: true });
  }

  function check() {
    if (!registration || Date.now() - lastCheck < CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => {});  // offline or the endpoint away: the next check retries
  }

  window.MadoguchiUpdate = {
    // `callback` runs each time a new version is ready to be applied.
    start(callback) {
      onReady = callback;
      // Service workers need a secure context (https, or http://localhost); elsewhere the app simply
      // stays online-only.
      if (!('serviceWorker' in navigator)) return;
      const controlled = !!navigator.serviceWorker.controller;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (applying) location.reload();
        // Another tab applied the new version: this one runs the old code against the new cache.
        else if (controlled) announce();
      });
      afterFullFont(() => navigator.serviceWorker.register('service_worker.js', { updateViaCache: 'none' }).then((reg) => {
        registration = reg;
        if (reg.waiting && controlled) announce();
        watch(reg.installing);
        reg.addEventListener('updatefound', () => watch(reg.installing));
        // A first visit's registration has just fetched the worker.
        if (controlled) check();
        else lastCheck = Date.now();
      }).catch((err) => console.warn('service worker not registered: ' + err)));
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },

    apply() {
      const waiting = registration && registration.waiting;
      // Nothing waiting: another tab has already activated the new version, which a reload shows.
      if (!waiting) {
        location.reload();
        return;
      }
      applying = true;
      waiting.postMessage({ type: 'skip-waiting' });
    },
  };
})();
