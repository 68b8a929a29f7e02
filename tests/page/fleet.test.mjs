// The Fleet tab in headless Chromium, served (http) and from disk (file://),
// on a fleet made for this run by tests/fleet/make_fleet.py (6 devices and
// the traps): the manifest and a whole folder in, every device's status as
// expected.json says, the filter, a build with progress that is cancelled
// half-way and resumed, pool workers that crash (a device retried once, one
// that crashes twice marked failed while the rest are built), the zip
// checked with unzip and its blobs opened by tests/fleet/open_blobs.py
// (Python's scrypt and jwcrypto), secrets filled in, and every output bound
// to its inputs. No network request, console error or stored data (the
// guards of helpers.mjs), and axe clean with the table on screen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PAGE_FILE, ROOT, assertAxeClean, browserAndServer, checkFleet, makeFleet, withGuardedPage,
} from './helpers.mjs';

const fleet = makeFleet(6);
const { entries } = fleet.expected;
const buildable = entries.filter((e) => e.expect.status !== 'error');
const OUT = mkdtempSync(join(tmpdir(), 'page-fleet-zips-'));
const session = browserAndServer();

// Two pool workers whatever the machine, so a build takes long enough to cancel half-way.
const twoCores = () => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 });

/**
 * Pool workers that crash when given a device: `once` (device indexes) the
 * first time only, `always` every time. Dispatches what a crashed worker
 * fires: an error event.
 */
function crashingWorkers({ once, always }) {
  const crashed = new Set();
  const Real = window.Worker;
  window.Worker = class extends Real {
    postMessage(message, ...rest) {
      const index = message && message.op === 'fleetBuild' ? message.args.index : -1;
      if (always.includes(index) || (once.includes(index) && !crashed.has(index))) {
        crashed.add(index);
        window.crashes = (window.crashes || 0) + 1;
        setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' })), 20);
      }
      return super.postMessage(message, ...rest);
    }
  };
}

const rowsBuilt = (page) => page.locator('#fleet-report tr[data-built]').count();
const indexOf = (device) => entries.findIndex((e) => e.device === device);

/** Saves the zip (after the warning when it carries secrets), checks it, opens its blobs; returns its file list. */
async function downloadZip(page, name, { warned = false } = {}) {
  await page.waitForSelector('#fleet-download');
  const today = await page.evaluate(() => { const d = new Date(); return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); });
  let download;
  if (warned) {
    await page.click('#fleet-download');
    await page.waitForSelector('#fleet-out [data-warning=secret-in-file]');
    [download] = await Promise.all([page.waitForEvent('download'), page.click('#fleet-out [data-confirm=download]')]);
  } else {
    [download] = await Promise.all([page.waitForEvent('download'), page.click('#fleet-download')]);
    assert.equal(await page.locator('#fleet-out [data-warning]').count(), 0, 'no warning without initial-populate.txt');
  }
  assert.equal(download.suggestedFilename(), `fleet-${today}.zip`);
  const zip = join(OUT, `${name}.zip`);
  await download.saveAs(zip);
  execFileSync('unzip', ['-tq', zip]);
  const files = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
  const opened = JSON.parse(execFileSync('python3', [join(ROOT, 'tests', 'fleet', 'open_blobs.py'), zip,
    '--secrets', join(fleet.dir, 'expected.json'), '--expected', join(fleet.dir, 'expected.json'), '--workers', '2'],
  { maxBuffer: 64 << 20 }).toString());
  assert.deepEqual(opened.problems, []);
  return { files, opened };
}

const modes = { http: () => session.server.url, file: () => pathToFileURL(PAGE_FILE).href };

