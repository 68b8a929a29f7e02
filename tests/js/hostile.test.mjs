// The JS boundary under hostile arguments, against the committed pkg/: wrong
// types (numbers, objects, arrays, null, undefined, Symbols, BigInts, String
// objects, functions, typed arrays other than Uint8Array), broken Unicode,
// and objects whose hooks throw or lie (Proxies, getters, subclasses). Every
// failure must be an Error with a known `code` and a message: never a
// non-Error, never a codeless Error (a RuntimeError from a wasm trap, or a
// caller's exception leaking through the wasm frames).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import api from './load.mjs';

const vectors = JSON.parse(readFileSync(new URL('../vectors/device-jwe-vectors.json', import.meta.url)));
const v0 = vectors[0];
const FP = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12';
const NOW = new Date('2026-06-01T00:00:00Z');
const LEAF_DER = new Uint8Array(readFileSync(new URL('../fixtures/certs/der/leaf.der', import.meta.url)));
const base = { action: 'populate', secret: 'ossifrage', payload: 'new' };
const CODES = new Set(api.errorCodes());

/** Runs `fn`: `{ value }` or `{ error }`. */
function attempt(fn) {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

/** Asserts a thrown value is an Error with a known code and a message for people. */
function assertCoded(error, where) {
  assert.ok(error instanceof Error, `${where}: threw a non-Error: ${typeof error} ${String(error)}`);
  assert.ok(
    typeof error.code === 'string',
    `${where}: threw an Error without a code: ${error.constructor.name}: ${error.message}`,
  );
  assert.ok(CODES.has(error.code), `${where}: unknown code ${error.code}`);
  assert.ok(error.message.length > 20, `${where}: a message that says what to do`);
}

/** Asserts `fn` throws a coded Error whose code is `code`. */
function throwsCode(fn, code, where) {
  const { value, error } = attempt(fn);
  assert.ok(error !== undefined, `${where}: returned ${JSON.stringify(value)?.slice(0, 80)}, expected ${code}`);
  assertCoded(error, where);
  assert.equal(error.code, code, `${where}: ${error.message}`);
}

const salt = (jwe) => Buffer.from(JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url'))['cisco-kdf'].salt, 'base64url');
const codes = (report) => report.findings.map((f) => f.code).sort();

// --- the table: [function, description, call, expected code] ---------------------

const wrongTypes = {
  'a number': 42,
  NaN: NaN,
  'a boolean': true,
  'an object': {},
  'an array': [],
  null: null,
  undefined: undefined,
  'a Symbol': Symbol('s'),
  'a BigInt': 10n,
  'a String object': new String('ossifrage'),
  'a function': () => 'ossifrage',
  'a Date': new Date(0),
  'a Uint8Array': new Uint8Array([0x61]),
};
const loneSurrogates = {
  'a lone high surrogate': 'ab\uD800',
  'a lone low surrogate': '\uDFFFab',
  'a reversed pair': '\uDE00\uD83D',
};
// Wrong types for salt and iv (null and undefined mean "draw a random one").
const notUint8Arrays = {
  'a number': 16,
  'a string': 'abcdefgh',
  'an array of numbers': [1, 2, 3, 4, 5, 6, 7, 8],
  'an ArrayBuffer': new ArrayBuffer(16),
  'a DataView': new DataView(new ArrayBuffer(16)),
  'an Int8Array': new Int8Array(16),
  'a Uint8ClampedArray': new Uint8ClampedArray(16),
  'a Uint16Array': new Uint16Array(8),
  'a BigInt64Array': new BigInt64Array(2),
  'a Symbol': Symbol('salt'),
  'a BigInt': 16n,
  'an object with length': { length: 16 },
};
// Inputs of inspect and sha1Fingerprint that are neither a string nor a Uint8Array.
const notInputs = {
  'a number': 42,
  'a boolean': false,
  'an object': {},
  null: null,
  undefined: undefined,
  'a Symbol': Symbol('pem'),
  'a BigInt': 1n,
  'a String object': new String('-----BEGIN CERTIFICATE-----'),
  'a function': () => '',
  'a Date': new Date(0),
  'an ArrayBuffer': new ArrayBuffer(8),
  'a DataView': new DataView(new ArrayBuffer(8)),
  'an Int8Array': new Int8Array(8),
  'a Uint8ClampedArray': new Uint8ClampedArray(8),
  'a Float64Array': new Float64Array(1),
  'an empty list': [],
  'a list holding a number': [42],
  'a list holding a good string and null': ['', null],
  'a nested list': [['']],
  'a list holding a DataView': [new DataView(new ArrayBuffer(8))],
};
const badInspectOptions = {
  'a number': 42,
  'a string': 'correct horse',
  'a boolean': true,
  'an array': [],
  'a function': () => ({}),
  'a Symbol': Symbol('o'),
  'a BigInt': 1n,
  'an unknown option': { pasphrase: 'x' },
  'a numeric passphrase': { passphrase: 42 },
  'a String object passphrase': { passphrase: new String('correct horse') },
  'a passphrase with a lone surrogate': { passphrase: 'correct\uD800horse' },
  'now as a number': { now: 0 },
  'now as a string': { now: '2026-06-01' },
  'now as an invalid Date': { now: new Date(NaN) },
  'now as an object': { now: {} },
};
// Proxies whose traps throw: reading the options must not let the exception
// escape uncoded (nor a thrown non-Error).
const throwingProxies = {
  'a Proxy whose ownKeys throws an Error': () => new Proxy({}, { ownKeys() { throw new Error('trap'); } }),
  'a Proxy whose ownKeys throws a number': () => new Proxy({}, { ownKeys() { throw 42; } }),
  'a Proxy whose getOwnPropertyDescriptor throws': () => new Proxy({ action: 'populate' }, {
    getOwnPropertyDescriptor() { throw new TypeError('gopd'); },
  }),
};

const cases = [];
const add = (fn, what, call, code) => cases.push({ fn, what, call, code });

for (const [what, value] of Object.entries({ ...wrongTypes, ...loneSurrogates })) {
  const code = 'bad_argument';
  add('openJwe', `blob is ${what}`, () => api.openJwe(value, 'ossifrage'), code);
  add('openJwe', `secret is ${what}`, () => api.openJwe(v0.jwe, value), code);
  add('deviceCommand', `blob is ${what}`, () => api.deviceCommand('add', value), code);
  add('initialPopulateCommand', `secret is ${what}`, () => api.initialPopulateCommand(value), code);
  add('normalizeFingerprint', `text is ${what}`, () => api.normalizeFingerprint(value), code);
  add('buildJwe', `secret is ${what}`, () => api.buildJwe({ ...base, secret: value }), code);
  add('buildJwe', `payload is ${what}`, () => api.buildJwe({ ...base, payload: value }), code);
  // The action is parsed as a name: anything that is not one is bad_action (tests/js/api.test.mjs).
  add('deviceCommand', `action is ${what}`, () => api.deviceCommand(value, v0.jwe), 'bad_action');
  add('buildJwe', `action is ${what}`, () => api.buildJwe({ ...base, action: value }), 'bad_action');
  if (value !== null && value !== undefined) {
    add('buildJwe', `enc is ${what}`, () => api.buildJwe({ ...base, enc: value }), 'bad_enc');
    add('buildJwe', `allowFindings is ${what}`, () => api.buildJwe({ ...base, allowFindings: value }),
      value === true ? null : 'bad_argument');
    add('buildJwe', `now is ${what}`, () => api.buildJwe({ ...base, now: value }),
      value instanceof Date ? null : 'bad_argument');
  }
}
for (const [what, value] of Object.entries(loneSurrogates)) {
  add('openJwe', `blob followed by ${what}`, () => api.openJwe(v0.jwe + value, 'ossifrage'), 'bad_argument');
  add('normalizeFingerprint', `a fingerprint with ${what}`, () => api.normalizeFingerprint(FP + value), 'bad_argument');
  add('inspect', `PEM text with ${what}`, () => api.inspect(`-----BEGIN CERTIFICATE-----${value}`, { now: NOW }),
    'bad_argument');
  add('sha1Fingerprint', `PEM text with ${what}`, () => api.sha1Fingerprint(`x${value}`), 'bad_argument');
  add('inspect', `a list holding text with ${what}`, () => api.inspect(['', value], { now: NOW }), 'bad_argument');
}
for (const [what, value] of Object.entries(notUint8Arrays)) {
  add('buildJwe', `salt is ${what}`, () => api.buildJwe({ ...base, salt: value }), 'bad_argument');
  add('buildJwe', `iv is ${what}`, () => api.buildJwe({ ...base, iv: value }), 'bad_argument');
}
for (const [what, value] of Object.entries(notInputs)) {
  add('inspect', `input is ${what}`, () => api.inspect(value, { now: NOW }), 'bad_argument');
  add('sha1Fingerprint', `input is ${what}`, () => api.sha1Fingerprint(value), 'bad_argument');
}
for (const [what, value] of Object.entries(badInspectOptions)) {
  add('inspect', `options are ${what}`, () => api.inspect('', value), 'bad_argument');
  add('sha1Fingerprint', `options are ${what}`, () => api.sha1Fingerprint(LEAF_DER, value), 'bad_argument');
}
// Options that are not an object (or are an array, a function, or an object
// whose own keys are not option names).
const notOptions = {
  'a number': 42, NaN: NaN, 'a boolean': true, 'an array': [], null: null, undefined: undefined,
  'a Symbol': Symbol('o'), 'a BigInt': 1n, 'a string': 'populate', 'a String object': new String('populate'),
  'a function': () => base, 'a Uint8Array': new Uint8Array(1),
};
for (const [what, value] of Object.entries(notOptions)) {
  add('buildJwe', `options are ${what}`, () => api.buildJwe(value), 'bad_argument');
}
for (const [what, make] of Object.entries(throwingProxies)) {
  add('buildJwe', `options are ${what}`, () => api.buildJwe(make()), 'bad_argument');
  add('inspect', `options are ${what}`, () => api.inspect('', make()), 'bad_argument');
  add('sha1Fingerprint', `options are ${what}`, () => api.sha1Fingerprint(LEAF_DER, make()), 'bad_argument');
}
// Keys and requests: every string option of the wrong type, the lists not arrays, and hostile option objects.
const KEY = { commonName: 'room-1.example.com', passphrase: 'correct horse' };
for (const [what, value] of Object.entries({ ...wrongTypes, ...loneSurrogates })) {
  for (const option of ['commonName', 'organization', 'country', 'passphrase', 'confirmPassphrase']) {
    if (option !== 'commonName' && (value === null || value === undefined)) continue; // optional: absent is fine
    add('generateKeyAndCsr', `${option} is ${what}`, () => api.generateKeyAndCsr({ ...KEY, [option]: value }),
      option === 'passphrase' && (value === null || value === undefined) ? 'empty_passphrase' : 'bad_argument');
  }
  if (value !== null && value !== undefined) {
    if (!Array.isArray(value)) {
      add('generateKeyAndCsr', `subjectAltNames is ${what}`, () => api.generateKeyAndCsr({ ...KEY, subjectAltNames: value }), 'bad_argument');
    }
    add('generateKeyAndCsr', `a subjectAltName is ${what}`, () => api.generateKeyAndCsr({ ...KEY, subjectAltNames: [value] }), 'bad_argument');
    add('generateKeyAndCsr', `keyEncryption is ${what}`, () => api.generateKeyAndCsr({ ...KEY, keyEncryption: value }), 'bad_argument');
  }
  add('planKeyFleet', `devices is ${what}`, () => api.planKeyFleet({ ...KEY, devices: value }), 'bad_argument');
}
for (const [what, value] of Object.entries(notOptions)) {
  add('generateKeyAndCsr', `options are ${what}`, () => api.generateKeyAndCsr(value), 'bad_argument');
  add('planKeyFleet', `options are ${what}`, () => api.planKeyFleet(value), 'bad_argument');
}
for (const [what, make] of Object.entries(throwingProxies)) {
  add('generateKeyAndCsr', `options are ${what}`, () => api.generateKeyAndCsr(make()), 'bad_argument');
  add('planKeyFleet', `options are ${what}`, () => api.planKeyFleet(make()), 'bad_argument');
}
add('planKeyFleet', 'a device list over 4 MiB', () => api.planKeyFleet({ ...KEY, devices: 'x'.repeat((4 << 20) + 1) }),
  'input_too_large');
add('inspect', 'input is a list Proxy whose get throws',
  () => api.inspect(new Proxy([''], { get() { throw new Error('get'); } }), { now: NOW }), 'bad_argument');
add('buildJwe', 'an unknown option next to good ones', () => api.buildJwe({ ...base, Salt: new Uint8Array(16) }),
  'bad_argument');
add('buildJwe', 'the secret empty', () => api.buildJwe({ ...base, secret: '' }), 'empty_secret');
add('openJwe', 'the secret empty', () => api.openJwe(v0.jwe, ''), 'empty_secret');
add('openJwe', 'a wrong-type blob is reported before an empty secret', () => api.openJwe(42, ''), 'bad_argument');
add('initialPopulateCommand', 'the secret empty', () => api.initialPopulateCommand(''), 'empty_secret');
add('normalizeFingerprint', 'text with NUL', () => api.normalizeFingerprint(`${FP}\0`), 'bad_fingerprint');
add('sha1Fingerprint', 'empty text', () => api.sha1Fingerprint(''), 'no_certificate');
add('sha1Fingerprint', 'empty bytes', () => api.sha1Fingerprint(new Uint8Array(0)), 'no_certificate');
add('deviceCommand', 'a blob with a second command after it', () => api.deviceCommand('add', `${v0.jwe}\n.\nxCommand SystemUnit Boot`),
  'malformed_jwe');

add('checkBundle', 'a number', () => api.checkBundle(42), 'bad_argument');
add('checkBundle', 'an unknown option', () => api.checkBundle('', { passphrase: 'x', nowe: 1 }), 'bad_argument');
add('deactivateCommand', 'no options', () => api.deactivateCommand(), 'bad_argument');
add('deactivateCommand', 'neither fingerprint nor input', () => api.deactivateCommand({ secret: 's' }), 'bad_argument');
add('checkBlob', 'a six-part blob in a command', () => api.checkBlob(`Secret: "${v0.jwe}.AA"`, 's'), 'malformed_jwe');
add('checkBlob', 'a number', () => api.checkBlob(1, 's'), 'bad_argument');
add('checkBlob', 'two blobs', () => api.checkBlob(`${v0.jwe} ${v0.jwe}`, 's'), 'several_blobs');
add('checkBlobs', 'no options', () => api.checkBlobs(), 'bad_argument');
add('checkBlobs', 'a string, not options', () => api.checkBlobs(v0.jwe), 'bad_argument');
add('checkBlobs', 'an unknown option', () => api.checkBlobs({ text: v0.jwe, secret: 's', texts: [] }), 'bad_argument');
add('checkBlobs', 'text a number', () => api.checkBlobs({ text: 1, secret: 's' }), 'bad_argument');
add('checkBlobs', 'now not a Date', () => api.checkBlobs({ text: v0.jwe, secret: 's', now: 1 }), 'bad_argument');
add('checkBlobs', 'a six-part blob', () => api.checkBlobs({ text: `${v0.jwe}.AA`, secret: 's' }), 'malformed_jwe');
add('checkBlobs', 'nine blobs', () => api.checkBlobs({ text: `${v0.jwe}\n`.repeat(9), secret: 's' }), 'too_many_blobs');
add('checkBundle', 'names not an array', () => api.checkBundle('', { names: 'a' }), 'bad_argument');
add('checkBundle', 'names too short', () => api.checkBundle(['', ''], { names: ['a'] }), 'bad_argument');
add('checkBundle', 'names too long', () => api.checkBundle('', { names: ['a', 'b'] }), 'bad_argument');
add('checkBundle', 'a name not a string', () => api.checkBundle('', { names: [new String('a')] }), 'bad_argument');
add('checkBundle', 'a name with broken Unicode', () => api.checkBundle('', { names: ['a\uD800'] }), 'bad_argument');
add('inspect', 'names a Proxy that throws',
  () => api.inspect('', { names: new Proxy([], { get() { throw new Error('get'); } }) }), 'bad_argument');

// --- the fleet: options, files, manifests ------------------------------------------
// The committed fleet of tests/fixtures/fleet (make_fleet.py --now 2026-06-01).

const FLEET = new URL('../fixtures/fleet/', import.meta.url);
const FLEET_NOW = new Date('2026-06-01T00:00:00Z');
const fleetFile = (name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`files/${name}`, FLEET))) });
const ROOM_1 = ['room-1.crt', 'room-1.key'].map(fleetFile);
const MANIFEST = 'device,secret\nroom-1,s3cret\n';
const fleet = { manifest: MANIFEST, files: [], now: FLEET_NOW };
const manifestOf = (rows) => `device,secret\n${Array.from({ length: rows }, (_, i) => `d${i},s${i}\n`).join('')}`;
const fleetFns = {
  planFleet: (options) => api.planFleet(options),
  buildFleet: (options) => api.buildFleet(options),
};
/** A getter for `key` that throws. */
const throwingGetter = (object, key) => Object.defineProperty({ ...object }, key, {
  enumerable: true, get() { throw new Error(`get ${key}`); },
});

