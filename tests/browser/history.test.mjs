// The phone's back button and shared links: each screen has its own address, back and forward move
// one screen, and a link opens its screen directly with the app's own back button leading up from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, readSourceJson, typeInto } from './portal.mjs';

const birth = readSourceJson('assets/catalog/events/birth.json');
const shugaku = readSourceJson('assets/catalog/procedures/shugaku.json');

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const hash = (page) => page.evaluate(() => location.hash);

test('back and forward move one screen and the address follows', async () => {
  const { context, page, problems } = await openPhone(browser, server.url);
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  await page.getByRole('heading', { name: birth.title.ja, level: 1 }).waitFor();
  assert.equal(await hash(page), '#/event/birth');

  await page.goBack();
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: birth.title.ja, level: 1 }).waitFor();

  // The app's own back button takes the same step, so the browser's history keeps no stale screen.
  await tap(page.getByRole('button', { name: '戻る' }));
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  assert.notEqual(await hash(page), '#/event/birth');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link opens a form directly, and back goes up to home', async () => {
  const { context, page, problems } = await openPhone(browser, `${server.url}#/apply/shugaku`);
  await page.getByRole('heading', { name: shugaku.title.ja, level: 1 }).waitFor();
  await page.getByRole('textbox').first().waitFor();
  await screenshot(page, 'deep-link-form-ja');
  await tap(page.getByRole('button', { name: '戻る' }));
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  assert.equal(await hash(page), '#/');

  // An address no screen has opens the home screen rather than an error.
  await page.goto(`${server.url}#/event/no-such-event/x`);
  await page.reload();
  await page.waitForFunction(() => window.Madoguchi?.ready && window.Madoguchi.frames > 0);
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('text typed just before the back button is kept: the back waits for the frame that takes it', async () => {
  const { context, page, problems } = await openPhone(browser, server.url);
  await page.evaluate(() => { location.hash = '#/apply/shugaku'; });
  await page.getByRole('heading', { name: shugaku.title.ja, level: 1 }).waitFor();
  const label = shugaku.form.fields[0].label.ja;
  await typeInto(page, label, '山田 花子');
  await page.goBack();
  await page.getByRole('heading', { name: 'どんなことがありましたか？', level: 1 }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: shugaku.title.ja, level: 1 }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: label, exact: true }).inputValue(), '山田 花子');
  assert.deepEqual(problems, []);
  await context.close();
});
