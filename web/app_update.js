// The offline app shell, page side: registers the service worker (service_worker.js) once the app
// runs, looks for a new version in the background, and never reloads by itself: when a new version
// is waiting it tells the app (and sets <html data-update-ready>), which offers a reload at a safe
// moment; apply() then activates that version and reloads once it controls the page.
'use strict';
(function () {
  // On start, and when the page is shown again at most this often: a phone left open for days still
  // finds new versions, without a request on every switch between apps.
  const CHECK_INTERVAL_MS = 60 * 60 * 1000;

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
      navigator.serviceWorker.register('service_worker.js', { updateViaCache: 'none' }).then((reg) => {
        registration = reg;
        if (reg.waiting && controlled) announce();
        watch(reg.installing);
        reg.addEventListener('updatefound', () => watch(reg.installing));
        // A first visit's registration has just fetched the worker.
        if (controlled) check();
        else lastCheck = Date.now();
      }).catch((err) => console.warn('service worker not registered: ' + err));
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
