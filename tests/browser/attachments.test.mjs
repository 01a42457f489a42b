// A resident who left their employer's insurance attaches a photo of the certificate to the 国民健康保険
// form on a phone: the camera button asks the phone for its camera, a file that is not a photo is refused
// with what to do, a PDF can be attached and taken off, a 3000 px photo is made smaller on the device and
// shown small, it is still there after a reload, the review shows it, and the ward's inbox opens it as a
// file of the application. On the receipt the resident rates how easy it was; the ward counts it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startEndpoint, launchBrowser, openPhone, tap, choose, swipeIntoView, screenshot, accessibilityViolations, SITE, readSourceJson, typeInto } from './portal.mjs';
import { fetchInbox } from './ward.mjs';

const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');
const certificate = kokuho.form.fields.find((f) => f.id === 'loss_certificate');
const LABEL = certificate.label.ja;

let server, browser;

before(async () => {
  // The clock runs from now; the ward reads the rating after it is moved past this month's end.
  server = await startEndpoint({ args: ['--keys', path.join(SITE, 'keys.json')], clock: new Date() });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

// A phone photo of a page: 3000 × 2250 px PNG drawn in the browser (no image library in the tests).
async function photoOfAPage(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2250;
    const c = canvas.getContext('2d');
    c.fillStyle = '#f4f1e8';
    c.fillRect(0, 0, 3000, 2250);
    c.fillStyle = '#1a1a1a';
    c.font = 'bold 160px sans-serif';
    c.fillText('資格喪失証明書', 300, 400);
    for (let y = 700; y < 2100; y += 120) c.fillRect(300, y, 2400, 28);
    c.strokeStyle = '#c0392b';
    c.lineWidth = 24;
    c.strokeRect(2300, 200, 400, 400);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

// Width and height from a JPEG's start-of-frame segment.
function jpegSize(bytes) {
  assert.equal(bytes.readUInt16BE(0), 0xffd8, 'a JPEG');
  for (let i = 2; i < bytes.length;) {
    const marker = bytes.readUInt16BE(i);
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xffc0 && marker <= 0xffc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('no frame in the JPEG');
}

async function pick(page, button, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page.getByRole('button', { name: button }))]);
  await chooser.setFiles(files);
  return chooser;
}

test('a photo of the certificate: taken or picked, made smaller, kept, checked and sealed with the application', async () => {
  const { page, problems } = await openPhone(browser, server.url + '#/apply/kokuho-kanyu', { now: new Date('2026-03-20T10:00:00+09:00') });
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  await choose(page.getByRole('radio', { name: '勤務先の健康保険をやめた', exact: true }));

  // The camera button asks for the phone's back camera; a text file is refused, saying what to do.
  const camera = await pick(page, `カメラで撮る：${LABEL}`, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  assert.equal(await camera.element().getAttribute('capture'), 'environment');
  assert.equal(await camera.element().getAttribute('accept'), 'image/*,application/pdf');
  await page.getByText('エラー：選んだファイルは写真でも PDF でもありません。', { exact: false }).waitFor();
  await screenshot(page, 'form-attachment-refused-ja');

  // A PDF is kept as it is, shown as a PDF, and can be taken off again.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await pick(page, `写真かPDFを選ぶ：${LABEL}`, { name: '喪失証明.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('img', { name: '添付したPDF：喪失証明.pdf' }).waitFor();
  await tap(page.getByRole('button', { name: `添付を取り消す：${LABEL}` }));
  await page.getByRole('button', { name: `カメラで撮る：${LABEL}` }).waitFor();

  // A large photo is made smaller on the phone before it is kept.
  const png = await photoOfAPage(page);
  await pick(page, `写真かPDFを選ぶ：${LABEL}`, { name: 'certificate.png', mimeType: 'image/png', buffer: png });
  const thumbnail = page.getByRole('img', { name: '添付した写真：certificate.png' });
  await thumbnail.waitFor();
  const sizeLine = await page.getByText(/^certificate\.png（\d+ KB）$/).textContent();
  const keptKB = Number(sizeLine.match(/（(\d+) KB）/)[1]);
  assert.ok(keptKB < png.length / 1000, `kept ${keptKB} KB, picked ${Math.round(png.length / 1000)} KB`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, 'form-attachment-photo-ja');

  // Still attached after a reload: the device kept it.
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForFunction(() => window.Madoguchi && window.Madoguchi.ready && window.Madoguchi.frames > 0);
  const kept = page.getByRole('img', { name: '添付した写真：certificate.png' });
  await kept.waitFor();
  await swipeIntoView(kept);
  await page.waitForTimeout(500);  // the thumbnail is decoded again from the kept photo
  await screenshot(page, 'form-attachment-reloaded-ja');

  await typeInto(page, '世帯主の氏名', '山田 太郎');
  await typeInto(page, '住所', '東京都千代田区九段南1-2-1');
  await typeInto(page, '加入することになった日', '2026-03-15');
  await typeInto(page, '前に入っていた健康保険の名前', '協会けんぽ東京支部');
  await tap(page.getByRole('button', { name: '加入する人を追加する' }));
  await typeInto(page, '氏名', '山田 太郎');
  await typeInto(page, 'フリガナ', 'ヤマダ タロウ');
  await typeInto(page, '生年月日', '1990-04-01');
  await choose(page.getByRole('radio', { name: '男', exact: true }));
  await choose(page.getByRole('radio', { name: '世帯主（本人）', exact: true }));
  await typeInto(page, '日中に連絡がとれる電話番号', '09012345678');
  await tap(page.getByRole('button', { name: '次へ（入力内容の確認）' }));
  await page.getByRole('heading', { name: '申請内容の確認', level: 1 }).waitFor();
  await page.getByRole('img', { name: '添付した写真：certificate.png' }).waitFor();
  await screenshot(page, 'review-attachment-ja');

  await tap(page.getByRole('button', { name: '送信する' }));
  const receiptHeading = page.getByRole('heading', { level: 2, name: /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/ });
  await receiptHeading.waitFor({ timeout: 20000 });
  const receipt = await receiptHeading.textContent();

  // The optional rating: said to be anonymous before the tap, one tap, thanked.
  await page.getByText('ひとつ選ぶと、区役所に点数だけが届きます。', { exact: false }).waitFor();
  await tap(page.getByRole('radio', { name: '4　かんたんだった', exact: true }));
  await page.getByRole('status').filter({ hasText: 'ありがとうございました。「4　かんたんだった」と答えました。' }).waitFor();
  assert.equal(await page.getByRole('radiogroup', { name: 'この申請はかんたんでしたか？' }).count(), 0);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, 'receipt-attachment-rated-ja');

  // The ward's inbox opens the photo as a file of the application; the answers name it.
  const { out, tokenFile } = fetchInbox(server, 'inbox-attachment');
  const folder = path.join(out, 'kokuho-kanyu', receipt);
  const saved = JSON.parse(readFileSync(path.join(folder, 'submission.json'), 'utf8'));
  assert.equal(saved.application.answers.loss_certificate, 'loss_certificate.jpg');
  assert.deepEqual(readdirSync(path.join(folder, 'attachments')), ['1-loss_certificate.jpg']);
  const jpeg = readFileSync(path.join(folder, 'attachments', '1-loss_certificate.jpg'));
  assert.deepEqual(jpegSize(jpeg), { width: 2000, height: 1500 });

  // The ward counts the rating once the month has ended, and nothing ties it to the application: one
  // resident's score is not shown, only that one resident rated.
  const ratings = () => spawnSync(process.env.MADOGUCHI_INBOX,
    ['ratings', '--server', server.url, '--token-file', tokenFile], { encoding: 'utf8' });
  const month = new Date().toISOString().slice(0, 7);
  assert.match(ratings().stdout, new RegExp(`^${month} is still being counted`, 'm'));
  const next = new Date(`${month}-01T12:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  server.setClock(next);
  const ended = ratings();
  assert.equal(ended.status, 0, ended.stderr);
  assert.match(ended.stdout, new RegExp(`^${month}\\s+kokuho-kanyu\\s+1\\s+-\\s+-\\s+-\\s+-\\s+-\\s+-$`, 'm'));
  assert.ok(!ended.stdout.includes(receipt));
  assert.deepEqual(problems, []);
});
