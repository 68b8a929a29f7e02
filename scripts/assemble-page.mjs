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

const style = mustNotClose('style.css', read('style.css'));
const app = mustNotClose('app.js', read('app.js'));
// The worker runs from a blob: URL made of this text; it is data here, not run by the page.
// wasm-bindgen's glue has whole-line comments with documentation links: the page
// must carry no URL at all, so those lines go.
const glueCode = readFileSync(glue, 'utf8').split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
const worker = mustNotClose('worker', `${glueCode}\n${read('worker.js')}`);
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
