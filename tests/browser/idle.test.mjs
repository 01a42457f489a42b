// Nothing is drawn while nothing changes: a phone's battery is not spent on a screen at rest, on the
// home screen nor on a form with its field focused (the blinking caret is the browser's own).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, tap } from './portal.mjs';

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function framesOver(page, ms) {
  await page.waitForTimeout(500);  // the follow-up frames of the last input settle
  const start = await page.evaluate(() => window.Madoguchi.frames);
  await page.waitForTimeout(ms);
  return (await page.evaluate(() => window.Madoguchi.frames)) - start;
}

test('no frames are drawn over 5 s at rest', async () => {
  const { context, page, problems } = await openPhone(browser, `${server.url}#/apply/shugaku`);
  await page.getByRole('textbox').first().waitFor();
  assert.equal(await framesOver(page, 5000), 0, 'a form at rest');
  await tap(page.getByRole('textbox').first());
  await page.waitForFunction(() => document.activeElement?.localName === 'input');
  assert.equal(await framesOver(page, 5000), 0, 'a focused field at rest');
  assert.deepEqual(problems, []);
  await context.close();
});
