// Writes dist/webex-device-identity.html: one self-contained file (HTML, CSS,
// the page script, the worker and the wasm inlined) that works from a web
// server and when opened from disk, with no network at all. Its
// Content-Security-Policy allows exactly the inline script and style by hash,
// blob: workers and WebAssembly compilation, and nothing else.
//
// usage: node scripts/assemble-page.mjs GLUE_JS WASM OUT_HTML
//   GLUE_JS, WASM: wasm-bindgen --target no-modules output (a classic script
//   defining `wasm_bindgen`, and its wasm), as scripts/build writes them.
//
// Only the assembled file is made small: terser (npm, pinned in
// package-lock.json) minifies the page script and the worker, liblzma
// (Python's lzma module, scripts/lzma-compress.py) compresses the wasm. Both
// give the same bytes for the same input, so dist/ stays reproducible;
// scripts/setup installs terser. www/ stays as written.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compressLzma, loadDecoder } from './lzma.mjs';

const [glue, wasm, out] = process.argv.slice(2);
if (!out) throw new Error('usage: assemble-page.mjs GLUE_JS WASM OUT_HTML');
const missing = (what) => {
  console.error(`assemble-page: ${what} is missing: run scripts/setup (dist/ is built with it, and only with it, to stay reproducible)`);
  process.exit(1);
};
const { minify } = await import('terser').catch((e) => (e.code === 'ERR_MODULE_NOT_FOUND' ? missing('terser (npm)') : Promise.reject(e)));
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
  'page/dom.js', 'page/report-card.js', 'page/output.js', 'page/lzma.js', 'page/engine.js', 'page/rpc.js', 'page/worker-pool.js',
  'page/bound-output.js', 'page/file-list.js', 'page/secret-fields.js', 'page/panels.js', 'page/page-guards.js',
  'workflows/seed.js', 'workflows/install.js', 'workflows/fleet.js', 'workflows/fleet-secrets.js',
  'workflows/fleet-build.js', 'workflows/keys.js', 'workflows/change-secret.js', 'workflows/deactivate.js',
  'workflows/check-blob.js', 'workflows/tokens.js', 'workflows/saml.js', 'workflows/self-test.js',
  'app.js',
];
// The worker's code, after wasm-bindgen's glue. A worker has a global scope of
// its own: no wrapper, so scripts/bench can still reach its `ops` and `api`.
const WORKER = ['worker/self-test.js', 'worker/worker.js'];
// Whole-line comments go: wasm-bindgen's carry documentation links (the page
// must carry no URL at all), and ours are for readers of www/, not browsers
// (1.6 KB of the gzipped page's 300 KB budget). terser drops the rest.
const withoutLineComments = (text) => text.split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
const concat = (names) => names.map((name) => mustNotClose(name, withoutLineComments(read(name)))).join('\n');

// Minified, not rewritten (about 8 KB of the gzipped page): terser's default
// compression with no unsafe option and getters not assumed pure, no property
// mangling, no source map, no comments; `'use strict'` stays. Only names local
// to a function are shortened: top-level names stay, so the worker's
// `wasm_bindgen`, `api` and `ops` (which scripts/bench and the tests reach by
// name) keep theirs, and the page script's live in its one wrapping function.
const TERSER = {
  ecma: 2020, toplevel: false, compress: { passes: 2, pure_getters: false }, mangle: { toplevel: false },
  format: { comments: false }, sourceMap: false,
};
const minified = async (name, text) => mustNotClose(name, (await minify(text, TERSER)).code);

// The style without comments and without the whitespace CSS does not need
// (runs of it become one space; none around { } ; , >); quoted strings as
// written. About 0.5 KB of the gzipped page.
const STRING = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;
const STRING_OR_COMMENT = new RegExp(`${STRING.source}|/\\*[^]*?\\*/`, 'g');
const minifiedCss = (css) => css.replace(STRING_OR_COMMENT, (m, string) => string ?? ' ')
  .split(STRING) // the strings at odd indices
  .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/;}/g, '}')))
  .join('').trim();
const style = mustNotClose('style.css', minifiedCss(read('style.css')));
const app = await minified('page script', `'use strict';\n(() => {\n${concat(PAGE)}\n})();\n`);
// The worker runs from a blob: URL made of this text; it is data here, not run by the page.
const glueCode = withoutLineComments(readFileSync(glue, 'utf8'));
const worker = await minified('worker', `'use strict';\n${glueCode}\n${concat(WORKER)}`);
// Compressed before base64: base64 hides the wasm's redundancy from a
// server's (or a zip's) compression, compressing first keeps the file small
// either way. LZMA, not gzip: the wasm is 261 KB as .lzma and 319 KB as
// zopfli's gzip (which this used before), and the gzipped page 55.7 KB
// smaller for it. Browsers cannot decode LZMA themselves, so the page carries
// a decoder (www/page/lzma.js: 1.4 KB of the gzipped page, and 58 ms of the
// main thread at start-up in Chromium, 81 ms in Firefox, where gzip took 9
// and 10: README.md, Performance). The page is written only if that very
// file, run here as www/ has it, gives back the wasm byte for byte; its
// minified copy in the page is what tests/page/ runs in Chromium and Firefox.
const wasmBytes = readFileSync(wasm);
const wasmLzma = compressLzma(wasmBytes);
const decodeLzma = loadDecoder();
if (Buffer.compare(Buffer.from(decodeLzma(wasmLzma)), wasmBytes) !== 0) {
  throw new Error("www/page/lzma.js does not decode the compressed wasm to the wasm: the page is not written");
}
const wasmBase64 = wasmLzma.toString('base64');

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
  `<script type="application/x-lzma" id="wasm-b64">${wasmBase64}</script>`,
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
