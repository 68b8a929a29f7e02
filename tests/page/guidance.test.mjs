// The page as a new admin uses it (issue 11), from file:// in Chromium:
// every output is bound to the inputs that made it (change any one and the
// output is gone, even when the change comes while the output is being built),
// files add up and findings name their file, white space in secrets is refused
// or warned about, the strength hint is pattern-aware, every control shows its
// keyboard focus, and axe stays clean with outputs on screen in both schemes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  PAGE_FILE, assertAxeClean, checkFleet, launch, makeCertificates, makeFleet, withGuardedPage,
} from './helpers.mjs';

const certs = makeCertificates();
const fleet = makeFleet(4);
const SECRET = 'correct horse battery staple';
const URL_ = pathToFileURL(PAGE_FILE).href;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const withPage = (name, fn, options) => withGuardedPage(browser, URL_, `guidance-${name}`, fn, options);

const tab = (page, id) => page.click(`#tab-${id}`);
const isEmpty = (page, id) => page.$eval(`#${id}`, (out) => out.childElementCount === 0 && out.textContent === '');

// Ways to change one input; each must fire what a person's change fires.
const edit = (id) => async (page) => { await page.focus(`#${id}`); await page.keyboard.type('x'); };
const generate = (first) => async (page) => {
  const field = first === 'seed' ? '#seed-secret' : '#change-new';
  const before = await page.inputValue(field);
  await page.click(`[data-generate=phrase][data-into^=${first}]`);
  await page.waitForFunction(([f, b]) => document.querySelector(f).value !== b, [field, before]);
};
const tick = (id) => (page) => page.click(`#${id}`);
const addFile = (id, file) => (page) => page.setInputFiles(`#${id}`, [file]);
const removeFirstFile = (list) => (page) => page.click(`#${list} li button`);

// Every output of the page: how to make it, and every input it depends on.
// The fleet's inputs: both its check and its build are bound to all of them.
const FLEET_INPUTS = {
  'another manifest': addFile('fleet-manifest-file', join(fleet.dir, 'manifest-unclosed.csv')),
  'fleet-manifest': edit('fleet-manifest'), 'another file': addFile('fleet-files', join(fleet.dir, 'ca', 'root.pem')),
  'removing a file': removeFirstFile('fleet-file-list'), 'fleet-pass': edit('fleet-pass'),
  'fleet-expires': (page) => page.fill('#fleet-expires', '2030-01-01'),
};

