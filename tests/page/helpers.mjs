// Shared by the page tests: a browser, guards that fail a test on any network
// request, console error or stored data, certificates made with openssl for
// this run (valid from yesterday for ten years, so the suite never ages), and
// an independent way to open blobs (Node's crypto: OpenSSL's scrypt and AES-GCM).
import { execFileSync, spawn } from 'node:child_process';
import { createDecipheriv, scryptSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const PAGE_FILE = join(ROOT, 'dist', 'webex-device-identity.html');
export const ARTIFACTS = join(ROOT, 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Starts scripts/serve.py on a free port; resolves to { url, stop }. */
export function serve() {
  return new Promise((resolvePromise, reject) => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (data) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(data));
      if (match) resolvePromise({ url: match[0], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
}

/** For a test file: one browser and the local server, started before its tests and stopped after them. */
export function browserAndServer() {
  const session = { browser: null, server: null };
  before(async () => {
    session.browser = await launch();
    session.server = await serve();
  });
  after(async () => {
    await session.browser.close();
    session.server.stop();
  });
  return session;
}

/**
 * Watches a browser context: every request must be file:, blob: or data:
 * (or the page itself when served), and no console error may appear.
 * Returns the list of problems, checked at the end of each test.
 */
export function guard(context, pageUrl, allowConsole = null) {
  const problems = [];
  const outside = new Map();
  context.on('request', (request) => {
    const url = request.url();
    if (/^(file|blob|data):/.test(url) || url === pageUrl) return;
    const problem = `network request to ${url}`;
    outside.set(request, problem);
    problems.push(problem);
  });
  // Playwright reports a request the CSP then stops before it leaves; that one did not leak.
  context.on('requestfailed', (request) => {
    if (!outside.has(request) || !/^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(request.failure()?.errorText || '')) return;
    problems.splice(problems.indexOf(outside.get(request)), 1);
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (allowConsole && allowConsole.test(message.text())) return;
    problems.push(`console error: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  return problems;
}

/**
 * Runs `fn(page, context)` on a fresh page of `browser` opened at `url`, then
 * fails on any network request, console error or stored data; a screenshot
 * goes to test-results/<name>.png either way.
 */
export async function withGuardedPage(browser, url, name, fn, { allowConsole, ...options } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const problems = guard(context, url, allowConsole);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('html[data-ready=true]');
    await fn(page, context);
    if (problems.length) throw new Error(`no network request, no console error: ${problems.join('; ')}`);
    const stored = await storageIsEmpty(page, context);
    if (stored !== true) throw new Error(`nothing stored: ${JSON.stringify(stored)}`);
  } finally {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => {});
    await context.close();
  }
}

/**
 * Clicks each tab of `tabIds` and, in the light and the dark scheme, asserts
 * axe-core finds nothing serious or critical. The page must have been opened
 * with `bypassCSP: true`: axe is test tooling, injected only for this.
 */
export async function assertAxeClean(page, tabIds) {
  await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  for (const id of tabIds) {
    await page.click(`#tab-${id}`);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      assert.deepEqual(violations, [], `${id} (${scheme})`);
    }
  }
}

/** Nothing may be written to any storage. */
export async function storageIsEmpty(page, context) {
  const inPage = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    cookie: document.cookie,
  }));
  const cookies = await context.cookies();
  return inPage.localStorage === 0 && inPage.sessionStorage === 0 && inPage.indexedDB === 0
    && inPage.cookie === '' && cookies.length === 0 ? true : { ...inPage, cookies: cookies.length };
}

/** Opens a blob without our code: OpenSSL's scrypt and AES-GCM through Node. */
export function openIndependently(jwe, secret) {
  const [h, key, iv, ct, tag] = jwe.split('.');
  if (key !== '') throw new Error('the encrypted key part must be empty');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const len = header.enc === 'A128GCM' ? 16 : 32;
  const cek = scryptSync(Buffer.from(secret, 'utf8'), Buffer.from(header['cisco-kdf'].salt, 'base64url'), len,
    { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const decipher = createDecipheriv(`aes-${len * 8}-gcm`, cek, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(h, 'ascii'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const payload = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  return { header, payload };
}

/** The blob inside a device command. */
export function blobOf(command) {
  return /[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/.exec(command)[0];
}

/**
 * Makes a CA chain and two device certificates with openssl: a good one and
 * one whose CN is HTML. Returns file paths and the leaves' SHA-1 fingerprints.
 */
export function makeCertificates() {
  const dir = mkdtempSync(join(tmpdir(), 'page-certs-'));
  const f = (name) => join(dir, name);
  const ssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(f('ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  writeFileSync(f('leaf.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n'
    + 'extendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=DNS:room-1.example.com,email:av@example.com\n');
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('root.key'), '-out', f('root.pem'),
    '-subj', '/O=Page Test/CN=Page Test Root', '-days', '3650', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('int.key'), '-out', f('int.csr'), '-subj', '/O=Page Test/CN=Page Test Issuing CA');
  ssl('x509', '-req', '-in', f('int.csr'), '-CA', f('root.pem'), '-CAkey', f('root.key'), '-set_serial', '2',
    '-days', '3650', '-extfile', f('ca.ext'), '-out', f('int.pem'));
  const leaf = (name, subject) => {
    ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f(`${name}.key`),
      '-out', f(`${name}.csr`), '-subj', subject);
    ssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('int.pem'), '-CAkey', f('int.key'), '-set_serial', '4660',
      '-days', '3650', '-extfile', f('leaf.ext'), '-out', f(`${name}.pem`));
    const cert = new X509Certificate(readFileSync(f(`${name}.pem`)));
    return { cert: f(`${name}.pem`), key: f(`${name}.key`), sha1: cert.fingerprint.replace(/:/g, '').toLowerCase() };
  };
  return {
    int: f('int.pem'),
    root: f('root.pem'),
    good: leaf('good', '/O=Example/CN=room-1.example.com'),
    html: leaf('html', '/O=Example/CN=<img src=x onerror=window.__xss=1>'),
  };
}

/**
 * A fleet made for this run by tests/fleet/make_fleet.py (valid around now,
 * with the trap devices and the stray key): its folder and expected.json.
 */
export function makeFleet(devices = 6) {
  const dir = join(mkdtempSync(join(tmpdir(), 'page-fleet-')), 'fleet');
  execFileSync('python3', [join(ROOT, 'tests', 'fleet', 'make_fleet.py'), dir, '--devices', String(devices), '--traps', '--seed', '7'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  return { dir, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) };
}

/** On the Fleet tab: the manifest and the whole files/ folder chosen, the passphrase typed, the fleet checked. */
export async function checkFleet(page, fleet) {
  await page.click('#tab-fleet');
  await page.setInputFiles('#fleet-manifest-file', join(fleet.dir, 'manifest.csv'));
  await page.setInputFiles('#fleet-folder', join(fleet.dir, 'files'));
  await page.fill('#fleet-pass', fleet.expected.passphrase);
  await page.click('#fleet-check');
  await page.waitForSelector('#fleet-report table.fleet tbody tr', { timeout: 30000 });
}
