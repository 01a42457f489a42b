// When the wasm, the font or the catalog cannot be loaded, the page says so in Japanese and
// English with what to try, never a blank canvas; when the whole catalog, which follows home's first
// frame, cannot be fetched, a screen past home says so and asks again. The home font and home's part of
// the catalog come inside the page (tools/first-frame-page), so the tests damage them there, as a
// proxy that rewrote the page would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, screenshot, tap, readSourceJson, accessibilityViolations } from './portal.mjs';

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function expectFailure(kind, { route, respond }, jaTitle, enTitle) {
  const { context, page } = await openPhone(browser, server.url, {
    waitReady: false,
    prepare: (p) => p.route(route, respond),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 20000 });
  assert.equal(await page.evaluate(() => window.Madoguchi.failed), kind);
  await alert.getByRole('heading', { name: jaTitle }).waitFor();
  await alert.getByRole('heading', { name: enTitle }).waitFor();
  await alert.getByRole('button', { name: '再読み込み / Reload' }).waitFor();
  assert.equal(await page.locator('#canvas').isVisible(), false);
  await screenshot(page, 'load-error-' + kind);
  await context.close();
}

test('a missing wasm file shows the app could not be loaded', async () => {
  await expectFailure('wasm', { route: '**/app.wasm', respond: (r) => r.fulfill({ status: 404, body: 'gone' }) },
    'アプリを読み込めませんでした。', 'The app could not be loaded.');
});

// The page as served, with what it carries of `file` replaced by `content`.
function pageCarrying(file, content) {
  return {
    route: server.url,
    respond: async (route) => {
      const response = await route.fetch();
      const page = await response.text();
      const block = new RegExp(`(<script [^>]*id="carried:${file}">)[^<]*(</script>)`);
      assert.match(page, block);
      await route.fulfill({ response, body: page.replace(block, (_, open, close) => open + content + close) });
    },
  };
}

const damagedCatalog = '{"format": "madoguchi-catalog-bundle/1", "files": [';

test('a damaged font shows the font could not be loaded', async () => {
  await expectFailure('font', pageCarrying('fonts/ui-ja-home.ttf', '00'),
    '文字を表示するためのフォントを読み込めませんでした。', 'The font needed to show the text could not be loaded.');
});

test('a damaged catalog-home.json shows the procedures could not be loaded, with the problem for staff', async () => {
  await expectFailure('catalog', pageCarrying('catalog-home.json', damagedCatalog),
    '手続きの情報を読み込めませんでした。', 'The list of procedures could not be loaded.');
});

test('a damaged catalog.json shows the procedures could not be loaded, with the problem for staff', async () => {
  await expectFailure('catalog', {
    route: '**/catalog.json',
    respond: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: damagedCatalog }),
  }, '手続きの情報を読み込めませんでした。', 'The list of procedures could not be loaded.');
});

test('a screen past home waits for the whole catalog, says when it could not come, and asks again: on a tap, and when the phone is back online', async () => {
  const ja = readSourceJson('i18n/ja.json').messages;
  const birth = readSourceJson('assets/catalog/events/birth.json');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  const { context, page, problems } = await openPhone(browser, server.url, {
    // The first request is held, then fails as a lost connection does, and so does the second; the third
    // goes through.
    prepare: (p) => p.route('**/catalog.json', async (route) => {
      if (++asked > 2) return route.continue();
      if (asked === 1) await held;
      await route.abort('internetdisconnected');
    }),
  });
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  await page.getByRole('heading', { name: ja['loading.heading'], level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: ja['loading.wait'] }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, 'loading-ja');

  release();
  await page.getByRole('heading', { name: ja['loading.failed_heading'], level: 1 }).waitFor();
  await page.getByRole('alert').filter({ hasText: ja['loading.failed'] }).waitFor();
  await screenshot(page, 'loading-failed-ja');
  await tap(page.getByRole('button', { name: ja['loading.retry'] }));
  while (asked < 2) await page.waitForTimeout(50);
  await page.getByRole('heading', { name: ja['loading.failed_heading'], level: 1 }).waitFor();
  await page.getByRole('alert').filter({ hasText: ja['loading.failed'] }).waitFor();

  await context.setOffline(true);
  await context.setOffline(false);
  await page.getByRole('heading', { name: birth.title.ja, level: 1 }).waitFor();
  assert.equal(asked, 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a browser without Uint8Array.fromHex (before Chrome 140 or Safari 18.2) still reads the fonts the page carries', async () => {
  const logged = [];
  const { context, page, problems } = await openPhone(browser, server.url, {
    prepare: async (p) => {
      p.on('console', (message) => logged.push(message.text()));
      await p.addInitScript(() => { delete Uint8Array.fromHex; });
    },
  });
  const ja = readSourceJson('i18n/ja.json').messages;
  await page.getByRole('heading', { name: ja['home.heading'], level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.Madoguchi.failed ?? null), null);
  assert.deepEqual(logged.filter((text) => /could not be read/.test(text)), []);
  await screenshot(page, 'home-without-fromhex-ja');
  assert.deepEqual(problems, []);
  await context.close();
});
