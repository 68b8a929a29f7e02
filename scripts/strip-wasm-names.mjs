// Removes the "name" custom section (function names for stack traces) from a
// wasm file in place. rustc's strip = true would drop it too, but also drops
// the target_features section that wasm-bindgen reads, so names go after
// wasm-bindgen instead. Sizes are in bench/results.json.
//
// usage: node scripts/strip-wasm-names.mjs FILE.wasm...
import { readFileSync, writeFileSync } from 'node:fs';

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

export function stripNames(bytes) {
  const header = 8; // magic and version
  const kept = [bytes.subarray(0, header)];
  let at = header;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [size, body] = leb128(bytes, at);
    at = body + size;
    if (at > bytes.length) throw new Error('truncated wasm section');
    if (id === 0) {
      const [nameLength, name] = leb128(bytes, body);
      if (new TextDecoder().decode(bytes.subarray(name, name + nameLength)) === 'name') continue;
    }
    kept.push(bytes.subarray(start, at));
  }
  return Buffer.concat(kept);
}

for (const file of process.argv.slice(2)) {
  writeFileSync(file, stripNames(readFileSync(file)));
}