for (const [what, value] of Object.entries({ ...wrongTypes, ...loneSurrogates })) {
  const missing = value === undefined || value === null;
  for (const [fn, call] of Object.entries(fleetFns)) {
    add(fn, `manifest is ${what}`, () => call({ ...fleet, manifest: value }), 'bad_argument');
    add(fn, `passphrase is ${what}`, () => call({ ...fleet, passphrase: value }), missing ? null : 'bad_argument');
    add(fn, `a file name is ${what}`, () => call({ ...fleet, files: [{ name: value, bytes: '' }] }), 'bad_argument');
    add(fn, `a file's bytes are ${what}`, () => call({ ...fleet, files: [{ name: 'a.pem', bytes: value }] }),
      value instanceof Uint8Array ? null : 'bad_argument');
    add(fn, `files are ${what}`, () => call({ ...fleet, files: value }),
      value === undefined || Array.isArray(value) ? null : 'bad_argument');
    add(fn, `a file is ${what}`, () => call({ ...fleet, files: [value] }), 'bad_argument');
    add(fn, `now is ${what}`, () => call({ ...fleet, now: value }),
      missing || value instanceof Date ? null : 'bad_argument');
    add(fn, `expiresBefore is ${what}`, () => call({ ...fleet, expiresBefore: value }),
      missing || value instanceof Date ? null : 'bad_argument');
  }
  add('fillFleetSecrets', `manifest is ${what}`, () => api.fillFleetSecrets({ manifest: value }), 'bad_argument');
}
for (const [what, value] of Object.entries(loneSurrogates)) {
  add('fillFleetSecrets', `kind is ${what}`, () => api.fillFleetSecrets({ manifest: MANIFEST, kind: value }),
    'bad_argument');
  add('planFleet', `a manifest cell with ${what}`, () => api.planFleet({ ...fleet, manifest: `${MANIFEST}r2,${value}\n` }),
    'bad_argument');
}
for (const [what, value] of Object.entries(notOptions)) {
  for (const [fn, call] of Object.entries(fleetFns)) add(fn, `options are ${what}`, () => call(value), 'bad_argument');
  add('fillFleetSecrets', `options are ${what}`, () => api.fillFleetSecrets(value), 'bad_argument');
  add('pack', `options are ${what}`, () => api.planFleet(fleet).pack([], value),
    value === undefined ? null : 'bad_argument');
}
for (const [what, make] of Object.entries(throwingProxies)) {
  for (const [fn, call] of Object.entries(fleetFns)) add(fn, `options are ${what}`, () => call(make()), 'bad_argument');
  add('fillFleetSecrets', `options are ${what}`, () => api.fillFleetSecrets(make()), 'bad_argument');
  add('pack', `options are ${what}`, () => api.planFleet(fleet).pack([], make()), 'bad_argument');
}
const throwsOnGet = () => new Proxy({}, { get() { throw new Error('get'); }, getOwnPropertyDescriptor() { throw 7; } });
for (const [fn, call] of Object.entries(fleetFns)) {
  for (const key of ['manifest', 'files', 'passphrase', 'now', 'expiresBefore']) {
    add(fn, `a getter of ${key} that throws`, () => call(throwingGetter(fleet, key)), 'bad_argument');
  }
  for (const key of ['name', 'bytes']) {
    add(fn, `a file whose ${key} getter throws`,
      () => call({ ...fleet, files: [throwingGetter({ name: 'a.pem', bytes: '' }, key)] }), 'bad_argument');
  }
  add(fn, 'a file that is a Proxy whose traps throw', () => call({ ...fleet, files: [throwsOnGet()] }), 'bad_argument');
  add(fn, 'files a list Proxy whose get throws',
    () => call({ ...fleet, files: new Proxy([], { get() { throw new Error('get'); } }) }), 'bad_argument');
  add(fn, 'files a list Proxy claiming a billion items',
    () => call({ ...fleet, files: new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : undefined) }) }), 'too_many_files');
  add(fn, 'an unknown option next to good ones', () => call({ ...fleet, Files: [] }), 'bad_argument');
  add(fn, 'a manifest of 5 million characters', () => call({ ...fleet, manifest: 'x'.repeat(5 << 20) }), 'input_too_large');
  add(fn, 'a manifest over 4 MiB only in UTF-8', () => call({ ...fleet, manifest: `device,secret\n${'é'.repeat(2 << 20)}` }),
    'input_too_large');
  add(fn, 'a file name of 2 MiB', () => call({ ...fleet, files: [{ name: 'n'.repeat(2 << 20), bytes: '' }] }),
    'input_too_large');
  add(fn, 'a file of 2 MiB (text)', () => call({ ...fleet, files: [{ name: 'a.pem', bytes: 'x'.repeat(2 << 20) }] }),
    'input_too_large');
  add(fn, 'a file of 2 MiB (bytes)', () => call({ ...fleet, files: [{ name: 'a.pem', bytes: new Uint8Array(2 << 20) }] }),
    'input_too_large');
  add(fn, 'a passphrase of 2 MiB', () => call({ ...fleet, passphrase: 'p'.repeat(2 << 20) }), 'input_too_large');
  add(fn, '2,001 files', () => call({ ...fleet, files: Array.from({ length: 2_001 }, () => ({ name: 'a', bytes: '' })) }),
    'too_many_files');
  add(fn, '10,001 rows', () => call({ ...fleet, manifest: manifestOf(10_001) }), 'too_many_rows');
  add(fn, 'an empty manifest', () => call({ ...fleet, manifest: '' }), 'bad_manifest');
  add(fn, 'a manifest of blank lines and a BOM', () => call({ ...fleet, manifest: '\uFEFF\r\n\n\r' }), 'bad_manifest');
  add(fn, 'a header quote never closed', () => call({ ...fleet, manifest: `"device,secret\n${'r,s\n'.repeat(100)}` }),
    'bad_manifest');
  add(fn, 'a header of 65 columns', () => call({ ...fleet, manifest: `device,secret,${'x,'.repeat(63)}\nr,s\n` }),
    'bad_manifest');
  add(fn, 'a header with a 1 MiB cell', () => call({ ...fleet, manifest: `device,secret,${'h'.repeat(1 << 20)}\nr,s\n` }),
    'bad_manifest');
}
add('buildFleet', 'a getter of initialPopulate that throws', () => api.buildFleet(throwingGetter(fleet, 'initialPopulate')),
  'bad_argument');
