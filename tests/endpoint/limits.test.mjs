// Limits on the real server: the upload rate per client address (429 with Retry-After), slow and idle
// clients timed out (408 when they had started a request), and the server serving on after each.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { errorOf, fetch, newStatusToken, parseResponse, rawRequest, useServer } from './server.mjs';

// 6 a minute after a burst of 2: the third quick upload waits 10 s. Timeouts of 1 s keep the test short.
const server = useServer({ args: ['--post-rate', '6', '--post-burst', '2', '--header-timeout', '1', '--body-timeout', '1'] });
const at = (target) => new URL(target, server.url);

// On a fresh connection: the server closes idle keep-alive connections after the 1 s header timeout, and
// fetch's pool may still hand out one it closed, which would fail the client, not the server.
async function assertHealthy() {
  const res = parseResponse(await rawRequest(server.port, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  assert.equal(res.status, 200);
}

test('uploads past the burst get 429 with Retry-After, and reads are not limited', async () => {
  const post = () => fetch(at('/api/v1/submissions'), {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.madoguchi.envelope', 'madoguchi-status-token': newStatusToken() },
    body: Buffer.from('not an envelope'),
  });
  assert.equal((await post()).status, 400);
  assert.equal((await post()).status, 400);
  const limited = await post();
  assert.equal(limited.status, 429);
  const retryAfter = Number(limited.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 10, `Retry-After ${retryAfter}`);
  const error = errorOf(assert, await limited.text(), 'rate_limited');
  assert.match(error.message.en, new RegExp(`${retryAfter} seconds`));
  for (let i = 0; i < 5; ++i) await assertHealthy();
});

test('a request head that stops half way gets 408 and the connection is closed', async () => {
  const res = parseResponse(await rawRequest(server.port, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n'));
  assert.equal(res.status, 408);
  assert.equal(res.headers.connection, 'close');
  errorOf(assert, res.body.toString(), 'request_timeout');
  await assertHealthy();
});

test('a body that stops coming gets 408', async () => {
  const head = 'PUT /api/v1/staff/submissions/0000-0000-0000/status HTTP/1.1\r\nHost: x\r\n' +
    'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"status":';
  const res = parseResponse(await rawRequest(server.port, head));
  assert.equal(res.status, 408);
  errorOf(assert, res.body.toString(), 'request_timeout');
  await assertHealthy();
});

test('an idle connection is closed without an answer, while others are served', async () => {
  const socket = net.connect(server.port, '127.0.0.1');
  const received = [];
  socket.on('data', (chunk) => received.push(chunk));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => socket.once('connect', resolve));
  await assertHealthy();
  await closed;
  assert.equal(Buffer.concat(received).length, 0);
});
