// A resident on a phone: the home screen lists the catalog's life events in Japanese; tapping one
// by its role and name shows the procedures it needs; keyboards and screen readers reach the same
// controls through the mirror; nothing is drawn while nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, readSourceJson } from './portal.mjs';

const manifest = readSourceJson('assets/catalog/catalog.json');
const events = manifest.events.map((id) => readSourceJson(`assets/catalog/events/${id}.json`));
const procedure = (id) => readSourceJson(`assets/catalog/procedures/${id}.json`);

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the home screen lists every life event, and tapping one lists its procedures', async () => {
  const { context, page, problems } = await openPhone(browser, server.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.getByRole('heading', { name: 'どんなことがありましたか？' }).waitFor();
  for (const e of events) await page.getByRole('button', { name: e.title.ja, exact: true }).waitFor();
  await screenshot(page, 'home-ja');

  const birth = events.find((e) => e.id === 'birth');
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  await page.getByRole('heading', { name: birth.title.ja, level: 1 }).waitFor();
  // The procedures that apply whatever the answers (the checklist test covers the others).
  for (const entry of birth.procedures.filter((p) => !p.when)) {
    const title = procedure(entry.procedure).title.ja;
    await page.getByRole('heading', { name: new RegExp(title.replace(/[()（）]/g, '.')) }).first().waitFor();
  }
  await screenshot(page, 'event-birth-ja');

  await tap(page.getByRole('button', { name: '戻る' }));
  await page.getByRole('heading', { name: 'どんなことがありましたか？' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to English renames the screen and sets the page language', async () => {
  const { context, page } = await openPhone(browser, server.url);
  await tap(page.getByRole('button', { name: 'English' }));
  await page.getByRole('heading', { name: 'What happened?' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const movingIn = events.find((e) => e.id === 'moving-in');
  await tap(page.getByRole('button', { name: movingIn.title.en, exact: true }));
  await page.getByRole('heading', { name: 'Procedures you need' }).waitFor();
  await screenshot(page, 'event-moving-in-en');
  await context.close();
});

test('a keyboard or screen reader activates a mirror control with Enter', async () => {
  const { context, page } = await openPhone(browser, server.url);
  const death = events.find((e) => e.id === 'death');
  const button = page.getByRole('button', { name: death.title.ja, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: death.title.ja, level: 1 });
  await heading.waitFor();
  // Focus moves to the new screen's heading, as after a page load.
  await page.waitForFunction(() => document.activeElement && document.activeElement.localName === 'h1');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), death.title.ja);
  await context.close();
});

test('no frames are drawn while nothing changes', async () => {
  const { context, page } = await openPhone(browser, server.url);
  await page.waitForTimeout(1000);  // let the follow-up frames of start-up finish
  const before = await page.evaluate(() => window.Madoguchi.frames);
  await page.waitForTimeout(3000);
  const afterIdle = await page.evaluate(() => window.Madoguchi.frames);
  assert.equal(afterIdle - before, 0, `frames drawn at rest: ${afterIdle - before}`);
  await tap(page.getByRole('button', { name: 'English' }));
  await page.getByRole('heading', { name: 'What happened?' }).waitFor();
  assert.ok(await page.evaluate(() => window.Madoguchi.frames) > afterIdle, 'a tap draws frames');
  await context.close();
});
