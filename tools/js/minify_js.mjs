// Minifies Emscripten's app.js for the site: node minify_js.mjs IN OUT (tools/minify-js runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node minify_js.mjs IN OUT');
  process.exit(2);
}
// Top-level names are mangled too: app.js is a classic script, but web/madoguchi.js reaches it only
// through window.Module (which must keep its name: app.js reads the settings the page put there), and
// the EM_JS/EM_ASM code, which names the glue's globals, is inside app.js and renamed with it.
// Properties are never mangled: Module's exports and the wasm's imports are looked up by name.
const result = await minify(readFileSync(input, 'utf8'), {
  compress: { toplevel: true, passes: 2 },
  mangle: { toplevel: true, reserved: ['Module'] },
});
writeFileSync(output, result.code);
