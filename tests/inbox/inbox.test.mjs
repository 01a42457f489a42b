// The ward's side on a real endpoint: an application sealed as the app seals it is posted, then
// madoguchi-inbox fetches, opens and files it as the same JSON, marks it received, and answers the
// resident with a note the endpoint stores only sealed; and it reads the residents' rating counts once
// their month has ended.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { addStaffToken, fetch, newStatusToken, postEnvelope, startServer, useServer } from '../endpoint/server.mjs';

const work = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-inbox-'));
const keyDir = path.join(work, 'ward');
execFileSync(process.env.MADOGUCHI_KEYGEN, ['dev', keyDir], { encoding: 'utf8' });
const publicFile = readdirSync(keyDir).find((f) => f.endsWith('.json') && !f.endsWith('.secret.json'));
const wardKey = JSON.parse(readFileSync(path.join(keyDir, publicFile), 'utf8'));
const secretFile = path.join(keyDir, `${wardKey.key_id}.secret.json`);
const passphraseFile = path.join(work, 'passphrase.txt');
writeFileSync(passphraseFile, 'development\n');
const catalogFile = path.join(work, 'catalog.json');
execFileSync(process.env.CATALOG_LINT, [path.join(process.env.MADOGUCHI_SOURCE_DIR, 'assets/catalog'), '--bundle', catalogFile]);

const server = useServer({ key: wardKey });
const out = path.join(work, 'inbox');

// A 転入届 as the app's check_form + application_json make it: shown answers only, normalized.
const application = {
  answers: {
    came_from: 'japan', new_address: '東京都千代田区九段南1丁目2番1号', moved_in_on: '2026-11-20',
    previous_address: '大阪府大阪市北区中之島1丁目3番20号', moved_out_on: '2026-11-10', household: 'new',
    head_name: '山田　太郎',
    members: [{ name: '山田　太郎', furigana: 'ヤマダ　タロウ', birth_date: '1985-05-05', sex: 'male', relationship: 'head',
      mynumber_card: 'yes', residence_card: 'no' }],
    notifier: '山田　太郎', notifier_is: 'self', phone: '03-1234-5678',
  },
  language: 'ja',
};

function seal(publicKey, name) {
  const appFile = path.join(work, `${name}.json`);
  writeFileSync(appFile, JSON.stringify(application));
  const photo = path.join(work, '在留カード.jpg');
  writeFileSync(photo, Buffer.from('a photo of a card'));
  const envelopeFile = path.join(work, `${name}.mdg`);
  execFileSync(process.env.MAKE_ENVELOPE,
    ['seal-application', publicKey, 'tennyu-todoke', appFile, envelopeFile, photo], { encoding: 'utf8' });
  return readFileSync(envelopeFile);
}

function inbox(...args) {
  return spawnSync(process.env.MADOGUCHI_INBOX, args, { encoding: 'utf8' });
}

test('a posted application comes out of the inbox as the same JSON, and the resident sees 受付 and a sealed note', async () => {
  const tokenFile = path.join(work, 'staff.token');
  writeFileSync(tokenFile, `${addStaffToken(server.db, 'suzuki')}\n`);
  const statusToken = newStatusToken();
  const posted = await postEnvelope(server, seal(wardKey.public_key, 'good'), { token: statusToken });
  assert.equal(posted.status, 201);
  const { receipt } = await posted.json();

  const fetchArgs = ['fetch', '--server', server.url, '--token-file', tokenFile, '--key', secretFile,
    '--passphrase-file', passphraseFile, '--catalog', catalogFile, '--out', out];
  const run = inbox(...fetchArgs);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.match(run.stdout, new RegExp(`${receipt}: tennyu-todoke, 1 attachment`));
  assert.match(run.stdout, /1 opened, 0 set aside/);

  const folder = path.join(out, 'tennyu-todoke', receipt);
  const saved = JSON.parse(readFileSync(path.join(folder, 'submission.json'), 'utf8'));
  assert.deepEqual(saved.application, application);
  assert.equal(saved.receipt, receipt);
  assert.equal(readFileSync(path.join(folder, saved.attachments[0].file), 'utf8'), 'a photo of a card');
  const csv = readFileSync(path.join(out, 'tennyu-todoke.csv'), 'utf8');
  assert.ok(csv.startsWith('\uFEFF"受付番号"'), csv.slice(0, 40));
  assert.ok(csv.includes(`"${receipt}"`));

  const status = async () => (await fetch(new URL(`/api/v1/submissions/${receipt}/status`, server.url),
    { headers: { 'madoguchi-status-token': statusToken } })).json();
  assert.equal((await status()).status, 'received');

  // Nothing new: a second run opens nothing and changes nothing.
  assert.match(inbox(...fetchArgs).stdout, /0 opened, 0 set aside/);

  const note = path.join(work, 'note.txt');
  writeFileSync(note, '住民票の写しを添付してください。');
  const reply = inbox('reply', '--server', server.url, '--token-file', tokenFile, '--out', out,
    '--receipt', receipt.toLowerCase(), '--status', 'correction_requested', '--message-file', note);
  assert.equal(reply.status, 0, reply.stderr);
  const answered = await status();
  assert.equal(answered.status, 'correction_requested');
  assert.equal(answered.messages.length, 1);
  const sealed = Buffer.from(answered.messages[0].sealed, 'base64');
  const plainLength = Buffer.byteLength(JSON.stringify({ status: 'correction_requested', text: readFileSync(note, 'utf8') }));
  assert.equal(sealed.length, plainLength + 48);  // crypto_box_seal: ephemeral key and MAC, nothing readable
  assert.ok(!sealed.includes(Buffer.from('住民票')));
});