add('planFleet', 'initialPopulate, which only buildFleet takes', () => api.planFleet({ ...fleet, initialPopulate: true }),
  'bad_argument');
add('fillFleetSecrets', 'a getter of manifest that throws', () => api.fillFleetSecrets(throwingGetter({ manifest: MANIFEST }, 'manifest')),
  'bad_argument');
add('fillFleetSecrets', 'a getter of kind that throws', () => api.fillFleetSecrets(throwingGetter({ manifest: MANIFEST }, 'kind')),
  'bad_argument');
add('fillFleetSecrets', 'an unknown kind', () => api.fillFleetSecrets({ manifest: MANIFEST, kind: 'Phrase' }), 'bad_argument');
add('fillFleetSecrets', 'a quote never closed', () => api.fillFleetSecrets({ manifest: `${MANIFEST}r2,"${'x\n'.repeat(1000)}` }),
  'bad_manifest');
add('fillFleetSecrets', 'a row with a 1 MiB cell', () => api.fillFleetSecrets({ manifest: `${MANIFEST}r2,${'x'.repeat(1 << 20)}\n` }),
  'bad_manifest');
add('fillFleetSecrets', '10,001 rows', () => api.fillFleetSecrets({ manifest: manifestOf(10_001) }), 'too_many_rows');
add('fillFleetSecrets', 'a manifest of 5 million characters', () => api.fillFleetSecrets({ manifest: ','.repeat(5 << 20) }),
  'input_too_large');
