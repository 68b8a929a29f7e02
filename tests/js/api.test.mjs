// The public JS API, imported from the built pkg/ as users import it: shapes,
// defaults, and one negative test per error code (every code must be covered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import api from './load.mjs';

const vectors = JSON.parse(readFileSync(new URL('../vectors/device-jwe-vectors.json', import.meta.url)));
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const FP = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12';
const fixture = (path, encoding) => readFileSync(new URL(`../fixtures/certs/${path}`, import.meta.url), encoding);
const NOW = new Date('2026-06-01T00:00:00Z');
const BUNDLE = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n';

/** Asserts `fn` throws an Error whose code is `code`, with a message for people. */
function throwsCode(fn, code) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, 'an Error instance');
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.length > 20, 'a message that says what to do');
    return true;
  });
}

test('every vector builds byte-exact and opens', () => {
  for (const v of vectors) {
    const jwe = api.buildJwe({
      action: v.action, secret: v.secret, payload: v.payload, enc: v.enc,
      salt: hex(v.salt_hex), iv: hex(v.iv_hex), allowFindings: true,
    });
    assert.equal(jwe, v.jwe);
    const opened = api.openJwe(v.jwe, v.secret);
    assert.deepEqual(opened, {
      action: v.action, enc: v.enc, salt: Buffer.from(v.salt_hex, 'hex').toString('base64url'),
      header: JSON.parse(v.header_json), payload: v.payload,
    });
  }
});

test('warmUp (called by the worker after start-up) leaves the engine working', () => {
  assert.equal(api.warmUp(), undefined);
  const jwe = api.buildJwe({ action: 'populate', secret: 's', payload: 'p', salt: new Uint8Array(16), iv: new Uint8Array(12) });
  assert.equal(api.openJwe(jwe, 's').payload, 'p');
});

test('defaults: A256GCM, fresh 16-byte salt and 12-byte IV', () => {
  const a = api.buildJwe({ action: 'populate', secret: 's3cret', payload: 'next' });
  const b = api.buildJwe({ action: 'populate', secret: 's3cret', payload: 'next' });
  const opened = api.openJwe(a, 's3cret');
  assert.equal(opened.enc, 'A256GCM');
  assert.equal(Buffer.from(opened.salt, 'base64url').length, 16);
  assert.equal(Buffer.from(a.split('.')[2], 'base64url').length, 12);
  assert.notEqual(a.split('.')[0], b.split('.')[0]);
  assert.notEqual(a.split('.')[2], b.split('.')[2]);
});

test('activate and deactivate normalize the fingerprint', () => {
  for (const action of ['activate', 'deactivate']) {
    const jwe = api.buildJwe({ action, secret: 'x', payload: FP.toUpperCase().match(/../g).join(':') });
    assert.equal(api.openJwe(jwe, 'x').payload, FP);
  }
  assert.equal(api.normalizeFingerprint('SHA1 Fingerprint=' + FP.toUpperCase()), FP);
});

test('commands', () => {
  assert.equal(api.initialPopulateCommand('0123456789abcdef'),
    'xCommand Security ClientSecret Populate Secret: "MDEyMzQ1Njc4OWFiY2RlZg"');
  const add = vectors[0].jwe;
  assert.equal(api.deviceCommand('add', add), `xCommand Security Certificates Services Add IsEncrypted: True\n${add}\n.`);
  const act = vectors.find((v) => v.action === 'activate').jwe;
  assert.equal(api.deviceCommand('activate', act),
    `xCommand Security Certificates Services Activate Purpose: WebexIdentity Fingerprint: "${act}"`);
  const deact = api.buildJwe({ action: 'deactivate', secret: 'x', payload: FP });
  assert.equal(api.deviceCommand('deactivate', deact),
    `xCommand Security Certificates Services Deactivate Purpose: WebexIdentity Fingerprint: "${deact}"`);
});

