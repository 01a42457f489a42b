// seal-bench's browser half: our wasm seal-bench in Debian's headless Chromium, its CPU throttled RATE times
// as DevTools does it, with the bench's lines printed as under node. Usage: node seal_bench_chromium.mjs
// BUILD_DIR/wasm/tools/bench/seal-bench.js [RATE]; RATE defaults to 4 (issue 5's "4x throttled Chromium").
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const [script, rateArg = '4'] = process.argv.slice(2);
const rate = Number(rateArg);
if (!script || !(rate >= 1)) {
  console.error('usage: node seal_bench_chromium.mjs BUILD_DIR/wasm/tools/bench/seal-bench.js [RATE >= 1]');
  process.exit(2);
}
const CHROMIUM = '/usr/lib/chromium/chromium';
// As tests/browser/portal.mjs: no GPU, no background network traffic.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
// Long enough for a 4x throttled run (about a minute here) on a loaded machine.
const TIMEOUT_MS = 15 * 60 * 1000;

// The module's output goes to the console, which the driver copies to its stdout and stderr; its exit
// status or an abort comes back through sealBenchDone. The script is added only on start(), after the
// throttle is set, so loading and compiling run throttled too.
const PAGE = `<!doctype html><meta charset="utf-8"><title>seal-bench</title><link rel="icon" href="data:,">
<script>
var Module = {
  print: (line) => console.log(line),
  printErr: (line) => console.error(line),
  onExit: (code) => window.sealBenchDone('exit ' + code),
  onAbort: (what) => window.sealBenchDone('abort ' + what),
};
function start() {
  const s = document.createElement('script');
  s.src = 'seal-bench.js';
  s.onerror = () => window.sealBenchDone('seal-bench.js did not load');
  document.body.append(s);
}
</script><body>`;

// Cross-origin isolation (COOP and COEP on every answer) gives performance.now() 5 us steps instead of
// 100 us, which a 1 KiB open of about 100 us needs.
const files = {
  '/': { type: 'text/html; charset=utf-8', body: PAGE },
  '/seal-bench.js': { type: 'text/javascript', body: await readFile(script) },
  '/seal-bench.wasm': { type: 'application/wasm', body: await readFile(script.replace(/\.js$/, '.wasm')) },
};
const server = createServer((req, res) => {
  const file = files[req.url];
  res.writeHead(file ? 200 : 404, {
    'Content-Type': file ? file.type : 'text/plain', 'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
  });
  res.end(file ? file.body : 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
let outcome;
try {
  const page = await browser.newPage();
  page.on('console', (msg) => (msg.type() === 'log' ? process.stdout : process.stderr).write(msg.text() + '\n'));
  let end;
  const ended = new Promise((resolve) => { end = resolve; });
  page.on('pageerror', (e) => end('uncaught ' + e.message));
  page.on('crash', () => end('the page crashed (out of memory?)'));
  await page.exposeFunction('sealBenchDone', end);
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.evaluate(() => start());
  outcome = await Promise.race([ended,
    new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS, `no end within ${TIMEOUT_MS / 60000} minutes`).unref())]);
} finally {
  await browser.close();
  server.close();
}
if (outcome !== 'exit 0') {
  // A node-only link fails first on node's globals (__dirname, require).
  const hint = /is not defined/.test(outcome) ? '; was it linked with -sENVIRONMENT=node,web? rebuild the wasm tree' : '';
  console.error(`seal-bench in Chromium (CPU ${rate}x throttled): ${outcome}${hint}`);
  process.exit(1);
}