// The plan's calls. A plan holds no device that builds here (no files): each refusal is the argument's.
const packCases = {
  'a number': 42, 'a string': 'built', null: null, 'an object': {}, 'a Symbol': Symbol('b'),
  'a list of numbers': [1, 2], 'a list holding null': [null], 'a list of strings': ['index'],
  'an item without commands': [{ index: 0 }], 'an item with a fractional index': [{ index: 0.5, commands: [] }],
  'an item with a negative index': [{ index: -1, commands: [] }], 'an item with an index of NaN': [{ index: NaN, commands: [] }],
  'an item with an index as a string': [{ index: '0', commands: [] }], 'an item with a huge index': [{ index: 2 ** 53, commands: [] }],
  'a command that is a number': [{ index: 0, commands: [1] }],
  'a command with an unknown action': [{ index: 0, commands: [{ action: 'install', jwe: v0.jwe }] }],
  'a command with a 2 MiB blob': [{ index: 0, commands: [{ action: 'add', jwe: 'x'.repeat(2 << 20) }] }],
  'a command whose jwe getter throws': [{ index: 0, commands: [throwingGetter({ action: 'add' }, 'jwe')] }],
  'an item whose index getter throws': [throwingGetter({ commands: [] }, 'index')],
  'a list Proxy whose get throws': new Proxy([], { get() { throw new Error('get'); } }),
  'a list claiming a billion items': new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : undefined) }),
  'a device not in error, with no blobs': [{ index: 0, commands: [] }],
};
for (const [what, built] of Object.entries(packCases)) {
  const code = ['a command with an unknown action'].includes(what) ? 'bad_action'
    : what === 'a command with a 2 MiB blob' ? 'input_too_large' : 'bad_argument';
  add('pack', `built is ${what}`, () => api.planFleet(fleet).pack(built), code);
}
add('pack', 'initialPopulate next to an unknown option', () => api.planFleet(fleet).pack([], { initialPopulate: true, x: 1 }),
  'bad_argument');
