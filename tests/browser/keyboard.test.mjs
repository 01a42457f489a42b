// Full keyboard operation on a desktop browser: Tab walks the controls in the order they are drawn,
// each focused control is on screen with its focus ring (the app scrolls to it), Enter and Space
// activate, and typing goes into the focused field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, screenshot, readSourceJson } from './portal.mjs';

const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');

let server, browser;
before(async () => {
  server = await startEndpoint();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

// What has the keyboard's focus, and whether it is inside the window once the app has drawn.
async function focused(page) {
  await page.waitForTimeout(120);  // a frame or two: the app scrolls a control below the fold into view
  return page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { name: el.getAttribute('aria-label') || el.textContent, tag: el.localName, top: r.top, bottom: r.bottom,
             left: r.left, visible: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 };
  });
}

// Tabs until `name` has the focus, checking on the way that every stop is on screen.
async function tabTo(page, name, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert.ok(now.visible, `"${now.name}" has the focus but is off screen (top ${now.top}, bottom ${now.bottom})`);
    if (now.name === name) return now;
  }
  throw new Error(`Tab never reached "${name}"`);
}

// Tab follows the DOM, so the focus order is the visual order when the mirror's controls, in DOM order,
// go down the screen (and right along a row), as they are drawn.
async function assertFocusOrderIsVisualOrder(page) {
  const out = await page.evaluate(() => [...document.querySelectorAll('#mirror button, #mirror a, #mirror input')]
    .map((el) => { const r = el.getBoundingClientRect(); return { name: el.getAttribute('aria-label') || el.textContent, top: r.top, left: r.left }; }));
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1], b = out[i];
    assert.ok(b.top > a.top + 1 || (Math.abs(b.top - a.top) <= 1 && b.left > a.left), `"${b.name}" is focused after "${a.name}" but drawn before it`);
  }
  return out.length;
}

test('a resident with only a keyboard finds the birth checklist and fills a form', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(server.url + '#/');
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);

  // The birth tile is below the fold on a 720 px window: Tab brings it into view.
  assert.ok(await assertFocusOrderIsVisualOrder(page) > 15);
  await tabTo(page, '子どもが生まれた（出生）');
  await screenshot(page, 'keyboard-home-focus-ja');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '子どもが生まれた（出生）', level: 1 }).waitFor();

  // A radio answered with Space, then the online application opened with Enter.
  await assertFocusOrderIsVisualOrder(page);
  const radio = await tabTo(page, '国民健康保険');
  assert.equal(radio.tag, 'button');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-checked') === 'true');
  await tabTo(page, `${kokuho.title.ja}をオンラインで申請する`, 120);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();

  // Typing into the focused field, then 次へ with the keyboard shows the error summary.
  await assertFocusOrderIsVisualOrder(page);
  await tabTo(page, '世帯主の氏名');
  await page.keyboard.insertText('山田 花子');
  await tabTo(page, '次へ（入力内容の確認）', 120);
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: '件の問題があります' }).waitFor();
  const field = page.getByRole('textbox', { name: '世帯主の氏名', exact: true });
  assert.equal(await field.inputValue(), '山田 花子');
  await screenshot(page, 'keyboard-form-errors-ja');
  assert.deepEqual(problems, []);
  await context.close();
});
