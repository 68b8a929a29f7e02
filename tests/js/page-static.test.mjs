// Static checks of the page that must hold whatever a browser does: no URL of
// any kind in www/ or the single file, no HTML sink (innerHTML and friends)
// and no eval in the page's code, a CSP whose hashes match the inline code,
// the single file's SHA-256 published in the README, its size budget, and
// www/'s files all assembled, in an order where none uses a later one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const dist = read('dist/webex-device-identity.html');
const www = Object.fromEntries(readdirSync(new URL('www/', root), { recursive: true })
  .filter((f) => /\.(js|css|html)$/.test(f)).map((f) => [`www/${f}`, read(`www/${f}`)]));
const sources = { ...www, 'dist/webex-device-identity.html': dist };

test('no URL at all in www/ or the single file (nothing to fetch, no third party)', () => {
  for (const [name, text] of Object.entries(sources)) {
    assert.equal(/https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(text), false, `${name} carries a URL`);
  }
});

test('no HTML sink or eval in the page code: data is shown with textContent only', () => {
  const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|srcdoc/;
  for (const [name, text] of Object.entries(sources)) {
    assert.equal(sinks.test(text), false, `${name}: ${sinks.exec(text)?.[0]}`);
  }
});

test('the CSP allows exactly the inline script and style, and no connection', () => {
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(dist)[1];
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scripts = [...dist.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...dist.matchAll(/<style>([^]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, 'one executable inline script');
  assert.equal(styles.length, 1, 'one inline style');
  for (const directive of ["default-src 'none'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'",
    `script-src ${hash(scripts[0])} 'wasm-unsafe-eval'`, `style-src ${hash(styles[0])}`, 'worker-src blob:']) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  assert.equal(/unsafe-inline| 'unsafe-eval'|\*/.test(csp), false, 'no wildcard, no unsafe-inline, no unsafe-eval');
});

test("the README publishes the single file's SHA-256", () => {
  const digest = createHash('sha256').update(readFileSync(new URL('dist/webex-device-identity.html', root))).digest('hex');
  assert.ok(read('README.md').includes(digest), `README.md must say ${digest}`);
});

// The budget for the whole page with every workflow in it: 350 KB gzipped
// (scripts/bench reports the same figure, with the same zlib level 9). A size, not a time:
// exact on any machine.
test('the single file stays within 350 KB gzipped', () => {
  const gzipped = gzipSync(Buffer.from(dist), { level: 9 }).length;
  assert.ok(gzipped <= 350_000, `dist/webex-device-identity.html is ${gzipped} bytes gzipped, over 350,000`);
});

// The lists scripts/assemble-page.mjs concatenates, in its order.
const assembler = read('scripts/assemble-page.mjs');
const listed = (name) => [...new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(assembler)[1].matchAll(/'([^']+)'/g)]
  .map((m) => `www/${m[1]}`);
const order = { page: listed('PAGE'), worker: listed('WORKER') };

test('every www/ script is assembled, once, and starts with a comment saying what it is for', () => {
  const scripts = Object.keys(www).filter((f) => f.endsWith('.js')).sort();
  assert.deepEqual([...order.page, ...order.worker].sort(), scripts);
  for (const name of [...scripts, 'www/style.css']) assert.match(www[name], /^(\/\/|\/\*) \S/, `${name}: first line`);
});

// The files share one scope: a file using a name that only a later file
// declares would be an import cycle in disguise (or a use before definition).
test('each assembled file uses only names declared by the files before it', () => {
  const code = (text) => text.replace(/\/\/[^\n]*|\/\*[^]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g,
    (m) => (m[0] === '`' ? [...m.matchAll(/\$\{([^}]*)\}/g)].map((e) => e[1]).join(' ') : m[0] === '/' ? ' ' : "''"));
  const declared = (text) => [...code(text).matchAll(/^(?:(?:async )?function|const|let) ([\w$]+)/gm)].map((m) => m[1]);
  for (const files of Object.values(order)) {
    files.forEach((file, i) => {
      for (const later of files.slice(i + 1)) {
        for (const name of declared(www[later])) {
          const use = new RegExp(`(?<![\\w$.])${name.replace('$', '\\$')}(?![\\w$])`);
          assert.equal(use.test(code(www[file])), false, `${file} uses ${name}, which ${later} declares after it`);
        }
      }
    });
  }
});
