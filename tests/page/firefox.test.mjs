// Firefox smoke test through geckodriver (plain W3C WebDriver over HTTP on
// loopback): the single file from disk and the served page both run the
// self-test and seed, install (files chosen from disk, or PEM pasted) and
// open a blob; and the Fleet tab checks a small fleet and builds it with the
// pool of workers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGE_FILE, blobOf, makeCertificates, makeFleet, openIndependently, serve } from './helpers.mjs';

const geckodriverPath = process.env.GECKODRIVER || execFileSync('sh', ['-c', 'command -v geckodriver || echo $HOME/.cargo/bin/geckodriver']).toString().trim();
let driver;
let base;
let session;
let server;

async function wd(method, path, body) {
  const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}
const find = async (css) => Object.values(await wd('POST', `/session/${session}/element`, { using: 'css selector', value: css }))[0];
const click = async (css) => wd('POST', `/session/${session}/element/${await find(css)}/click`, {});
const type = async (css, text) => wd('POST', `/session/${session}/element/${await find(css)}/value`, { text });
const text = async (css) => wd('GET', `/session/${session}/element/${await find(css)}/text`);
async function waitFor(css, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try { return await text(css); } catch (e) { if (Date.now() > end) throw e; }
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  const port = 40000 + Math.floor(Math.random() * 10000);
  base = `http://127.0.0.1:${port}`;
  driver = spawn(geckodriverPath, ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { await fetch(`${base}/status`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  session = (await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
      args: ['-headless'],
      prefs: { 'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
    } } },
  })).sessionId;
  server = await serve();
});

after(async () => {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  driver?.kill();
  server?.stop();
});

const certs = makeCertificates();

for (const [mode, url] of [['file', () => pathToFileURL(PAGE_FILE).href], ['http', () => server.url]]) {
  test(`Firefox over ${mode}: self-test, seed, install`, async () => {
    await wd('POST', `/session/${session}/url`, { url: url() });
    await click('#tab-selftest');
    await click('#selftest-run');
    await waitFor('#selftest-verdict[data-verdict=pass]');

    await click('#tab-seed');
    await type('#seed-secret', 'firefox secret');
    await type('#seed-secret2', 'firefox secret');
    await click('#seed-build');
    assert.equal(await waitFor('#seed-out pre.command'),
      `xCommand Security ClientSecret Populate Secret: "${Buffer.from('firefox secret').toString('base64url')}"`);

    await click('#tab-install');
    const files = [certs.good.cert, certs.good.key, certs.int];
    if (mode === 'file') {
      // Choose the files: geckodriver runs here, so Send Keys to the (visually
      // hidden) file input with one local path a line selects them.
      await type('#install-files', files.join('\n'));
    } else {
      // Paste the PEM, as admins also do.
      const fs = await import('node:fs');
      await type('#install-pem', files.map((f) => fs.readFileSync(f, 'utf8')).join(''));
      await click('#install-check');
    }
    await waitFor('#install-report .verdict[data-verdict=ready]');
    assert.equal(await waitFor('.cert.leaf .cn'), 'room-1.example.com');
    await type('#install-secret', 'firefox secret');
    await click('#install-build');
    const add = await waitFor('#install-out pre.command');
    assert.match(openIndependently(blobOf(add), 'firefox secret').payload, /BEGIN PRIVATE KEY/);
  });
}

const fleet = makeFleet(4);
const attribute = async (css, name) => wd('GET', `/session/${session}/element/${await find(css)}/attribute/${name}`);

for (const [mode, url] of [['file', () => pathToFileURL(PAGE_FILE).href], ['http', () => server.url]]) {
  test(`Firefox over ${mode}: the fleet is checked and built by the pool`, async () => {
    await wd('POST', `/session/${session}/url`, { url: url() });
    await click('#tab-fleet');
    await type('#fleet-manifest-file', join(fleet.dir, 'manifest.csv'));
    const files = readdirSync(join(fleet.dir, 'files')).map((name) => join(fleet.dir, 'files', name));
    await type('#fleet-files', files.join('\n'));
    await type('#fleet-pass', fleet.expected.passphrase);
    await click('#fleet-check');
    await waitFor('#fleet-report table.fleet');
    for (const e of fleet.expected.entries.filter((entry) => entry.device.startsWith('room-'))) {
      assert.equal(await attribute(`#fleet-report tr[data-device="${e.device}"]`, 'data-status'), e.expect.status, e.device);
    }
    assert.equal(await attribute('#fleet-report tr[data-device="trap-expired"]', 'data-status'), 'error');
    await click('#fleet-build');
    await waitFor('#fleet-download', 60000);
    const built = fleet.expected.entries.filter((e) => e.expect.status !== 'error').length;
    assert.equal(await text('#fleet-progress-text'), `${built} of ${built} devices built.`);
  });
}
