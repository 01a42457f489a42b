// When the wasm, the font or the catalog cannot be loaded, the page says so in Japanese and
// English with what to try, never a blank canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, screenshot } from './portal.mjs';

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

test('a damaged catalog shows the procedures could not be loaded, with the problem for staff', async () => {
  await expectFailure('catalog', {
    route: '**/catalog.json',
    respond: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "madoguchi-catalog-bundle/1", "files": [' }),
  }, '手続きの情報を読み込めませんでした。', 'The list of procedures could not be loaded.');
});
