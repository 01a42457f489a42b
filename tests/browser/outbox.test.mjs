// An application sent with no network is sealed on the phone and waits; it survives a reload with no
// network, goes by itself when the phone is online again, and the ward holds exactly one copy. One the
// endpoint refuses for good comes back as the draft, with the reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, workerActivated, SITE } from './portal.mjs';
import { fetchInbox } from './ward.mjs';
import { KOKUHO_FORM, fillKokuhoToReview } from './kokuho_form.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const usable = (page) => page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
const OFFLINE = 'オフラインです。入力と保存はできます。送信と状況の確認は、つながってから行います。';

test('sent offline: sealed and queued, kept through an offline reload, sent once when back online', async () => {
  const server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  try {
    const { context, page, problems } = await openPhone(browser, server.url + KOKUHO_FORM);
    await workerActivated(page);
    await fillKokuhoToReview(page);

    await context.setOffline(true);
    await page.getByText(OFFLINE, { exact: true }).waitFor();
    await page.getByText('今はオフラインです。「送信する」を押すと', { exact: false }).waitFor();
    await tap(page.getByRole('button', { name: '送信する', exact: true }));
    await page.getByRole('heading', { name: '送信待ちです', level: 1 }).waitFor();
    await page.getByText('インターネットにつながると自動で送ります。アプリを閉じても消えません。', { exact: false }).waitFor();
    await screenshot(page, 'receipt-queued-offline-ja');
    assert.equal(await page.getByRole('button', { name: '今すぐ送る' }).count(), 0, 'no "send now" while offline');

    // A reload with no network (a phone that dropped the page): still waiting, nothing lost.
    await page.reload();
    await usable(page);
    await page.getByRole('heading', { name: '送信待ちです', level: 1 }).waitFor();

    // Online again: it goes by itself, and the receipt replaces the waiting screen.
    await context.setOffline(false);
    await page.getByRole('heading', { name: '送信しました', level: 1 }).waitFor({ timeout: 15000 });
    await page.getByRole('heading', { level: 2, name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ }).waitFor();
    await screenshot(page, 'receipt-sent-after-queue-ja');
    fetchInbox(server, 'inbox');  // exactly one submission, and it opens
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.stop();
  }
});

test('refused for good after it was queued: the draft comes back with the reason, every answer kept', async () => {
  // An endpoint that accepts no ward key: it refuses what the phone sealed offline to its pinned key.
  const server = await startEndpoint();
  try {
    const { context, page, problems } = await openPhone(browser, server.url + KOKUHO_FORM);
    await fillKokuhoToReview(page);
    await context.setOffline(true);
    await page.getByText(OFFLINE, { exact: true }).waitFor();
    await tap(page.getByRole('button', { name: '送信する', exact: true }));
    await page.getByRole('heading', { name: '送信待ちです', level: 1 }).waitFor();
    await context.setOffline(false);
    await page.getByRole('heading', { name: '申請内容の確認', level: 1 }).waitFor({ timeout: 15000 });
    await page.getByRole('alert').filter({ hasText: '今は安全に送信できません' }).waitFor();
    await page.getByText('090-1234-5678', { exact: true }).waitFor();
    await screenshot(page, 'review-refused-after-queue-ja');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.stop();
  }
});
