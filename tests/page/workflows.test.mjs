// Every workflow of the page in headless Chromium, both from the local server
// (http://127.0.0.1) and as the single file from disk (file://). Each produced
// blob is opened independently (OpenSSL through Node). Any network request,
// console error or stored data fails the test. Screenshots go to test-results/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PAGE_FILE, ROOT, assertAxeClean, blobOf, browserAndServer, makeCertificates, openIndependently, withGuardedPage,
} from './helpers.mjs';

const certs = makeCertificates();
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'certs');
const p12 = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')).find((c) => c.name === 'p12-modern');
const SECRET = 'correct horse battery staple';
const session = browserAndServer();

const modes = {
  http: () => session.server.url,
  file: () => pathToFileURL(PAGE_FILE).href,
};

for (const [mode, urlOf] of Object.entries(modes)) {
  describe(`page over ${mode}`, () => {
    /** Runs `fn` on a fresh page and checks the guards afterwards. */
    const withPage = (name, fn, options) => withGuardedPage(session.browser, urlOf(), `${mode}-${name}`, fn, options);

    const tab = (page, id) => page.click(`#tab-${id}`);
    const commandText = (page, scope) => page.locator(`${scope} pre.command`).allTextContents();

    test('keyboard only: arrow keys move between tabs, Enter builds', () => withPage('keyboard', async (page) => {
      await page.focus('#tab-seed');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-install');
      assert.equal(await page.isVisible('#panel-install'), true);
      await page.keyboard.press('End');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-selftest');
      await page.keyboard.press('Tab'); // into the panel: its first control
      assert.equal(await page.evaluate(() => document.activeElement.id), 'selftest-run');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#selftest-verdict[data-verdict=pass]', { timeout: 30000 });
    }));

    test('a secret typed the moment the page opens still gets its strength hint', () => withPage('early-typing', async (page) => {
      await page.fill('#seed-secret', 'typed at once');
      await page.waitForSelector('#seed-strength[data-level]');
    }));

    test('self-test passes', () => withPage('selftest', async (page) => {
      await tab(page, 'selftest');
      await page.click('#selftest-run');
      await page.waitForSelector('#selftest-verdict[data-verdict=pass]', { timeout: 30000 });
    }));

    test('seed: generate a phrase, see its strength, get the plain-text command', () => withPage('seed', async (page) => {
      await page.click('[data-generate=phrase][data-into^=seed]');
      await page.waitForFunction(() => document.getElementById('seed-secret').value.length > 0);
      const secret = await page.inputValue('#seed-secret');
      assert.equal(await page.inputValue('#seed-secret2'), secret);
      assert.equal(await page.getAttribute('#seed-secret', 'type'), 'text', 'a generated secret is shown to be written down');
      await page.waitForSelector('#seed-strength[data-level]');
      await page.click('#seed-build');
      await page.waitForSelector('#seed-out pre.command');
      const [command] = await commandText(page, '#seed-out');
      const b64 = /^xCommand Security ClientSecret Populate Secret: "([A-Za-z0-9_-]+)"$/.exec(command)[1];
      assert.equal(Buffer.from(b64, 'base64url').toString('utf8'), secret);
      // Entries that differ are refused.
      await page.fill('#seed-secret2', `${secret}x`);
      await page.click('#seed-build');
      await page.waitForSelector('#seed-out [data-code=secrets_differ]');
    }));

    test('install: files in, report card, two commands that open independently', () => withPage('install', async (page) => {
      await tab(page, 'install');
      await page.setInputFiles('#install-files', [certs.good.cert, certs.good.key, certs.int]);
      await page.waitForSelector('#install-report .verdict[data-verdict=ready]');
      assert.equal(await page.textContent('.cert.leaf .cn'), 'room-1.example.com');
      assert.match(await page.textContent('.cert.leaf .sans'), /DNS: room-1\.example\.com/);
      assert.match(await page.textContent('.cert.leaf'), new RegExp(certs.good.sha1));
      await page.fill('#install-secret', SECRET);
      await page.click('#install-build');
      await page.waitForSelector('#install-out pre.command');
      const [add, activate] = await commandText(page, '#install-out');
      assert.match(add, /^xCommand Security Certificates Services Add IsEncrypted: True\n[^\n]+\n\.$/);
      const added = openIndependently(blobOf(add), SECRET);
      assert.equal(added.header['cisco-action'], 'add');
      assert.match(added.payload, /^-----BEGIN CERTIFICATE-----[^]*-----BEGIN PRIVATE KEY-----/);
      assert.ok(added.payload.includes(readFileSync(certs.good.cert, 'utf8').split('-----')[2].trim().slice(0, 64)));
      assert.match(activate, /^xCommand Security Certificates Services Activate Purpose: WebexIdentity Fingerprint: "[^"]+"$/);
      assert.equal(openIndependently(blobOf(activate), SECRET).payload, certs.good.sha1);
      // Download both, named after the CN, after the warning that the file holds the (encrypted) key.
      await page.click('#install-download-both');
      await page.waitForSelector('#install-out [data-warning=secret-in-file]');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#install-out [data-confirm=download]')]);
      assert.equal(download.suggestedFilename(), 'room-1.example.com-commands.txt');
      // The add command opens in "Check a blob" and shows the same certificate.
      await tab(page, 'check');
      await page.fill('#check-blob', add);
      await page.fill('#check-secret', SECRET);
      await page.click('#check-open');
      await page.waitForSelector('#check-out .cert.leaf .cn');
      assert.equal(await page.textContent('#check-out .cert.leaf .cn'), 'room-1.example.com');
    }));

    test('install: a refused bundle shows its findings and builds nothing', () => withPage('install-refused', async (page) => {
      await tab(page, 'install');
      await page.setInputFiles('#install-files', [certs.good.cert]); // no key
      await page.waitForSelector('#install-report .verdict[data-verdict=not-ready]');
      assert.equal(await page.locator('#install-report .finding.error[data-code=no_private_key]').count(), 1);
      assert.equal(await page.isDisabled('#install-build'), true);
    }));

    test('a certificate whose CN is HTML shows as text', () => withPage('html-cn', async (page) => {
      await tab(page, 'install');
      await page.setInputFiles('#install-files', [certs.html.cert, certs.html.key, certs.int]);
      await page.waitForSelector('#install-report .cert.leaf .cn');
      assert.equal(await page.textContent('.cert.leaf .cn'), '<img src=x onerror=window.__xss=1>');
      assert.equal(await page.locator('#install-report img').count(), 0);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    }));

    test('change and reset the secret', () => withPage('secret', async (page) => {
      await tab(page, 'secret');
      await page.fill('#change-current', SECRET);
      await page.fill('#change-new', 'a new secret for the fleet');
      await page.fill('#change-new2', 'a new secret for the fleet');
      await page.click('#change-build');
      await page.waitForSelector('#change-out pre.command');
      const [change] = await commandText(page, '#change-out');
      assert.match(change, /^xCommand Security ClientSecret Populate Secret: "[^"]+"$/);
      assert.equal(openIndependently(blobOf(change), SECRET).payload, 'a new secret for the fleet');
      // Reset needs the confirmation.
      await page.fill('#reset-current', SECRET);
      await page.click('#reset-build');
      await page.waitForSelector('#reset-out [data-code=reset_not_confirmed]');
      await page.check('#reset-confirm');
      await page.click('#reset-build');
      await page.waitForSelector('#reset-out pre.command');
      const [reset] = await commandText(page, '#reset-out');
      assert.equal(openIndependently(blobOf(reset), SECRET).payload, '');
    }));

    test('deactivate by pasted fingerprint and by certificate file', () => withPage('deactivate', async (page) => {
      await tab(page, 'deactivate');
      await page.fill('#deact-secret', SECRET);
      await page.fill('#deact-fp', certs.good.sha1.toUpperCase().match(/../g).join(':'));
      await page.click('#deact-build');
      await page.waitForSelector('#deact-out pre.command');
      let [command] = await commandText(page, '#deact-out');
      assert.match(command, /^xCommand Security Certificates Services Deactivate Purpose: WebexIdentity Fingerprint: "[^"]+"$/);
      assert.equal(openIndependently(blobOf(command), SECRET).payload, certs.good.sha1);
      await page.fill('#deact-fp', '');
      await page.setInputFiles('#deact-files', [certs.html.cert]);
      await page.click('#deact-build');
      await page.waitForSelector(`#deact-out [data-fingerprint="${certs.html.sha1}"]`);
      [command] = await commandText(page, '#deact-out');
      assert.equal(openIndependently(blobOf(command), SECRET).payload, certs.html.sha1);
    }));

    test('deactivate by an encrypted .p12 and its passphrase', () => withPage('deactivate-p12', async (page) => {
      await tab(page, 'deactivate');
      await page.fill('#deact-secret', SECRET);
      await page.setInputFiles('#deact-files', [join(FIXTURES, p12.input)]);
      await page.fill('#deact-pass', p12.passphrase);
      assert.equal(await page.getAttribute('#deact-pass', 'type'), 'password');
      await page.click('#panel-deactivate .reveal[aria-controls=deact-pass]');
      assert.equal(await page.getAttribute('#deact-pass', 'type'), 'text');
      await page.click('#deact-build');
      await page.waitForSelector(`#deact-out [data-fingerprint="${p12.leaf_sha1}"]`);
      const [command] = await commandText(page, '#deact-out');
      assert.equal(openIndependently(blobOf(command), SECRET).payload, p12.leaf_sha1);
    }));

    test('check a populate blob: the secret is masked until revealed', () => withPage('check', async (page) => {
      await tab(page, 'secret');
      await page.fill('#change-current', SECRET);
      await page.fill('#change-new', 'masked secret');
      await page.fill('#change-new2', 'masked secret');
      await page.click('#change-build');
      await page.waitForSelector('#change-out pre.command');
      const [change] = await commandText(page, '#change-out');
      await tab(page, 'check');
      await page.fill('#check-blob', change);
      await page.fill('#check-secret', SECRET);
      await page.click('#check-open');
      await page.waitForSelector('#check-payload-0');
      assert.equal(await page.getAttribute('#check-payload-0', 'type'), 'password');
      assert.equal(await page.inputValue('#check-payload-0'), 'masked secret');
      await page.click('#check-out .reveal');
      assert.equal(await page.getAttribute('#check-payload-0', 'type'), 'text');
      // A wrong secret says so, and shows nothing else.
      await page.fill('#check-secret', 'wrong');
      await page.click('#check-open');
      await page.waitForSelector('#check-out .callout.error[data-code=decrypt_failed]');
    }));

    test('cancel stops the work and keeps every input', () => withPage('cancel', async (page) => {
      await tab(page, 'secret');
      await page.fill('#change-current', SECRET);
      await page.fill('#change-new', 'kept');
      await page.fill('#change-new2', 'kept');
      // Click Build and Cancel in one task, so the cancel always lands mid-run.
      await page.evaluate(() => { document.getElementById('change-build').click(); document.getElementById('cancel').click(); });
      await page.waitForSelector('#notice[data-code=cancelled]:not([hidden])');
      await page.waitForSelector('#change-out .callout');
      assert.equal(await page.locator('#change-out pre.command').count(), 0, 'a cancelled run shows no command');
      assert.equal(await page.inputValue('#change-new'), 'kept');
      await page.click('#change-build'); // the restarted worker works
      await page.waitForSelector('#change-out pre.command');
    }));

    test('a crashed worker is restarted, says so, and keeps every input', () => withPage('crash', async (page) => {
      await tab(page, 'secret');
      await page.fill('#change-current', SECRET);
      await page.fill('#change-new', 'kept');
      await page.fill('#change-new2', 'kept');
      const worker = page.workers()[0] ?? (await page.waitForEvent('worker'));
      // An uncaught error in the worker: what a trap or an engine fault looks like to the page.
      await worker.evaluate(() => setTimeout(() => { throw new Error('simulated crash'); }));
      await page.waitForSelector('#notice[data-code=engine_restarted]:not([hidden])');
      assert.equal(await page.inputValue('#change-current'), SECRET);
      assert.equal(await page.inputValue('#change-new'), 'kept');
      await page.click('#change-build'); // the new worker works
      await page.waitForSelector('#change-out pre.command');
      assert.equal(page.workers().includes(worker), false, 'the crashed worker is gone');
    }, { allowConsole: /simulated crash/ }));

    test('a trapped engine is restarted like a crashed one, and keeps every input', () => withPage('trap', async (page) => {
      await tab(page, 'secret');
      await page.fill('#change-current', SECRET);
      await page.fill('#change-new', 'kept');
      await page.fill('#change-new2', 'kept');
      const worker = page.workers()[0] ?? (await page.waitForEvent('worker'));
      // What a panic looks like from JavaScript: the wasm call throws a RuntimeError
      // and the instance is unusable from then on.
      await worker.evaluate(() => {
        wasm_bindgen.buildJwe = () => { throw new WebAssembly.RuntimeError('unreachable'); }; // eslint-disable-line no-undef
      });
      await page.click('#change-build');
      await page.waitForSelector('#change-out .callout.error[data-code=engine_failed]');
      await page.waitForSelector('#notice[data-code=engine_restarted]:not([hidden])');
      assert.equal(await page.inputValue('#change-current'), SECRET);
      assert.equal(await page.inputValue('#change-new'), 'kept');
      assert.equal(await page.inputValue('#change-new2'), 'kept');
      await page.click('#change-build'); // the new worker works
      await page.waitForSelector('#change-out pre.command');
      assert.equal(page.workers().includes(worker), false, 'the trapped worker is gone');
    }));

    test('progress messages fill the busy bar and the answer still comes', () => withPage('progress', async (page) => {
      await tab(page, 'secret');
      await page.fill('#change-current', SECRET);
      await page.fill('#change-new', 'next');
      await page.fill('#change-new2', 'next');
      const worker = page.workers()[0] ?? (await page.waitForEvent('worker'));
      // The worker reports progress twice for the next populate and answers only when told.
      await worker.evaluate(() => {
        const answer = self.onmessage;
        self.onmessage = (event) => {
          if (event.data.op !== 'populate') { answer(event); return; }
          self.postMessage({ id: event.data.id, progress: { done: 1, total: 3 } });
          self.postMessage({ id: event.data.id, progress: { done: 2, total: 3 } });
          self.answerHeld = () => answer(event);
        };
      });
      await page.click('#change-build');
      await page.waitForSelector('#busy-progress[value="2"][max="3"]');
      assert.equal(await page.isVisible('#busy'), true, 'progress is not the answer');
      assert.equal(await page.locator('#change-out pre.command').count(), 0);
      await worker.evaluate(() => self.answerHeld());
      await page.waitForSelector('#change-out pre.command');
      assert.equal(openIndependently(blobOf((await commandText(page, '#change-out'))[0]), SECRET).payload, 'next');
      await page.waitForSelector('#busy', { state: 'hidden' });
      assert.equal(await page.getAttribute('#busy-progress', 'value'), null, 'the next run starts indeterminate');
    }));

    test('clear everything wipes inputs and outputs', () => withPage('clear', async (page) => {
      await page.fill('#seed-secret', 'something');
      await page.fill('#seed-secret2', 'something');
      await page.click('#seed-build');
      await page.waitForSelector('#seed-out pre.command');
      // A field in every panel, each workflow's own clear() must empty it.
      await page.evaluate(() => {
        for (const field of document.querySelectorAll('main input:not([type=file]), main textarea')) {
          if (field.type === 'checkbox') field.checked = true;
          else field.value = 'x';
        }
      });
      await page.click('#clear-all');
      assert.equal(await page.inputValue('#seed-secret'), '');
      assert.equal(await page.textContent('#seed-out'), '');
      assert.equal(await page.getAttribute('#seed-secret', 'type'), 'password');
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('main input, main textarea')]
        .filter((field) => (field.type === 'checkbox' ? field.checked : field.value !== '')).map((field) => field.id)), []);
    }));

    test('the CSP blocks a fetch and an image, and nothing reaches the network', () => withPage('csp', async (page) => {
      const outcome = await page.evaluate(async () => {
        const result = {};
        try { await fetch('https://example.com/'); result.fetch = 'sent'; } catch { result.fetch = 'blocked'; }
        const img = new Image();
        result.img = await new Promise((done) => { img.onload = () => done('loaded'); img.onerror = () => done('blocked'); img.src = 'https://example.com/x.png'; });
        return result;
      });
      assert.deepEqual(outcome, { fetch: 'blocked', img: 'blocked' });
    }, { allowConsole: /Content Security Policy/ })); // the CSP reports what it blocked; requests still fail the guard

    test('accessibility: axe finds nothing serious or critical on any tab', () => withPage('axe', async (page) => {
      const tabs = await page.locator('[role=tab]').evaluateAll((all) => all.map((t) => t.id.replace(/^tab-/, '')));
      await assertAxeClean(page, tabs);
    }, { bypassCSP: true })); // axe is test tooling, injected only here
  });
}
