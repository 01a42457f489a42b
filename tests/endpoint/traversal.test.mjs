// Path traversal: no spelling of "up and out" reaches a file outside the site folder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SECRET, errorOf, parseResponse, rawRequest, useServer } from './server.mjs';

const server = useServer();

// Sent byte for byte: fetch and node:http would normalise or refuse most of these targets.
async function get(target) {
  const bytes = Buffer.concat([Buffer.from('GET '), Buffer.from(target, 'latin1'),
    Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')]);
  const raw = await rawRequest(server.port, bytes);
  assert.ok(!raw.includes(SECRET), `${target} leaked the secret file`);
  assert.ok(!raw.includes('root:x:0:0'), `${target} leaked /etc/passwd`);
  return parseResponse(raw);
}

test('dot-dot segments are refused with 400 bad_request', async () => {
  for (const target of ['/../secret.txt', '/../../../../../etc/passwd', '/sub/../../secret.txt', '/sub/..',
    '/./index.html', '/..']) {
    const res = await get(target);
    assert.equal(res.status, 400, target);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8', target);
    errorOf(assert, res.body.toString(), 'bad_request');
  }
});

test('percent-encoded dot-dot and slashes are refused', async () => {
  for (const target of ['/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/.%2e/secret.txt', '/%2e./secret.txt',
    '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/sub/%2e%2e/%2e%2e/secret.txt', '/%2fetc%2fpasswd',
    '/sub%2f..%2f..%2fsecret.txt']) {
    const res = await get(target);
    assert.equal(res.status, 400, target);
    errorOf(assert, res.body.toString(), 'bad_request');
  }
});

test('backslashes and NUL bytes are refused', async () => {
  for (const target of ['/..\\secret.txt', '/%5c..%5csecret.txt', '/sub\\..\\..\\secret.txt',
    '/index.html%00.png', '/%00']) {
    const res = await get(target);
    assert.equal(res.status, 400, target);
    errorOf(assert, res.body.toString(), 'bad_request');
  }
  // A raw NUL never gets past the HTTP parser.
  const res = await get('/index.html\0.png');
  assert.equal(res.status, 400);
  errorOf(assert, res.body.toString(), 'bad_request');
});

test('malformed percent-encoding is refused', async () => {
  for (const target of ['/%', '/%2', '/%zz.js', '/app%2.js']) {
    const res = await get(target);
    assert.equal(res.status, 400, target);
    errorOf(assert, res.body.toString(), 'bad_request');
  }
});

test('targets that are not a plain path are refused', async () => {
  for (const target of ['secret.txt', 'http://127.0.0.1/../secret.txt', '*']) {
    const res = await get(target);
    assert.equal(res.status, 400, target);
    errorOf(assert, res.body.toString(), 'bad_request');
  }
});

test('absolute-looking paths stay inside the site', async () => {
  for (const target of ['//etc/passwd', '/etc/passwd', `/${server.root.slice(1)}/secret.txt`]) {
    const res = await get(target);
    assert.equal(res.status, 404, target);
    errorOf(assert, res.body.toString(), 'not_found');
  }
});

test('percent-decoding still finds ordinary files', async () => {
  const res = await get('/%61pp.wasm');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/wasm');
});
