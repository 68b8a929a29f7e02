// Removes the "name" custom section (function names for stack traces) from a
// wasm file in place. rustc's strip = true would drop it too, but also drops
// the target_features section that wasm-bindgen reads, so names go after
// wasm-bindgen instead. Sizes are in bench/results.json.
//
// usage: node scripts/strip-wasm-names.mjs FILE.wasm...
//        node scripts/strip-wasm-names.mjs --without-crate-hashes FILE.wasm...
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

/**
 * The module's sections, in order: `{ bytes }` (the whole section, as
 * written) and, for the "name" custom section, `body` and `names` (where its
 * subsections start).
 */
function* sections(bytes) {
  const header = 8; // magic and version
  yield { bytes: bytes.subarray(0, header) };
  let at = header;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [size, body] = leb128(bytes, at);
    at = body + size;
    if (at > bytes.length) throw new Error('truncated wasm section');
    const section = { bytes: bytes.subarray(start, at) };
    if (id === 0) {
      const [nameLength, name] = leb128(bytes, body);
      if (new TextDecoder().decode(bytes.subarray(name, name + nameLength)) === 'name') {
        Object.assign(section, { body, names: name + nameLength, end: at });
      }
    }
    yield section;
  }
}

export function stripNames(bytes) {
  return Buffer.concat([...sections(bytes)].filter((s) => s.names === undefined).map((s) => s.bytes));
}

function leb128Bytes(value) {
  const out = [];
  do {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

// For scripts/build, before wasm-opt sorts functions by name: each function
// name without the hashes rustc adds (a crate's [0123456789abcdef], as core,
// alloc and std carry, and a symbol's ::h0123456789abcdef), then its index,
// which keeps names unique. So core's and alloc's copies of a generic sort
// next to each other, and the copies of one generic in the order wasm-bindgen
// wrote them (largest first) rather than by hash: 0.5 KB of the gzipped page.
// Only the names change, and they are stripped afterwards.
export function withoutCrateHashes(bytes) {
  const out = [];
  const sized = (parts) => { const body = Buffer.concat(parts); return [Buffer.from(leb128Bytes(body.length)), body]; };
  for (const { bytes: whole, body, names, end } of sections(bytes)) {
    if (names === undefined) {
      out.push(whole);
      continue;
    }
    const section = [bytes.subarray(body, names)];
    for (let sub = names; sub < end;) {
      const kind = bytes[sub];
      const [subSize, subBody] = leb128(bytes, sub + 1);
      const next = subBody + subSize;
      let content = [bytes.subarray(subBody, next)];
      if (kind === 1) { // function names: a count, then (index, name) pairs
        let [count, p] = leb128(bytes, subBody);
        content = [Buffer.from(leb128Bytes(count))];
        for (; count > 0; count--) {
          const [index, q] = leb128(bytes, p);
          const [length, text] = leb128(bytes, q);
          p = text + length;
          const renamed = Buffer.from(`${bytes.subarray(text, p).toString('utf8')
            .replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '')}#${String(index).padStart(6, '0')}`);
          content.push(Buffer.from([...leb128Bytes(index), ...leb128Bytes(renamed.length)]), renamed);
        }
      }
      section.push(Buffer.from([kind]), ...sized(content));
      sub = next;
    }
    out.push(Buffer.from([0]), ...sized(section));
  }
  return Buffer.concat(out);
}

const [option, ...files] = process.argv.slice(2);
for (const file of option === '--without-crate-hashes' ? files : [option, ...files].filter(Boolean)) {
  const bytes = readFileSync(file);
  writeFileSync(file, option === '--without-crate-hashes' ? withoutCrateHashes(bytes) : stripNames(bytes));
}
