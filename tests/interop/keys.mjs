// Runs our committed pkg/'s key workflow for tests/interop/test_keys.py:
// reads one JSON request from stdin, { call: "generateKeyAndCsr" | "generateKeyFleet", options },
// and prints the result as JSON (a fleet's zip as base64), or { code } when it throws.
//
// usage: echo '{"call": …, "options": {…}}' | node tests/interop/keys.mjs
import { readFileSync } from 'node:fs';
import api from '../js/load.mjs';

const { call, options } = JSON.parse(readFileSync(0, 'utf8'));
try {
  const result = api[call](options);
  if (result.zip) result.zip = Buffer.from(result.zip).toString('base64');
  process.stdout.write(JSON.stringify(result));
} catch (e) {
  process.stdout.write(JSON.stringify({ code: e.code ?? String(e) }));
}
