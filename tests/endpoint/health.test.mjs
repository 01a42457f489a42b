// GET /api/v1/health and the database the server creates at start.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { test } from 'node:test';
import { fetch, request, useServer } from './server.mjs';

const server = useServer();

test('health answers 200 with status, database and version', async () => {
  const res = await fetch(new URL('/api/v1/health', server.url));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await res.json(), { status: 'ok', database: 'ok', version: '1' });
});

test('health carries the security headers', async () => {
  const res = await fetch(new URL('/api/v1/health', server.url));
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.ok(res.headers.get('date'), 'Date header');
});

test('HEAD health reports the length of the GET body and sends none', async () => {
  const get = await request(new URL('/api/v1/health', server.url));
  const head = await request(new URL('/api/v1/health', server.url), { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(Number(head.headers['content-length']), get.body.length);
});

test('the database file and its folder were created, in WAL mode', async () => {
  assert.ok(existsSync(server.db), `${server.db} exists`);
  // Bytes 18 and 19 of the SQLite header are the write and read format versions: 2 means WAL.
  const file = await open(server.db, 'r');
  try {
    const header = Buffer.alloc(100);
    await file.read(header, 0, 100, 0);
    assert.equal(header.subarray(0, 16).toString('latin1'), 'SQLite format 3\0');
    assert.deepEqual([header[18], header[19]], [2, 2], 'journal_mode=WAL is recorded in the file header');
  } finally {
    await file.close();
  }
  assert.ok(existsSync(`${server.db}-wal`), 'the -wal file exists while the server runs');
});
