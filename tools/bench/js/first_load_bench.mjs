// first-load-bench's browser half: the real app in Debian's headless Chromium on a phone viewport, over
// DevTools' "Slow 4G" network and with the CPU throttled 4x (both through CDP). Prints the bytes that came
// over the wire (as sent: brotli) before the first usable frame and in all after 10 s, the time to that
// frame cold (fresh context: no HTTP cache, no service worker) and warm (the same context again, served
// by the service worker), the font atlas texture's bytes, and the app's frame times while typing into a
// form field. Usage: node first_load_bench.mjs ENDPOINT_BINARY SITE_DIR [RUNS].
// The endpoint and Chromium as the browser tests start them, a finger on a control found by role and
// name, and a Japanese IME through CDP.
import { launchBrowser, startEndpoint, tap, typeWithIme, workerActivated } from '../../../tests/browser/portal.mjs';

const [endpoint, site, runsArg = '1'] = process.argv.slice(2);
const runs = Number(runsArg);
if (!endpoint || !site || !(runs >= 1)) {
  console.error('usage: node first_load_bench.mjs ENDPOINT_BINARY SITE_DIR [RUNS >= 1]');
  process.exit(2);
}
// DevTools' "Slow 4G" preset (named "Fast 3G" before May 2024), as ChromeDevTools/devtools-frontend
// front_end/core/sdk/NetworkManager.ts defines Slow4GConditions: ~1.6 Mbps down and ~0.75 Mbps up, each
// x0.9, and 150 ms RTT x3.75; DevTools sends exactly these numbers to Network.emulateNetworkConditions.
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: 1.6 * 1000 * 1000 / 8 * 0.9,
  uploadThroughput: 750 * 1000 / 8 * 0.9 };
const CPU_RATE = 4;
const SETTLE_MS = 10000;  // "in all": what came by this long after the first usable frame

// Before any page script: times each animation-frame callback (the app draws only in those), notes the
// end of the first frame that drew the app once it is ready, and records texture uploads (the font
// atlas is the only large one) with their bytes per texel.
const PAGE_PROBE = () => {
  const probe = { frameMs: [], firstFrame: null, textures: [] };
  window.__bench = probe;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const start = performance.now();
    const framesBefore = window.Madoguchi ? window.Madoguchi.frames : 0;
    cb(t);
    const m = window.Madoguchi;
    if (m && m.frames > framesBefore) probe.frameMs.push(performance.now() - start);
    if (probe.firstFrame === null && m && m.ready && m.frames > 0) {
      probe.firstFrame = performance.now();
      window.__benchFirstFrame(probe.firstFrame);
    }
  });
  const texelBytes = (gl, format, type) => {
    const perChannel = type === gl.UNSIGNED_BYTE ? 1 : 4;
    const channels = { [gl.RGBA]: 4, [gl.RGB]: 3, [gl.LUMINANCE_ALPHA]: 2, [gl.RG]: 2, [gl.ALPHA]: 1,
      [gl.LUMINANCE]: 1, [gl.RED]: 1 }[format] ?? 4;
    return channels * perChannel;
  };
  const texImage2D = WebGL2RenderingContext.prototype.texImage2D;
  WebGL2RenderingContext.prototype.texImage2D = function (...a) {
    // (target, level, internalformat, width, height, border, format, type, pixels)
    if (a.length >= 9 && typeof a[3] === 'number') {
      probe.textures.push({ width: a[3], height: a[4], bytes: a[3] * a[4] * texelBytes(this, a[6], a[7]) });
    }
    return texImage2D.apply(this, a);
  };
};

// Bytes over the wire per request, as Chromium counts them (headers and encoded body): a finished
// request's loadingFinished total, or what has arrived of one still under way.
function wireCounter(cdp) {
  const requests = new Map();
  const entry = (id) => requests.get(id) ?? requests.set(id, { url: '', bytes: 0, done: false, cached: false }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => { entry(e.requestId).url = e.request.url; });
  cdp.on('Network.responseReceived', (e) => {
    const r = entry(e.requestId);
    r.cached = e.response.fromServiceWorker || e.response.fromDiskCache || false;
    r.encoding = e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '';
  });
  cdp.on('Network.dataReceived', (e) => { entry(e.requestId).bytes += e.encodedDataLength; });
  cdp.on('Network.loadingFinished', (e) => {
    const r = entry(e.requestId);
    r.bytes = e.encodedDataLength;
    r.done = true;
  });
  return {
    // What the service worker or the HTTP cache answered did not come over the wire.
    total: () => [...requests.values()].reduce((s, r) => s + (r.cached ? 0 : r.bytes), 0),
    snapshot: () => [...requests.values()].map((r) => ({ ...r })),
    reset: () => requests.clear(),
  };
}

// The service worker's own requests (its precache on a first visit) are not the page's, so the page's CDP
// session does not see them: Playwright reports them on the context, with their sizes.
function workerBytes(context) {
  const sizes = [];
  const onFinished = (request) => { if (request.serviceWorker()) sizes.push(request.sizes()); };
  context.on('requestfinished', onFinished);
  return {
    async stop() {
      context.off('requestfinished', onFinished);
      const all = await Promise.all(sizes);
      return all.reduce((s, z) => s + z.responseHeadersSize + z.responseBodySize, 0);
    },
  };
}

