// A parent on 国民健康保険 after a birth fills two forms: the second offers the name, address and phone
// typed into the first in one tap; the checklist then offers to check both on one screen and send them
// with one confirmation; each reaches the ward as its own application with its own receipt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, choose, screenshot, accessibilityViolations, SITE, readSourceJson, typeInto } from './portal.mjs';
import { fetchInbox } from './ward.mjs';
import { fillKokuhoToReview } from './kokuho_form.mjs';

const birth = readSourceJson('assets/catalog/events/birth.json');
const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');
const iryohi = readSourceJson('assets/catalog/procedures/kodomo-iryohi.json');
const label = (form, id) => form.form.fields.find((f) => f.id === id);

let server, browser;

before(async () => {
  server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

test('two forms of a birth: shared answers in one tap, both checked on one screen and sent with one tap', async () => {
  const { page, problems } = await openPhone(browser, server.url + '#/event/birth', { now: new Date('2026-03-20T10:00:00+09:00') });
  const question = birth.questions.find((q) => q.id === 'parents_insurance');
  await choose(page.getByRole('radiogroup', { name: question.label.ja })
    .getByRole('radio', { name: question.options.find((o) => o.value === 'kokuho').label.ja, exact: true }));
  await tap(page.getByRole('button', { name: `${kokuho.title.ja}をオンラインで申請する` }));
  await fillKokuhoToReview(page);
  await tap(page.getByRole('button', { name: '戻る', exact: true }));
  await tap(page.getByRole('button', { name: '戻る', exact: true }));

  // The second form: what the first already has comes in one tap.
  await tap(page.getByRole('button', { name: /^子ども医療費助成.*をオンラインで申請する$/ }));
  const offer = page.getByText(/^ほかの申請で入力した内容を使えます：/);
  await offer.waitFor();
  assert.equal(await offer.textContent(), 'ほかの申請で入力した内容を使えます：申請する人（保護者）の氏名、住所、日中に連絡できる電話番号');
  await screenshot(page, 'form-shared-answers-ja');
  await tap(page.getByRole('button', { name: 'その内容を入れる' }));
  await page.waitForFunction((n) => document.querySelector(`input[aria-label="${n}"]`)?.value === '山田\u3000太郎', label(iryohi, 'name').label.ja);
  assert.equal(await page.getByRole('textbox', { name: '住所', exact: true }).inputValue(), '東京都千代田区九段南1-2-1');

  await typeInto(page, label(iryohi, 'furigana').label.ja, 'ヤマダ タロウ');
  await choose(page.getByRole('radio', { name: '子どもが生まれた', exact: true }));
  await tap(page.getByRole('button', { name: '医療証が必要な子どもを追加する' }));
  await typeInto(page, '子どもの氏名', '山田 花子');
  await typeInto(page, '子どもの氏名（フリガナ）', 'ヤマダ ハナコ');
  await typeInto(page, '子どもの生年月日', '2026-03-15');
  await choose(page.getByRole('radio', { name: 'まだ決まっていない（手続き中）', exact: true }));
  await tap(page.getByRole('button', { name: '戻る', exact: true }));

  // The checklist offers both together; one screen shows every answer of each.
  await page.getByText('入力が終わった申請が2件あります。まとめて確認して、一度に送れます。').waitFor();
  await tap(page.getByRole('button', { name: 'まとめて確認して送る（2件）' }));
  await page.getByRole('heading', { name: 'まとめて確認して送る', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/event/birth/send');
  await page.getByRole('heading', { name: `${kokuho.title.ja}（山田 太郎）`, level: 2 }).waitFor();
  await page.getByRole('heading', { name: /^子ども医療費助成.*（山田 太郎）$/, level: 2 }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, 'send-together-ja');

  await tap(page.getByRole('button', { name: '2件の申請をまとめて送信する' }));
  const receipts = page.getByText(/^受付番号：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.waitForFunction(() => [...document.querySelectorAll('p')].filter((p) => /^受付番号：/.test(p.textContent)).length === 2,
    null, { timeout: 30000 });
  assert.equal(await receipts.count(), 2);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, 'send-together-sent-ja');

  // Two applications at the ward, one per procedure, each with its own receipt.
  const { out } = fetchInbox(server, 'inbox-together', 2);
  const numbers = (await receipts.allTextContents()).map((t) => t.replace('受付番号：', ''));
  const procedures = numbers.map((receipt) => ['kokuho-kanyu', 'kodomo-iryohi'].find((p) => {
    try { return JSON.parse(readFileSync(path.join(out, p, receipt, 'submission.json'), 'utf8')).receipt === receipt; } catch { return false; }
  }));
  assert.deepEqual(procedures.sort(), ['kodomo-iryohi', 'kokuho-kanyu']);
  assert.deepEqual(problems, []);
});
