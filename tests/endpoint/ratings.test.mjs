// Anonymous ratings on the real server: residents' ratings answered 204 and counted, malformed ones
// refused, the counts read back through the staff route once their month has ended (the server's clock
// is moved past a month's end), the small body limit and the POST rate limit, and nothing written to the
// log per rating (each answer checked against openapi.yaml).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addStaffToken, errorOf, fetch, newStatusToken, startServer, useServer } from './server.mjs';

const server = useServer({ clock: '2026-10-31T12:00:00Z' });
const at = (target) => new URL(target, server.url);
let staffToken;

function rate(body, { url = server.url, type = 'application/json' } = {}) {
  return fetch(new URL('/api/v1/ratings', url), {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function counts(query = '', token = staffToken) {
  return fetch(at(`/api/v1/staff/ratings${query}`), { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

test('ratings are answered 204 with no body, and staff see them counted once the month has ended', async () => {
  staffToken = addStaffToken(server.db, 'tanaka');
  const scores = { 'kokuho-kanyu': [5, 4, 5, 1, 5], 'tennyu-todoke': [3] };
  for (const [procedure, list] of Object.entries(scores)) {
    for (const score of list) {
      const res = await rate({ procedure, score });
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
    }
  }
  // Read while October is being counted, the counts would tell which score the last resident gave.
  const res = await counts();
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ratings: [], counting: '2026-10' });

  server.setClock('2026-11-01T12:00:00Z');
  // Five residents rated kokuho-kanyu, so its scores are shown; one rated tennyu-todoke, so only that one did.
  assert.deepEqual(await (await counts('?month=2026-10')).json(), {
    ratings: [
      { procedure: 'kokuho-kanyu', month: '2026-10', total: 5, counts: [1, 0, 0, 1, 3] },
      { procedure: 'tennyu-todoke', month: '2026-10', total: 1 },
    ],
    counting: '2026-11',
  });
});

test('forty ratings sent at once all count', async () => {
  await Promise.all(Array.from({ length: 40 }, () => rate({ procedure: 'juminhyo-copy', score: 2 })
    .then((res) => assert.equal(res.status, 204))));
  assert.deepEqual((await (await counts()).json()).ratings.map((r) => r.procedure), ['kokuho-kanyu', 'tennyu-todoke']);
  server.setClock('2026-12-01T12:00:00Z');
  const after = (await (await counts('?month=2026-11')).json()).ratings;
  assert.deepEqual(after, [{ procedure: 'juminhyo-copy', month: '2026-11', total: 40, counts: [0, 40, 0, 0, 0] }]);
});

test('a score of 0, 6 or "3", a missing or malformed procedure, or any other field is 400 bad_rating', async () => {
  const cases = [
    { procedure: 'kokuho-kanyu', score: 0 },
    { procedure: 'kokuho-kanyu', score: 6 },
    { procedure: 'kokuho-kanyu', score: '3' },
    { procedure: 'kokuho-kanyu', score: 2.5 },
    { score: 3 },
    { procedure: 'Kokuho-Kanyu', score: 3 },
    { procedure: 'kokuho-kanyu', score: 3, receipt: 'ABCD-EFGH-JKMN' },
    '{"procedure":"kokuho-kanyu",',
  ];
  for (const body of cases) {
    const res = await rate(body);
    assert.equal(res.status, 400, JSON.stringify(body));
    errorOf(assert, await res.text(), 'bad_rating');
  }
  const text = await rate({ procedure: 'kokuho-kanyu', score: 3 }, { type: 'text/plain' });
  assert.equal(text.status, 415);
  errorOf(assert, await text.text(), 'unsupported_media_type');
  server.setClock('2027-01-01T12:00:00Z');
  const { ratings } = await (await counts('?month=2026-12')).json();
  assert.deepEqual(ratings, []);
});

test('a body over 256 bytes is 413 before it is read', async () => {
  const res = await rate({ procedure: 'kokuho-kanyu', score: 3, padding: 'x'.repeat(300) });
  assert.equal(res.status, 413);
  const error = errorOf(assert, await res.text(), 'payload_too_large');
  assert.match(error.message.en, /256 bytes/);
});

test('the staff route needs a staff token and a month in the form YYYY-MM', async () => {
  for (const token of [null, newStatusToken()]) {
    const res = await counts('', token);
    assert.equal(res.status, 401);
    errorOf(assert, await res.text(), 'staff_unauthorized');
  }
  for (const month of ['2026-13', '2026-1', 'december', '']) {
    const res = await counts(`?month=${month}`);
    assert.equal(res.status, 400, month);
    errorOf(assert, await res.text(), 'bad_month');
  }
  assert.deepEqual(await (await counts('?month=1999-01')).json(), { ratings: [], counting: '2027-01' });
});

test('nothing is logged per rating', () => {
  assert.equal(server.stderr(), '');
});

test('ratings share the POST rate limit per client address', async () => {
  const limited = await startServer({ args: ['--post-rate', '6', '--post-burst', '2'] });
  try {
    const body = { procedure: 'kokuho-kanyu', score: 4 };
    assert.equal((await rate(body, { url: limited.url })).status, 204);
    assert.equal((await rate(body, { url: limited.url })).status, 204);
    const res = await rate(body, { url: limited.url });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    errorOf(assert, await res.text(), 'rate_limited');
  } finally {
    const { code } = await limited.stop();
    assert.equal(code, 0, limited.stderr());
  }
});
