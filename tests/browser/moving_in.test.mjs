// A resident moves in, reading Japanese (typed through the IME), English or やさしい日本語: the 転入届 is a counter
// procedure, filled in on the phone a page at a time and sent ahead so the counter only checks identity; the
// ward's inbox opens it with the resident's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, choose as chooseRadio, screenshot, accessibilityViolations, SITE, readSourceJson,
  typeWithIme } from './portal.mjs';
import { fetchInbox } from './ward.mjs';

const movingIn = readSourceJson('assets/catalog/events/moving-in.json');
const tennyu = readSourceJson('assets/catalog/procedures/tennyu-todoke.json');

let server, browser;
before(async () => {
  server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

const TODAY = new Date('2026-03-20T10:00:00+09:00');

const messagesOf = (lang) => readSourceJson(`i18n/${lang}.json`).messages;
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
const field = (id, fields = tennyu.form.fields) => fields.find((f) => f.id === id);
const option = (f, value) => f.options.find((o) => o.value === value);

// The resident: a Japanese one types kanji through the IME (reading, then the converted text); the others
// type as their keyboard does.
const PEOPLE = {
  ja: { name: '山田 太郎', sent: '山田　太郎', furigana: 'ヤマダ タロウ', reading: { '山田 太郎': 'やまだ たろう' } },
  other: { name: 'SMITH John', sent: 'SMITH John', furigana: 'スミス ジョン', reading: {} },
};

// The same journey in Japanese and in each language a foreign resident may read; every label comes from
// the catalog and the message files, so a missing or changed translation fails here.
for (const lang of ['ja', 'en', 'ja-x-easy']) {
  test(`moving in, in ${lang}: the 転入届 filled in and sent ahead of the counter`, async () => {
    const m = messagesOf(lang);
    const label = (f) => f.label[lang];
    const members = field('members');
    const member = (id) => field(id, members.fields);
    const person = PEOPLE[lang] ?? PEOPLE.other;
    const { context, page, problems } = await openPhone(browser, server.url, { now: TODAY });
    if (lang !== 'ja') await tap(page.getByRole('button', { name: m['language.name'], exact: true }));
    await tap(page.getByRole('button', { name: movingIn.title[lang], exact: true }));
    await tap(page.getByRole('button', { name: fill(m['procedure.prepare_for_counter'], { procedure: tennyu.title[lang] }) }));
    await page.getByRole('heading', { name: tennyu.title[lang], level: 1 }).waitFor();
    await page.getByText(m['form.counter_lead'], { exact: true }).waitFor();

    const box = (f) => page.getByRole('textbox', { name: label(f), exact: true });
    async function type(f, text) {
      await tap(box(f));
      await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, label(f));
      if (lang === 'ja') await typeWithIme(page, person.reading[text] ?? text, text);
      else await page.keyboard.insertText(text);
    }
    // Each page: its title, then "next" (the last one's goes to the review).
    let pageNumber = 0;
    async function onPage(firstField) {
      pageNumber += 1;
      await page.getByRole('heading', { name: firstField.page[lang], level: 2 }).waitFor();
      await screenshot(page, `form-tennyu-${lang}-page${pageNumber}`);
    }
    const next = () => tap(page.getByRole('button', { name: m['form.next_page'], exact: true }));
    const choose = (f, value) => chooseRadio(page.getByRole('radiogroup', { name: label(f) })
      .getByRole('radio', { name: option(f, value).label[lang], exact: true }));
    await onPage(field('came_from'));
    await choose(field('came_from'), 'japan');
    await type(field('new_address'), '東京都千代田区九段南1-2-1 メゾン九段 301');
    await type(field('moved_in_on'), '2026-03-18');
    await next();
    await onPage(field('previous_address'));
    await type(field('previous_address'), '大阪府大阪市北区中之島1-3-20');
    await type(field('moved_out_on'), '2026-03-10');
    if (lang === 'ja') {
      // The browser's back button steps back one page, what was typed still there; forward again.
      await page.goBack();
      await page.getByRole('heading', { name: field('came_from').page[lang], level: 2 }).waitFor();
      assert.equal(await box(field('new_address')).inputValue(), '東京都千代田区九段南1-2-1 メゾン九段 301');
      await next();
      await page.getByRole('heading', { name: field('previous_address').page[lang], level: 2 }).waitFor();
      assert.equal(await box(field('moved_out_on')).inputValue(), '2026-03-10');
      assert.match(page.url(), /#\/event\/moving-in\/apply\/tennyu-todoke\/page\/2$/);
    }
    await next();
    await onPage(field('household'));
    await choose(field('household'), 'new');
    await type(field('head_name'), person.name);
    await next();
    await onPage(members);
    await tap(page.getByRole('button', { name: fill(m['form.add_first_item'], { group: label(members) }) }));
    await type(member('name'), person.name);
    await type(member('furigana'), person.furigana);
    await type(member('birth_date'), '1990-07-04');
    await choose(member('sex'), 'male');
    await choose(member('relationship'), 'head');
    if (lang !== 'ja') await tap(page.getByRole('checkbox', { name: label(member('residence_card')) + m['form.optional'] }));
    await screenshot(page, `form-tennyu-${lang}-page4-filled`);
    await next();
    await onPage(field('notifier'));
    await type(field('notifier'), person.name);
    await choose(field('notifier_is'), 'self');
    await type(field('phone'), '+81 90-1234-5678');
    await tap(page.getByRole('button', { name: m['form.continue'], exact: true }));
    await page.getByRole('heading', { name: m['review.heading'], level: 1 }).waitFor();
    await page.getByText('090-1234-5678', { exact: true }).waitFor();
    await screenshot(page, `review-tennyu-${lang}`);
    await tap(page.getByRole('button', { name: m['review.send'], exact: true }));
    await page.getByRole('heading', { name: m['receipt.heading'], level: 1 }).waitFor();
    const receipt = await page.getByRole('heading', { level: 2, name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ }).textContent();
    await screenshot(page, `receipt-tennyu-${lang}`);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();

    const { out } = fetchInbox(server, `inbox-${lang}`);
    const saved = JSON.parse(readFileSync(path.join(out, 'tennyu-todoke', receipt, 'submission.json'), 'utf8'));
    assert.deepEqual(saved.application, {
      answers: {
        came_from: 'japan',
        new_address: '東京都千代田区九段南1-2-1 メゾン九段 301',
        moved_in_on: '2026-03-18',
        previous_address: '大阪府大阪市北区中之島1-3-20',
        moved_out_on: '2026-03-10',
        household: 'new',
        head_name: person.sent,
        members: [{ name: person.sent, furigana: person.furigana.replace(' ', '　'), birth_date: '1990-07-04', sex: 'male',
          relationship: 'head', mynumber_card: 'no', residence_card: lang === 'ja' ? 'no' : 'yes' }],  // an unticked box is sent as a plain no
        notifier: person.sent,
        notifier_is: 'self',
        phone: '090-1234-5678',
      },
      language: lang,
    });
  });
}