test('inspect: text and bytes, passphrase, now, findings ordered, no key material', () => {
  const pem = fixture('rsa-chain/bundle.pem', 'utf8');
  const report = api.inspect(pem, { now: NOW });
  assert.deepEqual(report.findings.map((f) => f.code), ['root_not_given']);
  assert.deepEqual(report.passed.map((p) => p.code), ['key_matches', 'chain_verified', 'valid', 'leaf_p256', 'key_usage']);
  assert.ok(report.passed.every((p) => Object.keys(p).sort().join() === 'code,message'));
  assert.equal(report.leafIndex, 0);
  const leaf = report.certificates[0];
  assert.equal(leaf.commonName, 'device1.example.com');
  assert.deepEqual(leaf.publicKey, { algorithm: 'EC', curve: 'P-256', bits: 256 });
  assert.match(leaf.sha1, /^[0-9a-f]{40}$/);
  assert.deepEqual(report.privateKey, { algorithm: 'EC', curve: 'P-256', format: 'PKCS#8', wasEncrypted: false });
  assert.match(report.addPayload, /^-----BEGIN CERTIFICATE-----[^]*-----BEGIN PRIVATE KEY-----/);
  assert.deepEqual(api.inspect(new Uint8Array(Buffer.from(pem)), { now: NOW }).certificates, report.certificates);

  const p12 = new Uint8Array(fixture('pkcs12/modern.p12'));
  assert.deepEqual(api.inspect(p12, { now: NOW }).findings.map((f) => f.code), ['encrypted_needs_passphrase']);
  assert.deepEqual(api.inspect(p12, { now: NOW, passphrase: 'wrong' }).findings.map((f) => f.code), ['wrong_passphrase']);
  const opened = api.inspect(p12, { now: NOW, passphrase: 'correct horse' });
  assert.deepEqual(opened.findings, []);
  assert.equal(opened.privateKey.wasEncrypted, true);
  assert.ok(!JSON.stringify({ ...opened, addPayload: null }).includes('PRIVATE KEY'), 'no key material outside addPayload');

  const expired = api.inspect(fixture('leaves/expired/bundle-full.pem', 'utf8'), { now: NOW });
  assert.equal(expired.findings[0].severity, 'error');
  assert.equal(expired.addPayload, null);
  const big = api.inspect('x'.repeat(5_000_000));
  assert.deepEqual(big.findings.map((f) => f.code), ['input_too_large']);
});

test('sha1Fingerprint equals the inspect report and takes PKCS#12 with a passphrase', () => {
  const report = api.inspect(fixture('rsa-chain/bundle.pem', 'utf8'), { now: NOW });
  assert.equal(api.sha1Fingerprint(fixture('rsa-chain/bundle.pem', 'utf8')), report.certificates[0].sha1);
  const p12 = new Uint8Array(fixture('pkcs12/modern.p12'));
  assert.equal(api.sha1Fingerprint(p12, { passphrase: 'correct horse' }), report.certificates[0].sha1);
});

test('buildJwe add: the inspect payload goes through; rejected bundles carry their findings', () => {
  const report = api.inspect(fixture('rsa-chain/bundle.pem', 'utf8'), { now: NOW });
  const jwe = api.buildJwe({ action: 'add', secret: 's', payload: report.addPayload, now: NOW });
  assert.equal(api.openJwe(jwe, 's').payload, report.addPayload);
  try {
    api.buildJwe({ action: 'add', secret: 's', payload: fixture('leaves/self-signed/bundle.pem', 'utf8'), now: NOW });
    assert.fail('should throw');
  } catch (e) {
    assert.equal(e.code, 'certificate_rejected');
    assert.ok(e.findings.some((f) => f.code === 'self_signed'));
  }
});

