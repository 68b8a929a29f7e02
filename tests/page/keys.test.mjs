// The Keys and requests tab in headless Chromium, from disk (file://) and
// served: one device's key and request, and a small fleet's zip, each checked
// by OpenSSL (`openssl req -verify`, `openssl pkey -passin`); bad input shown
// with its code. The plain key never reaches the page: every message the
// workers send is recorded and searched, and so is the DOM. No network
// request, console error or stored data (helpers.mjs' guards); axe clean.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGE_FILE, assertAxeClean, browserAndServer, withGuardedPage } from './helpers.mjs';

const session = browserAndServer();
const OUT = mkdtempSync(join(tmpdir(), 'page-keys-'));
const PASSPHRASE = 'orbit-lantern-7-meadow';
// The armour of a plain key (the glossary names the formats, without the dashes).
const PLAIN_KEY = /-----BEGIN (EC )?PRIVATE KEY-----/;

/** Records every message the page's workers post to it, as text (bytes decoded as Latin-1). */
function recordWorkerMessages() {
  window.workerMessages = [];
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        window.workerMessages.push(JSON.stringify(event.data, (k, v) => (v instanceof Uint8Array
          ? Array.from(v, (b) => String.fromCharCode(b)).join('') : v)));
      });
    }
  };
}

const openssl = (...args) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function fill(page, fields) {
  for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
}

async function plainKeyNowhere(page) {
  const messages = await page.evaluate(() => window.workerMessages);
  // The control: the encrypted key did cross in a message, so a plain one would have been seen.
  assert.ok(messages.some((m) => m.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')), 'the worker messages were recorded');
  assert.ok(!messages.some((m) => PLAIN_KEY.test(m)), 'no plain key in any message to the page');
  assert.ok(!PLAIN_KEY.test(await page.content()), 'no plain key in the DOM');
}

async function saveKey(page, name) {
  await page.click('#keys-key');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#keys-out [data-confirm=download]')]);
  assert.equal(download.suggestedFilename(), name);
  const path = join(OUT, name);
  await download.saveAs(path);
  return path;
}

describe('the Keys and requests tab', () => {
  for (const how of ['file', 'http']) {
    test(`one device's key and request (${how})`, async () => {
      const url = how === 'file' ? pathToFileURL(PAGE_FILE).href : session.server.url;
      await withGuardedPage(session.browser, url, `keys-one-${how}`, async (page) => {
        await page.addInitScript(recordWorkerMessages);
        await page.reload();
        await page.waitForSelector('html[data-ready=true]');
        await page.click('#tab-keys');
        // Bad input first: the core's code is shown, and nothing is made.
        await fill(page, { 'keys-cn': '', 'keys-pass': PASSPHRASE, 'keys-pass2': PASSPHRASE });
        await page.click('#keys-make');
        await page.waitForSelector('#keys-out .callout.error[data-code=bad_common_name]');
        await fill(page, { 'keys-cn': 'room-1.example.com', 'keys-sans': 'DNS:room-1.example.com\nemail:room-1@example.com', 'keys-pass2': 'other' });
        await page.click('#keys-make');
        await page.waitForSelector('#keys-out .callout.error[data-code=passphrase_mismatch]');
        await fill(page, { 'keys-pass2': PASSPHRASE });
        await page.check('#keys-ku');
        await page.click('#keys-make');
        await page.waitForSelector('#keys-csr');
        const csr = await page.locator('#keys-out pre.command').textContent();
        const csrPath = join(OUT, `room-1-${how}.csr`);
        writeFileSync(csrPath, csr);
        openssl('req', '-in', csrPath, '-verify', '-noout'); // throws unless the signature verifies
        const text = openssl('req', '-in', csrPath, '-noout', '-text');
        assert.match(text, /Subject: CN ?= ?room-1\.example\.com/);
        assert.match(text, /DNS:room-1\.example\.com, email:room-1@example\.com/);
        assert.match(text, /Key Usage: critical/);
        const keyPath = await saveKey(page, 'room-1.example.com.key');
        assert.match(readFileSync(keyPath, 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
        const keyPublic = openssl('pkey', '-in', keyPath, '-passin', `pass:${PASSPHRASE}`, '-pubout');
        assert.equal(keyPublic, openssl('req', '-in', csrPath, '-noout', '-pubkey'));
        await plainKeyNowhere(page);
        // The output is bound to its inputs: editing the CN empties it.
        await page.fill('#keys-cn', 'room-2.example.com');
        assert.equal(await page.locator('#keys-csr').count(), 0);
      });
    });
  }

  test('a small fleet as one zip, with progress (file://)', async () => {
    await withGuardedPage(session.browser, pathToFileURL(PAGE_FILE).href, 'keys-fleet', async (page) => {
      await page.addInitScript(recordWorkerMessages);
      await page.reload();
      await page.waitForSelector('html[data-ready=true]');
      await page.click('#tab-keys');
      await page.check('#keys-many');
      await fill(page, {
        'keys-devices': 'room-1\nroom-2\nroom-3\n', 'keys-cn': 'room.example.com', 'keys-sans': 'DNS:{device}.example.com',
        'keys-pass': PASSPHRASE, 'keys-pass2': PASSPHRASE,
      });
      await page.click('#keys-make');
      await page.waitForSelector('#keys-out .callout.error[data-code=bad_common_name]');
      await page.fill('#keys-cn', '{device}.example.com');
      await page.click('#keys-make');
      await page.waitForSelector('#keys-zip');
      assert.equal(await page.locator('#keys-out tbody tr').count(), 3);
      // The admin's own date, as the fleet's zip is named (not UTC).
      const today = await page.evaluate(() => { const d = new Date(); return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); });
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#keys-zip')]);
      assert.equal(download.suggestedFilename(), `keys-${today}.zip`);
      const zip = join(OUT, 'keys.zip');
      await download.saveAs(zip);
      execFileSync('unzip', ['-t', '-q', zip]);
      const dir = join(OUT, 'fleet');
      execFileSync('unzip', ['-q', '-o', zip, '-d', dir]);
      for (const device of ['room-1', 'room-2', 'room-3']) {
        const csr = join(dir, 'csr', `${device}.csr`);
        openssl('req', '-in', csr, '-verify', '-noout');
        assert.match(openssl('req', '-in', csr, '-noout', '-subject'), new RegExp(`CN ?= ?${device}\\.example\\.com`));
        const keyPublic = openssl('pkey', '-in', join(dir, 'keys', `${device}.key`), '-passin', `pass:${PASSPHRASE}`, '-pubout');
        assert.equal(keyPublic, openssl('req', '-in', csr, '-noout', '-pubkey'));
      }
      assert.match(readFileSync(join(dir, 'manifest.csv'), 'utf8'), /^device,secret,key,commonName,subjectAltNames,publicKeySha256\r\n/);
      await plainKeyNowhere(page);
    });
  });

  test('axe finds nothing serious on the tab, in both modes', async () => {
    await withGuardedPage(session.browser, pathToFileURL(PAGE_FILE).href, 'keys-axe', async (page) => {
      await assertAxeClean(page, ['keys']);
      await page.check('#keys-many');
      await assertAxeClean(page, ['keys']);
    }, { bypassCSP: true });
  });
});
