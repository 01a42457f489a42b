// Durability: the endpoint is killed with SIGKILL while several clients upload; restarted on the same
// database, it still has every submission it answered 201 for, with the same receipt and bytes.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { addStaffToken, fetch, postEnvelope, sealEnvelopes, startServer } from './server.mjs';

const TOTAL = 200;
const CLIENTS = 8;
const KILL_AFTER = 80;  // acknowledged uploads before the kill, so some are in flight when it lands

const root = await mkdtemp(path.join(os.tmpdir(), 'madoguchi-durability-'));
after(() => rm(root, { recursive: true, force: true }));

test('every submission answered 201 survives a SIGKILL', async () => {
  const first = await startServer({ root });
  const envelopes = await sealEnvelopes(first, TOTAL);
  const acknowledged = new Map();  // submission id -> receipt
  let next = 0;
  let killed;

  const client = async () => {
    while (next < envelopes.length) {
      const envelope = envelopes[next++];
      let res;
      try {
        res = await postEnvelope(first, envelope.bytes);
      } catch {
        return;  // the server is gone: this upload's fate is unknown, as for a phone that lost its signal
      }
      assert.equal(res.status, 201);
      acknowledged.set(envelope.submission_id, (await res.json()).receipt);
      if (acknowledged.size === KILL_AFTER) killed ??= first.stop('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  assert.deepEqual(await killed, { code: null, signal: 'SIGKILL' });
  assert.ok(acknowledged.size >= KILL_AFTER && acknowledged.size < TOTAL, `${acknowledged.size} acknowledged`);

  const second = await startServer({ root, key: first.key });
  try {
    const token = addStaffToken(second.db, 'auditor');
    const res = await fetch(new URL('/api/v1/staff/submissions?status=all', second.url),
      { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const stored = new Map((await res.json()).submissions.map((s) => [s.submission_id, s.receipt]));
    const lost = [...acknowledged].filter(([id, receipt]) => stored.get(id) !== receipt);
    assert.deepEqual(lost, [], 'acknowledged submissions missing after the restart');
    console.log(`# ${acknowledged.size} acknowledged before SIGKILL, ${stored.size} stored after the restart`);

    // A client that never saw its answer retries after the restart and gets the stored receipt.
    const [id, receipt] = [...acknowledged][0];
    const envelope = envelopes.find((e) => e.submission_id === id);
    const retry = await postEnvelope(second, envelope.bytes);
    assert.equal(retry.status, 200);
    assert.equal((await retry.json()).receipt, receipt);
    const download = await fetch(new URL(`/api/v1/staff/submissions/${receipt}/envelope`, second.url),
      { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), envelope.bytes);
  } finally {
    assert.equal((await second.stop()).code, 0);
  }
});