test('checkBundle keeps the key in wasm memory and builds the install commands from it, as often as asked', () => {
  const pem = fixture('rsa-chain/bundle.pem', 'utf8');
  const expected = api.inspect(pem, { now: NOW });
  const leaf = expected.certificates[expected.leafIndex];
  const { report, bundle } = api.checkBundle(pem, { now: NOW });
  assert.equal(report.addPayload, null, 'the report never carries the key');
  assert.deepEqual(report.findings, expected.findings);
  assert.equal(bundle.fingerprint, leaf.sha1);
  assert.equal(JSON.stringify(bundle).includes('PRIVATE'), false);
  for (let i = 0; i < 2; i++) {
    const commands = api.checkBundle(pem, { now: NOW }).bundle.commands('ossifrage');
    assert.deepEqual(Object.keys(commands).sort(), ['activate', 'add', 'commonName', 'fingerprint']);
    assert.equal(commands.commonName, leaf.commonName);
    const add = api.checkBlob(commands.add, 'ossifrage');
    assert.equal(add.action, 'add');
    assert.equal(add.payload, null, 'an add payload is never handed to JavaScript');
    assert.equal(add.report.certificates[add.report.leafIndex].sha1, leaf.sha1);
    assert.equal(api.checkBlob(commands.activate, 'ossifrage').payload, leaf.sha1);
  }
  bundle.free();
  const bad = api.checkBundle(fixture('rsa-chain/key-mismatch-full.pem', 'utf8'), { now: NOW });
  assert.equal(bad.bundle, null);
  assert.ok(bad.report.findings.some((f) => f.code === 'key_mismatch'));
  throwsCode(() => api.checkBundle(pem).bundle.commands(''), 'empty_secret');
});

test('checkBundle and inspect take names for the items, and findings say which item they come from', () => {
  const items = [fixture('der/leaf.der'), fixture('rsa-chain/other.key', 'utf8')].map((x) => (typeof x === 'string' ? x : new Uint8Array(x)));
  const { report } = api.checkBundle(items, { now: NOW, names: ['room-12.pem', 'the pasted text'] });
  const mismatch = report.findings.find((f) => f.code === 'key_mismatch');
  assert.equal(mismatch.inputIndex, 1);
  assert.ok(mismatch.message.includes('the pasted text'), 'the name given is how the message calls the item');
  assert.equal(report.findings.find((f) => f.code === 'chain_incomplete').inputIndex, 0);
  const unnamed = api.inspect(items, { now: NOW });
  assert.deepEqual(unnamed.findings.map((f) => [f.code, f.inputIndex]), report.findings.map((f) => [f.code, f.inputIndex]));
  throwsCode(() => api.inspect(items, { names: ['only one'] }), 'bad_argument');
  throwsCode(() => api.inspect(items, { names: 'room-12.pem' }), 'bad_argument');
  throwsCode(() => api.inspect(items, { names: ['a', 2] }), 'bad_argument');
});

test('deactivateCommand takes a fingerprint, or the certificate file with its passphrase', () => {
  const p12 = fixture('pkcs12/modern.p12');
  const sha1 = api.sha1Fingerprint(p12, { passphrase: 'correct horse' });
  const byFile = api.deactivateCommand({ secret: 'ossifrage', input: p12, passphrase: 'correct horse' });
  const byText = api.deactivateCommand({ secret: 'ossifrage', fingerprint: sha1.toUpperCase() });
  for (const done of [byFile, byText]) {
    assert.equal(done.fingerprint, sha1);
    const opened = api.checkBlob(done.command, 'ossifrage');
    assert.deepEqual([opened.action, opened.payload], ['deactivate', sha1]);
  }
  assert.deepEqual(Object.keys(byFile).sort(), ['command', 'commonName', 'fingerprint', 'warnings']);
  assert.equal(typeof byFile.commonName, 'string');
  assert.deepEqual([byText.commonName, byText.warnings], [null, []]);
  const both = api.deactivateCommand({ secret: 'ossifrage', input: p12, passphrase: 'correct horse', fingerprint: sha1 });
  assert.equal(both.fingerprint, sha1);
  throwsCode(() => api.deactivateCommand({ secret: 'ossifrage', input: p12, passphrase: 'correct horse', fingerprint: FP }),
    'fingerprint_mismatch');
  throwsCode(() => api.deactivateCommand({ secret: 'ossifrage', input: p12 }), 'no_certificate');
  throwsCode(() => api.deactivateCommand({ secret: 'ossifrage', fingerprint: 'abc' }), 'bad_fingerprint');
  // A CA certificate's file (an intermediate's, chosen by mistake) gives a warning.
  const ca = api.deactivateCommand({ secret: 'ossifrage', input: fixture('rsa-chain/int.pem', 'utf8') });
  assert.deepEqual(ca.warnings.map((w) => w.code), ['not_a_device_certificate']);
});

