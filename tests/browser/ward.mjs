// The ward's side in browser tests: the development key pinned in the site, a staff token, and
// madoguchi-inbox opening what residents sent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SITE } from './portal.mjs';

function wardSide(server) {
  const devWard = process.env.MADOGUCHI_DEV_WARD;
  const keys = JSON.parse(readFileSync(path.join(SITE, 'keys.json'), 'utf8')).keys;
  const secret = keys.map((k) => path.join(devWard, `${k.key_id}.secret.json`)).find((f) => existsSync(f));
  assert.ok(secret, `the development key of ${devWard} is pinned in the site`);
  const tokenFile = path.join(server.dir, 'staff.token');
  const passphraseFile = path.join(server.dir, 'passphrase.txt');
  if (!existsSync(tokenFile)) {
    writeFileSync(tokenFile, spawnSync(process.env.MADOGUCHI_ENDPOINT, ['--db', server.db, 'add-staff-token', 'browser-test'],
      { encoding: 'utf8' }).stdout);
  }
  writeFileSync(passphraseFile, 'development\n');
  return { secret, tokenFile, passphraseFile };
}

// Opens the `count` new submissions at `server` into a folder named `name`; returns the folder and the
// staff token file (for `madoguchi-inbox reply`).
export function fetchInbox(server, name, count = 1) {
  const { secret, tokenFile, passphraseFile } = wardSide(server);
  const out = path.join(server.dir, name);
  const run = spawnSync(process.env.MADOGUCHI_INBOX, ['fetch', '--server', server.url, '--token-file', tokenFile,
    '--key', secret, '--passphrase-file', passphraseFile, '--out', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.match(run.stdout, new RegExp(`${count} opened, 0 set aside`));
  return { out, tokenFile };
}
