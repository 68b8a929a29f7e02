#!/usr/bin/env node
// Photographs every tab of the built page, at desktop and phone sizes, in the
// light and the dark scheme, with the outputs an admin would see (a phrase
// generated and its command, a checked bundle and its two commands, …), so a
// reviewer can see the page without running it.
// Usage: node scripts/screenshots.mjs [out-dir]   (default docs/screenshots, committed)
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGE_FILE, ROOT, checkFleet, launch, makeCertificates, makeFleet } from '../tests/page/helpers.mjs';

const outDir = process.argv[2] || join(ROOT, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });
const SECRET = 'Winter-Is-Coming-2027!';
const certs = makeCertificates();
const fleet = makeFleet(4);

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

// Each tab with what fills it before the picture is taken.
const TABS = {
  seed: async (page) => {
    await page.click('[data-generate=phrase][data-into^=seed]');
    await page.waitForSelector('#seed-strength[data-level]');
    await page.click('#seed-build');
    await page.waitForSelector('#seed-out pre.command');
  },
  install: async (page) => {
    await page.setInputFiles('#install-files', [certs.good.cert, certs.int]);
    await page.setInputFiles('#install-files', [certs.good.key]);
    await page.waitForSelector('#install-report .verdict[data-verdict=ready]');
    await page.fill('#install-secret', SECRET);
    await page.click('#install-build');
    await page.waitForSelector('#install-out pre.command', { timeout: 30000 });
    await page.click('#install-out .how-to-run summary');
  },
  fleet: async (page) => {
    // A small fleet with its traps: the table shows every status.
    await checkFleet(page, fleet);
  },
  keys: async (page) => {
    // One device's request, with its alternative names and the passphrase's strength.
    await page.fill('#keys-cn', 'room-1.example.com');
    await page.fill('#keys-sans', 'DNS:room-1.example.com');
    await page.check('#keys-ku');
    await page.fill('#keys-pass', 'orbit-lantern-7-meadow');
    await page.fill('#keys-pass2', 'orbit-lantern-7-meadow');
    await page.waitForSelector('#keys-strength[data-level]');
    await page.click('#keys-make');
    await page.waitForSelector('#keys-out pre.command', { timeout: 30000 });
  },
  secret: async (page) => {
    await page.fill('#change-current', SECRET);
    await page.fill('#change-new', 'CiscoWebex2026');
    await page.fill('#change-new2', 'CiscoWebex2026 ');
    await page.waitForSelector('#change-strength[data-level]');
  },
  deactivate: async (page) => {
    await page.setInputFiles('#deact-files', [certs.good.cert]);
    await page.fill('#deact-secret', SECRET);
    await page.click('#deact-build');
    await page.waitForSelector('#deact-out pre.command', { timeout: 30000 });
  },
  check: async (page) => {
    // Both commands the Install tab built, pasted at once.
    const commands = await page.locator('#install-out pre.command').allTextContents();
    await page.fill('#check-blob', commands.join('\n\n'));
    await page.fill('#check-secret', SECRET);
    await page.click('#check-open');
    await page.waitForSelector('#check-out [data-verdict]', { timeout: 30000 });
  },
  tokens: async (page) => {
    // A SharePoint-style context token, signed with the base64-decoded client secret.
    const b64u = (data) => Buffer.from(data).toString('base64url');
    const secret = 'c2hhcmVkIGNsaWVudCBzZWNyZXQgb2YgYW4gYWRkLWluIQ==';
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: 'webex-addin/contoso.sharepoint.com@tenant', iss: '00000001-0000-0000-c000-000000000000@tenant',
      nbf: String(now - 600), exp: String(now + 7200), appctxsender: '00000003-0000-0ff1-ce00-000000000000@tenant',
      appctx: JSON.stringify({ CacheKey: 'example', SecurityTokenServiceUri: 'https://accounts.accesscontrol.windows.net/tokens/OAuth/2' }) };
    const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(claims))}`;
    const mac = createHmac('sha256', Buffer.from(secret, 'base64')).update(input).digest();
    await page.fill('#tokens-text', `SPAppToken=${input}.${b64u(mac)}&SPSiteUrl=https%3A%2F%2Fcontoso.sharepoint.com`);
    await page.fill('#tokens-keys', secret);
    await page.click('#tokens-inspect');
    await page.waitForSelector('#tokens-out article.token');
  },
  selftest: async (page) => {
    await page.click('#selftest-run');
    await page.waitForSelector('#selftest-verdict', { timeout: 60000 });
  },
};

const browser = await launch();
try {
  for (const [sizeName, viewport] of Object.entries(SIZES)) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, acceptDownloads: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(PAGE_FILE).href);
      await page.waitForSelector('html[data-ready=true]');
      for (const [name, fill] of Object.entries(TABS)) {
        await page.click(`#tab-${name}`);
        await fill(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const file = join(outDir, `${name}-${sizeName}-${scheme}.jpg`);
        // JPEG at 65: a committed set of 32 pages stays small, and text stays legible.
        await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 65 });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