for (const index of [0, 1, -1, 2 ** 31, 2 ** 32 - 1, 1.5, NaN, Infinity]) {
  add('buildDevice', `index ${index} of a plan whose one device is in error`, () => api.planFleet(fleet).buildDevice(index),
    'bad_argument');
}

for (const c of cases.filter((c) => c.code !== null)) {
  test(`${c.fn}: ${c.what} -> ${c.code}`, () => throwsCode(c.call, c.code, `${c.fn}: ${c.what}`));
}

test('a message quotes at most a short piece of what it was given', () => {
  const name = 'x'.repeat(1 << 20);
  for (const call of [
    () => api.buildJwe({ ...base, [name]: 1 }),
    () => api.inspect('', { [name]: 1 }),
    () => api.deactivateCommand({ secret: 's', [name]: 1 }),
  ]) {
    assert.throws(call, (e) => e.code === 'bad_argument' && e.message.length < 400);
  }
});

test('the table is large and covers every function', () => {
  const counted = cases.filter((c) => c.code !== null);
  assert.ok(counted.length >= 100, `${counted.length} cases`);
  for (const fn of ['buildJwe', 'openJwe', 'deviceCommand', 'initialPopulateCommand', 'normalizeFingerprint',
    'inspect', 'sha1Fingerprint', 'checkBundle', 'deactivateCommand', 'checkBlob', 'checkBlobs',
    'planFleet', 'buildFleet', 'pack', 'buildDevice', 'fillFleetSecrets', 'generateKeyAndCsr', 'planKeyFleet']) {
    assert.ok(counted.some((c) => c.fn === fn), fn);
  }
});

// --- the fleet: hostile content gives coded findings -----------------------------

const FINDING_CODES = new Set(['duplicate_device', 'bad_manifest_row', 'no_certificate_for_device', 'missing_file',
  'unused_file', 'unsupported_format', 'duplicate_certificate', 'duplicate_key', 'duplicate_common_name',
  'duplicate_secret', 'encrypted_needs_passphrase', 'wrong_passphrase', 'input_too_large']);

/** Plans `manifest` with `files`: the report (the plan freed). */
function planReport(manifest, files = []) {
  const plan = api.planFleet({ manifest, files, now: FLEET_NOW, passphrase: 'fleet pass' });
  try {
    return plan.report();
  } finally {
    plan.free();
  }
}

