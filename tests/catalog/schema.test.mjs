// The JSON Schema beside the catalog (what a ward officer's editor checks as they type) accepts
// every shipped file and refuses the mistakes the loader refuses, so the two cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const dir = path.resolve(import.meta.dirname, '../../assets/catalog');
const schema = JSON.parse(readFileSync(path.join(dir, 'catalog.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const read = (rel) => JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
const files = ['catalog.json',
  ...readdirSync(path.join(dir, 'events')).map((f) => 'events/' + f),
  ...readdirSync(path.join(dir, 'procedures')).map((f) => 'procedures/' + f)];

test('every catalog file is valid against catalog.schema.json', () => {
  const problems = [];
  for (const rel of files) {
    if (!validate(read(rel))) problems.push(`${rel}: ${validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  }
  assert.deepEqual(problems, []);
  assert.ok(files.length >= 50);
});

test('the schema refuses a misspelt key, a missing language and an unknown field kind', () => {
  const procedure = read('procedures/tennyu-todoke.json');
  const cases = {
    'misspelt key': { ...procedure, titel: procedure.title },
    'missing language': { ...procedure, summary: { ja: procedure.summary.ja } },
    'unknown field kind': { ...procedure, form: { fields: [{ id: 'x', kind: 'txt', label: procedure.title }] } },
    'online without a reason': { ...procedure, online: { available: false } },
  };
  for (const [name, broken] of Object.entries(cases)) assert.equal(validate(broken), false, name);
});
