// madoguchi-keygen as staff and the build use it: new key pairs (passphrase from a file or a terminal
// without echo), the idempotent development key, and the site's keys.json with errors naming the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const keygen = process.env.MADOGUCHI_KEYGEN;
const assetsKeys = path.resolve(import.meta.dirname, '../../assets/keys');
assert.ok(keygen, 'MADOGUCHI_KEYGEN must name the madoguchi-keygen binary (tests/CMakeLists.txt sets it)');

const scratch = mkdtempSync(path.join(tmpdir(), 'keygen-test-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const freshDir = () => path.join(scratch, `d${folders++}`);

// setsid: no controlling terminal, so a prompt fails at once instead of waiting for a person.
const run = (...args) => {
  const r = spawnSync('setsid', ['--wait', keygen, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status, out: r.stdout, err: r.stderr };
};
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const passphraseFile = (text) => {
  const file = path.join(scratch, `pw${folders++}`);
  writeFileSync(file, text);
  return file;
};
const publicFile = (dir, fields) => writeFileSync(path.join(dir, `${fields.key_id}.json`), JSON.stringify(fields));
const today = new Date().toISOString().slice(0, 10);

test('new writes an owner-only secret file and a public file in the assets/keys format', () => {
  const dir = freshDir();
  const r = run('new', '--out', dir, '--label', 'Example ward 2026', '--passphrase-file', passphraseFile('a long passphrase words\n'));
  assert.equal(r.status, 0, r.err);
  const id = r.out.match(/key id: +([0-9a-f]{16})/)[1];
  assert.match(r.out, /copy .* into assets\/keys\//);
  assert.deepEqual(readdirSync(dir).sort(), [`${id}.json`, `${id}.secret.json`]);
  assert.equal(statSync(path.join(dir, `${id}.secret.json`)).mode & 0o777, 0o600);

  const pub = readJson(path.join(dir, `${id}.json`));
  assert.deepEqual(Object.keys(pub), ['key_id', 'public_key', 'created', 'label']);
  assert.equal(pub.key_id, id);
  assert.equal(Buffer.from(pub.public_key, 'base64').length, 32);
  assert.ok(r.out.includes(pub.public_key));
  assert.equal(pub.created, today);
  assert.equal(pub.label, 'Example ward 2026');

  const secret = readJson(path.join(dir, `${id}.secret.json`));
  assert.equal(secret.format, 'madoguchi-ward-secret-key/1');
  assert.equal(secret.key_id, id);
  assert.equal(secret.public_key, pub.public_key);
  assert.deepEqual([secret.kdf.opslimit, secret.kdf.memlimit], [3, 256 * 1024 * 1024]);
  assert.ok(!JSON.stringify(secret).includes('a long passphrase'));
});

test('new refuses a passphrase shorter than 12 characters and writes nothing', () => {
  for (const short of ['elevenchars\n', 'まどぐちのひみつのあい\n']) {
    const dir = freshDir();
    const r = run('new', '--out', dir, '--passphrase-file', passphraseFile(short));
    assert.equal(r.status, 1);
    assert.match(r.err, /the passphrase has 11 characters; use at least 12/);
    assert.throws(() => statSync(dir));
  }
  const dir = freshDir();
  const r = run('new', '--out', dir, '--passphrase-file', passphraseFile('まどぐちのひみつのあいこ\r\n'));
  assert.equal(r.status, 0, r.err);
});

test('new without a terminal or a passphrase file says how to give one', () => {
  const r = run('new', '--out', freshDir());
  assert.equal(r.status, 1);
  assert.match(r.err, /no terminal to ask for the passphrase on: give it with --passphrase-file FILE/);
});

// Types into a pseudo-terminal (script(1)) only after each prompt shows, as a person would.
const onTerminal = (args, answers) => new Promise((resolve) => {
  const command = [keygen, ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let shown = '';
  let prompts = 0;
  child.stdout.on('data', (chunk) => {
    shown += chunk.toString();
    const seen = (shown.match(/Passphrase for the new ward key: |Type it again: /g) || []).length;
    while (prompts < seen && prompts < answers.length) child.stdin.write(answers[prompts++] + '\r');
  });
  // A prompt that never comes (or an answer lost) must fail the test, not hang it.
  const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
  child.on('close', (status) => {
    clearTimeout(timer);
    resolve({ status, shown });
  });
});

test('new asks twice on the terminal without showing what is typed', async () => {
  const dir = freshDir();
  const r = await onTerminal(['new', '--out', dir], ['typed on the terminal', 'typed on the terminal']);
  assert.equal(r.status, 0, r.shown);
  assert.match(r.shown, /Type it again: /);
  assert.ok(!r.shown.includes('typed on the terminal'), 'the passphrase was echoed');
  assert.equal(readdirSync(dir).length, 2);

  const other = freshDir();
  const mismatch = await onTerminal(['new', '--out', other], ['typed on the terminal', 'typed on the terminaI']);
  assert.equal(mismatch.status, 1);
  assert.match(mismatch.shown, /the two passphrases differ: nothing was written/);
  assert.throws(() => statSync(other));
});

test('dev makes the development key once, then only names it', () => {
  const dir = freshDir();
  const first = run('dev', dir);
  assert.equal(first.status, 0, first.err);
  assert.match(first.out, /made a development key pair .*passphrase "development"/);
  const id = first.out.match(/key id ([0-9a-f]{16})/)[1];
  const secretFile = path.join(dir, `${id}.secret.json`);
  const before = readFileSync(secretFile, 'utf8');
  const mtime = statSync(secretFile).mtimeMs;

  const again = run('dev', dir);
  assert.equal(again.status, 0, again.err);
  assert.equal(again.out, `development key ${id} in ${dir} (passphrase "development")\n`);
  assert.equal(readFileSync(secretFile, 'utf8'), before);
  assert.equal(statSync(secretFile).mtimeMs, mtime);

  // A lost public file comes back from the secret file, which names its key.
  const pub = readFileSync(path.join(dir, `${id}.json`), 'utf8');
  unlinkSync(path.join(dir, `${id}.json`));
  assert.equal(run('dev', dir).status, 0);
  assert.equal(readFileSync(path.join(dir, `${id}.json`), 'utf8'), pub);

  // A public key without its secret one could never be opened: the build stops and says what to do.
  unlinkSync(secretFile);
  const orphan = run('dev', dir);
  assert.equal(orphan.status, 1);
  assert.match(orphan.err, new RegExp(`${id}\\.json has no secret key file beside it.*delete ${dir.replaceAll('/', '\\/')}`));
});

test('bundle lists the public keys of every folder, newest first, and skips secret files', () => {
  const a = freshDir();
  const b = freshDir();
  const ids = [a, b].map((dir) => run('dev', dir).out.match(/key id ([0-9a-f]{16})/)[1]);
  const older = readJson(path.join(b, `${ids[1]}.json`));
  publicFile(b, { ...older, created: '2025-04-01' });
  const out = path.join(scratch, 'keys.json');
  const r = run('bundle', '--out', out, a, b);
  assert.equal(r.status, 0, r.err);
  const keys = readJson(out).keys;
  assert.deepEqual(keys.map((k) => k.key_id), ids);
  assert.deepEqual(Object.keys(keys[0]), ['key_id', 'public_key']);
  assert.equal(keys[1].public_key, older.public_key);
});

test('bundle refuses a wrong public key file, naming the file and what is wrong', () => {
  const good = freshDir();
  run('dev', good);
  const goodFile = readdirSync(good).find((f) => /^[0-9a-f]{16}\.json$/.test(f));
  const key = readJson(path.join(good, goodFile));
  const cases = [
    [{ ...key, key_id: 'ffffffffffffffff' }, `ffffffffffffffff.json: key_id: ffffffffffffffff is not the key id of public_key (${key.key_id})`],
    [{ ...key, public_key: key.public_key.slice(4) }, 'public_key: expected standard base64 of 32 bytes'],
    [{ ...key, created: '2026-02-30' }, 'created: expected a date as YYYY-MM-DD'],
    [{ ...key, publickey: key.public_key }, 'unknown field "publickey"'],
  ];
  for (const [fields, says] of cases) {
    const dir = freshDir();
    mkdirSync(dir);
    publicFile(dir, fields);
    const out = path.join(dir, 'keys.json.out');
    const r = run('bundle', '--out', out, dir);
    assert.equal(r.status, 1, says);
    assert.ok(r.err.includes(dir), r.err);
    assert.ok(r.err.includes(says), `${r.err} should say ${says}`);
    assert.throws(() => statSync(out));
  }
  const renamed = freshDir();
  mkdirSync(renamed);
  writeFileSync(path.join(renamed, 'ward.json'), JSON.stringify(key));
  assert.match(run('bundle', '--out', path.join(scratch, 'x.json'), renamed).err, /ward\.json: the file name must be the key id: rename it to [0-9a-f]{16}\.json/);
  assert.match(run('bundle', '--out', path.join(scratch, 'x.json'), good, good).err, /the same key as/);
  assert.match(run('bundle', '--out', path.join(scratch, 'x.json'), path.join(scratch, 'nowhere')).err, /nowhere: not a folder/);
});

test('assets/keys holds only public key files that bundle accepts', () => {
  const secrets = readdirSync(assetsKeys).filter((f) => f.endsWith('.secret.json'));
  assert.deepEqual(secrets, [], 'a secret key file must never be in assets/keys');
  const out = path.join(scratch, 'assets-keys.json');
  const r = run('bundle', '--out', out, assetsKeys);
  assert.equal(r.status, 0, r.err);
  assert.ok(Array.isArray(readJson(out).keys));
});
