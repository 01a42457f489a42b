// When the wasm, the font or the catalog cannot be loaded, the page says so in Japanese and
// English with what to try, never a blank canvas; when the whole catalog, which follows home's first
// frame, cannot be fetched, a screen past home says so and asks again.
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

test('a missing font shows the font could not be loaded', async () => {
  await expectFailure('font', { route: '**/fonts/ui-ja-home.ttf', respond: (r) => r.fulfill({ status: 404, body: '' }) },
    '文字を表示するためのフォントを読み込めませんでした。', 'The font needed to show the text could not be loaded.');
});

for (const file of ['catalog-home.json', 'catalog.json']) {
  test(`a damaged ${file} shows the procedures could not be loaded, with the problem for staff`, async () => {
    await expectFailure('catalog', {
      route: `**/${file}`,
      respond: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "madoguchi-catalog-bundle/1", "files": [' }),
    }, '手続きの情報を読み込めませんでした。', 'The list of procedures could not be loaded.');
  });
}

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
