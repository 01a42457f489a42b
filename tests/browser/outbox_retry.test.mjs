// Sending is idempotent by submission id: the endpoint killed while the application is on its way, then
// an answer lost after the endpoint stored it — the phone tries again by itself each time, with the same
// bytes, and the ward holds exactly one copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, SITE } from './portal.mjs';
import { fetchInbox } from './ward.mjs';
import { KOKUHO_FORM, fillKokuhoToReview } from './kokuho_form.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the endpoint killed mid-send, then an answer lost: retried later, still one copy', async () => {
  let server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  try {
    const { context, page, problems } = await openPhone(browser, server.url + KOKUHO_FORM);
    await fillKokuhoToReview(page);

    // Each POST of the envelope, as the network treats it: the first is on its way when the endpoint
    // dies; the first after the restart reaches it, and its answer is lost on the way back.
    const posts = [];
    let onFirstPost;
    const firstPost = new Promise((resolve) => { onFirstPost = resolve; });
    let endpointDown;
    const down = new Promise((resolve) => { endpointDown = resolve; });
    let answerLost = false;
    await page.route('**/api/v1/submissions', async (route) => {
      posts.push(route.request().postDataBuffer());
      if (posts.length === 1) {
        onFirstPost();
        await down;
        return route.continue();  // to a port nothing listens on now
      }
      if (!answerLost && server.up) {
        answerLost = true;
        const stored = await route.fetch();
        assert.equal(stored.status(), 201);
        return route.abort('connectionreset');
      }
      return route.continue();
    });

    await tap(page.getByRole('button', { name: '送信する', exact: true }));
    await firstPost;
    await server.kill();
    endpointDown();
    await page.getByText('前回は区役所のシステムに届かず、送れませんでした。', { exact: false }).waitFor({ timeout: 15000 });
    await screenshot(page, 'receipt-retrying-ja');

    server = await server.restart();
    server.up = true;
    await page.getByRole('heading', { name: '送信しました', level: 1 }).waitFor({ timeout: 30000 });
    assert.ok(answerLost, 'one answer was lost after the endpoint stored the application');
    assert.ok(posts.length >= 3, `posts: ${posts.length}`);
    for (const body of posts) assert.ok(body.equals(posts[0]), 'every retry sends the same bytes');
    fetchInbox(server, 'inbox');  // exactly one submission
    assert.deepEqual(problems.filter((p) => !/Failed to fetch/.test(p)), []);
    await context.close();
  } finally {
    await server.stop();
  }
});

test('back online after failed tries, a waiting application is sent at once, not after its backoff', async () => {
  const server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  try {
    const { context, page, problems } = await openPhone(browser, server.url + KOKUHO_FORM);
    await fillKokuhoToReview(page);

    // Four tries that get no answer: the next would wait 8-16 s.
    const FAILED = 4;
    const posts = [];
    let failedAll;
    const allFailed = new Promise((resolve) => { failedAll = resolve; });
    await page.route('**/api/v1/submissions', async (route) => {
      posts.push(Date.now());
      if (posts.length <= FAILED) {
        if (posts.length === FAILED) failedAll();
        return route.abort('connectionrefused');
      }
      return route.continue();
    });
    await tap(page.getByRole('button', { name: '送信する', exact: true }));
    await allFailed;

    // The phone loses the network for a moment and gets it back: that is the moment to send.
    await context.setOffline(true);
    await page.getByText('オフラインです。', { exact: false }).first().waitFor();
    await context.setOffline(false);
    const online = Date.now();
    await page.getByRole('heading', { name: '送信しました', level: 1 }).waitFor({ timeout: 30000 });
    assert.equal(posts.length, FAILED + 1);
    // Behaviour, not speed: the backoff would have waited at least 8 s after the fourth failure.
    assert.ok(posts[FAILED] - online < 4000, `sent ${posts[FAILED] - online} ms after the online event`);
    fetchInbox(server, 'inbox');  // exactly one submission
    assert.deepEqual(problems.filter((p) => !/Failed to fetch/.test(p)), []);
    await context.close();
  } finally {
    await server.stop();
  }
});
