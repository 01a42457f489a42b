// The offline app shell (issue 7): after one visit the app starts with no network; a new version is
// found in the background, announced to the app and applied only when asked, and the old cache goes;
// /api/ always reaches the network. Prints what the worker precaches and how fast the app starts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, readSourceJson, workerActivated, SITE } from './portal.mjs';
import { KOKUHO_FORM } from './kokuho_form.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = readSourceJson('assets/catalog/catalog.json');
const eventTitles = manifest.events.map((id) => readSourceJson(`assets/catalog/events/${id}.json`).title.ja);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const usable = (page) => page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);

async function homeShown(page) {
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  for (const title of eventTitles) await page.getByRole('button', { name: title, exact: true }).waitFor();
}

const controlled = (page) => page.evaluate(() => !!navigator.serviceWorker.controller);

const cacheContents = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  return out;
});

// Frames stop a moment after the last input: returns the count once it holds still.
async function atRest(page) {
  for (let last = -1; ;) {
    const frames = await page.evaluate(() => window.Madoguchi.frames);
    if (frames === last) return frames;
    last = frames;
    await page.waitForTimeout(500);
  }
}

// Where each response of the page came from while `action` ran: the service worker or the endpoint.
async function responsesDuring(page, action) {
  const seen = new Map();
  const note = (r) => seen.set(new URL(r.url()).pathname, r.fromServiceWorker());
  page.on('response', note);
  await action();
  page.off('response', note);
  return seen;
}

// A copy of the web build this test may change, as a new deployment would.
function copySite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'madoguchi-site-'));
  cpSync(SITE, dir, { recursive: true });
  return dir;
}

// Changes index.html and rebuilds the worker the way web/CMakeLists.txt does (the stale .br/.gz
// go, so the endpoint serves the new bytes).
function deployVersion(site, version) {
  const index = path.join(site, 'index.html');
  const html = readFileSync(index, 'utf8').replace(/<meta name="madoguchi-test-version"[^>]*>\n|(?=<title>)/,
    `<meta name="madoguchi-test-version" content="${version}">\n`);
  writeFileSync(index, html);
  const worker = path.join(site, 'service_worker.js');
  for (const f of [index, worker]) for (const suffix of ['.br', '.gz']) rmSync(f + suffix, { force: true });
  execFileSync('cmake', [`-DSITE_DIR=${site}`, `-DTEMPLATE=${ROOT}/web/service_worker.js`, `-DOUTPUT=${worker}`,
    '-P', `${ROOT}/web/precache.cmake`]);
}

const shownVersion = (page) => page.evaluate(() => document.querySelector('meta[name="madoguchi-test-version"]')?.content ?? null);

test('after one visit the app starts offline: on reload, in a new page, and with the endpoint gone', async () => {
  const server = await startEndpoint();
  const { context, page, problems } = await openPhone(browser, server.url);
  await workerActivated(page);
  assert.equal(await controlled(page), false, 'the first visit runs from the network');

  await context.setOffline(true);
  const served = await responsesDuring(page, async () => { await page.reload(); await usable(page); });
  await homeShown(page);
  assert.equal(await controlled(page), true);
  // The page carries the home font, home's part of the catalog and the Japanese messages. A start from
  // the service worker runs the app once both its parts are in.
  for (const file of ['/', '/app.js', '/app.wasm', '/app.deferred.wasm', '/keys.json']) {
    assert.equal(served.get(file), true, `${file} from the service worker`);
  }
  await screenshot(page, 'offline-home-ja');

  const fresh = await context.newPage();
  fresh.on('pageerror', (e) => problems.push(String(e)));
  await fresh.goto(`${server.url}#/event/birth`);
  await usable(fresh);
  await fresh.getByRole('heading', { name: readSourceJson('assets/catalog/events/birth.json').title.ja, level: 1 }).waitFor();
  await fresh.close();

  // setOffline is the browser's emulation (which once missed a worker's own fetches, Playwright
  // issue 2311); with the endpoint stopped there is no network at all.
  await server.stop();
  const cold = await context.newPage();
  cold.on('pageerror', (e) => problems.push(String(e)));
  await cold.goto(`${server.url}#/`);  // an address of its own: the app would resume the last screen
  await usable(cold);
  await homeShown(cold);
  assert.deepEqual(problems, []);
  await context.close();
});