const OUTPUTS = [
  {
    out: 'seed-out', tab: 'seed', selector: 'pre.command',
    make: async (page) => {
      await page.fill('#seed-secret', SECRET); await page.fill('#seed-secret2', SECRET);
      await page.click('#seed-build');
    },
    inputs: { 'seed-secret': edit('seed-secret'), 'seed-secret2': edit('seed-secret2'), 'seed-label': edit('seed-label'), 'a generated phrase': generate('seed') },
  },
  {
    out: 'install-report', tab: 'install', selector: '.verdict[data-verdict=ready]', rechecks: true,
    make: (page) => page.setInputFiles('#install-files', [certs.good.cert, certs.good.key, certs.int]),
    inputs: {
      'another file': addFile('install-files', certs.root), 'removing a file': removeFirstFile('install-file-list'),
      'install-pem': edit('install-pem'), 'install-pass': edit('install-pass'),
    },
  },
  {
    out: 'install-out', tab: 'install', selector: 'pre.command',
    make: async (page) => {
      await page.setInputFiles('#install-files', [certs.good.cert, certs.good.key, certs.int]);
      await page.waitForSelector('#install-build:enabled');
      await page.fill('#install-secret', SECRET);
      await page.click('#install-build');
    },
    inputs: {
      'another file': addFile('install-files', certs.root), 'removing a file': removeFirstFile('install-file-list'),
      'install-pem': edit('install-pem'), 'install-pass': edit('install-pass'),
      'install-secret': edit('install-secret'), 'install-label': edit('install-label'),
    },
  },
  {
    out: 'change-out', tab: 'secret', selector: 'pre.command',
    make: async (page) => {
      await page.fill('#change-current', SECRET); await page.fill('#change-new', 'next secret here');
      await page.fill('#change-new2', 'next secret here'); await page.click('#change-build');
    },
    inputs: {
      'change-current': edit('change-current'), 'change-new': edit('change-new'), 'change-new2': edit('change-new2'),
      'change-label': edit('change-label'), 'a generated phrase': generate('change'),
    },
  },
  {
    out: 'reset-out', tab: 'secret', selector: 'pre.command',
    make: async (page) => {
      await page.fill('#reset-current', SECRET); await page.check('#reset-confirm'); await page.click('#reset-build');
    },
    inputs: { 'reset-current': edit('reset-current'), 'reset-confirm': tick('reset-confirm'), 'change-label': edit('change-label') },
  },
  {
    out: 'deact-out', tab: 'deactivate', selector: 'pre.command',
    make: async (page) => {
      await page.setInputFiles('#deact-files', [certs.good.cert]);
      await page.fill('#deact-secret', SECRET); await page.click('#deact-build');
    },
    inputs: {
      'deact-fp': edit('deact-fp'), 'another file': addFile('deact-files', certs.int), 'removing a file': removeFirstFile('deact-file-list'),
      'deact-pass': edit('deact-pass'), 'deact-secret': edit('deact-secret'), 'deact-label': edit('deact-label'),
    },
  },
  {
    out: 'fleet-report', tab: 'fleet', selector: 'table.fleet',
    make: (page) => checkFleet(page, fleet),
    inputs: FLEET_INPUTS,
  },
  {
    out: 'fleet-out', tab: 'fleet', selector: 'progress',
    make: async (page) => { await checkFleet(page, fleet); await page.click('#fleet-build'); },
    inputs: FLEET_INPUTS,
  },
  {
    out: 'fleet-fill-out', tab: 'fleet', selector: 'pre',
    make: async (page) => {
      await page.$eval('#panel-fleet details.fill', (d) => { d.open = true; });
      await page.fill('#fleet-manifest', 'device,secret\nroom-1,\n'); await page.click('[data-fill=phrase]');
    },
    inputs: {
      'fleet-manifest': edit('fleet-manifest'),
      'a manifest file': addFile('fleet-manifest-file', join(fleet.dir, 'manifest.csv')),
    },
  },
  {
    out: 'keys-out', tab: 'keys', selector: 'pre.command',
    make: async (page) => {
      await page.check('#keys-one'); await page.fill('#keys-cn', 'room-1.example.com');
      await page.fill('#keys-pass', SECRET); await page.fill('#keys-pass2', SECRET); await page.click('#keys-make');
    },
    inputs: {
      'keys-cn': edit('keys-cn'), 'keys-sans': edit('keys-sans'), 'keys-o': async (page) => {
        await page.$eval('#panel-keys details.fill', (d) => { d.open = true; }); await edit('keys-o')(page);
      },
      'keys-ku': tick('keys-ku'), 'keys-pass': edit('keys-pass'), 'keys-pass2': edit('keys-pass2'),
      'keys-kdf': (page) => page.selectOption('#keys-kdf', 'pbkdf2'), 'the fleet choice': tick('keys-many'),
    },
  },
  {
    out: 'check-out', tab: 'check', selector: '[data-verdict]',
    make: async (page) => {
      await page.fill('#check-blob', 'xCommand Security ClientSecret Populate Secret: "c2VjcmV0"');
      await page.fill('#check-secret', SECRET); await page.click('#check-open');
    },
    inputs: { 'check-blob': edit('check-blob'), 'check-secret': edit('check-secret') },
  },
];

describe('every output is bound to the inputs that made it', () => {
  for (const output of OUTPUTS) {
    test(`#${output.out}: a change to any of its inputs clears it`, () => withPage(`bound-${output.out}`, async (page) => {
      await tab(page, output.tab);
      for (const [name, change] of Object.entries(output.inputs)) {
        await output.make(page);
        const shown = await page.waitForSelector(`#${output.out} ${output.selector}`, { timeout: 30000 });
        await change(page);
        // The output made from the old inputs is gone. Install re-checks by
        // itself, so its report may already be back: made anew, from the new inputs.
        assert.equal(await shown.evaluate((node) => node.isConnected), false,
          `#${output.out} still shows its output after a change to ${name}`);
        if (!output.rechecks) assert.equal(await isEmpty(page, output.out), true, `#${output.out} not emptied by ${name}`);
        await page.click('#clear-all');
      }
    }));
  }

  test('a change made while the command is being built throws the result away', () => withPage('bound-in-flight', async (page) => {
    await tab(page, 'secret');
    await page.fill('#change-current', SECRET); await page.fill('#change-new', 'first new secret');
    await page.fill('#change-new2', 'first new secret');
    await page.click('#change-build');
    await page.fill('#change-new', 'second new secret'); // while scrypt runs in the worker
    await page.waitForSelector('#busy', { state: 'hidden', timeout: 30000 });
    await page.waitForTimeout(200);
    assert.equal(await isEmpty(page, 'change-out'), true);
  }));

  test('the seed command follows a second generated phrase (the issue\'s factory reset)', () => withPage('bound-seed-regenerate', async (page) => {
    await page.click('[data-generate=phrase][data-into^=seed]');
    await page.waitForFunction(() => document.getElementById('seed-secret').value);
    await page.click('#seed-build');
    await page.waitForSelector('#seed-out pre.command');
    await page.click('[data-generate=phrase][data-into^=seed]');
    await page.waitForFunction(() => document.getElementById('seed-out').childElementCount === 0);
    assert.equal(await page.locator('#seed-out button').count(), 0, 'no Copy or Download left');
  }));
});

