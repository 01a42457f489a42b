// Anonymous ratings on the real server: residents' ratings answered 204 and counted, malformed ones
// refused, the counts read back through the staff route, the small body limit and the POST rate limit,
// and nothing written to the log per rating (each answer checked against openapi.yaml).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addStaffToken, errorOf, fetch, newStatusToken, startServer, useServer } from './server.mjs';

const server = useServer();
const at = (target) => new URL(target, server.url);
const thisMonth = () => new Date().toISOString().slice(0, 7);
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

test('ratings are answered 204 with no body, and staff see them counted by procedure and month', async () => {
  staffToken = addStaffToken(server.db, 'tanaka');
  const scores = { 'kokuho-kanyu': [5, 4, 5, 1], 'tennyu-todoke': [3] };
  for (const [procedure, list] of Object.entries(scores)) {
    for (const score of list) {
      const res = await rate({ procedure, score });
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
    }
  }
  // Near midnight at a month's end the ratings above and this read could fall in two months.
  const month = thisMonth();
  const res = await counts(`?month=${month}`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    ratings: [
      { procedure: 'kokuho-kanyu', month, counts: [1, 0, 0, 1, 2] },
      { procedure: 'tennyu-todoke', month, counts: [0, 0, 1, 0, 0] },
    ],
  });
  const all = await (await counts()).json();
  assert.deepEqual(all.ratings.map((r) => r.procedure), ['kokuho-kanyu', 'tennyu-todoke']);
});

test('forty ratings sent at once all count', async () => {
  const before = (await (await counts()).json()).ratings.find((r) => r.procedure === 'juminhyo-copy');
  assert.equal(before, undefined);
  await Promise.all(Array.from({ length: 40 }, () => rate({ procedure: 'juminhyo-copy', score: 2 })
    .then((res) => assert.equal(res.status, 204))));
  const after = (await (await counts()).json()).ratings.find((r) => r.procedure === 'juminhyo-copy');
  assert.deepEqual(after.counts, [0, 40, 0, 0, 0]);
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
  const { ratings } = await (await counts()).json();
  assert.ok(!ratings.some((r) => r.procedure === 'Kokuho-Kanyu'));
  assert.deepEqual(ratings.find((r) => r.procedure === 'kokuho-kanyu').counts, [1, 0, 0, 1, 2]);
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
  assert.deepEqual(await (await counts('?month=1999-01')).json(), { ratings: [] });
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