test('/api/ always goes to the network: never cached, and offline it fails', async () => {
  const server = await startEndpoint();
  const { context, page, problems } = await openPhone(browser, server.url);
  await workerActivated(page);
  await page.reload();
  await usable(page);
  const keys = () => page.evaluate(() => fetch('api/v1/keys').then((r) => r.status, () => 'failed'));
  const served = await responsesDuring(page, async () => assert.equal(await keys(), 200));
  assert.equal(served.get('/api/v1/keys'), false, 'answered by the endpoint, not the worker');
  for (const urls of Object.values(await cacheContents(page))) {
    assert.deepEqual(urls.filter((u) => new URL(u).pathname.startsWith('/api/')), []);
  }
  await context.setOffline(true);
  assert.equal(await keys(), 'failed');
  assert.equal(await page.evaluate(() => fetch('app.wasm').then((r) => r.status)), 200, 'the app itself still loads');
  assert.deepEqual(problems, []);
  await context.close();
  await server.stop();
});

test('the manifest, its icons and the worker are served as a browser needs them', async () => {
  const server = await startEndpoint();
  const get = async (file) => {
    const r = await fetch(server.url + file);
    assert.equal(r.status, 200, file);
    return { type: r.headers.get('content-type'), cacheControl: r.headers.get('cache-control'), body: Buffer.from(await r.arrayBuffer()) };
  };
  // An update check must reach the endpoint, never stop at an HTTP cache.
  const worker = await get('service_worker.js');
  assert.match(worker.type, /^text\/javascript/);
  assert.equal(worker.cacheControl, 'no-cache');
  const webManifest = await get('manifest.webmanifest');
  assert.equal(webManifest.type, 'application/manifest+json');
  const parsed = JSON.parse(webManifest.body);
  assert.equal(parsed.lang, 'ja');
  assert.equal(parsed.display, 'standalone');
  assert.equal(parsed.start_url, './');
  assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
  for (const icon of parsed.icons) {
    const { type, body } = await get(icon.src);
    assert.equal(type, icon.type, icon.src);
    if (icon.type === 'image/png') {
      // The IHDR chunk's width and height, which must be what the manifest says.
      assert.equal(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
  }
  await server.stop();
});

test('a new version is found in the background, offered, and applied only when asked', async () => {
  const site = copySite();
  const server = await startEndpoint({ site });
  const { context, page, problems } = await openPhone(browser, server.url);
  await workerActivated(page);
  await page.reload();
  await usable(page);
  assert.equal(await controlled(page), true);
  const [oldCache] = Object.keys(await cacheContents(page));
  assert.equal(await shownVersion(page), null);

  // An hour later the resident comes back to the tab: the page looks for a new version.
  const before = await atRest(page);
  deployVersion(site, '2');
  await page.evaluate(() => {
    window.sameDocument = true;
    const now = Date.now;
    Date.now = () => now() + 61 * 60 * 1000;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForFunction(() => document.documentElement.dataset.updateReady === 'true');
  // The app's callback asked for frames (it will draw the offer), and nothing reloaded by itself.
  await page.waitForFunction((n) => window.Madoguchi.frames > n, before);
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  assert.equal(await shownVersion(page), null);
  assert.equal(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), true);
  assert.equal(Object.keys(await cacheContents(page)).length, 2, 'the new version is precached beside the old');

  await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.MadoguchiUpdate.apply())]);
  await usable(page);
  assert.equal(await shownVersion(page), '2');
  const caches = Object.keys(await cacheContents(page));
  assert.equal(caches.length, 1);
  assert.notEqual(caches[0], oldCache, 'the old version\u2019s cache is deleted');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.updateReady), undefined);

  // A version deployed while the tab was closed is found when the app starts.
  deployVersion(site, '3');
  await page.reload();
  await usable(page);
  assert.equal(await shownVersion(page), '2', 'the page starts from the cache');
  await page.waitForFunction(() => document.documentElement.dataset.updateReady === 'true');
  await homeShown(page);
  assert.deepEqual(problems, []);
  await context.close();
  await server.stop();
  rmSync(site, { recursive: true, force: true });
});