describe('install: files add up, findings name their file', () => {
  test('certificate, then key, then chain: one list, ready; remove the key and it says which is missing', () => withPage('accumulate', async (page) => {
    await tab(page, 'install');
    await page.setInputFiles('#install-files', [certs.good.cert]);
    await page.waitForSelector('#install-report .finding[data-code=no_private_key]');
    await page.setInputFiles('#install-files', [certs.good.key]);
    await page.setInputFiles('#install-files', [certs.int]);
    await page.waitForSelector('#install-report .verdict[data-verdict=ready]');
    const names = await page.locator('#install-file-list .file-name').allTextContents();
    assert.deepEqual(names, ['good.pem', 'good.key', 'int.pem']);
    // The same file again is not listed twice.
    await page.setInputFiles('#install-files', [certs.good.key]);
    assert.equal(await page.locator('#install-file-list li').count(), 3);
    await page.click('#install-file-list li:nth-child(2) button');
    await page.waitForSelector('#install-report .finding[data-code=no_private_key]');
    assert.deepEqual(await page.locator('#install-file-list .file-name').allTextContents(), ['good.pem', 'int.pem']);
  }));

  test('a key in a file and again in the pasted text: the finding names both items', () => withPage('two-keys', async (page) => {
    await tab(page, 'install');
    await page.setInputFiles('#install-files', [certs.good.cert, certs.good.key]);
    await page.fill('#install-pem', readFileSync(certs.html.key, 'utf8'));
    await page.click('#install-check');
    const finding = page.locator('#install-report .finding.error').first();
    await finding.waitFor();
    const items = await finding.getAttribute('data-items');
    assert.deepEqual(JSON.parse(items).sort(), ['good.key', 'the pasted text'].sort());
  }));

  test('a file dropped outside a drop zone does not navigate away', () => withPage('drop-elsewhere', async (page) => {
    await page.fill('#seed-secret', 'kept');
    const data = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['hello'], 'x.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.dispatchEvent('h1', 'drop', { dataTransfer: data });
    assert.equal(await page.inputValue('#seed-secret'), 'kept');
    // On the paste box of Install, a dropped file joins the list.
    await tab(page, 'install');
    const cert = readFileSync(certs.good.cert, 'utf8');
    const certFile = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.pem', { type: 'application/x-pem-file' }));
      return transfer;
    }, cert);
    await page.dispatchEvent('#install-pem', 'drop', { dataTransfer: certFile });
    assert.deepEqual(await page.locator('#install-file-list .file-name').allTextContents(), ['dropped.pem']);
  }));
});

describe('secrets with white space', () => {
  test('a secret of only white space is refused; leading or trailing space is warned about', () => withPage('whitespace', async (page) => {
    await page.fill('#seed-secret', '   ');
    await page.fill('#seed-secret2', '   ');
    await page.click('#seed-build');
    await page.waitForSelector('#seed-out [data-code=blank_secret]');
    await page.fill('#seed-secret', 'tumble-orbit-lamp-crayon ');
    await page.fill('#seed-secret2', 'tumble-orbit-lamp-crayon ');
    await page.waitForSelector('#seed-strength [data-code=edge_whitespace]');
    await tab(page, 'install');
    assert.equal(await page.isVisible('#panel-install .hint[data-code=edge_whitespace]'), false);
    await page.fill('#install-secret', ' leading');
    assert.equal(await page.isVisible('#panel-install .hint[data-code=edge_whitespace]'), true);
  }));
});

describe('the strength hint', () => {
  // The examples, which the old estimate called good or strong, and secrets that are strong.
  const TABLE = [
    ['CiscoWebex2026', ['weak', 'fair']],
    ['Password1!Password1!', ['weak']],
    ['Winter-Is-Coming-2027!', ['weak', 'fair']],
    ['aaaaaaaaaaaaaaaaaaaa', ['weak']],
    ['qwertyuiop123456', ['weak']],
    ['P@ssw0rd2024', ['weak']],
    ['gumu-sino-baga-fumu-zoro-mihe', ['good', 'strong']],
    ['Hx7$kQ2!vR9@mW4#pL6&', ['strong']],
  ];
  test('rates the table as a pattern-aware estimator does, and says how long a GPU farm needs', () => withPage('strength', async (page) => {
    for (const [secret, labels] of TABLE) {
      await page.fill('#seed-secret', '');
      await page.fill('#seed-secret', secret);
      await page.waitForFunction((s) => document.getElementById('seed-secret').value === s
        && document.getElementById('seed-strength').dataset.level, secret);
      await page.waitForTimeout(50);
      const level = await page.getAttribute('#seed-strength', 'data-level');
      assert.ok(labels.includes(level), `${secret}: ${level}, expected ${labels.join(' or ')}`);
    }
  }));
});