/** The names of a stored zip's entries, from its central directory. */
function zipNames(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  const names = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const length = view.getUint16(at + 28, true);
    names.push(Buffer.from(zip.subarray(at + 46, at + 46 + length)).toString('latin1'));
    at += 46 + length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

/** A zip folder name: one ASCII segment an extractor keeps inside its target. */
function assertSafeFolder(folder, where) {
  assert.ok(folder.length > 0 && folder.length <= 64, `${where}: ${JSON.stringify(folder)}`);
  assert.ok(!/[/\\\0-\x1f\x7f-\uffff:*?"<>|]/.test(folder), `${where}: ${JSON.stringify(folder)}`);
  assert.ok(folder !== '.' && folder !== '..' && !folder.startsWith('.') && !folder.endsWith('.'), `${where}: ${folder}`);
}

test('fleet: a 1 MiB cell is bad_manifest_row for its row alone; the next row is read', () => {
  const report = planReport(`device,secret\nbig,${'x'.repeat(1 << 20)}\nroom-1,s\n"quoted-big","${'y'.repeat(1 << 20)}"\n`);
  assert.deepEqual(report.devices.map((d) => [d.line, d.findings.map((f) => f.code)]),
    [[2, ['bad_manifest_row']], [3, ['no_certificate_for_device']], [4, ['bad_manifest_row']]]);
  assert.equal(report.devices[1].device, 'room-1');
  assert.ok(JSON.stringify(report).length < 10_000, 'no finding repeats the cell');
});

test('fleet: a quote never closed is bad_manifest_row at its line; the rows before it are read', () => {
  const report = planReport(`device,secret,certificate,key\nroom-1,s1,room-1.crt,room-1.key\nroom-2,"s2\n${'room-3,s3\n'.repeat(5000)}`, ROOM_1);
  assert.deepEqual(report.devices.map((d) => [d.line, d.status]), [[2, 'ready'], [3, 'error']]);
  assert.deepEqual(report.devices[1].findings.map((f) => f.code), ['bad_manifest_row']);
});

test('fleet: path traversal, reserved and odd device names become single safe folders, unique ignoring case', () => {
  const names = ['../../x', '..\\x', '..\\..\\windows\\system32', '/etc/passwd', 'C:\\x', 'C:', '.', '..', '...',
    ' . ', 'CON', 'nul.txt', 'Com1.tar.gz', 'a/b', 'a:b', '\u202Egpj.exe', 'zero\u200Bwidth', '会議室', 'x'.repeat(300),
    'ROOM 1', 'room 1', 'Room 1 ', 'trailing.', '%2e%2e%2fx', '~', '$HOME', '`id`', '=cmd|x', '\ttab'];
  const report = planReport(`device,secret\n${names.map((n, i) => `"${n.replaceAll('"', '""')}",s${i}`).join('\n')}\n`);
  assert.equal(report.devices.length, names.length);
  const seen = new Set();
  for (const d of report.devices) {
    assertSafeFolder(d.folder, d.device);
    assert.ok(!seen.has(d.folder.toLowerCase()), `${d.folder} twice`);
    seen.add(d.folder.toLowerCase());
    assert.ok(d.findings.every((f) => FINDING_CODES.has(f.code)), d.device);
  }
  // Built, the zip holds only those folders (the certificate named in the manifest, whatever the device's name).
  const built = api.buildFleet({
    manifest: `device,secret,certificate,key\n../../x,s1,room-1.crt,room-1.key\n"..\\x",s2,room-1.crt,room-1.key\n`,
    files: ROOM_1, now: FLEET_NOW,
  });
  assert.deepEqual(built.devices.map((d) => d.status), ['warning', 'warning'], 'one certificate for two: a warning');
  for (const name of zipNames(built.zip)) {
    assert.ok(!name.startsWith('/') && !name.includes('\\') && name.split('/').every((s) => s && s !== '.' && s !== '..'), name);
  }
  assert.deepEqual(zipNames(built.zip).slice(2).map((n) => n.split('/')[0]), built.devices.flatMap((d) => [d.folder, d.folder]));
});

test('fleet: duplicate device names are duplicate_device on every row that shares one', () => {
  const report = planReport('device,secret,certificate,key\nroom-1,a,room-1.crt,room-1.key\n ROOM-1 ,b,room-1.crt,room-1.key\nroom-2,c\nRoom-1,d\n', ROOM_1);
  const has = report.devices.map((d) => d.findings.some((f) => f.code === 'duplicate_device'));
  assert.deepEqual(has, [true, true, false, true]);
  assert.ok(report.devices.filter((_, i) => has[i]).every((d) => d.status === 'error'));
  const finding = report.findings.find((f) => f.code === 'duplicate_device');
  assert.deepEqual(finding.devices, ['room-1', 'ROOM-1', 'Room-1']);
  assert.equal(new Set(report.devices.map((d) => d.folder.toLowerCase())).size, 4);
});

test('fleet: 10,000 rows are read, 10,001 are too_many_rows, both in bounded time', () => {
  const started = Date.now();
  const report = planReport(manifestOf(10_000).replaceAll('\n', '\n\n'));
  assert.equal(report.devices.length, 10_000, 'blank lines are not rows');
  assert.ok(report.devices.every((d) => d.findings.length === 1 && d.findings[0].code === 'no_certificate_for_device'));
  throwsCode(() => api.planFleet({ manifest: manifestOf(10_001) }), 'too_many_rows', '10,001 rows');
  throwsCode(() => api.planFleet({ manifest: `${manifestOf(10_000)}"an unclosed quote\n` }), 'too_many_rows', '10,000 and a bad row');
  assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
});

test('fleet: files that are not certificates or keys are findings naming the file, and never zip paths', () => {
  const junk = [
    { name: 'empty.pem', bytes: new Uint8Array(0) },
    { name: 'zeros.der', bytes: new Uint8Array(1 << 20) },
    { name: 'text.pem', bytes: '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n' },
    { name: '../../etc/passwd', bytes: 'root:x:0:0::/root:/bin/sh\n' },
    { name: 'a\u202Egpj.exe', bytes: new Uint8Array([0x30, 0x82, 0xff, 0xff]) },
    { name: '', bytes: 'x' },
  ];
  const result = api.buildFleet({
    manifest: 'device,secret,certificate,key\nroom-1,s1,room-1.crt,room-1.key\nroom-2,s2,../../etc/passwd,\n',
    files: [...ROOM_1, ...junk], now: FLEET_NOW,
  });
  assert.deepEqual(result.devices.map((d) => d.status), ['ready', 'error']);
  assert.deepEqual(result.devices[1].findings.map((f) => f.code), ['no_certificate_for_device']);
  for (const file of junk) {
    const finding = result.findings.find((f) => f.files?.includes(file.name));
    assert.ok(finding && FINDING_CODES.has(finding.code), `${JSON.stringify(file.name)}: ${finding?.code}`);
  }
  assert.deepEqual(zipNames(result.zip), ['README.txt', 'inventory.csv', 'room-1/commands.txt', 'room-1/xapi.json']);
});

test('fleet: a manifest row with 65 cells, or more cells than its header, is bad_manifest_row', () => {
  const report = planReport(`device,secret\nwide,${'x,'.repeat(64)}\nextra,s,more\nroom-1,s\n`);
  assert.deepEqual(report.devices.map((d) => d.findings[0].code), ['bad_manifest_row', 'bad_manifest_row', 'no_certificate_for_device']);
});

// --- the fleet: what review found (one gap left as todo: wasm-bindgen's own check after free) ---

test('fleet: buildDevice(index) refuses an index that is not a whole number (coded)', () => {
  const plan = api.planFleet({ manifest: 'device,secret,certificate,key\nroom-1,s,room-1.crt,room-1.key\n', files: ROOM_1, now: FLEET_NOW });
  for (const index of ['0', 'x', null, undefined, 0.5, [0], Symbol('i'), 0n, { valueOf() { throw new Error('v'); } }]) {
    throwsCode(() => plan.buildDevice(index), 'bad_argument', `buildDevice(${describe(index)})`);
  }
});

test('fleet: a FleetPlan used after free() throws a coded Error', {
  todo: 'wasm-bindgen throws a plain Error("null pointer passed to rust") for report, buildDevice, pack and a second free',
}, () => {
  const plan = api.planFleet(fleet);
  plan.free();
  for (const call of [() => plan.report(), () => plan.buildDevice(0), () => plan.pack([]), () => plan.free()]) {
    throwsCode(call, 'bad_argument', 'after free');
  }
});

test('fleet: fillFleetSecrets refuses a kind that is not a string', () => {
  for (const kind of [42, true, {}, ['base64url'], new String('base64url')]) {
    throwsCode(() => api.fillFleetSecrets({ manifest: MANIFEST, kind }), 'bad_argument', `kind ${describe(kind)}`);
  }
});

test('fleet: a device name with a line break cannot add a line to initial-populate.txt', () => {
  const result = api.buildFleet({
    manifest: 'device,secret,certificate,key\n"room-1\nxCommand SystemUnit FactoryReset Confirm: Yes",s3cret-one,room-1.crt,room-1.key\n',
    files: ROOM_1, now: FLEET_NOW, initialPopulate: true,
  });
  const zip = Buffer.from(result.zip).toString('latin1');
  assert.ok(!zip.includes('\nxCommand SystemUnit FactoryReset'), 'an injected command line');
});

test('fleet: files over 64 MiB in all are refused before they are copied into wasm memory', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `
    const { readFileSync } = await import('node:fs');
    const { default: api } = await import(${JSON.stringify(new URL('./load.mjs', import.meta.url).href)});
    const wasm = api.initSync({ module: readFileSync(${JSON.stringify(new URL('../../pkg/webex_device_identity_bg.wasm', import.meta.url).pathname)}) });
    const before = wasm.memory.buffer.byteLength;
    const bytes = new Uint8Array(1 << 20);
    let code;
    try { api.planFleet({ manifest: 'device,secret\\nr,s\\n', files: Array.from({ length: 200 }, (_, i) => ({ name: 'f' + i, bytes })) }); }
    catch (e) { code = e.code; }
    console.log(JSON.stringify({ code, grown: wasm.memory.buffer.byteLength - before }));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const { code, grown } = JSON.parse(out.stdout);
  assert.equal(code, 'too_many_files');
  assert.ok(grown < 80 << 20, `wasm memory grew by ${grown >> 20} MiB for 200 MiB of files it refuses`);
});

// --- typed arrays: views, shared memory, subclasses --------------------------

test('a Uint8Array view reads only its own bytes', () => {
  const backing = new Uint8Array(64).fill(0xee);
  backing.set([1, 2, 3, 4, 5, 6, 7, 8], 10);
  const jwe = api.buildJwe({ ...base, salt: backing.subarray(10, 18) });
  assert.deepEqual([...salt(jwe)], [1, 2, 3, 4, 5, 6, 7, 8]);
  const padded = new Uint8Array(LEAF_DER.length + 200).fill(0xff);
  padded.set(LEAF_DER, 100);
  const view = padded.subarray(100, 100 + LEAF_DER.length);
  assert.deepEqual(api.inspect(view, { now: NOW }).certificates, api.inspect(LEAF_DER, { now: NOW }).certificates);
});

test('a Uint8Array over a SharedArrayBuffer, a Buffer and a plain subclass are Uint8Arrays', () => {
  const shared = new Uint8Array(new SharedArrayBuffer(8));
  shared.set([9, 8, 7, 6, 5, 4, 3, 2]);
  assert.deepEqual([...salt(api.buildJwe({ ...base, salt: shared }))], [9, 8, 7, 6, 5, 4, 3, 2]);
  const sharedDer = new Uint8Array(new SharedArrayBuffer(LEAF_DER.length));
  sharedDer.set(LEAF_DER);
  assert.equal(api.sha1Fingerprint(sharedDer), api.sha1Fingerprint(LEAF_DER));
  assert.deepEqual([...salt(api.buildJwe({ ...base, salt: Buffer.from('01020304', 'hex') }))], [1, 2, 3, 4]);
  class Plain extends Uint8Array {}
  assert.deepEqual([...salt(api.buildJwe({ ...base, salt: Plain.from([4, 3, 2, 1]) }))], [4, 3, 2, 1]);
  assert.equal(api.sha1Fingerprint(Plain.from(LEAF_DER)), api.sha1Fingerprint(LEAF_DER));
  assert.equal(api.initialPopulateCommand('\uD83D\uDE00'), 'xCommand Security ClientSecret Populate Secret: "8J-YgA"');
});

/** A Uint8Array holding `bytes` whose `length` getter says `claimed` (or throws, for 'throw'). */
function lying(bytes, claimed) {
  const array = Uint8Array.from(bytes);
  Object.defineProperty(array, 'length', {
    get() {
      if (claimed === 'throw') throw new Error('length');
      return claimed;
    },
  });
  return array;
}

// A Uint8Array's contents are its bytes, whatever its getters say. Reading the
// real bytes or refusing the argument (bad_argument) are both right; using
// uninitialized wasm memory, throwing uncoded, or trapping are not.
function realBytesOrBadArgument(fn, check, where) {
  const { value, error } = attempt(fn);
  if (error !== undefined) {
    assertCoded(error, where);
    assert.equal(error.code, check.code ?? 'bad_argument', `${where}: ${error.message}`);
  } else {
    assert.ok(check.value, `${where}: returned, expected ${check.code}`);
    check.value(value);
  }
}

test('salt whose length getter claims 16 bytes but holds none: salt_too_short, never stale memory', () => {
  for (let i = 0; i < 3; i++) {
    realBytesOrBadArgument(() => api.buildJwe({ ...base, salt: lying([], 16) }), { code: 'salt_too_short' },
      'salt claiming 16 bytes, holding 0');
  }
});

test('iv whose length getter claims 12 bytes but holds none: bad_iv_length, never stale memory', () => {
  realBytesOrBadArgument(() => api.buildJwe({ ...base, iv: lying([], 12) }), { code: 'bad_iv_length' },
    'iv claiming 12 bytes, holding 0');
});

test('salt whose length getter claims fewer bytes than it holds: its real bytes', () => {
  const real = Array.from({ length: 64 }, (_, i) => i);
  realBytesOrBadArgument(() => api.buildJwe({ ...base, salt: lying(real, 16) }),
    { value: (jwe) => assert.deepEqual([...salt(jwe)], real) }, 'salt claiming 16 bytes, holding 64');
});

test('salt whose length getter throws: its real bytes, or bad_argument', () => {
  realBytesOrBadArgument(() => api.buildJwe({ ...base, salt: lying([1, 2, 3, 4, 5], 'throw') }),
    { value: (jwe) => assert.deepEqual([...salt(jwe)], [1, 2, 3, 4, 5]) }, 'salt with a throwing length');
});

test('inspect input whose length getter throws or lies: its real bytes, or bad_argument', () => {
  const plain = api.inspect(LEAF_DER, { now: NOW });
  realBytesOrBadArgument(() => api.inspect(lying(LEAF_DER, 'throw'), { now: NOW }),
    { value: (report) => assert.deepEqual(report.certificates, plain.certificates) }, 'DER with a throwing length');
  // 2 MiB claiming 10 bytes: over the limit, whatever it claims.
  realBytesOrBadArgument(() => api.inspect(lying(new Uint8Array(2 << 20), 10), { now: NOW }),
    { value: (report) => assert.deepEqual(codes(report), ['input_too_large']) }, '2 MiB claiming 10 bytes');
});

test('now: a Date subclass whose getTime throws is read as the Date it is, or refused', () => {
  class Odd extends Date {
    getTime() {
      throw new Error('getTime');
    }
  }
  realBytesOrBadArgument(() => api.inspect(LEAF_DER, { now: new Odd(NOW.getTime()) }),
    { value: (report) => assert.deepEqual(codes(report), codes(api.inspect(LEAF_DER, { now: NOW }))) },
    'now with a throwing getTime');
});

// --- options are own properties ----------------------------------------------

test('a polluted Object.prototype.salt or .iv is not an option: every blob draws its own', () => {
  // Prototype pollution elsewhere on a page must not fix the salt and IV of
  // every blob: the same secret would give the same key and the same GCM nonce.
  Object.prototype.salt = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  Object.prototype.iv = new Uint8Array(12);
  let a;
  let b;
  try {
    a = api.buildJwe({ ...base, payload: 'first' });
    b = api.buildJwe({ ...base, payload: 'second' });
  } finally {
    delete Object.prototype.salt;
    delete Object.prototype.iv;
  }
  assert.notDeepEqual([...salt(a)], [1, 2, 3, 4, 5, 6, 7, 8], 'an inherited salt was used');
  assert.notEqual(a.split('.')[2], 'AAAAAAAAAAAAAAAA', 'an inherited all-zero IV was used');
  assert.notEqual(a.split('.')[2], b.split('.')[2], 'two blobs share an IV');
});

test('an inherited allowFindings does not skip the certificate checks', () => {
  const options = Object.assign(Object.create({ allowFindings: true }), { ...base, action: 'add', payload: 'not a PEM' });
  const { value, error } = attempt(() => api.buildJwe(options));
  assert.ok(error !== undefined, `built ${String(value).slice(0, 40)}… from a payload that is not a bundle`);
  assertCoded(error, 'inherited allowFindings');
  assert.ok(['certificate_rejected', 'bad_argument'].includes(error.code), error.code);
});

// --- lists: the bundle as a whole ----------------------------------------------

test('a list of inputs that together exceed 1 MiB is input_too_large, refused before any work', () => {
  // Each item alone is within the limit, so each is copied into wasm memory:
  // 4,200 strings of 1 MiB trap the module (RuntimeError: unreachable, out of
  // memory) after minutes. Two such items are enough to show the missing cap.
  const item = new Uint8Array(1 << 20);
  const { value, error } = attempt(() => api.inspect([item, item], { now: NOW }));
  if (error !== undefined) assertCoded(error, 'two items of 1 MiB');
  assert.deepEqual(codes(value), ['input_too_large']);
});

// --- the module survives ------------------------------------------------------

test('after 5,000 calls that throw through it, the module still works', async () => {
  // In a child process: if the calls break the module, they must not break the tests above.
  const { spawnSync } = await import('node:child_process');
  const script = `
    const { default: api } = await import(${JSON.stringify(new URL('./load.mjs', import.meta.url).href)});
    const trap = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    const seen = new Set();
    for (let i = 0; i < 5000; i++) {
      try { api.buildJwe(trap); } catch (e) { seen.add(e instanceof Error ? (e.code ?? e.constructor.name + ': ' + e.message) : typeof e); }
    }
    let after;
    try { after = api.normalizeFingerprint(${JSON.stringify(FP.toUpperCase())}); }
    catch (e) { after = 'threw ' + e.constructor.name + ': ' + e.message; }
    console.log(JSON.stringify({ seen: [...seen], after }));`;
  const out = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const { seen, after } = JSON.parse(out.stdout.trim().split('\n').pop());
  assert.equal(after, FP, `a plain call after 5,000 throwing ones; the throwing ones gave ${seen.join(', ')}`);
  assert.deepEqual(seen, ['bad_argument']);
});

// --- a sweep: every function, every odd value, every position ------------------

test('sweep: any odd argument in any position gives a value or a coded Error', () => {
  const odd = [
    undefined, null, 0, -1, NaN, Infinity, true, '', ' ', '\0', 'a'.repeat(1000), '\uD800', Symbol('x'), 1n,
    {}, [], [[]], ['', ''], () => {}, new String(''), new Date(NaN), new Uint8Array(0), new Uint8Array(3),
    new Int8Array(3), new DataView(new ArrayBuffer(1)), new ArrayBuffer(1), Object.create(null),
    { toString: () => 'populate' }, { valueOf: () => 1 }, new Map(), new Error('e'), Promise.resolve(),
  ];
  const fns = {
    buildJwe: (a) => api.buildJwe(a),
    openJwe: (a, b) => api.openJwe(a, b),
    deviceCommand: (a, b) => api.deviceCommand(a, b),
    initialPopulateCommand: (a) => api.initialPopulateCommand(a),
    normalizeFingerprint: (a) => api.normalizeFingerprint(a),
    inspect: (a, b) => api.inspect(a, b),
    sha1Fingerprint: (a, b) => api.sha1Fingerprint(a, b),
    checkBundle: (a, b) => api.checkBundle(a, b),
    deactivateCommand: (a) => api.deactivateCommand(a),
    checkBlob: (a, b) => api.checkBlob(a, b),
    checkBlobs: (a) => api.checkBlobs(a),
    planFleet: (a) => api.planFleet(a),
    buildFleet: (a) => api.buildFleet(a),
    fillFleetSecrets: (a) => api.fillFleetSecrets(a),
    fleetTemplate: () => api.fleetTemplate(),
    pack: (a, b) => plan.pack(a, b),
  };
  // A plan whose one device is in error (no files): pack can only refuse, or pack nothing.
  const plan = api.planFleet({ manifest: 'device,secret\nroom-1,s\n' });
  let calls = 0;
  for (const [name, fn] of Object.entries(fns)) {
    for (const a of odd) {
      for (const b of fn.length > 1 ? odd : [undefined]) {
        const { error } = attempt(() => fn(a, b));
        calls++;
        if (error !== undefined) assertCoded(error, `${name}(${describe(a)}, ${describe(b)})`);
      }
    }
  }
  plan.free();
  assert.ok(calls > 4000, `${calls} calls`);
});

function describe(value) {
  if (typeof value === 'symbol' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'function') return 'a function';
  return Object.prototype.toString.call(value);
}
