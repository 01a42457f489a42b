// JSON errors: unknown API routes, wrong methods, oversized bodies and headers, malformed requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorOf, fetch, parseResponse, rawRequest, useServer } from './server.mjs';

const server = useServer();

const JSON_TYPE = 'application/json; charset=utf-8';

async function assertHealthy() {
  const res = await fetch(new URL('/api/v1/health', server.url));
  assert.equal(res.status, 200);
  assert.equal((await res.json()).status, 'ok');
}

test('an unknown API route is a 404 not_found naming the method and path', async () => {
  const res = await fetch(new URL('/api/v1/no-such-thing', server.url));
  assert.equal(res.status, 404);
  assert.equal(res.headers.get('content-type'), JSON_TYPE);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const error = errorOf(assert, await res.text(), 'not_found');
  assert.match(error.message.en, /GET \/api\/v1\/no-such-thing/);
  assert.match(error.message.ja, /GET \/api\/v1\/no-such-thing/);
});

test('unknown API routes are JSON 404s for every method and for /api itself', async () => {
  for (const [method, target] of [['POST', '/api/v1/submissions-x'], ['DELETE', '/api/v2/health'], ['GET', '/api']]) {
    const res = await fetch(new URL(target, server.url), { method });
    assert.equal(res.status, 404, `${method} ${target}`);
    const error = errorOf(assert, await res.text(), 'not_found');
    assert.ok(error.message.en.includes(`${method} ${target}`), error.message.en);
  }
});

test('a wrong method on health is a 405 with Allow', async () => {
  const res = await fetch(new URL('/api/v1/health', server.url), { method: 'PUT', body: '{}' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  assert.equal(res.headers.get('content-type'), JSON_TYPE);
  const error = errorOf(assert, await res.text(), 'method_not_allowed');
  assert.match(error.message.en, /PUT/);
});

test('a write to a static file is a 405 with Allow', async () => {
  const res = await fetch(new URL('/index.html', server.url), { method: 'POST', body: 'x' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  errorOf(assert, await res.text(), 'method_not_allowed');
});

test('a 2 MiB POST is refused with 413 and the server keeps serving', async () => {
  const res = await fetch(new URL('/api/v1/health', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(2 * 1024 * 1024, 0x61),
  });
  assert.equal(res.status, 413);
  assert.equal(res.headers.get('content-type'), JSON_TYPE);
  const error = errorOf(assert, await res.text(), 'payload_too_large');
  assert.match(error.message.en, /1048576/);
  await assertHealthy();
});

test('a chunked body over the limit is refused with 413 too', async () => {
  const chunk = 'a'.repeat(256 * 1024);
  let request = 'POST /api/v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n';
  for (let i = 0; i < 6; ++i) request += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
  request += '0\r\n\r\n';
  const res = parseResponse(await rawRequest(server.port, request));
  assert.equal(res.status, 413);
  errorOf(assert, res.body.toString(), 'payload_too_large');
  await assertHealthy();
});

test('oversized request headers are refused with 431', async () => {
  const res = await fetch(new URL('/api/v1/health', server.url), { headers: { 'x-padding': 'a'.repeat(20000) } });
  assert.equal(res.status, 431);
  assert.equal(res.headers.get('content-type'), JSON_TYPE);
  errorOf(assert, await res.text(), 'header_too_large');
  await assertHealthy();
});

test('a request that is not HTTP is a 400 bad_request', async () => {
  const res = parseResponse(await rawRequest(server.port, 'this is not http\r\n\r\n'));
  assert.equal(res.status, 400);
  assert.equal(res.headers['content-type'], JSON_TYPE);
  assert.equal(res.headers['connection'], 'close');
  errorOf(assert, res.body.toString(), 'bad_request');
  await assertHealthy();
});
