// Every case of tests/tokens/rfc-vectors.json and tests/tokens/hostile.json through
// inspectToken of the committed pkg/, checked against the case's `expect`
// (format in tests/tokens/README.md). Codes and structure only, never message text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import api from './load.mjs';

const load = (name) => JSON.parse(readFileSync(new URL(`../tokens/${name}`, import.meta.url)));
const STATUSES = new Set(['valid', 'invalid', 'not_checked', 'unsupported', 'decrypted', 'failed']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const b64u = (bytes) => Buffer.from(bytes).toString('base64url');

/** A recipe's text: `repeat` (with {i} the index) `times` times, joined by `separator`, framed. */
function repeated({ prefix = '', repeat, times, separator = '', suffix = '' }) {
  return prefix + Array.from({ length: times }, (_, i) => repeat.replaceAll('{i}', i)).join(separator) + suffix;
}

/** The nested dir/A128GCM chain of make_hostile.py, rebuilt byte for byte (layer i's IV is i). */
function nestDir({ keyHex, depth, inner }) {
  let token = inner;
  const header = b64u('{"alg":"dir","enc":"A128GCM","cty":"JWT"}');
  for (let i = 1; i <= depth; i++) {
    const iv = Buffer.alloc(12);
    iv.writeUInt32BE(i, 8);
    const cipher = createCipheriv('aes-128-gcm', Buffer.from(keyHex, 'hex'), iv).setAAD(Buffer.from(header));
    const body = Buffer.concat([cipher.update(token), cipher.final()]);
    token = [header, '', b64u(iv), b64u(body), b64u(cipher.getAuthTag())].join('.');
  }
  return token;
}

function text(token) {
  if (typeof token === 'string') return token;
  if (token.nestDir) {
    const built = nestDir(token.nestDir);
    assert.equal(built.length, token.length, 'the chain rebuilt to the generator’s length');
    assert.equal(createHash('sha256').update(built).digest('hex'), token.sha256, 'the chain rebuilt byte-exact');
    return built;
  }
  return repeated(token);
}

const keys = (list) => list.flatMap((k) => (typeof k === 'string' ? [k]
  : k.each ? Array.from({ length: k.times }, (_, i) => k.each.replaceAll('{i}', i)) : [repeated(k)]));

/** The token and everything nested in it, depth first. */
const tree = (t) => [t, ...t.nested.flatMap(tree)];
const codes = (t) => tree(t).flatMap((n) => n.findings.map((f) => f.code));

/** The contract's Token shape, on every token of every report. */
function assertShape(t) {
  for (const field of ['kind', 'where', 'header', 'claims', 'payloadText', 'expanded', 'times', 'summary',
    'verification', 'x5c', 'nested', 'findings']) assert.ok(field in t, `token has ${field}`);
  assert.ok(['jws', 'jwe', 'device'].includes(t.kind));
  assert.ok(STATUSES.has(t.verification.status), `status ${t.verification.status}`);
  for (const f of t.findings) {
    assert.ok(SEVERITIES.has(f.severity) && typeof f.code === 'string' && typeof f.message === 'string');
  }
  t.nested.forEach(assertShape);
}

function checkToken(t, e, where) {
  const v = t.verification;
  if ('kind' in e) assert.equal(t.kind, e.kind, `${where}: kind`);
  if ('where' in e) assert.equal(t.where, e.where, `${where}: where`);
  if ('status' in e) {
    const ok = Array.isArray(e.status) ? e.status.includes(v.status) : v.status === e.status;
    assert.ok(ok, `${where}: status ${v.status}, expected ${e.status}; findings ${codes(t)}`);
  }
  if ('algorithm' in e) {
    // "RSA-OAEP+A256GCM": alg and enc each appear, however the report joins them.
    const parts = (v.algorithm ?? '').split(/[^A-Za-z0-9_-]+/);
    for (const part of e.algorithm.split('+')) assert.ok(parts.includes(part), `${where}: algorithm ${v.algorithm}`);
  }
  if ('claims' in e) assert.deepEqual(t.claims, e.claims, `${where}: claims`);
  if ('payloadText' in e) assert.equal(t.payloadText, e.payloadText, `${where}: payloadText`);
  if ('key' in e) {
    assert.ok(v.key, `${where}: a key verified`);
    for (const [k, value] of Object.entries(e.key)) assert.equal(v.key[k], value, `${where}: key.${k}`);
  }
  const found = codes(t);
  for (const code of e.findings ?? []) assert.ok(found.includes(code), `${where}: ${code} in ${found}`);
  for (const code of e.absent ?? []) assert.ok(!found.includes(code), `${where}: no ${code}`);
  if (e.nested) {
    assert.equal(t.nested.length, e.nested.length, `${where}: nested count`);
    e.nested.forEach((n, i) => checkToken(t.nested[i], n, `${where} › nested ${i + 1}`));
  }
}

function run(c) {
  const options = { keys: keys(c.keys), now: new Date(c.now * 1000) };
  const e = c.expect;
  if (e.throws) {
    assert.throws(() => api.inspectToken(text(c.token), options), (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.code, e.throws, err.message);
      return true;
    });
    return;
  }
  const report = api.inspectToken(text(c.token), options);
  assert.equal(report.keys.length, options.keys.length, 'one KeyInfo per key');
  report.tokens.forEach(assertShape);
  const all = report.tokens.flatMap(tree);
  const everyCode = [...report.findings.map((f) => f.code), ...all.flatMap((t) => t.findings.map((f) => f.code))];
  if ('count' in e) assert.equal(report.tokens.length, e.count, 'tokens found');
  for (const code of e.reportFindings ?? []) assert.ok(report.findings.some((f) => f.code === code), code);
  if (e.anyCode) assert.ok(e.anyCode.some((code) => everyCode.includes(code)), `one of ${e.anyCode} in ${everyCode}`);
  if (e.noneValid) {
    for (const t of all) assert.ok(!['valid', 'decrypted'].includes(t.verification.status), `${t.where} never valid`);
  }
  if (e.tokens) e.tokens.forEach((te, i) => checkToken(report.tokens[i], te, `token ${i + 1}`));
  const single = Object.keys(e).filter((k) => !['count', 'reportFindings', 'anyCode', 'noneValid', 'tokens'].includes(k));
  if (single.length) {
    assert.ok(report.tokens.length >= 1, 'a token found');
    checkToken(report.tokens[0], e, 'token 1');
  }
}

for (const file of ['rfc-vectors.json', 'hostile.json', 'codes.json']) {
  for (const c of load(file)) test(`${file}: ${c.name}`, () => run(c));
}
