// The SAML tab in headless Chromium, from disk (file://) and served: an IdP
// metadata file (an openssl-made certificate expiring in 10 days, a plain-http
// endpoint) dropped on the box shows its certificate card and the findings by
// code; a response checked against that metadata says its signature's
// certificate is the metadata's. Markup in the metadata stays text. No network
// request, console error or stored data (helpers.mjs' guards); axe clean.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGE_FILE, assertAxeClean, browserAndServer, withGuardedPage } from './helpers.mjs';

const session = browserAndServer();

/** A self-signed RSA certificate valid `days` from now, as bare base64 (as metadata holds it). */
function certificate(days) {
  const dir = mkdtempSync(join(tmpdir(), 'saml-page-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'),
      '-out', join(dir, 'c.pem'), '-days', String(days), '-subj', '/CN=idp.example.com'], { stdio: 'ignore' });
    return readFileSync(join(dir, 'c.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cert = certificate(10);
const ENTITY = 'https://idp.example.com/<img/src=x/onerror=window.pwned=1>';
const keyInfo = `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`;
const metadata = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${ENTITY.replace(/</g, '&lt;').replace(/"/g, '&quot;')}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">${keyInfo}</md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/slo"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://idp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
const now = new Date();
const iso = (seconds) => new Date(now.getTime() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="r1" Version="2.0" IssueInstant="${iso(0)}">
  <saml:Issuer>x</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
  <saml:Assertion ID="a1" Version="2.0" IssueInstant="${iso(0)}">
    <saml:Issuer>x</saml:Issuer>
    <ds:Signature><ds:SignedInfo><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/></ds:SignedInfo><ds:SignatureValue>AA==</ds:SignatureValue>${keyInfo}</ds:Signature>
    <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">ada@example.com</saml:NameID></saml:Subject>
    <saml:Conditions NotBefore="${iso(-60)}" NotOnOrAfter="${iso(300)}"><saml:AudienceRestriction><saml:Audience>https://idbroker.webex.com/org</saml:Audience></saml:AudienceRestriction></saml:Conditions>
    <saml:AttributeStatement><saml:Attribute Name="uid"><saml:AttributeValue>ada@example.com</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>`;

/** Drops `text` as a file named `name` on the element `selector`, as a person would. */
async function drop(page, selector, name, text) {
  const transfer = await page.evaluateHandle(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'text/xml' }));
    return data;
  }, [name, text]);
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

const codes = (page) => page.locator('#saml-out [data-code]').evaluateAll((items) => items.map((i) => i.dataset.code).sort());

describe('the SAML tab', () => {
  for (const how of ['file', 'http']) {
    test(`a dropped metadata file and a response checked against it (${how})`, async () => {
      const url = how === 'file' ? pathToFileURL(PAGE_FILE).href : session.server.url;
      await withGuardedPage(session.browser, url, `saml-${how}`, async (page) => {
        await page.waitForSelector('html[data-ready=true]');
        await page.click('#tab-saml');
        await drop(page, '#saml-text', 'idp-metadata.xml', metadata);
        await page.waitForFunction(() => document.querySelector('#saml-text').value.includes('EntityDescriptor'));
        await page.click('#saml-inspect');
        await page.waitForSelector('#saml-out article.cert');
        assert.deepEqual(await codes(page), ['certificate_expires_soon', 'insecure_endpoint', 'metadata_unsigned', 'no_rollover_certificate']);
        assert.equal(await page.locator('#saml-out article.cert').count(), 1);
        assert.match(await page.locator('#saml-out article.cert').textContent(), /idp\.example\.com/);
        assert.equal(await page.locator('#saml-out .verdict').getAttribute('data-verdict'), 'problems');
        // Markup in the entityID is text: no element was made of it, nothing ran.
        assert.match(await page.locator('#saml-out article.entity h3').textContent(), /onerror/);
        assert.equal(await page.locator('#saml-out img').count(), 0);
        assert.equal(await page.evaluate(() => window.pwned), undefined);
        // A response, base64 as SAML-tracer shows it, against the metadata.
        await page.fill('#saml-text', Buffer.from(response).toString('base64'));
        await page.fill('#saml-metadata', metadata);
        await page.click('#saml-inspect');
        await page.waitForSelector('#saml-out article.message');
        assert.deepEqual(await codes(page), ['certificate_expires_soon', 'issuer_mismatch', 'signature_not_verified']);
        assert.match(await page.locator('#saml-out article.message').textContent(), /Signing certificate in the metadata\s*yes/);
        // The output is bound to its inputs: editing the metadata empties it.
        await page.fill('#saml-metadata', '');
        assert.equal(await page.locator('#saml-out article').count(), 0);
      });
    });
  }

  test('axe finds nothing serious on the tab, empty and with a report', async () => {
    await withGuardedPage(session.browser, pathToFileURL(PAGE_FILE).href, 'saml-axe', async (page) => {
      await assertAxeClean(page, ['saml']);
      await page.fill('#saml-text', metadata);
      await page.click('#saml-inspect');
      await page.waitForSelector('#saml-out article.cert');
      await assertAxeClean(page, ['saml']);
    }, { bypassCSP: true });
  });
});
