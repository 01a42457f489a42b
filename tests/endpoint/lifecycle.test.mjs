// Process behaviour: start-up line, clean exit on SIGTERM/SIGINT, keep-alive, command-line errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { after, test } from 'node:test';
import { fetch, startServer } from './server.mjs';

const servers = [];
async function start() {
  const server = await startServer();
  servers.push(server);
  return server;
}
after(async () => { await Promise.all(servers.map((s) => s.stop().catch(() => {}))); });

test('SIGTERM stops the server with exit code 0', async () => {
  const server = await start();
  assert.equal((await fetch(new URL('/api/v1/health', server.url))).status, 200);
  assert.deepEqual(await server.stop('SIGTERM'), { code: 0, signal: null });
});

test('SIGINT stops the server with exit code 0', async () => {
  const server = await start();
  assert.deepEqual(await server.stop('SIGINT'), { code: 0, signal: null });
});

test('an idle keep-alive connection does not delay shutdown', async () => {
  const server = await start();
  const socket = net.connect(server.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => {});
  const started = Date.now();
  assert.deepEqual(await server.stop('SIGTERM'), { code: 0, signal: null });
  assert.ok(Date.now() - started < 3000, 'exited promptly');
  socket.destroy();
});

test('one connection serves several requests (keep-alive)', async () => {
  const server = await start();
  const socket = net.connect(server.port, '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk) => { received += chunk; });
  await new Promise((resolve) => socket.once('connect', resolve));
  const request = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n';
  socket.write(request + request);
  const deadline = Date.now() + 5000;
  while ((received.match(/HTTP\/1\.1 200 OK/g) ?? []).length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  socket.destroy();
  assert.equal((received.match(/HTTP\/1\.1 200 OK/g) ?? []).length, 2, received);
});

test('missing arguments exit with status 2 and say what is missing', () => {
  const result = spawnSync(process.env.MADOGUCHI_ENDPOINT, ['--db', '/tmp/unused.db'], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--site DIR is required/);
  assert.equal(result.stdout, '');
});

test('a busy port is reported and exits with status 1', async () => {
  const server = await start();
  const result = spawnSync(process.env.MADOGUCHI_ENDPOINT,
    ['--site', server.site, '--db', `${server.root}/other.db`, '--port', String(server.port)], { encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /cannot listen/);
  assert.equal(result.stdout, '', 'no "listening on" line when listening failed');
});