for (const [mode, urlOf] of Object.entries(modes)) {
  describe(`fleet over ${mode}`, () => {
    const withPage = (name, fn, options) => withGuardedPage(session.browser, urlOf(), `fleet-${mode}-${name}`, fn, options);

    test('check: each device as expected, fleet findings name devices and files, the filter', () => withPage('check', async (page) => {
      await checkFleet(page, fleet);
      const rows = await page.locator('#fleet-report tbody tr').evaluateAll((all) => all.map((r) => [Number(r.dataset.line), r.dataset.status]));
      assert.deepEqual(rows, entries.map((e) => [e.line, e.expect.status]));
      for (const trap of ['trap-expired', 'trap-rsa', 'trap-no-cert']) {
        assert.equal(await page.getAttribute(`#fleet-report tr[data-device="${trap}"]`, 'data-status'), 'error', trap);
      }
      const badLine = entries.find((e) => e.device === 'trap-bad-row').line;
      assert.equal(await page.getAttribute(`#fleet-report tr[data-line="${badLine}"]`, 'data-status'), 'error');
      // The status is a word, and why is said.
      assert.match(await page.textContent('#fleet-report tr[data-device=trap-expired] td'), /error/i);
      assert.ok((await page.textContent('#fleet-report tr[data-device=trap-expired] .why')).length > 10);
      const stray = page.locator('#fleet-report .finding[data-code=unused_file]');
      assert.deepEqual(JSON.parse(await stray.getAttribute('data-items')), ['stray.key']);
      assert.deepEqual(JSON.parse(await page.getAttribute('#fleet-report .finding[data-code=duplicate_secret]', 'data-items')),
        ['trap-same-secret-a', 'trap-same-secret-b']);
      // CN, SHA-1 and expiry of a ready device.
      const room1 = entries[0];
      const cells = await page.locator(`#fleet-report tr[data-device="${room1.device}"] td`).allTextContents();
      assert.equal(cells[2], room1.commonName);
      assert.equal(cells[3], room1.sha1);
      assert.match(cells[4], new RegExp(`^${room1.notAfter.slice(0, 10)} \\(\\d+ days left\\)$`));
      assert.equal(cells[5], 'add, activate');
      // The filter, with its counts.
      const count = (status) => entries.filter((e) => e.expect.status === status).length;
      assert.equal(await page.textContent('#fleet-filter [data-status=error]'), `Error (${count('error')})`);
      await page.click('#fleet-filter [data-status=error]');
      assert.equal(await page.getAttribute('#fleet-filter [data-status=error]', 'aria-pressed'), 'true');
      const visible = await page.locator('#fleet-report tbody tr:visible').evaluateAll((all) => all.map((r) => r.dataset.status));
      assert.deepEqual(visible, Array(count('error')).fill('error'));
      await page.click('#fleet-filter [data-status=warning]');
      assert.equal(await page.locator('#fleet-report tbody tr:visible').count(), count('warning'));
      await page.click('#fleet-filter [data-status=all]');
      assert.equal(await page.locator('#fleet-report tbody tr:visible').count(), entries.length);
      assert.equal(await page.isEnabled('#fleet-build'), true);
    }));

    test('build: progress, cancel half-way keeps what is built and every input, resume builds the rest, the zip opens', () => withPage('build', async (page) => {
      await checkFleet(page, fleet);
      await page.click('#fleet-build');
      await page.waitForFunction(() => document.querySelectorAll('#fleet-report tr[data-built]').length >= 2, null, { timeout: 30000 });
      await page.click('#fleet-cancel');
      const kept = await rowsBuilt(page);
      assert.ok(kept >= 2 && kept < buildable.length, `cancelled half-way (${kept} of ${buildable.length})`);
      assert.equal(await page.textContent('#fleet-progress-text'), `${kept} of ${buildable.length} devices built.`);
      assert.equal(await page.getAttribute('#fleet-progress', 'value'), String(kept));
      await page.waitForTimeout(300); // nothing more arrives from the stopped pool
      assert.equal(await rowsBuilt(page), kept);
      assert.equal(await page.locator('#fleet-manifest-list li').count(), 1);
      assert.equal(await page.inputValue('#fleet-pass'), fleet.expected.passphrase);
      assert.ok(await page.locator('#fleet-file-list li').count() > 20);
      // Resume: the progress line counts on from what was kept, with the time left.
      await page.click('#fleet-resume');
      await page.waitForFunction(() => / left$/.test(document.getElementById('fleet-progress-text')?.textContent), null, { timeout: 30000 });
      await page.waitForSelector('#fleet-download', { timeout: 60000 });
      assert.equal(await rowsBuilt(page), buildable.length);
      assert.match(await page.textContent('#fleet-out'), /4 devices are in error and skipped/);
      const { files, opened } = await downloadZip(page, `${mode}-build`);
      for (const e of buildable) {
        assert.ok(files.includes(`${e.device}/commands.txt`) && files.includes(`${e.device}/xapi.json`), e.device);
      }
      assert.ok(files.includes('inventory.csv') && files.includes('README.txt'));
      assert.equal(files.includes('initial-populate.txt'), false);
      assert.deepEqual(opened.devices.map((d) => d.device).sort(), buildable.map((e) => e.device).sort());
      assert.ok(opened.devices.every((d) => d.blobs.map((b) => b.action).join() === 'add,activate'));
    }));

    test('crashed pool workers: a device is retried once, one that crashes twice is marked failed, the rest are built', () => withPage('crash', async (page) => {
      await page.addInitScript(crashingWorkers, { once: [indexOf('room-2')], always: [indexOf('room-4')] });
      await page.reload();
      await page.waitForSelector('html[data-ready=true]');
      await checkFleet(page, fleet);
      await page.click('#fleet-build');
      await page.waitForSelector('#fleet-download', { timeout: 60000 });
      assert.equal(await page.evaluate(() => window.crashes), 3);
      assert.equal(await page.getAttribute('#fleet-report tr[data-device=room-4]', 'data-status'), 'error');
      assert.equal(await page.locator('#fleet-report tr[data-device=room-4] .why[data-code=build_failed]').count(), 1);
      assert.equal(await page.getAttribute('#fleet-report tr[data-device=room-2]', 'data-built'), 'true');
      assert.equal(await rowsBuilt(page), buildable.length - 1);
      assert.equal(await page.locator('#fleet-out [data-code=build_failed]').count(), 1);
      // initial-populate.txt: the download warns first, and the zip carries the seeds.
      await page.check('#fleet-seeds');
      const { files, opened } = await downloadZip(page, `${mode}-crash`, { warned: true });
      assert.ok(files.includes('initial-populate.txt'));
      assert.equal(files.some((f) => f.startsWith('room-4/')), false, 'the failed device is not in the zip');
      assert.equal(opened.devices.length, buildable.length - 1);
    }));
  });
}