describe('layout', () => {
  test('at 1280 px the tabs sit on one row and do not move when one is selected', () => withPage('tabs-row', async (page) => {
    const layout = () => page.evaluate(() => {
      const nav = document.querySelector('nav');
      const tabs = [...nav.children];
      return { overflow: nav.scrollWidth > nav.clientWidth, rows: new Set(tabs.map((t) => t.offsetTop)).size,
        lefts: tabs.map((t) => t.offsetLeft) };
    });
    const first = await layout();
    assert.deepEqual([first.overflow, first.rows], [false, 1]);
    await tab(page, 'check');
    assert.deepEqual((await layout()).lefts, first.lefts);
  }, { viewport: { width: 1280, height: 800 } }));
});

describe('keyboard', () => {
  test('every control shows where the focus is', () => withPage('focus', async (page) => {
    const tabs = await page.locator('[role=tab]').evaluateAll((all) => all.map((t) => t.id));
    for (const id of tabs) {
      await page.click(`#${id}`);
      await page.focus(`#${id}`);
      const seen = new Set();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body || !a.closest('main')) return null;
          // A hidden file input shows its focus on the label that follows it.
          const shown = a.type === 'file' ? a.nextElementSibling : a;
          const style = getComputedStyle(shown);
          return { id: a.id || a.textContent.trim(), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
        });
        if (!focus) break;
        if (seen.has(focus.id)) break;
        seen.add(focus.id);
        assert.equal(focus.outline, true, `${focus.id} on ${id} shows no focus`);
      }
      assert.ok(seen.size >= 1, `${id}: no control reached by Tab`);
    }
  }));

  test('Enter in a field runs the panel\'s action', () => withPage('enter', async (page) => {
    await page.fill('#seed-secret', SECRET);
    await page.fill('#seed-secret2', SECRET);
    await page.press('#seed-secret2', 'Enter');
    await page.waitForSelector('#seed-out pre.command');
  }));
});

describe('downloads and clearing', () => {
  test('a secret-bearing download warns first and is named after the device label', () => withPage('download', async (page) => {
    await page.fill('#seed-secret', SECRET); await page.fill('#seed-secret2', SECRET);
    await page.fill('#seed-label', 'Room 12');
    await page.click('#seed-build');
    await page.waitForSelector('#seed-out pre.command');
    await page.click('#seed-out button:has-text("Download")');
    await page.waitForSelector('#seed-out [data-warning=secret-in-file]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#seed-out [data-confirm=download]')]);
    assert.equal(download.suggestedFilename(), 'Room_12-seed.txt');
  }));

  test('"Clear everything" can be undone for a while', () => withPage('undo', async (page) => {
    await page.fill('#seed-secret', SECRET); await page.fill('#seed-secret2', SECRET);
    await tab(page, 'install');
    await page.setInputFiles('#install-files', [certs.good.cert]);
    await page.click('#clear-all');
    assert.equal(await page.inputValue('#seed-secret'), '');
    assert.equal(await page.locator('#install-file-list li').count(), 0);
    await page.click('#notice-action');
    assert.equal(await page.inputValue('#seed-secret'), SECRET);
    assert.equal(await page.locator('#install-file-list li').count(), 1);
  }));
});

describe('accessibility with outputs on screen', () => {
  test('axe finds nothing serious or critical with commands, reports and warnings shown, in both schemes', () => withPage('axe-filled', async (page) => {
    await page.click('[data-generate=phrase][data-into^=seed]');
    await page.waitForSelector('#seed-strength[data-level]');
    await page.click('#seed-build');
    await page.waitForSelector('#seed-out pre.command');
    await page.click('#seed-out .how-to-run summary');
    await tab(page, 'install');
    await page.setInputFiles('#install-files', [certs.good.cert, certs.good.key, certs.int]);
    await page.waitForSelector('#install-report .verdict');
    await page.fill('#install-secret', `${SECRET} `);
    await page.click('#install-build');
    await page.waitForSelector('#install-out pre.command', { timeout: 30000 });
    await assertAxeClean(page, ['seed', 'install']);
  }, { bypassCSP: true }));
});

