// The staff API on the real server: tokens made with add-staff-token, listing, downloading envelopes,
// status changes with sealed messages that reach the resident, and corrections linked to their original.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  addStaffToken, errorOf, fetch, newStatusToken, postEnvelope, sealEnvelopes, useServer,
} from './server.mjs';

const server = useServer();
const at = (target) => new URL(target, server.url);
let staffToken;

function staff(target, { method = 'GET', token = staffToken, body } = {}) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(at(target), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function submit(options) {
  const [envelope] = await sealEnvelopes(server, 1);
  const token = newStatusToken();
  const res = await postEnvelope(server, envelope.bytes, { token, ...options });
  assert.equal(res.status, 201);
  return { ...(await res.json()), token, envelope };
}

test('add-staff-token prints a token once; the staff API refuses anything else', async () => {
  staffToken = addStaffToken(server.db, 'tanaka');
  assert.match(staffToken, /^[A-Za-z0-9_-]{43}$/);
  for (const token of [null, newStatusToken(), 'not a token']) {
    const res = await staff('/api/v1/staff/submissions', { token });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="madoguchi-staff"');
    errorOf(assert, await res.text(), 'staff_unauthorized');
  }
  assert.equal((await staff('/api/v1/staff/submissions')).status, 200);
});

test('a new token for the same name replaces the old one', async () => {
  const old = addStaffToken(server.db, 'suzuki');
  assert.equal((await staff('/api/v1/staff/submissions', { token: old })).status, 200);
  const replacement = addStaffToken(server.db, 'suzuki');
  assert.equal((await staff('/api/v1/staff/submissions', { token: old })).status, 401);
  assert.equal((await staff('/api/v1/staff/submissions', { token: replacement })).status, 200);
});

test('add-staff-token without a name exits 2 and says what it needs', () => {
  const result = spawnSync(process.env.MADOGUCHI_ENDPOINT, ['--db', server.db, 'add-staff-token'], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /add-staff-token needs exactly one NAME/);
  assert.equal(result.stdout, '');
});

test('staff list new submissions oldest first and download each envelope byte for byte', async () => {
  const first = await submit();
  const second = await submit();
  const res = await staff('/api/v1/staff/submissions');
  assert.equal(res.status, 200);
  const { submissions } = await res.json();
  const mine = submissions.filter((s) => [first.receipt, second.receipt].includes(s.receipt));
  assert.deepEqual(mine.map((s) => s.receipt), [first.receipt, second.receipt]);
  assert.equal(mine[0].submission_id, first.envelope.submission_id);
  assert.equal(mine[0].key_id, server.key.key_id);
  assert.equal(mine[0].size, first.envelope.bytes.length);
  assert.equal(mine[0].status, 'new');
  assert.equal(mine[0].corrects, null);

  const download = await staff(`/api/v1/staff/submissions/${first.receipt}/envelope`);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/vnd.madoguchi.envelope');
  assert.deepEqual(Buffer.from(await download.arrayBuffer()), first.envelope.bytes);

  const missing = await staff('/api/v1/staff/submissions/0000-0000-0000/envelope');
  assert.equal(missing.status, 404);
  errorOf(assert, await missing.text(), 'no_submission');
  const filter = await staff('/api/v1/staff/submissions?status=lost');
  assert.equal(filter.status, 400);
  errorOf(assert, await filter.text(), 'bad_status');
});

test('a status change with a sealed message reaches the resident, and moves the listing', async () => {
  const { receipt, token } = await submit();
  const sealed = randomBytes(120).toString('base64');  // the server cannot and does not open it
  const res = await staff(`/api/v1/staff/submissions/${receipt}/status`, {
    method: 'PUT', body: { status: 'correction_requested', message: sealed },
  });
  assert.equal(res.status, 200);
  const changed = await res.json();
  assert.equal(changed.status, 'correction_requested');
  assert.equal(changed.messages.length, 1);
  assert.equal(changed.messages[0].sealed, sealed);

  const resident = await fetch(at(`/api/v1/submissions/${receipt}/status`), { headers: { 'madoguchi-status-token': token } });
  assert.deepEqual(await resident.json(), changed);

  const listed = await (await staff('/api/v1/staff/submissions?status=correction_requested')).json();
  assert.ok(listed.submissions.some((s) => s.receipt === receipt));
  const fresh = await (await staff('/api/v1/staff/submissions')).json();
  assert.ok(!fresh.submissions.some((s) => s.receipt === receipt));
  const all = await (await staff('/api/v1/staff/submissions?status=all')).json();
  assert.ok(all.submissions.some((s) => s.receipt === receipt));
});

test('the corrected application names the one it corrects', async () => {
  const original = await submit();
  const correction = await submit({ headers: { 'madoguchi-corrects': original.receipt.toLowerCase() } });
  const { submissions } = await (await staff('/api/v1/staff/submissions')).json();
  const row = submissions.find((s) => s.receipt === correction.receipt);
  assert.equal(row.corrects, original.receipt);
});

test('malformed status changes are refused with their codes and change nothing', async () => {
  const { receipt, token } = await submit();
  const target = `/api/v1/staff/submissions/${receipt}/status`;
  const cases = [
    [{ status: 'new' }, 400, 'bad_status'],
    [{ status: 'archived' }, 400, 'bad_status'],
    [{ status: 'received', message: 'not base64!' }, 400, 'bad_message'],
    [{ status: 'received', note: 'x' }, 400, 'bad_json'],
    [['received'], 400, 'bad_json'],
  ];
  for (const [body, status, code] of cases) {
    const res = await staff(target, { method: 'PUT', body });
    assert.equal(res.status, status, JSON.stringify(body));
    errorOf(assert, await res.text(), code);
  }
  const text = await fetch(at(target), { method: 'PUT', body: '{"status":"received"}',
    headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'text/plain' } });
  assert.equal(text.status, 415);
  errorOf(assert, await text.text(), 'unsupported_media_type');
  const unknown = await staff('/api/v1/staff/submissions/0000-0000-0000/status', { method: 'PUT', body: { status: 'received' } });
  assert.equal(unknown.status, 404);
  const resident = await fetch(at(`/api/v1/submissions/${receipt}/status`), { headers: { 'madoguchi-status-token': token } });
  assert.equal((await resident.json()).status, 'new');
});
