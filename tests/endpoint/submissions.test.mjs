// The resident API on the real server: keys, sending real sealed envelopes, receipts, idempotent retries,
// reading one's status, and every way an upload is refused (each answer checked against openapi.yaml).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  errorOf, fetch, makeKeyPair, newStatusToken, parseResponse, postEnvelope, rawRequest, sealEnvelopes, useServer,
} from './server.mjs';

const server = useServer();
const at = (target) => new URL(target, server.url);
const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function getStatus(receipt, token) {
  return fetch(at(`/api/v1/submissions/${receipt}/status`), { headers: { 'madoguchi-status-token': token } });
}

test('the keys route lists the ward key the server accepts', async () => {
  const res = await fetch(at('/api/v1/keys'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  assert.deepEqual(await res.json(), { keys: [{ key_id: server.key.key_id, public_key: server.key.public_key }] });
});

test('a sealed application gets a receipt, and the status token reads its status', async () => {
  const [envelope] = await sealEnvelopes(server, 1);
  const token = newStatusToken();
  const res = await postEnvelope(server, envelope.bytes, { token });
  assert.equal(res.status, 201);
  const answer = await res.json();
  assert.match(answer.receipt, RECEIPT);
  assert.equal(answer.submission_id, envelope.submission_id);
  assert.equal(answer.status, 'new');
  assert.equal(res.headers.get('location'), `/api/v1/submissions/${answer.receipt}/status`);

  const status = await getStatus(answer.receipt, token);
  assert.equal(status.status, 200);
  const body = await status.json();
  assert.equal(body.receipt, answer.receipt);
  assert.equal(body.status, 'new');
  assert.deepEqual(body.messages, []);
  // As a person might type it at home: lower case, spaces instead of hyphens.
  const typed = encodeURIComponent(answer.receipt.toLowerCase().replaceAll('-', ' '));
  assert.equal((await getStatus(typed, token)).status, 200);
});

test('a retry with the same bytes gets the same answer; changed bytes under the same id get 409', async () => {
  const [envelope] = await sealEnvelopes(server, 1);
  const first = await postEnvelope(server, envelope.bytes);
  assert.equal(first.status, 201);
  const firstBody = await first.json();
  const retry = await postEnvelope(server, envelope.bytes);
  assert.equal(retry.status, 200);
  assert.deepEqual(await retry.json(), firstBody);

  const changed = Buffer.from(envelope.bytes);
  changed[changed.length - 1] ^= 1;  // still well framed: only the ward's key could tell
  const conflict = await postEnvelope(server, changed);
  assert.equal(conflict.status, 409);
  errorOf(assert, await conflict.text(), 'submission_id_conflict');
});

test('a wrong token and an unknown receipt get the same 404; a typo is a 400', async () => {
  const [envelope] = await sealEnvelopes(server, 1);
  const { receipt } = await (await postEnvelope(server, envelope.bytes)).json();
  const wrongToken = await getStatus(receipt, newStatusToken());
  assert.equal(wrongToken.status, 404);
  const wrongText = await wrongToken.text();
  errorOf(assert, wrongText, 'no_submission');
  // Another receipt with a valid check digit: 0000-0000-0000 is one (all zeros sum to zero).
  const unknown = await getStatus('0000-0000-0000', newStatusToken());
  assert.equal(unknown.status, 404);
  assert.equal(await unknown.text(), wrongText);

  const typo = (receipt[0] === 'A' ? 'B' : 'A') + receipt.slice(1);
  const res = await getStatus(typo, newStatusToken());
  assert.equal(res.status, 400);
  errorOf(assert, await res.text(), 'bad_receipt');
  assert.equal((await getStatus(receipt, 'short')).status, 400);
});

test('uploads that are not a whole envelope for this ward are refused, each with its code', async () => {
  const [envelope] = await sealEnvelopes(server, 1);
  const cases = [
    ['wrong content type', postEnvelope(server, envelope.bytes, { headers: { 'content-type': 'application/octet-stream' } }),
      415, 'unsupported_media_type'],
    ['no status token', fetch(at('/api/v1/submissions'), { method: 'POST', body: envelope.bytes,
      headers: { 'content-type': 'application/vnd.madoguchi.envelope' } }), 400, 'bad_status_token'],
    ['cut short', postEnvelope(server, envelope.bytes.subarray(0, envelope.bytes.length - 100)), 400, 'truncated_envelope'],
    ['bytes appended', postEnvelope(server, Buffer.concat([envelope.bytes, Buffer.from('extra')])), 400,
      'malformed_envelope'],
    ['not an envelope', postEnvelope(server, Buffer.from('%PDF-1.7 hello')), 400, 'malformed_envelope'],
    ['bad correction receipt', postEnvelope(server, envelope.bytes, { headers: { 'madoguchi-corrects': 'ABCD' } }), 400,
      'bad_receipt'],
  ];
  for (const [name, pending, status, code] of cases) {
    const res = await pending;
    assert.equal(res.status, status, name);
    const error = errorOf(assert, await res.text(), code);
    if (code === 'truncated_envelope') assert.match(error.message.en, /byte \d+/, 'says where it ends');
  }
  const [stranger] = await sealEnvelopes(server, 1, { key: makeKeyPair() });
  const unknownKey = await postEnvelope(server, stranger.bytes);
  assert.equal(unknownKey.status, 422);
  errorOf(assert, await unknownKey.text(), 'unknown_key');
  // None of them was stored: the envelope itself is still new.
  assert.equal((await postEnvelope(server, envelope.bytes)).status, 201);
});

test('an envelope over 1 MiB is accepted on the submissions route', async () => {
  const [big] = await sealEnvelopes(server, 1, { attachmentBytes: 3 * 1024 * 1024 });
  assert.ok(big.bytes.length > 3 * 1024 * 1024);
  const res = await postEnvelope(server, big.bytes);
  assert.equal(res.status, 201);
});

test('a declared body over 32 MiB is refused before it is sent, and the server keeps serving', async () => {
  const head = 'POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.madoguchi.envelope\r\n' +
    `Madoguchi-Status-Token: ${newStatusToken()}\r\nContent-Length: ${33 * 1024 * 1024}\r\n\r\n`;
  const res = parseResponse(await rawRequest(server.port, head));
  assert.equal(res.status, 413);
  const error = errorOf(assert, res.body.toString(), 'payload_too_large');
  assert.match(error.message.en, /33554432/);
  assert.equal((await fetch(at('/api/v1/health'))).status, 200);
});

test('HEAD on the status route answers like GET without a body', async () => {
  const [envelope] = await sealEnvelopes(server, 1);
  const token = newStatusToken();
  const { receipt } = await (await postEnvelope(server, envelope.bytes, { token })).json();
  const res = await fetch(at(`/api/v1/submissions/${receipt}/status`),
    { method: 'HEAD', headers: { 'madoguchi-status-token': token } });
  assert.equal(res.status, 200);
  assert.equal((await res.arrayBuffer()).byteLength, 0);
});