const kb = (n) => (n / 1000).toFixed(1) + ' KB';
const at = (arr, q) => arr[Math.min(arr.length - 1, Math.floor(q * arr.length))];

async function load(page, cdp, wire, url) {
  wire.reset();
  let bytesAtFirstFrame = null;
  page.__onFirstFrame = () => { bytesAtFirstFrame = wire.total(); };
  const worker = workerBytes(page.context());
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.firstFrame !== null, null, { timeout: 120000, polling: 100 });
  const firstFrameMs = await page.evaluate(() => window.__bench.firstFrame);
  const beforeFrame = wire.snapshot();
  await page.waitForTimeout(SETTLE_MS);
  return { firstFrameMs, bytesAtFirstFrame, beforeFrame, after: wire.snapshot(), total: wire.total(), worker: await worker.stop() };
}

function fileTable(before, after) {
  const rows = new Map();
  for (const r of after) rows.set(r.url, { url: r.url, after: r.bytes, before: 0, cached: r.cached });
  for (const r of before) if (rows.has(r.url)) rows.get(r.url).before = r.bytes;
  return [...rows.values()].filter((r) => r.after > 0 || r.cached).sort((a, b) => b.after - a.after)
    .map((r) => `  ${new URL(r.url).pathname.padEnd(28)} ${kb(r.after).padStart(10)}` +
      `${r.before === r.after ? '  before the first frame' : r.before ? `  (${kb(r.before)} before the first frame)` : ''}` +
      `${r.cached ? '  (service worker)' : ''}`);
}

const server = await startEndpoint({ endpoint, site });
const { url } = server;
const browser = await launchBrowser();
try {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true,
      hasTouch: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await page.exposeFunction('__benchFirstFrame', () => page.__onFirstFrame && page.__onFirstFrame());
    await page.addInitScript(PAGE_PROBE);
    const cdp = await context.newCDPSession(page);
    const wire = wireCounter(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });

    const cold = await load(page, cdp, wire, url);
    const atlas = await page.evaluate(() => window.__bench.textures.reduce((m, t) => (t.bytes > m.bytes ? t : m), { bytes: 0 }));
    await workerActivated(page);
    const warm = await load(page, cdp, wire, url);

    // Typing: the warm page, still throttled, a form's name and address typed as a Japanese IME does
    // (each reading grows as a composition, then the kanji are committed), and digits key by key.
    await page.evaluate(() => { location.hash = '#/event/birth/apply/kokuho-kanyu'; });
    const field = async (name) => {
      await tap(page.getByRole('textbox', { name, exact: true }).first());
      await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, name);
    };
    await field('世帯主の氏名');
    await page.evaluate(() => { window.__bench.frameMs.length = 0; });
    await typeWithIme(page, 'たかはし', '髙橋');
    await typeWithIme(page, 'はなこ', ' 花子');
    await field('住所');
    await typeWithIme(page, 'とうきょうとちよだく', '東京都千代田区');
    await typeWithIme(page, 'くだんみなみ', '九段南');
    await field('日中に連絡がとれる電話番号');
    await page.keyboard.type('09012345678', { delay: 120 });
    await page.waitForTimeout(1000);
    const typing = (await page.evaluate(() => window.__bench.frameMs)).sort((a, b) => a - b);
    results.push({ cold, warm, atlas, typing });
    await context.close();
  }

  const med = (f) => results.map(f).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const last = results[results.length - 1];
  console.log(`first-load: Slow 4G (${SLOW_4G.latency} ms, ${SLOW_4G.downloadThroughput / 1000} KB/s down), CPU ${CPU_RATE}x, ` +
    `${runs} run${runs > 1 ? 's (medians)' : ''}`);
  console.log(`cold: ${kb(med((r) => r.cold.bytesAtFirstFrame))} over the wire before the first usable frame at ` +
    `${(med((r) => r.cold.firstFrameMs) / 1000).toFixed(2)} s; ${kb(med((r) => r.cold.total))} by ${SETTLE_MS / 1000} s later` +
    ` (and the service worker's own requests, its precache: ${kb(med((r) => r.cold.worker))})`);
  console.log(`warm: ${kb(med((r) => r.warm.bytesAtFirstFrame))} over the wire before the first usable frame at ` +
    `${(med((r) => r.warm.firstFrameMs) / 1000).toFixed(2)} s; ${kb(med((r) => r.warm.total))} by ${SETTLE_MS / 1000} s later`);
  console.log(`font atlas: ${last.atlas.width}x${last.atlas.height}, ${(last.atlas.bytes / 1e6).toFixed(2)} MB of texture`);
  const t = results.flatMap((r) => r.typing).sort((a, b) => a - b);  // every run's frames together
  console.log(`typing: ${t.length} frames, frame time p50 ${at(t, 0.5).toFixed(1)} ms  p95 ${at(t, 0.95).toFixed(1)} ms  ` +
    `max ${t[t.length - 1].toFixed(1)} ms`);
  console.log('cold, files (last run):');
  for (const line of fileTable(last.cold.beforeFrame, last.cold.after)) console.log(line);
} finally {
  await browser.close();
  await server.stop();
}