describe('fleet (file://)', () => {
  const withPage = (name, fn, options) => withGuardedPage(session.browser, pathToFileURL(PAGE_FILE).href, `fleet-${name}`, fn, options);

  test('fill in secrets: shown once with its warning, downloaded after a warning, then used as the manifest', () => withPage('fill', async (page) => {
    await page.click('#tab-fleet');
    await page.click('#panel-fleet details.fill summary');
    await page.fill('#fleet-manifest', 'device,secret\nroom-1,\nroom-2,kept secret\nroom-3,\n');
    await page.click('[data-fill=phrase]');
    await page.waitForSelector('#fleet-fill-out pre');
    assert.match(await page.textContent('#fleet-fill-out [data-warning=secrets-shown-once]'), /room-1, room-3.*factory reset/s);
    const filled = await page.textContent('#fleet-fill-out pre');
    const lines = filled.trim().split(/\r?\n/);
    assert.equal(lines[2], 'room-2,kept secret');
    assert.match(lines[1], /^room-1,[a-z]+(-[a-z]+){3,}$/);
    await page.click('#fleet-fill-download');
    await page.waitForSelector('#fleet-fill-out [data-warning=secret-in-file]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fleet-fill-out [data-confirm=download]')]);
    assert.equal(download.suggestedFilename(), 'fleet-manifest-secrets.csv');
    assert.equal(readFileSync(await download.path(), 'utf8').trim(), filled.trim());
    await page.click('#fleet-fill-use');
    assert.equal(await page.inputValue('#fleet-manifest'), filled.replace(/\r\n/g, '\n')); // a text box keeps LF only
    assert.equal(await page.textContent('#fleet-fill-out'), '', 'shown once: gone once used');
    // Nothing left to fill.
    await page.click('[data-fill=base64url]');
    await page.waitForSelector('#fleet-fill-out [data-code=nothing_to_fill]');
  }));

  test('the template downloads; a manifest given twice, or no files, is refused before any work', () => withPage('template', async (page) => {
    await page.click('#tab-fleet');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fleet-template')]);
    assert.equal(download.suggestedFilename(), 'fleet-manifest.csv');
    assert.match(readFileSync(await download.path(), 'utf8'), /^device,secret,certificate,key,/);
    await page.click('#fleet-check');
    await page.waitForSelector('#fleet-report [data-code=no_manifest]');
    await page.setInputFiles('#fleet-manifest-file', join(fleet.dir, 'manifest.csv'));
    await page.click('#fleet-check');
    await page.waitForSelector('#fleet-report [data-code=no_files]');
    await page.fill('#fleet-manifest', 'device,secret\n');
    await page.click('#fleet-check');
    await page.waitForSelector('#fleet-report [data-code=two_manifests]');
    assert.equal(await page.isDisabled('#fleet-build'), true);
  }));

  test('a folder dropped on the zone joins the list, walked through its sub-folders', () => withPage('drop-folder', async (page) => {
    await page.click('#tab-fleet');
    // A dropped folder as the browser gives it: entries, read a batch at a time.
    await page.evaluate(() => {
      const file = (name) => ({ name, isFile: true, isDirectory: false, file: (ok) => ok(new File(['x'], name)) });
      const folder = (name, children) => ({
        name, isFile: false, isDirectory: true,
        createReader: () => { let given = false; return { readEntries: (ok) => { ok(given ? [] : children); given = true; } }; },
      });
      const root = folder('certs', [file('a.crt'), file('.DS_Store'), folder('keys', [file('a.key')])]);
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: { files: [], items: [{ webkitGetAsEntry: () => root }] } });
      document.getElementById('fleet-drop').dispatchEvent(drop);
    });
    await page.waitForFunction(() => document.querySelectorAll('#fleet-file-list li').length === 2);
    assert.deepEqual(await page.locator('#fleet-file-list .file-name').allTextContents(), ['a.crt', 'a.key']);
  }));

  test('every fleet output is bound to its inputs; Clear everything empties the tab and Undo brings it back', () => withPage('bound', async (page) => {
    await checkFleet(page, fleet);
    const changes = {
      'fleet-pass': () => page.fill('#fleet-pass', 'other'),
      'fleet-expires': () => page.fill('#fleet-expires', '2030-01-01'),
      'fleet-manifest': () => page.fill('#fleet-manifest', 'x'),
      'removing a file': () => page.click('#fleet-file-list li button'),
      'another manifest': () => page.setInputFiles('#fleet-manifest-file', join(fleet.dir, 'manifest-unclosed.csv')),
    };
    for (const [name, change] of Object.entries(changes)) {
      await page.click('#clear-all');
      await checkFleet(page, fleet);
      await page.click('#fleet-build');
      await page.waitForSelector('#fleet-report tr[data-built]', { timeout: 30000 });
      await change();
      assert.equal(await page.textContent('#fleet-report'), '', `the table after ${name}`);
      assert.equal(await page.textContent('#fleet-out'), '', `the build after ${name}`);
      assert.equal(await page.isDisabled('#fleet-build'), true, name);
      await page.waitForTimeout(200); // the stopped pool's answers are dropped
      assert.equal(await page.textContent('#fleet-out'), '', `nothing built shows up after ${name}`);
    }
    await page.click('#clear-all');
    assert.equal(await page.locator('#fleet-file-list li').count(), 0);
    assert.equal(await page.inputValue('#fleet-pass'), '');
    await page.click('#notice-action');
    assert.ok(await page.locator('#fleet-file-list li').count() > 20);
    assert.equal(await page.locator('#fleet-manifest-list li').count(), 1);
    assert.equal(await page.inputValue('#fleet-pass'), fleet.expected.passphrase);
  }));

  test('axe finds nothing serious or critical with the table, the findings and the build on screen', () => withPage('axe', async (page) => {
    await checkFleet(page, fleet);
    await page.click('#fleet-build');
    await page.waitForSelector('#fleet-download', { timeout: 60000 });
    await page.click('#panel-fleet details.fill summary');
    await assertAxeClean(page, ['fleet']);
  }, { bypassCSP: true }));
});
