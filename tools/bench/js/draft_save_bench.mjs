// draft-save-bench's browser half: the real app in Debian's headless Chromium on a phone viewport, its CPU
// throttled RATE times (CDP), a 国民健康保険 form filled with 32 answers (5 of the form's own and 3 for each
// of 9 household members: issue 7's 30-field form), then SAVES edits, each followed by the app's own save; prints p50/p95/max of a
// save's time on the page's thread (finding the changes, sealing, handing them to IndexedDB: what could
// cost a frame) and until IndexedDB committed, and the bytes sealed.
// Usage: node draft_save_bench.mjs ENDPOINT_BINARY SITE_DIR [RATE [SAVES]].
// The endpoint and Chromium as the browser tests start them, and a finger on a control found by role and
// name, the canvas swiped until it is in view.
import { launchBrowser, startEndpoint, tap } from '../../../tests/browser/portal.mjs';

const PEOPLE = 9;  // household members: 5 + 3 × 9 = 32 answers, issue 7's 30-field form

const [endpoint, site, rateArg = '4', savesArg = '60'] = process.argv.slice(2);
const rate = Number(rateArg);
const saves = Number(savesArg);
if (!endpoint || !site || !(rate >= 1) || !(saves >= 5)) {
  console.error('usage: node draft_save_bench.mjs ENDPOINT_BINARY SITE_DIR [RATE >= 1 [SAVES >= 5]]');
  process.exit(2);
}

const server = await startEndpoint({ endpoint, site });
const { url } = server;
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true,
    hasTouch: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  await page.goto(url + '#/event/birth/apply/kokuho-kanyu');
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });

  const fill = async (name, nth, text) => {
    await tap(page.getByRole('textbox', { name, exact: true }).nth(nth));
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, name);
    await page.keyboard.insertText(text);
  };
  await fill('世帯主の氏名', 0, '髙橋 花子');
  await fill('住所', 0, '東京都千代田区九段南１－２－１');
  await fill('加入することになった日', 0, '2026/3/15');
  await fill('日中に連絡がとれる電話番号', 0, '09012345678');
  await tap(page.getByRole('radio', { name: '子どもが生まれた', exact: true }));
  for (let i = 0; i < PEOPLE; i++) {
    await tap(page.getByRole('button', { name: i === 0 ? '加入する人を追加する' : '加入する人をもう1件追加する' }));
    await fill('氏名', i, `髙橋 子${i}`);
    await fill('フリガナ', i, 'タカハシ コ');
    await fill('生年月日', i, `2020/1/${i + 1}`);
  }
  await page.waitForTimeout(1500);
  const answers = 5 + PEOPLE * 3;  // 4 text fields and a choice, and 3 text fields for each person

  // Each edit is one character in the phone field, then a pause longer than the save delay.
  const before = await page.evaluate(() => window.MadoguchiDeviceStore.saves.length);
  await fill('日中に連絡がとれる電話番号', 0, '');
  for (let i = 0; i < saves; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : '1');
    await page.waitForTimeout(700);
  }
  const measured = await page.evaluate((from) => window.MadoguchiDeviceStore.saves.slice(from), before);
  const sorted = (i) => measured.map((s) => s[i]).sort((a, b) => a - b);
  const at = (arr, q) => arr[Math.min(arr.length - 1, Math.floor(q * arr.length))];
  const line = (what, arr) => `draft-save ${rate}x ${what}: p50 ${at(arr, 0.5).toFixed(1)} ms  p95 ` +
    `${at(arr, 0.95).toFixed(1)} ms  max ${arr[arr.length - 1].toFixed(1)} ms`;
  console.log(`draft-save ${rate}x: ${measured.length} saves of a form with ${answers} answers, ` +
    `${at(sorted(2), 0.5)} bytes sealed per save`);
  console.log(line('on the page thread', sorted(0)));
  console.log(line('until committed', sorted(1)));
} finally {
  await browser.close();
  await server.stop();
}
