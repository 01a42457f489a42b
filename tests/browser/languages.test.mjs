// A resident who reads Korean, Vietnamese or Chinese: the UI speaks their language, the procedures
// fall back to English with the Japanese legal name beside it, the font for their script arrives only
// when they choose it, and switching language in the middle of a form keeps what they typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, accessibilityViolations, SITE, readSourceJson,
  typeWithIme } from './portal.mjs';

const movingIn = readSourceJson('assets/catalog/events/moving-in.json');
const tennyu = readSourceJson('assets/catalog/procedures/tennyu-todoke.json');
const messagesOf = (lang) => readSourceJson(`i18n/${lang}.json`).messages;
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
const field = (id) => tennyu.form.fields.find((f) => f.id === id);
const EXTRA_FONTS = ['fonts/ui-ko.otf', 'fonts/ui-zh-Hans.otf', 'fonts/ui-latin.ttf'];

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The font arrived and the app drew a frame with the atlas rebuilt from it.
async function fontDrawn(page, arrival) {
  await arrival;
  const frames = await page.evaluate(() => window.Madoguchi.frames);
  await page.waitForFunction((n) => window.Madoguchi.frames >= n + 2, frames);
}

async function chooseLanguage(page, lang) {
  const m = messagesOf(lang);
  await tap(page.getByRole('button', { name: m['language.name'], exact: true }));
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return m;
}

async function audited(page, name) {
  await screenshot(page, `languages-${name}`);
  assert.deepEqual(await accessibilityViolations(page), [], name);
}

// The forms are long: the mouse wheel brings a control into view in a few steps where touch swipes
// (tap's way, tested elsewhere) take dozens, which kept this test near its time limit. With `top`, the
// control ends in the upper third of the screen, so what follows it shows in the screenshot too.
async function scrollTo(locator, { top = false } = {}) {
  const page = locator.page();
  const { height } = page.viewportSize();
  for (let i = 0; i < 40; i++) {
    const box = await locator.boundingBox();
    if (box && box.y >= 0 && box.y + box.height <= (top ? height / 3 : height)) return locator;
    const distance = box ? box.y + box.height / 2 - (top ? height / 6 : height / 2) : 0;
    // Moved only now: a pointer that moved as a tap ended would take the tap off its control.
    await page.mouse.move(200, height / 2);
    await page.mouse.wheel(0, Math.max(-3000, Math.min(3000, distance)));
    await page.waitForTimeout(100);
  }
  throw new Error('could not scroll the control into view');
}

