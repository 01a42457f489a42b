// Test helper: starts madoguchi-endpoint on a free port with a throwaway site folder, database and ward
// key; seals real envelopes and makes staff tokens; and offers a fetch that checks every API answer
// against openapi.yaml, plus raw-socket and exact-header clients for cases where fetch would rewrite
// the request. The database is a SQLite file, or, when MADOGUCHI_TEST_POSTGRES_URL_FILE names the file
// holding the test PostgreSQL server's URL (CTest's endpoint-pg:* tests), a fresh schema on that server.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { responseProblems } from './openapi_check.mjs';
import { serverClock } from './server_clock.mjs';

// Marker text placed outside the site folder: seeing it in any response means a traversal leak.
export const SECRET = 'MADOGUCHI-SECRET-OUTSIDE-THE-SITE';

export const INDEX_HTML = '<!doctype html>\n<html lang="ja"><head><meta charset="utf-8"><title>窓口</title>' +
  '<script src="app.js" defer></script></head><body></body></html>\n';
export const APP_JS = 'globalThis.madoguchi = { ready: true };\n'.repeat(50);
// The wasm magic number and version: enough for a content-type check.
export const APP_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

// Writes the site: index.html, app.wasm, app.js with real .br and .gz variants (so clients can decode
// them), plus a secret file next to (not inside) the site folder.
async function writeSite(root) {
  const site = path.join(root, 'site');
  await mkdir(path.join(site, 'sub'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), INDEX_HTML);
  await writeFile(path.join(site, 'app.wasm'), APP_WASM);
  await writeFile(path.join(site, 'app.js'), APP_JS);
  await writeFile(path.join(site, 'app.js.br'), zlib.brotliCompressSync(APP_JS));
  await writeFile(path.join(site, 'app.js.gz'), zlib.gzipSync(APP_JS));
  await writeFile(path.join(site, 'sub', 'data.json'), '{"ok":true}\n');
  await writeFile(path.join(site, '.env'), SECRET);
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  return site;
}

/** A ward key pair made by make_envelope: { key_id, public_key, secret_key } (test keys only). */
export function makeKeyPair() {
  return JSON.parse(execFileSync(makeEnvelopeBinary(), ['keypair'], { encoding: 'utf8' }));
}

function makeEnvelopeBinary() {
  const binary = process.env.MAKE_ENVELOPE;
  if (!binary) throw new Error('MAKE_ENVELOPE is not set: run through ctest, or set it to the make_envelope binary');
  return binary;
}

function endpointBinary() {
  const binary = process.env.MADOGUCHI_ENDPOINT;
  if (!binary) {
    throw new Error('MADOGUCHI_ENDPOINT is not set: run through ctest, or set it to the madoguchi-endpoint binary');
  }
  return binary;
}

/** True when the tests run on the test PostgreSQL server instead of SQLite files. */
export const onPostgres = Boolean(process.env.MADOGUCHI_TEST_POSTGRES_URL_FILE);

function postgresServerUrl() {
  const url = readFileSync(process.env.MADOGUCHI_TEST_POSTGRES_URL_FILE, 'utf8').trim();
  if (!url) throw new Error(`no URL in ${process.env.MADOGUCHI_TEST_POSTGRES_URL_FILE}; see tests/endpoint/postgres-server`);
  return url;
}

function psql(sql) {
  execFileSync('psql', ['--no-psqlrc', '--quiet', '-v', 'ON_ERROR_STOP=1', '-d', postgresServerUrl(), '-c', sql],
    { stdio: 'pipe' });
}

/**
 * An empty place on the test PostgreSQL server: a new schema, and the server's URL with it as the search
 * path (what an endpoint given that URL sees is an empty database). dropPostgresSchema(url) removes it.
 */
export function newPostgresSchema() {
  const name = `test_${randomBytes(8).toString('hex')}`;
  psql(`CREATE SCHEMA ${name}`);
  const url = new URL(postgresServerUrl());
  url.searchParams.set('options', `-csearch_path=${name}`);
  return url.href;
}

