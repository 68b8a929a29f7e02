// The page's worker: every call into the wasm core runs here, so scrypt never
// freezes the page and a crash only costs a restart. It runs as a classic
// worker from a blob: URL, after wasm-bindgen's no-modules glue (the global
// `wasm_bindgen`); the page sends the wasm bytes in the first message.
// The add payload (it holds the private key) stays here: the page only gets
// the report without it and a bundle id to build from.
'use strict';

const api = wasm_bindgen; // eslint-disable-line no-undef
let bundle = null; // { id, addPayload, sha1, commonName }
let nextBundleId = 1;

// The spec's worked example, for the self-test.
const EXAMPLE = {
  secret: 'ossifrage', payload: 'this is a PEM file', enc: 'A128GCM',
  salt: [0xe5, 0xe6, 0x53, 0x08, 0x03, 0xf8, 0x33, 0xf6],
  iv: [0x34, 0xb3, 0x5d, 0xdd, 0x5f, 0x53, 0x7b, 0xaf, 0x2d, 0x92, 0x95, 0x83],
  jwe: 'eyJhbGciOiJkaXIiLCJjaXNjby1hY3Rpb24iOiJhZGQiLCJjaXNjby1rZGYiOnsic2FsdCI6IjVlWlRDQVA0TV9ZIiwidmVyc2lvbiI6IjEifSwiZW5jIjoiQTEyOEdDTSJ9..NLNd3V9Te68tkpWD.f5lLVuWNfKfmzYCo1YJfODhQ.PE-wDFWGXFFBeo928cfZ1Q',
};

// A blob inside pasted text (a whole command, say): five base64url parts, the second empty.
const BLOB = /[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/;

function withoutPayload(report) {
  const { addPayload, ...rest } = report;
  return rest;
}

const ops = {
  generateSecret: ({ kind }) => api.generateSecret(kind),
  strength: ({ secret }) => api.secretStrength(secret),
  seedCommand: ({ secret }) => api.initialPopulateCommand(secret),

  inspect({ items, passphrase }) {
    const report = api.inspect(items, { passphrase: passphrase || undefined });
    bundle = null;
    if (report.addPayload) {
      const leaf = report.certificates[report.leafIndex];
      bundle = { id: nextBundleId++, addPayload: report.addPayload, sha1: leaf.sha1, commonName: leaf.commonName };
    }
    return { report: withoutPayload(report), bundleId: bundle && bundle.id };
  },

  install({ bundleId, secret }) {
    if (!bundle || bundle.id !== bundleId) {
      throw Object.assign(new Error('The certificate changed since it was checked. Check it again.'), { code: 'stale_bundle' });
    }
    const add = api.buildJwe({ action: 'add', secret, payload: bundle.addPayload });
    const activate = api.buildJwe({ action: 'activate', secret, payload: bundle.sha1 });
    return {
      add: api.deviceCommand('add', add),
      activate: api.deviceCommand('activate', activate),
      commonName: bundle.commonName,
      fingerprint: bundle.sha1,
    };
  },

  populate: ({ secret, payload }) => api.deviceCommand('populate', api.buildJwe({ action: 'populate', secret, payload })),

  deactivate({ secret, fingerprint, items, passphrase }) {
    const fp = items && items.length
      ? api.sha1Fingerprint(items, { passphrase: passphrase || undefined })
      : api.normalizeFingerprint(fingerprint);
    return { fingerprint: fp, command: api.deviceCommand('deactivate', api.buildJwe({ action: 'deactivate', secret, payload: fp })) };
  },

  open({ text, secret }) {
    const found = BLOB.exec(text);
    const opened = api.openJwe(found ? found[0] : text.trim(), secret);
    const result = { action: opened.action, enc: opened.enc, salt: opened.salt, payload: opened.payload };
    if (opened.action === 'add') {
      result.report = withoutPayload(api.inspect(opened.payload));
    }
    return result;
  },

  selfTest() {
    const results = [];
    const check = (name, fn) => {
      const start = performance.now();
      try {
        const detail = fn();
        results.push({ name, pass: true, detail, ms: Math.round(performance.now() - start) });
      } catch (e) {
        results.push({ name, pass: false, detail: e.message, ms: Math.round(performance.now() - start) });
      }
    };
    check('The published worked example builds byte for byte', () => {
      const jwe = api.buildJwe({
        action: 'add', secret: EXAMPLE.secret, payload: EXAMPLE.payload, enc: EXAMPLE.enc,
        salt: new Uint8Array(EXAMPLE.salt), iv: new Uint8Array(EXAMPLE.iv), allowFindings: true,
      });
      if (jwe !== EXAMPLE.jwe) throw new Error('The blob differs from the published one.');
      return 'identical';
    });
    check('It opens with its secret to its payload', () => {
      if (api.openJwe(EXAMPLE.jwe, EXAMPLE.secret).payload !== EXAMPLE.payload) throw new Error('Wrong payload.');
      return 'payload matches';
    });
    check('A wrong secret is refused', () => {
      try { api.openJwe(EXAMPLE.jwe, 'not the secret'); } catch (e) {
        if (e.code === 'decrypt_failed') return 'refused';
      }
      throw new Error('A wrong secret opened the blob.');
    });
    check('A fresh blob round-trips with a random salt and IV', () => {
      const secret = api.generateSecret('base64url');
      const jwe = api.buildJwe({ action: 'populate', secret, payload: 'next secret' });
      if (api.openJwe(jwe, secret).payload !== 'next secret') throw new Error('Round trip failed.');
      return 'round trip ok';
    });
    return results;
  },
};

self.onmessage = (event) => {
  const { id, op, args } = event.data;
  if (op === 'init') {
    try {
      api.initSync({ module: args.wasm });
      self.postMessage({ id, ok: true, value: null });
      // After answering, so the page is usable at once: makes the first blob
      // about as fast as the rest (bench/README.md). A call made meanwhile waits.
      try {
        api.warmUp();
      } catch {
        // Only an optimisation: a real call reports any problem itself.
      }
    } catch (e) {
      self.postMessage({ id, ok: false, error: { code: 'wasm_failed', message: `The engine did not start: ${e.message}` } });
    }
    return;
  }
  if (op === 'clear') {
    bundle = null;
    self.postMessage({ id, ok: true, value: null });
    return;
  }
  try {
    self.postMessage({ id, ok: true, value: ops[op](args || {}) });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { code: e.code || 'internal', message: e.message, findings: e.findings } });
  }
};
