// Serving the web build: index at /, content types, precompressed variants, caching headers, CSP.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { APP_JS, APP_WASM, INDEX_HTML, SECRET, errorOf, fetch, request, useServer } from './server.mjs';

const server = useServer();

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'none'";

const at = (target) => new URL(target, server.url);

test('/ serves index.html with the security headers and CSP', async () => {
  const res = await fetch(at('/'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(res.headers.get('content-security-policy'), CSP);
  assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  assert.equal(await res.text(), INDEX_HTML);
});

test('/index.html and a query string serve the same file', async () => {
  for (const target of ['/index.html', '/index.html?v=2', '/?utm=x']) {
    const res = await fetch(at(target));
    assert.equal(res.status, 200, target);
    assert.equal(await res.text(), INDEX_HTML, target);
  }
});

test('wasm is served as application/wasm, byte for byte', async () => {
  const res = await request(at('/app.wasm'));
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/wasm');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['content-security-policy'], undefined, 'CSP is for HTML documents');
  assert.deepEqual(res.body, APP_WASM);
});

test('content types of other files', async () => {
  const js = await request(at('/app.js'));
  assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
  const json = await request(at('/sub/data.json'));
  assert.equal(json.headers['content-type'], 'application/json');
  assert.equal(json.body.toString(), '{"ok":true}\n');
});

test('br is chosen when the client accepts br and gzip', async () => {
  const res = await request(at('/app.js'), { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.equal(res.headers['vary'], 'Accept-Encoding');
  assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.deepEqual(res.body, await readFile(path.join(server.site, 'app.js.br')));
});

test('gzip is chosen when the client accepts only gzip', async () => {
  const res = await request(at('/app.js'), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(res.headers['vary'], 'Accept-Encoding');
  assert.deepEqual(res.body, await readFile(path.join(server.site, 'app.js.gz')));
});

test('the raw file is sent when the client names no encoding', async () => {
  const res = await request(at('/app.js'));
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.headers['vary'], 'Accept-Encoding');
  assert.equal(res.body.toString(), APP_JS);
});

test('q-values are honoured', async () => {
  const cases = [
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['identity', undefined],
    ['deflate', undefined],
  ];
  for (const [accept, expected] of cases) {
    const res = await request(at('/app.js'), { headers: { 'accept-encoding': accept } });
    assert.equal(res.headers['content-encoding'], expected, accept);
  }
});

test('fetch decodes the chosen variant back to the original script', async () => {
  const res = await fetch(at('/app.js'));
  assert.equal(await res.text(), APP_JS);
});

test('a request for a .br file is an ordinary lookup, not a decoded variant', async () => {
  const direct = await request(at('/app.js.br'), { headers: { 'accept-encoding': 'br' } });
  assert.equal(direct.status, 200);
  assert.equal(direct.headers['content-encoding'], undefined);
  assert.equal(direct.headers['content-type'], 'application/octet-stream');
  const missing = await request(at('/index.html.br'));
  assert.equal(missing.status, 404);
});

test('ETag and If-None-Match give 304 without a body; each encoding has its own ETag', async () => {
  const raw = await request(at('/app.js'));
  const br = await request(at('/app.js'), { headers: { 'accept-encoding': 'br' } });
  assert.ok(raw.headers.etag && br.headers.etag);
  assert.notEqual(raw.headers.etag, br.headers.etag);
  const again = await request(at('/app.js'), { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, br.headers.etag);
  assert.equal(again.headers.vary, 'Accept-Encoding');
  const other = await request(at('/app.js'), { headers: { 'if-none-match': br.headers.etag } });
  assert.equal(other.status, 200, 'a br ETag does not validate the raw file');
});

test('a changed file is served fresh with a new ETag', async () => {
  const file = path.join(server.site, 'sub', 'data.json');
  const before = await request(at('/sub/data.json'));
  await writeFile(file, '{"ok":"changed, and longer"}\n');
  const after = await request(at('/sub/data.json'));
  assert.equal(after.body.toString(), '{"ok":"changed, and longer"}\n');
  assert.notEqual(after.headers.etag, before.headers.etag);
});

test('HEAD reports the length without a body', async () => {
  const res = await request(at('/app.wasm'), { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(Number(res.headers['content-length']), APP_WASM.length);
  assert.equal(res.body.length, 0);
});

test('missing files, folders and dot files are JSON 404s', async () => {
  for (const target of ['/missing.js', '/sub', '/sub/', '/sub//data.json', '/.env']) {
    const res = await request(at(target));
    assert.equal(res.status, 404, target);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8', target);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', target);
    assert.ok(!res.body.toString().includes(SECRET), target);
    errorOf(assert, res.body.toString(), 'not_found');
  }
});
