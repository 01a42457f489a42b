// openapi.yaml itself: every $ref resolves, every documented route is one the server routes, and the
// error codes it lists are exactly the ones the server's code can send. (Every response the other
// endpoint tests get is checked against it by server.mjs's fetch.)
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ERROR_CODES, SPEC_FILE, spec } from './openapi_check.mjs';
import { useServer } from './server.mjs';

const server = useServer();
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function refs(node, found = []) {
  if (Array.isArray(node)) node.forEach((n) => refs(n, found));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) (k === '$ref' ? found.push(v) : refs(v, found));
  }
  return found;
}

test('every $ref in openapi.yaml resolves', () => {
  for (const ref of refs(spec)) {
    assert.match(ref, /^#\//, ref);
    const target = ref.slice(2).split('/').reduce((node, key) => node?.[key], spec);
    assert.ok(target, `${ref} does not resolve`);
  }
});

test('every documented route and method reaches a handler on the server', async () => {
  for (const [template, item] of Object.entries(spec.paths)) {
    const target = template.replace('{receipt}', '0000-0000-0000');
    for (const method of METHODS.filter((m) => item[m])) {
      const res = await globalThis.fetch(new URL(target, server.url), { method: method.toUpperCase() });
      const text = await res.text();
      const code = res.status >= 400 ? JSON.parse(text).error.code : null;
      assert.ok(!['not_found', 'method_not_allowed'].includes(code), `${method} ${template}: ${res.status} ${code}`);
      assert.ok(item[method].responses[String(res.status)], `${method} ${template}: ${res.status} is not documented`);
    }
  }
});

test('the error codes in openapi.yaml are exactly those the server sends', () => {
  const dir = path.dirname(SPEC_FILE);
  const sent = new Set();
  for (const file of readdirSync(dir).filter((f) => f.startsWith('api_error') && f.endsWith('.cpp'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const [, code] of source.matchAll(/http::status::\w+,\s*"([a-z_]+)"/g)) sent.add(code);
  }
  assert.deepEqual([...sent].sort(), [...ERROR_CODES].sort());
});
