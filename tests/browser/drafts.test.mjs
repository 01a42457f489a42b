// Nothing typed is lost: half a 国民健康保険 form on a phone, then a reload with no network, a closed and
// reopened tab, and a full disk — each time every value comes back, and the device holds it sealed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, tap, choose, screenshot, readSourceJson, typeInto } from './portal.mjs';

const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');
const FORM = '#/event/birth/apply/kokuho-kanyu';
const NAME = '髙橋 花子';
const OTHER_NAME = '佐藤 一郎';
const ADDRESS = '東京都千代田区九段南１－２－１';

let server, browser;
before(async () => {
  server = await startEndpoint();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

const field = (page, name) => page.getByRole('textbox', { name, exact: true });

// The device's records as IndexedDB holds them: id -> bytes.
function storedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('madoguchi');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('records').objectStore('records');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        const out = {};
        keys.result.forEach((k, i) => { out[k] = Array.from(new Uint8Array(values.result[i])); });
        open.result.close();
        resolve(out);
      };
    };
  }));
}

// Saves land within a second of typing: wait until the stored draft changes after `since`.
async function waitForSave(page, since, record = 'draft/kokuho-kanyu') {
  for (let i = 0; i < 40; i++) {
    const now = await storedRecords(page);
    const draft = now[record];
    if (draft && JSON.stringify(draft) !== JSON.stringify(since?.[record])) return now;
    await page.waitForTimeout(100);
  }
  throw new Error('the draft was not saved within 4 s');
}

async function expectValues(page, { name, address, reason }) {
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  assert.equal(await field(page, '世帯主の氏名').inputValue(), name);
  assert.equal(await field(page, '住所').inputValue(), address);
  if (reason) assert.equal(await page.getByRole('radio', { name: reason, exact: true }).getAttribute('aria-checked'), 'true');
}