export function dropPostgresSchema(url) {
  const name = new URL(url).searchParams.get('options').replace('-csearch_path=', '');
  psql(`SET client_min_messages TO warning; DROP SCHEMA ${name} CASCADE`);
}

// The database of a new server. With a reused root, a schema made for it before is found again through the
// root's postgres-url file; that schema then lasts as long as the test server, since the caller owns the root.
function databaseIn(root, reused) {
  if (!onPostgres) {
    // The data folder does not exist yet: the server must create it.
    return { db: path.join(root, 'data', 'portal.db'), dispose() {} };
  }
  const saved = path.join(root, 'postgres-url');
  if (reused && existsSync(saved)) return { db: readFileSync(saved, 'utf8'), dispose() {} };
  const db = newPostgresSchema();
  if (!reused) return { db, dispose: () => dropPostgresSchema(db) };
  writeFileSync(saved, db);
  return { db, dispose() {} };
}

/**
 * Starts the endpoint. Resolves once it prints its "listening on" line.
 * Options: `args` (extra flags; the upload rate limit is off unless they set --post-rate), `root` (reuse a
 * folder and its database: the caller removes it), `db` (a database another server uses, SQLite file or
 * postgresql:// URL: the caller disposes of it), `key` (the ward key pair to accept; made if absent), `clock`
 * (a time to start the server's wall clock at, instead of now; setClock(time) then moves it).
 * Returns { url, port, root, site, db, key, stderr(), stop(signal), setClock(time) if clock was given };
 * stop() resolves to { code, signal }.
 */
export async function startServer({ startTimeoutMs = 10000, args = [], root: givenRoot, db: givenDb, key, clock } = {}) {
  const binary = endpointBinary();
  const root = givenRoot ?? await mkdtemp(path.join(os.tmpdir(), 'madoguchi-endpoint-'));
  const site = await writeSite(root);
  key ??= makeKeyPair();
  const keysFile = path.join(root, 'keys.json');
  await writeFile(keysFile, JSON.stringify({ keys: [{ key_id: key.key_id, public_key: key.public_key }] }));
  const database = givenDb ? { db: givenDb, dispose() {} } : databaseIn(root, Boolean(givenRoot));
  const { db } = database;
  const rate = args.includes('--post-rate') ? [] : ['--post-rate', '0'];
  const serverTime = clock === undefined ? undefined : serverClock(root, clock);
  const child = spawn(binary, ['--site', site, '--db', db, '--port', '0', '--keys', keysFile, ...rate, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: serverTime?.env });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const listening = new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "listening on" line within ${startTimeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, startTimeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+\/)\n/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`endpoint exited before listening (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
  let url;
  try {
    url = await listening;
  } catch (err) {
    database.dispose();
    if (!givenRoot) await rm(root, { recursive: true, force: true });
    throw err;
  }

  let stopped;
  const stop = (signal = 'SIGTERM', timeoutMs = 5000) => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(null);
        }, timeoutMs);
      });
      const result = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      database.dispose();
      if (!givenRoot) await rm(root, { recursive: true, force: true });
      if (result === null) throw new Error(`endpoint did not exit within ${timeoutMs} ms of ${signal}; killed`);
      return result;
    })();
    return stopped;
  };

  const moved = serverTime ? { setClock: serverTime.set } : {};
  return { url, port: Number(new URL(url).port), root, site, db, key, stderr: () => stderr, stop, ...moved };
}

/**
 * One endpoint for the whole test file: started before its tests, stopped after them, and the
 * file fails if the server did not exit cleanly. The returned object gains startServer()'s fields.
 */
export function useServer(options = {}) {
  const server = {};
  before(async () => { Object.assign(server, await startServer(options)); });
  after(async () => {
    if (!server.stop) return;  // start-up failed; before() already reported why
    const { code } = await server.stop();
    assert.equal(code, 0, `endpoint exit code; stderr: ${server.stderr()}`);
  });
  return server;
}

/**
 * Sends raw bytes on a fresh TCP connection and collects everything until the server closes it
 * (or timeoutMs passes). fetch would normalise "/../x" and reject odd bytes, so traversal tests use this.
 */
export function rawRequest(port, bytes, { timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close from the server within ${timeoutMs} ms; got: ${Buffer.concat(chunks)}`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

/** Parses one HTTP/1.1 response with a Content-Length body: { status, headers (lower-case), body Buffer }. */
export function parseResponse(buffer) {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`not an HTTP response: ${buffer}`);
  const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: buffer.subarray(end + 4, end + 4 + length),
  };
}

