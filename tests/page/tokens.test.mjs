// The Tokens tab in headless Chromium, from disk (file://) and served: a
// CUCM-shaped token (RS256, whose `private` claim holds a dir JWE) pasted in
// a Bearer line, checked with the signer's public key and opened with the
// content key; a tampered HS256 token refused. Tokens made here with
// node:crypto, not our code. Token text lands in the DOM as text only (a
// claim holding markup stays text). No network request, console error or
// stored data (helpers.mjs' guards); axe clean.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { PAGE_FILE, assertAxeClean, browserAndServer, withGuardedPage } from './helpers.mjs';

const session = browserAndServer();
const b64u = (data) => Buffer.from(data).toString('base64url');
const NOW = Math.floor(Date.now() / 1000);

/** A dir / A128GCM JWE of `claims` under `key`. */
function jwe(claims, key) {
  const header = b64u(JSON.stringify({ alg: 'dir', enc: 'A128GCM', cty: 'JWT' }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-128-gcm', key, iv).setAAD(Buffer.from(header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims)), cipher.final()]);
  return [header, '', b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.');
}

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const contentKey = randomBytes(16);
const inner = jwe({ sub: 'jabber-user', scope: 'UnifiedCommunications:readwrite' }, contentKey);
const cucmHeader = b64u(JSON.stringify({ alg: 'RS256', kid: 'cucm-1', typ: 'JWT' }));
const cucmClaims = b64u(JSON.stringify({ iss: 'cucm.example.com', exp: NOW + 3600, private: inner, note: '<img src=x onerror="window.pwned=1">' }));
const cucm = `${cucmHeader}.${cucmClaims}.${b64u(sign('sha256', Buffer.from(`${cucmHeader}.${cucmClaims}`), privateKey))}`;
const hsInput = `${b64u('{"alg":"HS256"}')}.${b64u(JSON.stringify({ sub: 'sp', exp: NOW - 86400 }))}`;
const hs = `${hsInput}.${b64u(createHmac('sha256', 'another secret').update(hsInput).digest())}`;

describe('the Tokens tab', () => {
  for (const how of ['file', 'http']) {
    test(`a CUCM-shaped token verified and its inner JWE opened (${how})`, async () => {
      const url = how === 'file' ? pathToFileURL(PAGE_FILE).href : session.server.url;
      await withGuardedPage(session.browser, url, `tokens-${how}`, async (page) => {
        await page.waitForSelector('html[data-ready=true]');
        await page.click('#tab-tokens');
        await page.fill('#tokens-text', `Authorization: Bearer ${cucm}\n`);
        await page.fill('#tokens-keys', `${publicKey.export({ type: 'spki', format: 'pem' })}\n\n${contentKey.toString('hex')}`);
        await page.click('#tokens-inspect');
        await page.waitForSelector('#tokens-out article.token');
        const outer = page.locator('#tokens-out article[data-where="token 1"]');
        assert.equal(await outer.locator(':scope > .verdict').getAttribute('data-verdict'), 'valid');
        const nested = page.locator('#tokens-out article[data-where="token 1 › claim private"]');
        assert.equal(await nested.locator(':scope > .verdict').getAttribute('data-verdict'), 'decrypted');
        assert.match(await nested.textContent(), /jabber-user/);
        // Markup in a claim is text: no element was made of it, nothing ran.
        assert.match(await outer.textContent(), /onerror/);
        assert.equal(await page.locator('#tokens-out img').count(), 0);
        assert.equal(await page.evaluate(() => window.pwned), undefined);
        // A token signed with another secret, and expired: both said, by code.
        await page.fill('#tokens-text', hs);
        await page.fill('#tokens-keys', 'the secret');
        await page.click('#tokens-inspect');
        await page.waitForSelector('#tokens-out article.token .verdict[data-verdict=invalid]');
        for (const code of ['signature_invalid', 'expired']) {
          assert.equal(await page.locator(`#tokens-out [data-code=${code}]`).count(), 1, code);
        }
        // The output is bound to its inputs: editing the keys empties it.
        await page.fill('#tokens-keys', 'another secret');
        assert.equal(await page.locator('#tokens-out article').count(), 0);
      });
    });
  }

  test('axe finds nothing serious on the tab, empty and with a report', async () => {
    await withGuardedPage(session.browser, pathToFileURL(PAGE_FILE).href, 'tokens-axe', async (page) => {
      await assertAxeClean(page, ['tokens']);
      await page.fill('#tokens-text', cucm);
      await page.click('#tokens-inspect');
      await page.waitForSelector('#tokens-out article.token');
      await assertAxeClean(page, ['tokens']);
    }, { bypassCSP: true });
  });
});
