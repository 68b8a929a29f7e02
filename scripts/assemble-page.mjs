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
// package-lock.json) minifies the page script and the worker, zopfli (the
// Debian package) gzips the wasm. Both give the same bytes for the same input,
// so dist/ stays reproducible; scripts/setup installs both. www/ stays as written.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
  'page/dom.js', 'page/report-card.js', 'page/output.js', 'page/engine.js', 'page/rpc.js', 'page/worker-pool.js',
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
// Gzip before base64: base64 hides the wasm's redundancy from a server's (or
// a zip's) compression, gzip first keeps the file small either way. The page
// inflates it with DecompressionStream. zopfli writes standard gzip (no time
// stamp, no file name), 15 KB (5%) smaller than gzip -9. --i15 by measurement
// (about 3 s): --i1 gives 0.7 KB more, --i50 44 bytes less for twice the time.
const ZOPFLI_ITERATIONS = 15;
let wasmGzip;
try {
  wasmGzip = execFileSync('zopfli', [`--i${ZOPFLI_ITERATIONS}`, '-c', wasm], { maxBuffer: 64 << 20 });
} catch (e) {
  if (e.code === 'ENOENT') missing('zopfli (apt)');
  throw e;
}
const wasmBase64 = wasmGzip.toString('base64');

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
