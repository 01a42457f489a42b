// Test helper: starts madoguchi-endpoint on a free port with a throwaway site folder and database,
// and offers raw-socket and exact-header HTTP clients for cases where fetch would rewrite the request.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

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

/**
 * Starts the endpoint. Resolves once it prints its "listening on" line.
 * Returns { url, port, root, site, db, stderr(), stop() }; stop() resolves to { code, signal }.
 */
export async function startServer({ startTimeoutMs = 10000 } = {}) {
  const binary = process.env.MADOGUCHI_ENDPOINT;
  if (!binary) {
    throw new Error('MADOGUCHI_ENDPOINT is not set: run through ctest, or set it to the madoguchi-endpoint binary');
  }
  const root = await mkdtemp(path.join(os.tmpdir(), 'madoguchi-endpoint-'));
  const site = await writeSite(root);
  // The data folder does not exist yet: the server must create it.
  const db = path.join(root, 'data', 'portal.db');
  const child = spawn(binary, ['--site', site, '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });

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
    await rm(root, { recursive: true, force: true });
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
      await rm(root, { recursive: true, force: true });
      if (result === null) throw new Error(`endpoint did not exit within ${timeoutMs} ms of ${signal}; killed`);
      return result;
    })();
    return stopped;
  };

  return { url, port: Number(new URL(url).port), root, site, db, stderr: () => stderr, stop };
}

/**
 * One endpoint for the whole test file: started before its tests, stopped after them, and the
 * file fails if the server did not exit cleanly. The returned object gains startServer()'s fields.
 */
export function useServer() {
  const server = {};
  before(async () => { Object.assign(server, await startServer()); });
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

/** GET with exactly the given headers (node:http adds no Accept-Encoding and decodes nothing). */
export function request(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
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
