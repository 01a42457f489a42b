// A parent applies for the baby's 国民健康保険 on a phone: the form found from the birth checklist,
// Japanese typed through the IME into the real field laid over the drawn one, errors summarised, the
// answers checked, a send made offline that waits sealed on the phone and goes once it is online; the ward's
// inbox opens the same application, and the endpoint's files never held it in clear; the ward's
// request for a correction reaches the phone sealed and is read there, after a reload too, and the
// corrected application goes back linked to the first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, choose, screenshot, typeWithIme, accessibilityViolations, devtools, SITE, readSourceJson } from './portal.mjs';
import { fetchInbox } from './ward.mjs';

const birth = readSourceJson('assets/catalog/events/birth.json');
const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');

let server, browser;

before(async () => {
  server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

const TODAY = new Date('2026-03-20T10:00:00+09:00');

test('applying online from the checklist: IME input, error summary, check answers, offline, sealed send, inbox', async () => {
  const { context, page, problems } = await openPhone(browser, server.url, { now: TODAY });
  // Every screen on the way passes an axe-core audit of the mirror.
  const audited = {};
  const audit = async (screen) => { audited[screen] = await accessibilityViolations(page); };
  await audit('home');
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  const question = birth.questions.find((q) => q.id === 'parents_insurance');
  const group = page.getByRole('radiogroup', { name: question.label.ja });
  await tap(group.getByRole('radio', { name: question.options.find((o) => o.value === 'kokuho').label.ja, exact: true }));
  await audit('checklist');
  await tap(page.getByRole('button', { name: `${kokuho.title.ja}をオンラインで申請する` }));
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  await screenshot(page, 'form-kokuho-empty-ja');
  await audit('form');

  // "Continue" on an empty form: a summary on top, announced, linking to each problem.
  await tap(page.getByRole('button', { name: '次へ（入力内容の確認）' }));
  const summary = page.getByRole('alert').filter({ hasText: '件の問題があります' });
  await summary.waitFor();
  assert.equal(await page.getByRole('link', { name: /：/ }).count(), 6);  // one per problem
  assert.equal(await page.getByRole('textbox', { name: '住所', exact: true }).getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'form-kokuho-errors-ja');
  await audit('form with errors');
  // A summary link takes focus to its field, as GOV.UK's error summary does.
  await tap(page.getByRole('link', { name: /^住所：/ }));
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '住所');
  await page.evaluate(() => document.activeElement.blur());

  const field = (name) => page.getByRole('textbox', { name, exact: true });
  async function focusField(name) {
    await tap(field(name));
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, name);
  }

  // 氏名 through the IME: while converting, the reading is shown in the real field.
  await focusField('世帯主の氏名');
  await typeWithIme(page, 'やまだ', '山田');
  await page.keyboard.insertText(' ');
  const cdp = await devtools(page);
  await cdp.send('Input.imeSetComposition', { text: 'たろう', selectionStart: 3, selectionEnd: 3 });
  assert.equal(await field('世帯主の氏名').inputValue(), '山田 たろう');
  await screenshot(page, 'form-kokuho-ime-composing-ja');
  await cdp.send('Input.insertText', { text: '太郎' });
  assert.equal(await field('世帯主の氏名').inputValue(), '山田 太郎');

  const phoneField = field('日中に連絡がとれる電話番号');
  assert.equal(await phoneField.getAttribute('inputmode'), 'tel');
  assert.equal(await phoneField.getAttribute('autocomplete'), 'tel');

  await focusField('住所');
  await page.keyboard.insertText('東京都千代田区九段南１－２－１');
  await choose(page.getByRole('radio', { name: '子どもが生まれた', exact: true }));
  await focusField('加入することになった日');
  await typeWithIme(page, 'れいわ8ねん3がつ15にち', '令和8年3月15日');
  await tap(page.getByRole('button', { name: '加入する人を追加する' }));
  await focusField('氏名');
  await typeWithIme(page, 'やまだ　はなこ', '山田　花子');
  await focusField('フリガナ');
  await typeWithIme(page, 'やまだ　はなこ', 'やまだ　はなこ');
  await focusField('生年月日');
  await page.keyboard.insertText('2026/3/15');
  await choose(page.getByRole('radio', { name: '女', exact: true }));
  await choose(page.getByRole('radio', { name: '子', exact: true }));
  await focusField('日中に連絡がとれる電話番号');
  await page.keyboard.insertText('09012345678');
  await screenshot(page, 'form-kokuho-editing-ja');
  await audit('form while typing');
  await tap(page.getByRole('button', { name: '次へ（入力内容の確認）' }));

  // Check your answers: normalized, as the ward will read them.
  await page.getByRole('heading', { name: '申請内容の確認', level: 1 }).waitFor();
  await page.getByText('2026年3月15日（日）', { exact: true }).first().waitFor();
  await page.getByText('090-1234-5678', { exact: true }).waitFor();
  await page.getByText('ヤマダ　ハナコ', { exact: true }).waitFor();
  await screenshot(page, 'review-kokuho-ja');
  await audit('check your answers');

  // Offline: 送信する seals the application on the phone and it waits; online again, it goes by itself.
  await context.setOffline(true);
  await page.getByText('今はオフラインです。「送信する」を押すと', { exact: false }).waitFor();
  await screenshot(page, 'review-kokuho-offline-ja');
  await tap(page.getByRole('button', { name: '送信する' }));
  await page.getByRole('heading', { name: '送信待ちです', level: 1 }).waitFor();
  await audit('waiting to be sent');
  await context.setOffline(false);
  await page.getByRole('heading', { name: '送信しました', level: 1 }).waitFor();
  const receipt = await page.getByRole('heading', { level: 2, name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ }).textContent();
  await screenshot(page, 'receipt-kokuho-ja');
  await audit('receipt');

  // The endpoint's files hold only ciphertext.
  for (const file of [server.db, `${server.db}-wal`]) {
    if (existsSync(file)) assert.ok(!readFileSync(file).includes(Buffer.from('山田')), `${file} holds the name in clear`);
  }

  // The ward's inbox opens it into the application the phone built.
  const { out, tokenFile } = fetchInbox(server, 'inbox');
  const saved = JSON.parse(readFileSync(path.join(out, 'kokuho-kanyu', receipt, 'submission.json'), 'utf8'));
  assert.deepEqual(saved.application, {
    answers: {
      head_name: '山田　太郎',
      address: '東京都千代田区九段南1-2-1',
      reason: 'birth',
      joined_on: '2026-03-15',
      members: [{ name: '山田　花子', furigana: 'ヤマダ　ハナコ', birth_date: '2026-03-15', sex: 'female', relationship: 'child' }],
      phone: '090-1234-5678',
    },
    language: 'ja',
  });

  // The ward asks for a correction; the resident's phone shows the status and the note, which the
  // endpoint holds only sealed to the key this page made.
  const noteFile = path.join(server.dir, 'note.txt');
  writeFileSync(noteFile, '世帯主の方の保険証の写しを添付してください。');
  const reply = spawnSync(process.env.MADOGUCHI_INBOX, ['reply', '--server', server.url, '--token-file', tokenFile,
    '--out', out, '--receipt', receipt, '--status', 'correction_requested', '--message-file', noteFile], { encoding: 'utf8' });
  assert.equal(reply.status, 0, reply.stderr);
  // The page reloaded in between (a closed tab, a phone that dropped it): the receipt, its status token and
  // reply key were kept on the device, sealed, so the status and the note still open.
  await page.reload();
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  await page.getByRole('heading', { name: '送信しました', level: 1 }).waitFor();
  await tap(page.getByRole('button', { name: '送った申請の状況を見る' }));
  await page.getByRole('heading', { name: 'わたしの申請', level: 1 }).waitFor();
  await page.getByText(`受付番号：${receipt}`, { exact: true }).waitFor();
  await tap(page.getByRole('button', { name: '最新の状況を確認する' }));
  await page.getByText('状況：補正のお願いがあります（区役所からのお知らせを読んでください）', { exact: true }).waitFor();
  await page.getByText('区役所から：世帯主の方の保険証の写しを添付してください。', { exact: true }).waitFor();
  await screenshot(page, 'applications-correction-ja');
  await audit('applications');

  // The resident answers with a corrected application: the answers sent come back to change, and the
  // new submission names the one it corrects.
  await tap(page.getByRole('button', { name: '直して送り直す' }));
  await page.getByText(`区役所からのお願いに答えて、受付番号 ${receipt} の申請を直して送ります。`, { exact: false }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: '世帯主の氏名', exact: true }).inputValue(), '山田 太郎');
  await tap(page.getByRole('textbox', { name: '日中に連絡がとれる電話番号', exact: true }));
  await page.waitForFunction(() => document.activeElement?.localName === 'input');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('03-3264-2111');
  await tap(page.getByRole('button', { name: '次へ（入力内容の確認）' }));
  await tap(page.getByRole('button', { name: '送信する' }));
  await page.getByRole('heading', { name: '送信しました', level: 1 }).waitFor();
  const corrected = await page.getByRole('heading', { level: 2, name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ }).textContent();
  const second = fetchInbox(server, 'inbox-correction');
  const fixed = JSON.parse(readFileSync(path.join(second.out, 'kokuho-kanyu', corrected, 'submission.json'), 'utf8'));
  assert.equal(fixed.corrects, receipt);
  assert.equal(fixed.application.answers.phone, '03-3264-2111');
  assert.deepEqual(audited, Object.fromEntries(Object.keys(audited).map((k) => [k, []])));
  assert.deepEqual(problems, []);
  await context.close();
});