test('a half-filled form comes back after an offline reload and a closed tab, sealed on the device', async () => {
  const { context, page, problems } = await openPhone(browser, server.url + FORM);
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  const before = await storedRecords(page);
  await typeInto(page, '世帯主の氏名', NAME);
  await typeInto(page, '住所', ADDRESS);
  await page.evaluate(() => document.activeElement.blur());
  await choose(page.getByRole('radio', { name: '子どもが生まれた', exact: true }));
  const saved = await waitForSave(page, before);
  await page.waitForTimeout(600);  // the radio's change is in the next save
  const records = await storedRecords(page);
  assert.ok(records.session, 'the session is kept');

  // Sealed: neither the name nor the address is in the stored bytes.
  const all = Buffer.from(Object.values(records).flat());
  for (const secret of [NAME, '千代田区', 'kokuho-kanyu", "values']) {
    assert.ok(!all.includes(Buffer.from(secret)), `the device holds "${secret}" in clear`);
  }
  assert.ok(saved['draft/kokuho-kanyu'].length > 40);

  // No network, a reload: the same screen with the same answers.
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  await expectValues(page, { name: NAME, address: ADDRESS, reason: '子どもが生まれた' });
  await screenshot(page, 'draft-restored-offline-ja');
  await context.setOffline(false);

  // The tab closed and the app opened again from its icon (no address): back on the form.
  await page.close();
  const again = await context.newPage();
  await again.goto(server.url);
  await again.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  await expectValues(again, { name: NAME, address: ADDRESS, reason: '子どもが生まれた' });
  assert.ok(again.url().endsWith(FORM), `the address bar shows the form: ${again.url()}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full disk is said plainly, keeps what is typed, and saving resumes once there is room', async () => {
  const { context, page, problems } = await openPhone(browser, server.url + FORM);
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  await typeInto(page, '世帯主の氏名', NAME);
  await page.evaluate(() => document.activeElement.blur());
  await waitForSave(page, {});
  const kept = await storedRecords(page);

  // The browser refuses every write as over quota, as a full phone does.
  await page.evaluate(() => {
    const store = window.MadoguchiDeviceStore;
    store.realCommit = store.commit;
    store.commit = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  });
  await typeInto(page, '住所', ADDRESS);
  await page.evaluate(() => document.activeElement.blur());
  const alert = page.getByRole('alert').filter({ hasText: '保存領域がいっぱい' });
  await alert.waitFor();
  assert.equal(await field(page, '住所').inputValue(), ADDRESS);
  await screenshot(page, 'draft-storage-full-ja');
  assert.deepEqual(await storedRecords(page), kept, 'what was saved before is untouched');

  // Room again: the retry saves the address and the message goes away.
  await page.evaluate(() => { window.MadoguchiDeviceStore.commit = window.MadoguchiDeviceStore.realCommit; });
  await alert.waitFor({ state: 'detached', timeout: 10000 });
  await page.reload();
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  await expectValues(page, { name: NAME, address: ADDRESS });
  assert.deepEqual(problems, []);
  await context.close();
});

test('わたしの申請 lists two drafts of one form by name, goes on with one, and deletes it only after a yes', async () => {
  const { context, page, problems } = await openPhone(browser, server.url + FORM);
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  await typeInto(page, '世帯主の氏名', NAME);
  await page.evaluate(() => document.activeElement.blur());
  await waitForSave(page, {});

  // A second household's form beside the first: it starts empty, and the first stays a draft.
  await tap(page.getByRole('button', { name: 'この申請書をもう1通作る' }));
  await page.getByText('この手続きの 2 通目の申請書です。', { exact: false }).waitFor();
  assert.match(page.url(), /apply\/kokuho-kanyu~2$/);
  assert.equal(await field(page, '世帯主の氏名').inputValue(), '');
  await typeInto(page, '世帯主の氏名', OTHER_NAME);
  await page.evaluate(() => document.activeElement.blur());
  await waitForSave(page, {}, 'draft/kokuho-kanyu~2');

  // From home, as a resident coming back another day would.
  await page.goto(server.url + '#/');
  await tap(page.getByRole('button', { name: 'わたしの申請（書きかけ・送信待ち・送ったもの）' }));
  await page.getByRole('heading', { name: 'わたしの申請', level: 1 }).waitFor();
  await page.getByText('書きかけの申請は、この端末のこのブラウザーの中にだけ', { exact: false }).waitFor();
  await page.getByText(`氏名：${NAME}`, { exact: true }).waitFor();
  await page.getByText(`氏名：${OTHER_NAME}`, { exact: true }).waitFor();
  assert.equal(await page.getByText(/^最後の変更：\d{4}年\d{1,2}月\d{1,2}日（.） \d{1,2}:\d{2}$/).count(), 2);
  await screenshot(page, 'my-applications-drafts-ja');
  const first = `${kokuho.title.ja}（氏名：${NAME}）`;
  await tap(page.getByRole('button', { name: `${first}の続きを入力する` }));
  await expectValues(page, { name: NAME, address: '' });

  await page.goBack();
  await page.getByRole('heading', { name: 'わたしの申請', level: 1 }).waitFor();
  await tap(page.getByRole('button', { name: `${first}の下書きを削除` }));
  const question = page.getByRole('alert').filter({ hasText: '削除すると元に戻せません' });
  await question.waitFor();
  await screenshot(page, 'my-applications-delete-question-ja');
  await tap(page.getByRole('button', { name: 'やめる' }));
  await question.waitFor({ state: 'detached' });
  await tap(page.getByRole('button', { name: `${first}の下書きを削除` }));
  await tap(page.getByRole('button', { name: '削除する' }));
  await page.getByText(`氏名：${NAME}`, { exact: true }).waitFor({ state: 'detached' });

  // Gone from the device too, and the other draft stays: a reload brings back only that one.
  for (let i = 0; i < 20 && (await storedRecords(page))['draft/kokuho-kanyu']; i++) await page.waitForTimeout(100);
  const records = await storedRecords(page);
  assert.equal(records['draft/kokuho-kanyu'], undefined);
  assert.ok(records['draft/kokuho-kanyu~2']);
  await page.reload();
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  await page.getByText(`氏名：${OTHER_NAME}`, { exact: true }).waitFor();
  assert.equal(await page.getByText(`氏名：${NAME}`, { exact: true }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
