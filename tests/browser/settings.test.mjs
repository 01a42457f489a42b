// Display settings on a phone: text at 200 % reflows without running off the screen, high contrast,
// dates in the Japanese era; each at once, and all still set after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, tap, choose, screenshot, accessibilityViolations, readSourceJson } from './portal.mjs';

const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');

let server, browser;
before(async () => {
  server = await startEndpoint();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

// The mirror's controls and texts as laid out now: none may reach past the screen's right edge.
async function overflowing(page) {
  return page.evaluate(() => [...document.querySelectorAll('#mirror [data-id]')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .map((el) => `${el.getAttribute('aria-label') || el.textContent} (${Math.round(el.getBoundingClientRect().right)} px)`));
}

const height = async (locator) => (await locator.boundingBox()).height;

test('text at 200 %, high contrast and the Japanese era apply at once and stay after a reload', async () => {
  const { context, page, problems } = await openPhone(browser, server.url + '#/', { now: new Date('2026-03-20T10:00:00+09:00') });
  // Home's own heading: after the address changes, the settings screen's stays until the next frame.
  const lead = page.getByRole('heading', { name: readSourceJson('i18n/ja.json').messages['home.heading'], level: 1 });
  const before = await height(lead);
  await tap(page.getByRole('link', { name: '表示の設定（文字の大きさ・コントラスト・和暦）' }));
  await page.getByRole('heading', { name: '表示の設定', level: 1 }).waitFor();
  await choose(page.getByRole('radio', { name: '200%', exact: true }));
  await page.waitForFunction(() => document.querySelector('#mirror h1')?.getBoundingClientRect().height > 0);
  await tap(page.getByRole('checkbox', { name: 'コントラストを高くする（文字を黒く、枠をはっきり）' }));
  await choose(page.getByRole('radio', { name: '和暦：令和8年3月20日（金）', exact: true }));
  await screenshot(page, 'settings-200-high-contrast-ja');
  assert.deepEqual(await overflowing(page), []);
  assert.deepEqual(await accessibilityViolations(page), []);

  // Home and a long form at 200 %: text twice as tall, nothing off the side.
  await page.goto(server.url + '#/');
  await lead.waitFor();
  const bigger = await height(lead);
  assert.ok(bigger >= before * 1.8, `the heading went from ${before} to ${bigger} px`);
  assert.deepEqual(await overflowing(page), []);
  await screenshot(page, 'home-200-ja');
  await page.goto(server.url + '#/event/birth/apply/kokuho-kanyu');
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  assert.deepEqual(await overflowing(page), []);
  await screenshot(page, 'form-kokuho-200-ja');

  // Kept on the device: after a reload the settings screen shows them chosen.
  await page.waitForTimeout(600);
  await page.goto(server.url + '#/settings');
  await page.reload();
  await page.getByRole('heading', { name: '表示の設定', level: 1 }).waitFor();
  assert.equal(await page.getByRole('radio', { name: '200%', exact: true }).getAttribute('aria-checked'), 'true');
  assert.equal(await page.getByRole('checkbox', { name: 'コントラストを高くする（文字を黒く、枠をはっきり）' }).getAttribute('aria-checked'), 'true');
  assert.equal(await page.getByRole('radio', { name: '和暦：令和8年3月20日（金）', exact: true }).getAttribute('aria-checked'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});
