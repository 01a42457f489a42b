// A wall clock for an endpoint under test that the test moves (to see a month end, say): the endpoint
// runs with Debian's libfaketime preloaded, reading the time from a file this rewrites. Monotonic time,
// which timeouts and rate limits use, stays real.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

// Asked of gcc only by a test that moves a clock, not by every file that imports the server helper.
const libfaketime = () =>
  `/usr/lib/${execFileSync('gcc', ['-print-multiarch'], { encoding: 'utf8' }).trim()}/faketime/libfaketimeMT.so.1`;

/**
 * A clock file in `dir` starting at `when` (a Date or an ISO string; it then runs on from there).
 * Returns { env, set(when) }: spawn the endpoint with `env`; set() moves its clock at once.
 */
export function serverClock(dir, when) {
  const file = path.join(dir, 'faketime');
  // "@" starts the clock at that UTC time and lets it run; the file is read again on every call.
  const set = (at) => writeFileSync(file, `@${new Date(at).toISOString().slice(0, 19).replace('T', ' ')}\n`);
  set(when);
  return {
    set,
    env: {
      ...process.env, TZ: 'UTC', LD_PRELOAD: libfaketime(), FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    },
  };
}