test('an envelope sealed to a key the inbox was not given is set aside and the batch goes on', async () => {
  const tokenFile = path.join(work, 'staff2.token');
  writeFileSync(tokenFile, `${addStaffToken(server.db, 'sato')}\n`);
  const otherDir = path.join(work, 'other');
  execFileSync(process.env.MADOGUCHI_KEYGEN, ['dev', otherDir]);
  // The endpoint accepts only its --keys, so the stray envelope is sealed to the ward key but opened with another.
  const posted = await postEnvelope(server, seal(wardKey.public_key, 'stray'));
  const { receipt } = await posted.json();
  const otherSecret = path.join(otherDir, readdirSync(otherDir).find((f) => f.endsWith('.secret.json')));
  const run = inbox('fetch', '--server', server.url, '--token-file', tokenFile, '--key', otherSecret,
    '--passphrase-file', passphraseFile, '--catalog', catalogFile, '--out', out);
  assert.equal(run.status, 3, run.stderr + run.stdout);
  assert.match(run.stdout, new RegExp(`${receipt}: set aside .*sealed to key ${wardKey.key_id}`));
  assert.match(readFileSync(path.join(out, 'set-aside', `${receipt}.txt`), 'utf8'), /problem: sealed to key/);
});

test('a wrong staff token or passphrase stops the run with a message that says what to do', () => {
  const badToken = path.join(work, 'bad.token');
  writeFileSync(badToken, 'not-a-token\n');
  const run = inbox('fetch', '--server', server.url, '--token-file', badToken, '--key', secretFile,
    '--passphrase-file', passphraseFile, '--catalog', catalogFile, '--out', out);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /refused the staff token/);

  const wrong = path.join(work, 'wrong.txt');
  writeFileSync(wrong, 'not the passphrase\n');
  const locked = inbox('fetch', '--server', server.url, '--token-file', badToken, '--key', secretFile,
    '--passphrase-file', wrong, '--catalog', catalogFile, '--out', out);
  assert.equal(locked.status, 1);
  assert.match(locked.stderr, /passphrase/i);
});

test('ratings prints the counts of ended months as a table or as CSV, and says when this month is shown', async () => {
  // Its own server, with a clock the test moves past the end of October.
  const clocked = await startServer({ clock: '2026-10-31T12:00:00Z' });
  try {
    const tokenFile = path.join(work, 'staff3.token');
    writeFileSync(tokenFile, `${addStaffToken(clocked.db, 'ito')}\n`);
    const ratings = (...args) => inbox('ratings', '--server', clocked.url, '--token-file', tokenFile, ...args);
    const scores = [['kokuho-kanyu', 5], ['kokuho-kanyu', 4], ['kokuho-kanyu', 4], ['kokuho-kanyu', 5],
      ['kokuho-kanyu', 3], ['tennyu-todoke', 2]];
    for (const [procedure, score] of scores) {
      const res = await fetch(new URL('/api/v1/ratings', clocked.url), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ procedure, score }),
      });
      assert.equal(res.status, 204);
    }
    const counting = ratings();
    assert.equal(counting.status, 0, counting.stderr);
    assert.equal(counting.stdout, 'no ratings in the months that have ended\n' +
      '2026-10 is still being counted: its ratings are shown from 2026-11-01 (UTC)\n');

    clocked.setClock('2026-11-01T12:00:00Z');
    const table = ratings('--month', '2026-10');
    assert.equal(table.status, 0, table.stderr);
    assert.equal(table.stdout,
      'month    procedure      ratings  average  1  2  3  4  5\n' +
      '2026-10  kokuho-kanyu         5      4.2  0  0  1  2  2\n' +
      '2026-10  tennyu-todoke        1        -  -  -  -  -  -\n' +
      '-: fewer than 5 residents rated it that month, so the portal does not show their scores\n');

    const csv = ratings('--csv');
    assert.equal(csv.status, 0, csv.stderr);
    const lines = csv.stdout.split('\r\n');
    assert.equal(lines[0], '\uFEFF"月","手続き","件数","平均","評価1","評価2","評価3","評価4","評価5"');
    assert.equal(lines[1], '"2026-10","kokuho-kanyu","5","4.2","0","0","1","2","2"');
    assert.equal(lines[2], '"2026-10","tennyu-todoke","1","","","","","",""');
    assert.match(csv.stderr, /^2026-11 is still being counted: its ratings are shown from 2026-12-01 \(UTC\)$/m);

    assert.equal(ratings('--month', '1999-01').stdout, 'no ratings in 1999-01\n');
    const bad = ratings('--month', '2026-13');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--month 2026-13 is not YYYY-MM/);
  } finally {
    const { code } = await clocked.stop();
    assert.equal(code, 0, clocked.stderr());
  }
});
