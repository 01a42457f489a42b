// Checks one response against tools/endpoint/openapi.yaml: the status is documented for the route and
// method (or follows the file's rules for unknown routes, wrong methods and transport errors), the body
// matches its schema, an error's code is one the response names, and required headers are there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';

export const SPEC_FILE = path.resolve(import.meta.dirname, '../../tools/endpoint/openapi.yaml');
export const spec = YAML.parse(readFileSync(SPEC_FILE, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(spec, 'openapi.yaml');
// Schemas inside the file refer to "#/components/…"; compiled on their own they need the file's name.
function absolute(node) {
  if (Array.isArray(node)) return node.map(absolute);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) =>
    [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `openapi.yaml${v}` : absolute(v)]));
}
const compiled = new Map();
function validatorFor(schema) {
  if (!compiled.has(schema)) compiled.set(schema, ajv.compile(absolute(schema)));
  return compiled.get(schema);
}

const ERROR_CODES = spec.components.schemas.Error.properties.error.properties.code.enum;
// Errors any request can get before (or without) reaching a route: the rules in info.description.
const TRANSPORT = { 400: 'bad_request', 408: 'request_timeout', 413: 'payload_too_large', 429: 'rate_limited',
  431: 'header_too_large' };

function resolve(object) {
  let o = object;
  while (o && o.$ref) o = o.$ref.slice(2).split('/').reduce((node, key) => node[key], spec);
  return o;
}

// The path item whose template matches (`{receipt}` is one segment), or undefined.
export function pathItemFor(pathname) {
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (pattern.test(pathname)) return { template, item };
  }
  return undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const mediaType = (value) => (value ?? '').split(';')[0].trim().toLowerCase();

function schemaProblems(schema, value) {
  const validate = validatorFor(schema);
  return validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

function checkError(problems, body, allowedCodes) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    problems.push(`error body is not JSON: ${body.toString('utf8').slice(0, 200)}`);
    return;
  }
  problems.push(...schemaProblems({ $ref: '#/components/schemas/Error' }, parsed));
  if (allowedCodes.length && !allowedCodes.includes(parsed?.error?.code)) {
    problems.push(`error code ${parsed?.error?.code} is not one of ${allowedCodes.join(', ')}`);
  }
}

/**
 * Returns the problems (empty when the response is as documented). `headers` has lower-case names.
 */
export function responseProblems({ method, url, status, headers, body }) {
  const pathname = new URL(url, 'http://x').pathname;
  if (!pathname.startsWith('/api/')) return [];
  method = method.toUpperCase();
  const problems = [];
  const found = pathItemFor(pathname);
  const op = found && (found.item[method.toLowerCase()] ?? (method === 'HEAD' ? found.item.get : undefined));
  const isTransport = TRANSPORT[status] !== undefined;
  if (!op) {
    if (!found && status !== 404 && !isTransport) problems.push(`${status} for an unknown route (expected 404)`);
    if (found && status !== 405 && !isTransport) problems.push(`${status} for an undocumented method (expected 405)`);
    if (found && status === 405) {
      const allowed = METHODS.filter((m) => found.item[m]).map((m) => m.toUpperCase());
      if (allowed.includes('GET')) allowed.push('HEAD');
      const got = (headers.allow ?? '').split(',').map((m) => m.trim()).sort();
      if (got.join() !== allowed.sort().join()) problems.push(`Allow is "${headers.allow}", documented: ${allowed}`);
    }
    const expected = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : TRANSPORT[status];
    if (method !== 'HEAD') checkError(problems, body, expected ? [expected] : []);
    return problems;
  }
  const documented = op.responses[String(status)];
  if (!documented) return [`${method} ${found.template}: status ${status} is not documented`];
  const response = resolve(documented);
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const h = resolve(header);
    const value = headers[name.toLowerCase()];
    if (value === undefined) {
      if (h.required) problems.push(`header ${name} is missing`);
      continue;
    }
    const typed = h.schema?.type === 'integer' && /^[0-9]+$/.test(value) ? Number(value) : value;
    problems.push(...schemaProblems(h.schema, typed).map((p) => `header ${name}: ${p}`));
  }
  if (method === 'HEAD' || !response.content) return problems;
  const type = mediaType(headers['content-type']);
  const content = response.content[type];
  if (!content) return [...problems, `Content-Type ${type} is not documented for ${status}`];
  if (type === 'application/json') {
    const codes = (response.description?.match(/`[a-z_]+`/g) ?? []).map((c) => c.slice(1, -1))
      .filter((c) => ERROR_CODES.includes(c));
    if (status >= 400) {
      checkError(problems, body, codes);
      problems.push(...schemaProblems(content.schema, JSON.parse(body.toString('utf8'))));
    } else {
      let parsed;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return [...problems, 'body is not JSON'];
      }
      problems.push(...schemaProblems(content.schema, parsed));
    }
  }
  return problems;
}

export { ERROR_CODES };