test('checkBlob finds the blob in a whole command and refuses one with a part too many', () => {
  const jwe = api.buildJwe({ action: 'populate', secret: 'ossifrage', payload: 'next' });
  const command = api.deviceCommand('populate', jwe);
  assert.deepEqual(api.checkBlob(`  ${command}\n`, 'ossifrage').payload, 'next');
  throwsCode(() => api.checkBlob(command.replace(jwe, `${jwe}.AAAA`), 'ossifrage'), 'malformed_jwe');
  throwsCode(() => api.checkBlob(command, 'wrong'), 'decrypt_failed');
  // Wrapped in a mail, quoted: found and joined again.
  const mailed = command.match(/.{1,60}/g).map((line) => `> ${line}`).join('\n');
  assert.equal(api.checkBlob(mailed, 'ossifrage').payload, 'next');
  assert.equal(api.checkBlob(command, 'ossifrage').plain, false);
});

test('checkBlob reads the plain first seed command without a secret of its own', () => {
  const checked = api.checkBlob(api.initialPopulateCommand('0123456789abcdef'), 'anything');
  assert.deepEqual(checked, { action: 'populate', enc: null, salt: null, payload: '0123456789abcdef', report: null, plain: true });
});

test('checkBlobs opens every blob of a downloaded file in order; checkBlob refuses several', () => {
  const { bundle } = api.checkBundle(fixture('rsa-chain/bundle.pem', 'utf8'), { now: NOW });
  const commands = bundle.commands('ossifrage');
  const text = `${commands.add}\n\n${commands.activate}\n`;
  const { blobs } = api.checkBlobs({ text, secret: 'ossifrage', now: NOW });
  assert.deepEqual(blobs.map((b) => b.action), ['add', 'activate']);
  assert.equal(blobs[1].payload, bundle.fingerprint);
  throwsCode(() => api.checkBlob(text, 'ossifrage'), 'several_blobs');
  throwsCode(() => api.checkBlobs({ text: 'no blob here', secret: 'ossifrage' }), 'malformed_jwe');
  bundle.free();
});

test('errorCodes and maxInputBytes', () => {
  assert.equal(api.maxInputBytes(), 1 << 20);
  assert.ok(api.errorCodes().includes('decrypt_failed'));
});