/** Fails the test when an API answer is not as openapi.yaml documents it. */
export function assertDocumented({ method, url, status, headers, body }) {
  const problems = responseProblems({ method, url: String(url), status, headers, body });
  assert.deepEqual(problems, [], `${method} ${url} -> ${status} differs from openapi.yaml: ${body.toString().slice(0, 300)}`);
}

/**
 * The global fetch, checking each answer against openapi.yaml before the test sees it. Test files
 * import this one, so every response they get from the API is checked.
 */
export async function fetch(url, init = {}) {
  const res = await globalThis.fetch(url, init);
  const body = Buffer.from(await res.clone().arrayBuffer());
  assertDocumented({ method: init.method ?? 'GET', url, status: res.status,
    headers: Object.fromEntries(res.headers), body });
  return res;
}

/**
 * A request with exactly the given headers (node:http adds no Accept-Encoding and decodes nothing),
 * checked against openapi.yaml like fetch.
 */
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const answer = { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) };
        try {
          assertDocumented({ method, url, ...answer });
        } catch (err) {
          reject(err);
          return;
        }
        resolve(answer);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A fresh status token as the app makes one: 32 random bytes, base64url without padding. */
export const newStatusToken = () => randomBytes(32).toString('base64url');

/**
 * Seals `count` real envelopes to the server's ward key (or `key`), each with a fresh submission id.
 * Returns [{ bytes, submission_id, reply_key, size }].
 */
export async function sealEnvelopes(server, count, { attachmentBytes = 0, key = server.key } = {}) {
  const dir = await mkdtemp(path.join(server.root, 'envelopes-'));
  const lines = execFileSync(makeEnvelopeBinary(), ['seal', key.public_key, dir, String(count), String(attachmentBytes)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n').map((line) => JSON.parse(line));
  const envelopes = [];
  for (const line of lines) envelopes.push({ ...line, bytes: await readFile(line.file) });
  await rm(dir, { recursive: true, force: true });
  return envelopes;
}

/** POSTs an envelope; `token` defaults to a fresh status token. Returns the fetch Response. */
export function postEnvelope(server, bytes, { token = newStatusToken(), headers = {} } = {}) {
  return fetch(new URL('/api/v1/submissions', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.madoguchi.envelope', 'madoguchi-status-token': token, ...headers },
    body: bytes,
  });
}

/** Runs `madoguchi-endpoint --db DB add-staff-token NAME` and returns the token it prints. */
export function addStaffToken(db, name) {
  return execFileSync(endpointBinary(), ['--db', db, 'add-staff-token', name], { encoding: 'utf8' }).trim();
}

/** Asserts the shape every error body shares, and returns the parsed error object. */
export function errorOf(assert, text, code) {
  const body = JSON.parse(text);
  assert.equal(typeof body.error, 'object', `error body expected, got ${text}`);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message.en, 'string');
  assert.equal(typeof body.error.message.ja, 'string');
  assert.ok(body.error.message.en.length > 20, 'the English message explains the problem');
  assert.match(body.error.message.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, 'the Japanese message is in Japanese');
  return body.error;
}
