// A resident who reads English moves in: the 転入届 is a counter procedure, filled in on the phone and
// sent ahead so the counter only checks identity; the ward's inbox opens it with the resident's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, screenshot, accessibilityViolations, SITE } from './portal.mjs';
import { fetchInbox } from './ward.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (rel) => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));
const movingIn = readJson('assets/catalog/events/moving-in.json');
const tennyu = readJson('assets/catalog/procedures/tennyu-todoke.json');

let server, browser;
before(async () => {
  server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

const TODAY = new Date('2026-03-20T10:00:00+09:00');

test('moving in, in English: the 転入届 filled in and sent ahead of the counter', async () => {
  const { context, page, problems } = await openPhone(browser, server.url, { now: TODAY });
  await tap(page.getByRole('button', { name: 'English', exact: true }));
  await tap(page.getByRole('button', { name: movingIn.title.en, exact: true }));
  await tap(page.getByRole('button', { name: `Fill in and send ahead: ${tennyu.title.en}` }));
  await page.getByRole('heading', { name: tennyu.title.en, level: 1 }).waitFor();
  await page.getByText('This procedure is completed at the counter.', { exact: false }).waitFor();

  const field = (name) => page.getByRole('textbox', { name, exact: true });
  async function type(name, text) {
    await tap(field(name));
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, name);
    await page.keyboard.insertText(text);
  }
  await tap(page.getByRole('radio', { name: 'Another municipality in Japan', exact: true }));
  await type('New address', '東京都千代田区九段南1-2-1 メゾン九段 301');
  await type('Moving-in date (the day you started living at the new address)', '2026-03-18');
  await type('Previous address', '大阪府大阪市北区中之島1-3-20');
  await type('Planned moving-out date', '2026-03-10');
  await tap(page.getByRole('radio', { name: 'We start a new household', exact: true }));
  await type('Head of household at the new address', 'SMITH John');
  await tap(page.getByRole('button', { name: 'Add: People who moved' }));
  await type('Name', 'SMITH John');
  await type('Name in katakana (furigana)', 'スミス ジョン');
  await type('Date of birth', '1990-07-04');
  await tap(page.getByRole('radio', { name: 'Male', exact: true }));
  await tap(page.getByRole('radio', { name: 'Head of household (this person)', exact: true }));
  await tap(page.getByRole('checkbox', { name: 'Has a residence card or special permanent resident certificate (foreign residents) (optional)' }));
  await type('Person making the notification (who comes to the counter)', 'SMITH John');
  await tap(page.getByRole('radio', { name: 'Someone who moved', exact: true }));
  await type('Phone number we can reach you on during the day', '+81 90-1234-5678');
  await screenshot(page, 'form-tennyu-en');
  await tap(page.getByRole('button', { name: 'Continue (check your answers)' }));
  await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
  await page.getByText('Wed, 18 March 2026', { exact: false }).first().waitFor();
  await screenshot(page, 'review-tennyu-en');
  await tap(page.getByRole('button', { name: 'Send' }));
  await page.getByRole('heading', { name: 'Application sent', level: 1 }).waitFor();
  const receipt = await page.getByRole('heading', { level: 2, name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ }).textContent();
  await page.getByText('give this receipt number and show your identity document', { exact: false }).waitFor();
  await screenshot(page, 'receipt-tennyu-en');
  assert.deepEqual(await accessibilityViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  const { out } = fetchInbox(server, 'inbox');
  const saved = JSON.parse(readFileSync(path.join(out, 'tennyu-todoke', receipt, 'submission.json'), 'utf8'));
  assert.deepEqual(saved.application, {
    answers: {
      came_from: 'japan',
      new_address: '東京都千代田区九段南1-2-1 メゾン九段 301',
      moved_in_on: '2026-03-18',
      previous_address: '大阪府大阪市北区中之島1-3-20',
      moved_out_on: '2026-03-10',
      household: 'new',
      head_name: 'SMITH John',
      members: [{ name: 'SMITH John', furigana: 'スミス　ジョン', birth_date: '1990-07-04', sex: 'male', relationship: 'head',
        mynumber_card: 'no', residence_card: 'yes' }],  // an unticked box is sent as a plain no
      notifier: 'SMITH John',
      notifier_is: 'self',
      phone: '090-1234-5678',
    },
    language: 'en',
  });
});
