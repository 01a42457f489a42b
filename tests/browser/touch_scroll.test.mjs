// Touch scrolling as on a phone: a flick keeps the page moving after the finger lifts, slowing to a
// stop (and the frames stop with it); a slow drag or a finger held still stops with the finger; a
// finger that lands on a moving page stops it and presses nothing under it, and only a later tap does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEndpoint, launchBrowser, openPhone, devtools, screenshot } from './portal.mjs';

const FORM = '#/event/birth/apply/kokuho-kanyu';  // a long form: text boxes, radios, buttons
const X = 200;

let server, browser;
before(async () => { server = await startEndpoint(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function openForm() {
  const opened = await openPhone(browser, server.url + FORM);
  const title = opened.page.getByRole('heading', { level: 1 });
  await title.waitFor();
  await opened.page.waitForTimeout(500);
  const top = (await title.boundingBox()).y;
  // How far the page is scrolled: the mirror's rectangles move with the drawn page.
  const scrolled = async () => top - (await title.boundingBox()).y;
  // The same, logged in the page as each frame moves the mirror, with the fingers landing and lifting:
  // this loaded machine answers a test's questions too slowly to watch a flick from outside.
  await opened.page.evaluate((y0) => {
    const h1 = [...document.querySelectorAll('h1')].find((h) => h.getBoundingClientRect().height > 0);
    const log = window.scrollLog = [];
    new MutationObserver(() => {
      const y = y0 - h1.getBoundingClientRect().y;
      if (log.findLast((e) => typeof e[1] === 'number')?.[1] !== y) log.push([performance.now(), y]);
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['style'] });
    for (const type of ['touchstart', 'touchend']) {
      window.addEventListener(type, () => log.push([performance.now(), type]), { capture: true, passive: true });
    }
  }, top);
  return { ...opened, scrolled };
}

// The log from the last `type` event on: [ms after it, scroll px] for each change.
const logSince = (page, type) => page.evaluate((t) => {
  const from = window.scrollLog.findLastIndex((e) => e[1] === t);
  const t0 = window.scrollLog[from][0];
  return window.scrollLog.slice(from + 1).filter((e) => typeof e[1] === 'number').map(([ms, y]) => [Math.round(ms - t0), y]);
}, type);

// A finger's drag from `from` by `dy` CSS px in `steps` samples `every` ms apart, lifted `hold` ms after
// the last. Each sample carries its time (CDP's timestamp), so the page sees the speed a phone would
// report even when this loaded machine delivers the events late; none is sent ahead of its time.
async function drag(page, { from = 600, dy, steps = 8, every = 16, hold = 0 }) {
  const cdp = await devtools(page);
  const start = Date.now();
  const at = async (ms) => {
    const wait = start + ms - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    return (start + ms) / 1000;
  };
  const point = (y) => [{ x: X, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from), timestamp: await at(0) });
  for (let s = 1; s <= steps; s++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(from + (dy * s) / steps), timestamp: await at(s * every) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: await at(steps * every + hold) });
}

// Where the page rests once no frame has moved it for 500 ms.
async function atRest(page, scrolled) {
  await page.waitForFunction(() => performance.now() - window.scrollLog.at(-1)[0] > 500, null, { polling: 100, timeout: 10000 });
  return scrolled();
}

async function framesOver(page, ms) {
  const start = await page.evaluate(() => window.Madoguchi.frames);
  await page.waitForTimeout(ms);
  return (await page.evaluate(() => window.Madoguchi.frames)) - start;
}

test('a flick scrolls on after the lift, slowing to a stop; it stops at the bottom and at the top', async () => {
  const { context, page, problems, scrolled } = await openForm();
  // 160 px in 128 ms: 1.25 px/ms up the screen.
  await drag(page, { dy: -160 });
  const rest = await atRest(page, scrolled);
  const after = await logSince(page, 'touchend');
  console.log(`a flick of 1.25 px/ms after a 160 px drag rests at ${rest} px; [ms after the lift, px]: ${JSON.stringify(after)}`);
  assert.ok(rest > 160 + 150, `the page went well past the finger's 160 px (${rest} px)`);
  assert.ok(after.every(([, y], i) => i === 0 || y > after[i - 1][1]), 'it only ever went on, never back');
  const goneOn = after.filter(([, y]) => y > 160);
  assert.ok(goneOn.length >= 2, 'it went on over several frames after the lift');
  assert.ok(goneOn.at(-1)[0] >= 150, 'and for a while');
  assert.equal(await framesOver(page, 1000), 0, 'no frames once the flick has stopped');
  await screenshot(page, 'touch-scroll-flicked');

  // A faster flick runs into the bottom and stops there: a finger dragging further up moves nothing.
  await drag(page, { dy: -240 });
  const bottom = await atRest(page, scrolled);
  assert.ok(bottom > rest, `further down (${bottom} px)`);
  await drag(page, { dy: -100, hold: 150 });
  assert.equal(await atRest(page, scrolled), bottom, 'the flick stopped at the bottom of the page');
  // A flick back down stops at the top, not past it.
  await drag(page, { from: 200, dy: 300 });
  assert.equal(await atRest(page, scrolled), 0, 'at the top again, exactly');
  assert.equal(await framesOver(page, 1000), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a slow drag, or a finger held still before the lift, stops with the finger', async () => {
  const { context, page, problems, scrolled } = await openForm();
  // 60 px in 1.2 s: 0.05 px/ms, reading down the page.
  await drag(page, { dy: -60, steps: 20, every: 60 });
  assert.equal(await atRest(page, scrolled), 60, 'the page moved with the finger and no further');
  // A flick's speed, then held for 150 ms before the lift.
  await drag(page, { dy: -240, hold: 150 });
  assert.equal(await atRest(page, scrolled), 300);
  assert.equal(await framesOver(page, 1000), 0);
  assert.equal(new URL(page.url()).hash, FORM, 'no drag pressed anything');
  assert.deepEqual(problems, []);
  await context.close();
});

// What a press would change: the screen, the focused field, the chosen radios, the number of fields.
const pressable = (page) => page.evaluate(() => ({
  hash: location.hash,
  focused: document.activeElement?.getAttribute('aria-label') ?? null,
  checked: [...document.querySelectorAll('[role=radio][aria-checked=true]')].map((e) => e.getAttribute('aria-label') ?? e.textContent),
  fields: document.querySelectorAll('input').length,
}));

// The radio or text box whose rectangle holds (x, y) now, if any.
const controlAt = (page, y) => page.evaluate(([px, py]) => {
  for (const e of document.querySelectorAll('[role=radio], input')) {
    const r = e.getBoundingClientRect();
    if (px >= r.left && px <= r.right && py >= r.top && py <= r.bottom) {
      return { role: e.getAttribute('role') ?? 'textbox', name: e.getAttribute('aria-label') ?? e.textContent.trim() };
    }
  }
  return null;
}, [X, y]);

test('a finger landing on a flicking page stops it and presses nothing; the next tap does', async () => {
  // The finger lands at y 360 while the page moves; if the page comes to rest with a gap between
  // controls, or a button, under it, the catch is tried again on a fresh page.
  const Y = 360;
  for (let attempt = 1; ; attempt++) {
    const { context, page, problems, scrolled } = await openForm();
    const cdp = await devtools(page);
    const before = await pressable(page);
    // 160 px in 96 ms: 1.7 px/ms, which would run on to about 700 px.
    await drag(page, { dy: -160, every: 12 });
    // It lands once a frame has shown the page going on from where the finger left it.
    await page.waitForFunction(() => window.scrollLog.slice(window.scrollLog.findLastIndex((e) => e[1] === 'touchend'))
      .some(([, y]) => typeof y === 'number' && y > 160), null, { polling: 20, timeout: 5000 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: X, y: Y, id: 1 }] });
    await page.waitForTimeout(60);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const rest = await atRest(page, scrolled);
    const flicked = await logSince(page, 'touchend');
    console.log(`attempt ${attempt}: caught at ${rest} px; [ms after the catch, px]: ${JSON.stringify(flicked)}`);
    assert.deepEqual(await logSince(page, 'touchstart'), [], 'no frame moved the page after the finger landed');
    assert.ok(rest < 660, `the flick was stopped short of its course (${rest} px)`);
    assert.deepEqual(await pressable(page), before, 'the finger that stopped the page pressed nothing');
    assert.equal(await framesOver(page, 1000), 0);
    const under = await controlAt(page, Y);
    console.log(`  under the finger: ${JSON.stringify(under)}`);
    if (!under) {
      assert.ok(attempt < 6, 'the finger came to rest on a control within 6 tries');
      await context.close();
      continue;
    }
    await screenshot(page, 'touch-scroll-caught');
    // The same place, now at rest: a tap.
    await page.touchscreen.tap(X, Y);
    if (under.role === 'radio') {
      await page.waitForFunction((name) => [...document.querySelectorAll('[role=radio][aria-checked=true]')]
        .some((e) => (e.getAttribute('aria-label') ?? e.textContent.trim()) === name), under.name);
    } else {
      await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, under.name);
    }
    await screenshot(page, 'touch-scroll-tapped');
    assert.deepEqual(problems, []);
    await context.close();
    return;
  }
});
