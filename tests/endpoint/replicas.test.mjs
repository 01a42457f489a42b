// Two endpoint processes on one database, as replicas behind a load balancer: the same submissions
// POSTed to both at once are stored once each, with one 201 per submission id and 200 with the same
// receipt for every other copy. Runs on a shared SQLite file (endpoint:replicas) and on PostgreSQL
// (endpoint-pg:replicas), the way a ward scales out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addStaffToken, fetch, postEnvelope, sealEnvelopes, startServer } from './server.mjs';

const SUBMISSIONS = 30;
const COPIES = 4;  // per submission id, alternating between the two replicas

let first;
let second;
before(async () => {
  first = await startServer();
  second = await startServer({ db: first.db, key: first.key });
});
after(async () => {
  // The second uses the first's database, so it stops first.
  for (const server of [second, first]) {
    if (server) assert.equal((await server.stop()).code, 0, `endpoint exit code; stderr: ${server.stderr()}`);
  }
});

test('concurrent copies of each submission on two replicas get one 201 and the same receipt', async () => {
  const envelopes = await sealEnvelopes(first, SUBMISSIONS);
  const answers = await Promise.all(envelopes.map(async (envelope) => {
    const copies = await Promise.all(Array.from({ length: COPIES }, async (_, i) => {
      const res = await postEnvelope(i % 2 ? second : first, envelope.bytes);
      return { status: res.status, body: await res.json() };
    }));
    return { envelope, copies };
  }));

  for (const { envelope, copies } of answers) {
    const statuses = copies.map((c) => c.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 201], `answers for ${envelope.submission_id}`);
    for (const copy of copies) assert.deepEqual(copy.body, copies[0].body, 'every copy names the same receipt');
    assert.equal(copies[0].body.submission_id, envelope.submission_id);
  }

  // Either replica lists each submission exactly once.
  const token = addStaffToken(first.db, 'replicas');
  for (const server of [first, second]) {
    const res = await fetch(new URL('/api/v1/staff/submissions', server.url), { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const listed = (await res.json()).submissions.map((s) => s.receipt).sort();
    assert.deepEqual(listed, answers.map(({ copies }) => copies[0].body.receipt).sort());
  }
});