// The page looks for a new version when the resident comes back to it an hour later.
async function comeBackLater(page) {
  await page.evaluate(() => {
    const now = Date.now;
    Date.now = () => now() + 61 * 60 * 1000;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForFunction(() => document.documentElement.dataset.updateReady === 'true');
}

test('a new version while a draft is open: not offered on the form, applied from the button, the draft survives', async () => {
  const site = copySite();
  const server = await startEndpoint({ site });
  const { context, page, problems } = await openPhone(browser, server.url + KOKUHO_FORM);
  await workerActivated(page);
  await page.reload();
  await usable(page);
  const name = page.getByRole('textbox', { name: '世帯主の氏名', exact: true });
  await tap(name);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '世帯主の氏名');
  await page.keyboard.insertText('髙橋 花子');

  deployVersion(site, '2');
  await comeBackLater(page);
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('button', { name: '新しい版にする' }).count(), 0, 'never offered in the middle of a form');

  // Back on the checklist the offer shows; taking it saves the draft first, then reloads.
  await page.evaluate(() => document.activeElement.blur());
  await tap(page.getByRole('button', { name: '戻る', exact: true }));
  const reloaded = page.waitForEvent('load');
  await tap(page.getByRole('button', { name: '新しい版にする' }));
  await reloaded;
  await usable(page);
  assert.equal(await shownVersion(page), '2');
  await page.goto(server.url + KOKUHO_FORM);
  await usable(page);
  assert.equal(await page.getByRole('textbox', { name: '世帯主の氏名', exact: true }).inputValue(), '髙橋 花子');
  assert.deepEqual(problems, []);
  await context.close();
  await server.stop();
  rmSync(site, { recursive: true, force: true });
});

test('measure: bytes precached, and reload to the first usable frame online and offline', async () => {
  const server = await startEndpoint();
  let encoding = null;
  const { context, page } = await openPhone(browser, server.url, {
    prepare: (p) => p.on('response', async (r) => {
      if (r.url().endsWith('/app.wasm')) encoding = await r.headerValue('content-encoding');
    }),
  });
  await workerActivated(page);
  const worker = readFileSync(path.join(SITE, 'service_worker.js'), 'utf8');
  const files = [...worker.match(/const FILES = \[([^\]]*)\]/)[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const size = (f) => (existsSync(path.join(SITE, f)) ? statSync(path.join(SITE, f)).size : 0);
  // What the endpoint sends for each file: its .br or .gz variant when it has one (not for PNGs).
  const total = (suffix) => files.reduce((sum, f) => sum + (size(f + suffix) || size(f)), 0);
  const raw = total(''), br = total('.br'), gz = total('.gz');
  const stored = await page.evaluate(async () => {
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
    }
    const estimate = await navigator.storage.estimate();
    return { bytes, usage: estimate.usage };
  });
  assert.equal(stored.bytes, raw, 'the cache holds the decoded files');

  const reloadMs = async () => {
    const start = Date.now();
    await page.reload();
    await usable(page);
    return Date.now() - start;
  };
  const runs = async () => { const ms = []; for (let i = 0; i < 5; i++) ms.push(await reloadMs()); return ms; };
  const median = (ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
  // As before the worker existed: every request to the endpoint (loopback, so no network delay at all).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  const network = await runs();
  await cdp.send('Network.setBypassServiceWorker', { bypass: false });
  const online = await runs();
  await context.setOffline(true);
  const offline = await runs();
  console.log(`precache: ${files.length} files, ${raw} bytes stored (decoded; Chromium reports ${stored.usage} bytes ` +
    `of origin storage); on the wire ${br} bytes with brotli (the first visit got app.wasm as ${encoding}), ` +
    `${gz} with gzip`);
  const line = (name, ms) => `${name} ${median(ms)} ms (${ms.join(', ')})`;
  console.log('reload to first usable frame, median of 5: ' +
    [line('no worker, from the endpoint', network), line('worker, online', online), line('worker, offline', offline)].join('; '));
  await context.close();
  await server.stop();
});
