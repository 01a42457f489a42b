// A parent on a phone after a birth: the app asks when and a few questions, then lists the
// procedures that apply, each with its due date and days left, and hands the deadlines to the
// phone's calendar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startEndpoint, launchBrowser, openPhone, tap, swipeIntoView, screenshot, readSourceJson } from './portal.mjs';

const birth = readSourceJson('assets/catalog/events/birth.json');
const title = (id) => readSourceJson(`assets/catalog/procedures/${id}.json`).title.ja;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// Friday 20 March 2026 (春分の日), 10:00 in Tokyo.
const TODAY = new Date('2026-03-20T10:00:00+09:00');

test('birth: date, questions, then a checklist with due dates and a calendar file', async () => {
  const { context, page, problems } = await openPhone(browser, server.url, { now: TODAY });
  await tap(page.getByRole('button', { name: birth.title.ja, exact: true }));
  await page.getByRole('heading', { name: birth.event_date.label.ja, level: 2 }).waitFor();
  await page.getByText('2026年3月20日（金）（今日）', { exact: true }).waitFor();

  // 出生届: 14 days counting the day of birth (戸籍法第43条) → 4/2, a Thursday: 13 days left.
  const shussei = page.getByRole('heading', { name: new RegExp('^\\d+\\. ' + escape(title('shussei-todoke')) + '$') });
  await shussei.waitFor();
  await page.getByText('期限：2026年4月2日（木）まで（あと13日）', { exact: true }).first().waitFor();

  // One day earlier moves every due date by a day.
  await tap(page.getByRole('button', { name: '前の日' }));
  await page.getByText('2026年3月19日（木）', { exact: true }).waitFor();
  await page.getByText('期限：2026年4月1日（水）まで（あと12日）', { exact: true }).first().waitFor();
  await tap(page.getByRole('button', { name: '今日にする' }));
  await page.getByText('2026年3月20日（金）（今日）', { exact: true }).waitFor();

  // A procedure that applies only for some answers appears, with its reason, once they are given.
  // 国民健康保険 for the baby applies when the household is in it.
  const conditional = birth.procedures.find((p) => p.procedure === 'kokuho-kanyu');
  assert.ok(conditional?.when?.question, 'the birth event lists kokuho-kanyu under one answer');
  const question = birth.questions.find((q) => q.id === conditional.when.question);
  const wanted = conditional.when.equals ?? (conditional.when.in || [])[0];
  const optionLabel = question.kind === 'yes-no' ? (wanted === 'yes' ? 'はい' : 'いいえ')
    : question.options.find((o) => o.value === wanted).label.ja;
  const heading = page.getByRole('heading', { name: new RegExp('\\. ' + escape(title(conditional.procedure)) + '$') });
  assert.equal(await heading.count(), 0, 'not listed before the answer');
  const group = page.getByRole('radiogroup', { name: question.label.ja });
  await tap(group.getByRole('radio', { name: optionLabel, exact: true }));
  await heading.waitFor();
  assert.equal(await group.getByRole('radio', { name: optionLabel, exact: true }).getAttribute('aria-checked'), 'true');
  await page.getByText(conditional.why.ja, { exact: true }).waitFor();
  await screenshot(page, 'checklist-birth-questions-ja');
  await swipeIntoView(heading);
  await screenshot(page, 'checklist-birth-items-ja');

  // The deadlines go to the phone's calendar as an iCalendar file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tap(page.getByRole('button', { name: '期限をカレンダーに追加' })),
  ]);
  assert.equal(download.suggestedFilename(), 'madoguchi-birth.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20260402\r\n/);
  assert.match(ics, /DTSTAMP:20260320T010000Z\r\n/);  // RFC 5545 UTC form: the page's fixed clock, no fraction
  assert.ok(ics.includes('SUMMARY:期限：' + title('shussei-todoke')), 'the 出生届 deadline is in the file');
  assert.deepEqual(problems, []);
  await context.close();
});
