// The app in two parts (tools/split-app): home's first frame needs only app.wasm; a tap past home before
// app.deferred.wasm has come still opens its screen; a link past home starts once both are in; and a
// rest that cannot be fetched when it is needed says the app could not be loaded, never a frozen page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, readSourceJson } from './portal.mjs';

const birth = readSourceJson('assets/catalog/events/birth.json');

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// Holds the page's first request for app.deferred.wasm (its background fetch) until release(); any
// later one goes through.
function holdRest() {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let held = null;
  const asked = new Promise((resolve) => { held = resolve; });
  let first = true;
  return {
    prepare: (page) => page.route('**/app.deferred.wasm', async (route) => {
      if (!first) return route.continue();
      first = false;
      held();
      await released;
      await route.continue().catch(() => {});  // the page may have been closed meanwhile
    }),
    asked,
    release: () => release(),
  };
}

test('home is drawn before the rest of the app comes, and a tap past home brings it at once', async () => {
  const rest = holdRest();
  const { context, page, problems } = await openPhone(browser, server.url, { prepare: rest.prepare });
  await rest.asked;
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  await page.getByRole('heading', { name: birth.title.ja, level: 1 }).waitFor();
  await screenshot(page, 'event-before-rest-came-ja');
  rest.release();
  await tap(page.getByRole('button', { name: '戻る' }));
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.Madoguchi.failed), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link past home starts the app once the rest has come', async () => {
  const rest = holdRest();
  const { context, page, problems } = await openPhone(browser, server.url + '#/event/birth',
    { waitReady: false, prepare: rest.prepare });
  await rest.asked;
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.Madoguchi.frames), 0, 'no frame before the rest is in');
  rest.release();
  await page.getByRole('heading', { name: birth.title.ja, level: 1 }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a rest that cannot be fetched says the app could not be loaded when a tap needs it', async () => {
  const { context, page } = await openPhone(browser, server.url, {
    prepare: (p) => p.route('**/app.deferred.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: 'アプリを読み込めませんでした。' }).waitFor();
  await alert.getByRole('button', { name: '再読み込み / Reload' }).waitFor();
  assert.match(await alert.locator('pre').textContent(), /app\.deferred\.wasm: HTTP 404/);
  await screenshot(page, 'load-error-rest-ja');
  await context.close();
});
