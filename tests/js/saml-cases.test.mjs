// The SAML checker on the case file of tests/saml/ (metadata of every shape
// and IdP layout, responses, requests, hostile XML), through the package:
// the error code of a refused input, or the kind, the encoding, the complete
// set of finding codes and the structure the case states. Never message text.
// tests/saml.rs runs the same cases through the core, natively and in browsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import api from './load.mjs';
import { generate } from '../saml/generate.mjs';

const folder = new URL('../saml/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', folder), 'utf8'));

/** A case's input: a file's text, or a recipe expanded and checked against its length and digest. */
function input(source) {
  if (typeof source === 'string') return readFileSync(new URL(source, folder), 'utf8');
  const text = generate(source);
  const bytes = Buffer.from(text);
  assert.equal(bytes.length, source.length, `${source.generate}: length`);
  assert.equal(createHash('sha256').update(bytes).digest('hex'), source.sha256, `${source.generate}: digest`);
  return text;
}

function check(report, expect) {
  assert.equal(report.kind, expect.kind);
  assert.equal(report.encoding, expect.encoding);
  assert.deepEqual([...new Set(report.findings.map((f) => f.code))].sort(), expect.codes);
  const { metadata: md, message: m } = report;
  const fields = {
    entities: () => md.entities.length,
    entityIds: () => md.entities.map((e) => e.entityId),
    roles: () => md.entities[0].roles,
    nameIdFormats: () => md.entities[0].nameIdFormats,
    metadataSignaturePresent: () => md.signature.present,
    certificates: () => report.certificates.length,
    uidPresent: () => m.uidPresent,
    signatureCertificateInMetadata: () => m.signatureCertificateInMetadata,
    audiences: () => m.audiences,
    signaturesPresent: () => ({ message: m.signatures.message.present, assertion: m.signatures.assertion.present }),
    status: () => ({ code: m.status.code, subCode: m.status.subCode }),
    conditions: () => ({ secondsToNotBefore: m.conditions.secondsToNotBefore, secondsToNotOnOrAfter: m.conditions.secondsToNotOnOrAfter }),
  };
  for (const [name, value] of Object.entries(expect)) {
    if (['kind', 'encoding', 'codes'].includes(name)) continue;
    assert.ok(fields[name], `no check for ${name}`);
    assert.deepEqual(fields[name](), value, name);
  }
}

for (const c of cases) {
  // The raw invalid UTF-8 needs a bytes API; its base64 twin reaches the core as text.
  if (c.bytes) continue;
  test(c.name, () => {
    const options = { now: new Date(c.now) };
    if (c.metadata) options.metadata = c.metadata.map(input);
    const text = input(c.file);
    if (c.expect.error) {
      assert.throws(() => api.inspectSaml(text, options), (e) => e.code === c.expect.error);
      return;
    }
    check(api.inspectSaml(text, options), c.expect);
  });
}

test('the cases reach every SAML finding code and every SAML error code', () => {
  const reached = new Set(cases.flatMap((c) => c.expect.codes || [c.expect.error]));
  for (const code of ['certificate_expired', 'certificate_not_yet_valid', 'certificate_expires_soon', 'no_rollover_certificate',
    'weak_key', 'sha1_signature', 'insecure_endpoint', 'no_single_logout', 'nameid_format_unsupported', 'metadata_expired',
    'entity_id_whitespace', 'duplicate_certificate', 'metadata_unsigned', 'signature_not_verified', 'no_signing_certificate',
    'no_sso_service', 'not_an_idp', 'conditions_expired', 'conditions_not_yet_valid', 'status_not_success', 'missing_uid',
    'assertion_encrypted', 'message_unsigned', 'signature_certificate_not_in_metadata', 'issuer_mismatch', 'audience_mismatch',
    'inflated_too_large', 'xml_malformed', 'xml_dtd_refused', 'xml_too_deep', 'xml_too_many_elements', 'not_saml',
    'too_many_certificates', 'input_too_large']) {
    assert.ok(reached.has(code), `no case reaches ${code}`);
  }
});
