// Writes dist/webex-device-identity.html: one self-contained file (HTML, CSS,
// the page script, the worker and the wasm inlined) that works from a web
// server and when opened from disk, with no network at all. Its
// Content-Security-Policy allows exactly the inline script and style by hash,
// blob: workers and WebAssembly compilation, and nothing else.
//
// usage: node scripts/assemble-page.mjs GLUE_JS WASM OUT_HTML
//   GLUE_JS, WASM: wasm-bindgen --target no-modules output (a classic script
//   defining `wasm_bindgen`, and its wasm), as scripts/build writes them.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [glue, wasm, out] = process.argv.slice(2);
if (!out) throw new Error('usage: assemble-page.mjs GLUE_JS WASM OUT_HTML');
const www = join(dirname(new URL(import.meta.url).pathname), '..', 'www');
const read = (name) => readFileSync(join(www, name), 'utf8');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const mustNotClose = (name, text) => {
  if (/<\/(script|style)/i.test(text)) throw new Error(`${name} contains a closing tag and cannot be inlined`);
  return text;
};

// The page's code, in this order: each file uses only what files before it
// define. They run as one classic script (Chromium refuses module scripts on
// file://), wrapped in one function so they share a scope and leave no globals.
const PAGE = [
  'page/dom.js', 'page/report-card.js', 'page/output.js', 'page/engine.js', 'page/rpc.js', 'page/worker-pool.js',
  'page/bound-output.js', 'page/file-list.js', 'page/secret-fields.js', 'page/panels.js', 'page/page-guards.js',
  'workflows/seed.js', 'workflows/install.js', 'workflows/fleet.js', 'workflows/fleet-secrets.js',
  'workflows/fleet-build.js', 'workflows/change-secret.js', 'workflows/deactivate.js',
  'workflows/check-blob.js', 'workflows/self-test.js',
  'app.js',
];
// The worker's code, after wasm-bindgen's glue. A worker has a global scope of
// its own: no wrapper, so scripts/bench can still reach its `ops` and `api`.
const WORKER = ['worker/self-test.js', 'worker/worker.js'];
// Whole-line comments go: wasm-bindgen's carry documentation links (the page
// must carry no URL at all), and ours are for readers of www/, not browsers
// (1.6 KB of the gzipped page's 300 KB budget).
const withoutLineComments = (text) => text.split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
const concat = (names) => names.map((name) => mustNotClose(name, withoutLineComments(read(name)))).join('\n');

const style = mustNotClose('style.css', read('style.css'));
const app = `'use strict';\n(() => {\n${concat(PAGE)}\n})();\n`;
// The worker runs from a blob: URL made of this text; it is data here, not run by the page.
const glueCode = withoutLineComments(readFileSync(glue, 'utf8'));
const worker = mustNotClose('worker', `'use strict';\n${glueCode}\n${concat(WORKER)}`);
// Gzip before base64: base64 hides the wasm's redundancy from a server's (or
// a zip's) compression, gzip first keeps the file small either way. The page
// inflates it with DecompressionStream; gzip here writes no time stamp.
const wasmBase64 = gzipSync(readFileSync(wasm), { level: 9 }).toString('base64');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(app)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha256(style)}`,
  "connect-src 'none'",
  'img-src data:', // the inline icon only; data: never touches the network
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const scripts = [
  `<script type="text/plain" id="worker-src">${worker}</script>`,
  `<script type="application/gzip" id="wasm-b64">${wasmBase64}</script>`,
  `<script>${app}</script>`,
].join('\n');

const html = read('index.html')
  .replace('{{CSP}}', csp)
  .replace('{{STYLE}}', () => `<style>${style}</style>`)
  .replace('{{SCRIPTS}}', () => scripts);
if (/\{\{[A-Z]+\}\}/.test(html)) throw new Error('a placeholder was left in index.html');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`dist: ${html.length} bytes (${out})`);