test('Korean, Vietnamese and Chinese on a phone, switched in the middle of the 転入届', async (t) => {
  const requested = [];
  const { context, page, problems } = await openPhone(browser, server.url, {
    prepare: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname.slice(1))),
  });
  // A Japanese resident's page carries the small font of the switch's names (한국어) for its first frame
  // (tools/first-frame-page), and asks for no extra font.
  await audited(page, 'home-ja');
  assert.deepEqual(requested.filter((f) => [...EXTRA_FONTS, 'fonts/ui-names.otf'].includes(f)), []);

  // 한국어: the Hangul font comes with the choice.
  const koFont = page.waitForResponse((r) => r.url().endsWith('fonts/ui-ko.otf'));
  let m = await chooseLanguage(page, 'ko');
  await fontDrawn(page, koFont);
  await page.getByRole('heading', { name: m['home.heading'], level: 1 }).waitFor();
  await page.getByText(fill(m['catalog.untranslated'], { language: 'English' }), { exact: true }).first().waitFor();
  await audited(page, 'home-ko');

  await tap(page.getByRole('button', { name: movingIn.title.en, exact: true }));
  await scrollTo(page.getByRole('heading', { name: m['event.procedures_heading'], level: 2 }), { top: true });
  const tennyuName = `${tennyu.title.en} (${tennyu.title.ja})`;  // the counter knows the form by its Japanese name
  await page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${tennyuName.replace(/[()]/g, '\\$&')}$`) }).waitFor();
  await audited(page, 'checklist-ko');

  await tap(await scrollTo(page.getByRole('button', { name: fill(m['procedure.prepare_for_counter'], { procedure: tennyuName }) })));
  await page.getByRole('heading', { name: tennyuName, level: 1 }).waitFor();
  const box = (f) => page.getByRole('textbox', { name: field(f).label.en, exact: true });
  async function type(f, text) {
    await tap(await scrollTo(box(f)));
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, field(f).label.en);
    await typeWithIme(page, text, text);
  }
  // A link to the form's third page (the household), as a support worker might send it.
  const onPage = (id) => page.getByRole('heading', { name: field(id).page.en, level: 2 }).waitFor();
  await page.evaluate(() => { location.hash += '/page/3'; });
  await onPage('household');
  await type('head_name', '김 민준');
  await audited(page, 'form-ko');

  // Tiếng Việt from the foot of the form, the field still focused: what was typed stays.
  const latinFont = page.waitForResponse((r) => r.url().endsWith('fonts/ui-latin.ttf'));
  await scrollTo(page.getByRole('button', { name: messagesOf('vi')['language.name'], exact: true }));
  m = await chooseLanguage(page, 'vi');
  await fontDrawn(page, latinFont);
  await page.getByRole('heading', { name: tennyuName, level: 1 }).waitFor();
  // Its page among those the answers so far show: the previous address's waits for "from where".
  await page.getByText(fill(m['form.page_of'], { page: 2, pages: 4 }), { exact: true }).waitFor();
  assert.equal(await box('head_name').inputValue(), '김 민준');
  await page.evaluate(() => { location.hash = location.hash.replace('/page/3', '/page/5'); });
  await onPage('notifier');
  await type('notifier', 'Nguyễn Thị Ánh');
  await audited(page, 'form-vi');

  const zhFont = page.waitForResponse((r) => r.url().endsWith('fonts/ui-zh-Hans.otf'));
  await scrollTo(page.getByRole('button', { name: messagesOf('zh-Hans')['language.name'], exact: true }));
  m = await chooseLanguage(page, 'zh-Hans');
  await fontDrawn(page, zhFont);
  await page.getByText(fill(m['form.page_of'], { page: 4, pages: 4 }), { exact: true }).waitFor();
  assert.equal(await box('notifier').inputValue(), 'Nguyễn Thị Ánh');
  await audited(page, 'form-zh-Hans');
  await page.goBack();
  await onPage('household');
  assert.equal(await box('head_name').inputValue(), '김 민준');

  // Back through the form's first page to the checklist.
  await tap(await scrollTo(page.getByRole('button', { name: m['nav.back'], exact: true })));
  await page.getByText(m['form.counter_lead'], { exact: true }).waitFor();
  await tap(await scrollTo(page.getByRole('button', { name: m['nav.back'], exact: true })));
  await scrollTo(page.getByRole('heading', { name: m['event.procedures_heading'], level: 2 }), { top: true });
  await audited(page, 'checklist-zh-Hans');
  await tap(await scrollTo(page.getByRole('button', { name: m['nav.back'], exact: true })));
  await page.getByRole('heading', { name: m['home.heading'], level: 1 }).waitFor();
  await audited(page, 'home-zh-Hans');

  m = await chooseLanguage(page, 'vi');
  await page.getByRole('heading', { name: m['home.heading'], level: 1 }).waitFor();
  await audited(page, 'home-vi');
  await tap(page.getByRole('button', { name: movingIn.title.en, exact: true }));
  await scrollTo(page.getByRole('heading', { name: m['event.procedures_heading'], level: 2 }), { top: true });
  await audited(page, 'checklist-vi');

  // Each extra font was fetched once, when its language was first chosen.
  for (const f of EXTRA_FONTS) assert.equal(requested.filter((r) => r === f).length, 1, f);
  for (const f of EXTRA_FONTS) {
    const file = path.join(SITE, f);
    t.diagnostic(`${f}: ${statSync(file).size} bytes, ${statSync(file + '.br').size} brotli`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a resident who chose Korean reloads into Korean at once, and no other language is fetched for it', async () => {
  const requested = [];
  const { context, page, problems } = await openPhone(browser, server.url, {
    prepare: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname)),
  });
  const i18n = () => requested.filter((f) => f.startsWith('/i18n/')).sort();
  // A first visit asks for none: the page carries the Japanese messages and each language's name.
  assert.deepEqual(i18n(), []);
  const ko = await chooseLanguage(page, 'ko');
  await page.getByRole('heading', { name: ko['home.heading'], level: 1 }).waitFor();
  await page.waitForTimeout(1500);  // the device keeps the choice (its saver waits 0.4 s)
  requested.length = 0;
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0, null, { polling: 'raf' });
  // The first usable frame is already Korean: its messages came before it, with their fallback.
  assert.equal(await page.evaluate(() => document.querySelector('#mirror h1')?.textContent), ko['home.heading']);
  assert.deepEqual(i18n(), ['/i18n/en.json', '/i18n/ko.json']);
  assert.deepEqual(problems, []);
  await context.close();
});
