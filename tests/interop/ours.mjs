// Runs our committed pkg/ for the Python interop test: reads a JSON list of
// operations on stdin and writes a JSON list of results (or error codes).
import api from '../js/load.mjs';

const hex = (h) => (h ? Uint8Array.from(Buffer.from(h, 'hex')) : undefined);
let input = '';
for await (const chunk of process.stdin) input += chunk;

const results = JSON.parse(input).map((op) => {
  try {
    if (op.op === 'build') {
      return { jwe: api.buildJwe({ ...op.options, salt: hex(op.options.salt), iv: hex(op.options.iv) }) };
    }
    if (op.op === 'open') return { opened: api.openJwe(op.jwe, op.secret) };
    throw new Error(`unknown op ${op.op}`);
  } catch (e) {
    return { error: e.code ?? String(e) };
  }
});
process.stdout.write(JSON.stringify(results));