// One entry per error code. The last test checks that the table covers
// errorCodes() exactly, so a new code without a negative test fails here.
const base = { action: 'populate', secret: 'ossifrage', payload: 'new' };
const v0 = vectors[0];
const negatives = {
  bad_argument: [
    () => api.buildJwe(),
    () => api.buildJwe('populate'),
    () => api.buildJwe([]),
    () => api.buildJwe({ ...base, sallt: new Uint8Array(16) }),
    () => api.buildJwe({ ...base, secret: 42 }),
    () => api.buildJwe({ ...base, secret: undefined }),
    () => api.buildJwe({ ...base, payload: { toString: () => 'x' } }),
    () => api.buildJwe({ ...base, salt: 'abcd' }),
    () => api.buildJwe({ ...base, salt: [1, 2, 3, 4] }),
    () => api.buildJwe({ ...base, iv: new ArrayBuffer(12) }),
    () => api.buildJwe({ ...base, allowFindings: 'yes' }),
    () => api.buildJwe({ ...base, secret: 'ab\uD800' }),
    () => api.openJwe(42, 'x'),
    () => api.openJwe(v0.jwe, null),
    () => api.deviceCommand('add', undefined),
    () => api.normalizeFingerprint(12345),
    () => api.initialPopulateCommand(Symbol('s')),
    () => api.inspect(42),
    () => api.inspect('', { now: '2026-06-01' }),
    () => api.inspect('', { now: new Date('not a date') }),
    () => api.inspect('', { pasphrase: 'x' }),
    () => api.inspect('', { passphrase: 7 }),
    () => api.buildJwe({ ...base, now: Date.now() }),
    () => api.checkBlobs({ text: v0.jwe, secret: 'x', sercet: 'y' }),
    () => api.checkBlobs(v0.jwe, 'x'),
    () => api.inspect(['', ''], { names: ['a'] }),
  ],
  bad_action: [
    () => api.buildJwe({ ...base, action: 'Populate' }),
    () => api.buildJwe({ ...base, action: undefined }),
    () => api.buildJwe({ ...base, action: 3 }),
    () => api.deviceCommand('install', v0.jwe),
  ],
  bad_enc: [
    () => api.buildJwe({ ...base, enc: 'A192GCM' }),
    () => api.buildJwe({ ...base, enc: 256 }),
  ],
  salt_too_short: [0, 1, 2, 3].map((n) => () => api.buildJwe({ ...base, salt: new Uint8Array(n) })),
  bad_iv_length: [0, 11, 13].map((n) => () => api.buildJwe({ ...base, iv: new Uint8Array(n) })),
  empty_secret: [
    () => api.buildJwe({ ...base, secret: '' }),
    () => api.openJwe(v0.jwe, ''),
    () => api.initialPopulateCommand(''),
  ],
  blank_secret: [
    () => api.initialPopulateCommand('   '),
    () => api.initialPopulateCommand('\n'),
    () => api.buildJwe({ ...base, action: 'populate', payload: ' \t' }),
  ],
  bad_fingerprint: [
    () => api.normalizeFingerprint('2fd4'),
    () => api.buildJwe({ ...base, action: 'activate', payload: 'abc' }),
  ],
  certificate_rejected: [
    () => api.buildJwe({ ...base, action: 'add', payload: 'this is a PEM file' }),
    () => api.buildJwe({ ...base, action: 'add', payload: BUNDLE }),
    () => api.buildJwe({ ...base, action: 'add', payload: fixture('leaves/self-signed/bundle.pem', 'utf8') }),
  ],
  no_certificate: [
    () => api.sha1Fingerprint(''),
    () => api.sha1Fingerprint(fixture('rsa-chain/leaf.key', 'utf8')),
    () => api.sha1Fingerprint(new Uint8Array([1, 2, 3])),
  ],
  action_mismatch: [() => api.deviceCommand('activate', v0.jwe)],
  malformed_jwe: [
    () => api.openJwe('a.b.c', 'x'),
    () => api.openJwe(v0.jwe.replace('..', '.AA.'), 'x'),
    () => api.deviceCommand('add', v0.jwe.replace('-', '+')),
  ],
  unsupported_header: [
    () => api.openJwe(Buffer.from('{"alg":"none"}').toString('base64url') + v0.jwe.slice(v0.jwe.indexOf('.')), 'x'),
  ],
  decrypt_failed: [
    () => api.openJwe(v0.jwe, 'ossifrage!'),
    () => api.openJwe(v0.jwe.slice(0, -2) + (v0.jwe.endsWith('1Q') ? '1g' : '1Q'), 'ossifrage'),
  ],
  payload_not_utf8: 'covered natively by tests/errors.rs (needs a forged tag); see payload_not_utf8 there',
  input_too_large: [
    () => api.buildJwe({ ...base, payload: 'a'.repeat((1 << 20) + 1) }),
    () => api.openJwe('a'.repeat(3 << 20), 'x'),
    () => api.buildJwe({ ...base, salt: new Uint8Array((1 << 20) + 1) }),
  ],
  random_unavailable: 'tested in a child process without crypto.getRandomValues: see the next test',
  several_blobs: [() => api.checkBlob(`${v0.jwe}\n${v0.jwe}`, 'ossifrage')],
  too_many_blobs: [() => api.checkBlobs({ text: `${v0.jwe}\n`.repeat(9), secret: 'ossifrage' })],
  fingerprint_mismatch: [
    () => api.deactivateCommand({ secret: 'ossifrage', input: fixture('der/leaf.der'), fingerprint: FP }),
  ],
};

for (const [code, cases] of Object.entries(negatives)) {
  if (typeof cases === 'string') continue;
  test(`negative: ${code}`, () => cases.forEach((fn) => throwsCode(fn, code)));
}

test('random_unavailable when the platform has no CSPRNG', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    const { default: api } = await import(${JSON.stringify(new URL('./load.mjs', import.meta.url).href)});
    try { api.buildJwe({ action: 'populate', secret: 's', payload: 'p' }); console.log('built'); }
    catch (e) { console.log(e.code); }`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out.stdout.trim(), 'random_unavailable', out.stderr);
});

test('the negative table covers every error code', () => {
  assert.deepEqual(Object.keys(negatives).sort(), [...api.errorCodes()].sort());
});
