// Runs inspectToken of our committed pkg/ for tests/interop/test_tokens.py: reads a JSON
// list of { text, keys, now (unix seconds), passphrase? } on stdin, where a key is a string
// or { bytes: hex } (passed as a Uint8Array), and writes a JSON list of reports, or
// { code } where inspectToken throws.
//
// usage: echo '[{"text": "eyJ…", "keys": ["secret"], "now": 1767225600}]' | node tests/interop/tokens.mjs
import { readFileSync } from 'node:fs';
import api from '../js/load.mjs';

const key = (k) => (typeof k === 'string' ? k : Uint8Array.from(Buffer.from(k.bytes, 'hex')));

const results = JSON.parse(readFileSync(0, 'utf8')).map(({ text, keys, now, passphrase }) => {
  const options = { keys: keys.map(key), now: new Date(now * 1000) };
  if (passphrase !== undefined) options.passphrase = passphrase;
  try {
    return api.inspectToken(text, options);
  } catch (e) {
    return { code: e.code ?? String(e) };
  }
});
process.stdout.write(JSON.stringify(results));
