// PostgreSQL going away and coming back (endpoint-pg:postgres_outage): the endpoint reaches the test
// server through a TCP relay this test can cut, answers 503 database_unavailable while it is cut, and
// serves again, with new connections, once it is back. A server that is away at start is a start-up
// failure that names the server and never prints the password.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { after, before, test } from 'node:test';
import {
  dropPostgresSchema, errorOf, fetch, newPostgresSchema, onPostgres, postEnvelope, sealEnvelopes, startServer,
} from './server.mjs';

assert.ok(onPostgres, 'this test needs the test PostgreSQL server: run it through ctest (endpoint-pg:postgres_outage)');

// Forwards a port on 127.0.0.1 to the PostgreSQL server. cut() closes every connection and stops
// listening, as a server that went away; listen(relay.port) brings it back on the same port.
class Relay {
  constructor(target) {
    this.target = target;
    this.sockets = new Set();
  }

  // Resolves to the port, a free one the first time.
  listen(port = 0) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => {
      this.server.listen(port, '127.0.0.1', () => resolve(this.port = this.server.address().port));
    });
  }

  async cut() {
    const closed = new Promise((resolve) => this.server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

const schema = newPostgresSchema();
const relay = new Relay(new URL(schema));
let server;

before(async () => {
  await relay.listen();
  const relayed = new URL(schema);
  relayed.port = String(relay.port);
  server = await startServer({ db: relayed.href });
});
after(async () => {
  if (server) assert.equal((await server.stop()).code, 0, `endpoint exit code; stderr: ${server.stderr()}`);
  await relay.cut();
  dropPostgresSchema(schema);
});

const health = () => fetch(new URL('/api/v1/health', server.url));

test('while PostgreSQL is away the API answers 503 database_unavailable, and serves again when it is back', async () => {
  const [earlier, during] = await sealEnvelopes(server, 2);
  assert.equal((await health()).status, 200);
  assert.equal((await postEnvelope(server, earlier.bytes)).status, 201);

  await relay.cut();
  const down = await health();
  assert.equal(down.status, 503);
  errorOf(assert, await down.text(), 'database_unavailable');
  const refused = await postEnvelope(server, during.bytes);
  assert.equal(refused.status, 503);
  errorOf(assert, await refused.text(), 'database_unavailable');

  await relay.listen(relay.port);
  assert.equal((await health()).status, 200);
  // The app retries an upload that got 503; nothing of it had been stored.
  assert.equal((await postEnvelope(server, during.bytes)).status, 201);
  const retry = await postEnvelope(server, earlier.bytes);
  assert.equal(retry.status, 200, 'what was stored before the outage is still there');
  assert.match(server.stderr(), /database failed: cannot connect to postgresql:\/\/madoguchi@127\.0\.0\.1:\d+\/madoguchi/);
  assert.doesNotMatch(server.stderr(), new RegExp(new URL(schema).password), 'the password is never logged');
});

test('PostgreSQL away at start: exit status 1, naming the server but not the password', async () => {
  const closed = new URL(schema);
  closed.port = '1';  // nothing listens on port 1 of loopback
  for (const args of [['--site', server.site], []]) {
    const command = args.length ? [...args, '--db', closed.href, '--port', '0'] : ['--db', closed.href, 'add-staff-token', 'x'];
    const result = spawnSync(process.env.MADOGUCHI_ENDPOINT, command, { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /cannot connect to postgresql:\/\/madoguchi@127\.0\.0\.1:1\/madoguchi/);
    assert.doesNotMatch(result.stderr, new RegExp(closed.password));
    assert.equal(result.stdout, '');
  }
});
