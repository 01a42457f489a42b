// tools/split-app's work: starts the instrumented app (wasm-split --instrument, as emcc's SPLIT_MODULE
// links it) cold at home in headless Chromium, as a phone, until its start has settled; reads which
// functions ran; and splits the original module with wasm-split so those stay in app.wasm.
// Usage: node split_app.mjs ENDPOINT SITE_DIR INSTRUMENTED_WASM ORIGINAL_WASM OUT_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, startEndpoint, swipe, typeWithIme } from '../../tests/browser/portal.mjs';

const [endpoint, site, instrumented, original, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node split_app.mjs ENDPOINT SITE_DIR INSTRUMENTED_WASM ORIGINAL_WASM OUT_DIR');
  process.exit(2);
}
// After the first frame the start fetches the first font and the whole catalog and rebuilds the atlas;
// all of that must stay in app.wasm. Settled: no request for this long.
const QUIET_MS = 1500;
// wasm-split's validation needs the features emcc's link used: wasm exceptions, and its defaults.
const FEATURES = ['--enable-exception-handling', '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory'];

// What a resident does on home in the second before the rest comes, so none of it waits for the rest:
// scrolls with a flick, types a search through the IME and clears it; on a desktop, the wheel and Tab.
async function useHome(page) {
  for (const dy of [-400, 400]) {
    await swipe(page, dy, { flick: true });
    await page.waitForTimeout(1000);  // the glide
  }
  const search = page.locator('#mirror input').first();
  await search.tap({ force: true });
  await page.waitForFunction(() => document.activeElement && document.activeElement.localName === 'input');
  await typeWithIme(page, 'てんにゅう', '転入');
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.mouse.move(200, 400);
  await page.mouse.wheel(0, 300);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
}

const server = await startEndpoint({ endpoint, site });
const browser = await launchBrowser();
let profile;
try {
  // The same phone as the browser tests; no service worker, so nothing is answered from a cache.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
    isMobile: true, hasTouch: true, locale: 'ja-JP', serviceWorkers: 'block' });
  const page = await context.newPage();
  // The instrumented module has no placeholders, so the page must not fetch a deferred part of an earlier
  // build for it.
  await page.route('**/app.wasm', (route) =>
    route.fulfill({ body: readFileSync(instrumented), contentType: 'application/wasm' }));
  await page.route('**/app.deferred.wasm', (route) => route.fulfill({ status: 404 }));
  let lastRequest = Date.now();
  page.on('request', () => { lastRequest = Date.now(); });
  const settled = async () => { while (Date.now() - lastRequest < QUIET_MS) await page.waitForTimeout(250); };
  await page.goto(server.url);
  await page.waitForFunction(() => window.Madoguchi && (window.Madoguchi.failed ||
    (window.Madoguchi.ready && window.Madoguchi.frames > 0)), null, { timeout: 60000 });
  const failed = await page.evaluate(() => window.Madoguchi.failed);
  if (failed) throw new Error(`the instrumented app did not start (${failed})`);
  await settled();
  await useHome(page);
  await settled();
  profile = Buffer.from(await page.evaluate(() => {
    const size = 1 << 20;
    const ptr = Module._malloc(size);
    const length = Module.asm.__write_profile(ptr, size);
    return Array.from(Module.HEAPU8.subarray(ptr, ptr + length));
  }));
} finally {
  await browser.close();
  await server.stop();
}

const work = mkdtempSync(path.join(tmpdir(), 'madoguchi-split-'));
try {
  const profileFile = path.join(work, 'start.profile');
  writeFileSync(profileFile, profile);
  mkdirSync(outDir, { recursive: true });
  // The names emcc 3.1.6's glue expects: placeholders under "placeholder", the deferred module's imports
  // from "primary" (web/madoguchi.js hands it app.wasm's exports as that).
  execFileSync('wasm-split', [original, ...FEATURES, '--split', '--profile=' + profileFile,
    '-o1', path.join(outDir, 'app.wasm'), '-o2', path.join(outDir, 'app.deferred.wasm'),
    '--export-prefix=%', '--placeholder-namespace=placeholder', '--import-namespace=primary'], { stdio: 'inherit' });
} finally {
  rmSync(work, { recursive: true, force: true });
}
