// The page's LZMA decoder (www/page/lzma.js, the file the page carries) against
// liblzma: inputs liblzma compressed with several settings come back byte for
// byte, and a damaged stream is an error with its code, never output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compressLzma, loadDecoder } from '../../scripts/lzma.mjs';

const decodeLzma = loadDecoder();
const wasm = readFileSync(new URL('../../pkg/webex_device_identity_bg.wasm', import.meta.url));

// Deterministic "random" bytes (SHA-256 in counter mode), so a failure repeats.
const pseudoRandom = (length, seed) => {
  const out = Buffer.alloc(length);
  for (let i = 0, block = 0; i < length; block++) {
    i += createHash('sha256').update(`${seed}:${block}`).digest().copy(out, i);
  }
  return out;
};

const INPUTS = {
  empty: Buffer.alloc(0),
  'one byte': Buffer.from([0x5a]),
  'random (incompressible)': pseudoRandom(70_000, 'random'),
  'one byte repeated': Buffer.alloc(300_000, 0x61),
  'a short pattern repeated': Buffer.from('abcabd'.repeat(50_000)),
  // Long matches at long distances, literals after matches, every rep slot.
  'text with repeats far apart': Buffer.from(Array.from({ length: 4000 }, (_, i) => `line ${i % 997} of ${i % 13}\n`).join('')),
  'random blocks repeated': Buffer.concat([pseudoRandom(40_000, 'a'), pseudoRandom(1000, 'b'), pseudoRandom(40_000, 'a'), pseudoRandom(3, 'c'), pseudoRandom(40_000, 'a')]),
};
// {}: the page's settings. The others reach the decoder's other paths:
// literal contexts from position bits (lp, pb), xz's own defaults, and the
// fast mode's different choice of matches.
const SETTINGS = [
  {},
  { lc: 3, lp: 0, pb: 2 },
  { lc: 0, lp: 4, pb: 4 },
  { lc: 1, lp: 3, pb: 1, mf: 'bt2', 'nice-len': 5 },
  { mode: 'fast', mf: 'hc4', 'nice-len': 16 },
  { mode: 'fast', mf: 'hc3', 'nice-len': 273, depth: 1 },
];

const same = (actual, expected) => Buffer.compare(Buffer.from(actual), expected) === 0;
const refused = (bytes, code, what) => assert.throws(() => decodeLzma(bytes), (e) => e.code === code, what);

for (const [name, input] of Object.entries(INPUTS)) {
  test(`round trip: ${name} (${input.length} bytes), every setting`, () => {
    for (const settings of SETTINGS) {
      const decoded = decodeLzma(compressLzma(input, settings));
      assert.ok(decoded instanceof Uint8Array);
      assert.ok(same(decoded, input), `${name} with ${JSON.stringify(settings)}`);
    }
  });
}

test("round trip: the wasm (pkg/), with the page's settings and xz's", () => {
  for (const settings of [{}, { lc: 3, lp: 0, pb: 2 }]) {
    assert.ok(same(decodeLzma(compressLzma(wasm, settings)), wasm), JSON.stringify(settings));
  }
});

// The same module as pkg/'s (built for another wasm-bindgen target, so its
// bytes need not be the same): a valid wasm with the same exports.
test("the page's inlined wasm decodes to a wasm module with pkg/'s exports", () => {
  const page = readFileSync(new URL('../../dist/webex-device-identity.html', import.meta.url), 'utf8');
  const inlined = /<script type="application\/x-lzma" id="wasm-b64">([^<]*)<\/script>/.exec(page);
  assert.ok(inlined, 'the page has one application/x-lzma script');
  const exports = (bytes) => WebAssembly.Module.exports(new WebAssembly.Module(bytes));
  assert.deepEqual(exports(decodeLzma(Buffer.from(inlined[1], 'base64'))), exports(wasm));
});

// lzma-compress.py writes a standard .lzma file (the size filled in, the end
// marker kept), which liblzma's own .lzma decoder reads back, and the CRC-32
// of the input.
test('lzma-compress.py writes a .lzma file liblzma reads back, then the CRC-32', () => {
  const input = INPUTS['text with repeats far apart'];
  const written = compressLzma(input);
  const readBack = execFileSync('python3', ['-c',
    'import lzma, sys; sys.stdout.buffer.write(lzma.decompress(sys.stdin.buffer.read(), format=lzma.FORMAT_ALONE))'],
  { input: written.subarray(0, -4) });
  assert.ok(same(readBack, input));
  const crc = execFileSync('python3', ['-c', 'import sys, zlib; print(zlib.crc32(sys.stdin.buffer.read()))'], { input });
  assert.equal(written.readUInt32LE(written.length - 4), Number(crc));
});

// ---------------------------------------------------------------- hand-made streams

// A minimal LZMA encoder (the range encoder of the LZMA SDK's LzmaEnc.c) for
// streams liblzma never writes: a match or a repeat before any byte, a
// distance past the start. It keeps the decoder's probabilities only for the
// few contexts these streams use. Properties lc=3, lp=0, pb=0.
function handMade(symbols, declared) {
  const bytes = [];
  let low = 0; // up to 2^33: exact in a double
  let range = 0xFFFFFFFF;
  let cache = 0;
  let cacheSize = 1;
  const shiftLow = () => {
    const low32 = low % 2 ** 32;
    if (low32 < 0xFF000000 || low >= 2 ** 32) {
      const carry = low >= 2 ** 32 ? 1 : 0;
      let temp = cache;
      do { bytes.push((temp + carry) & 0xFF); temp = 0xFF; } while (--cacheSize !== 0);
      cache = Math.floor(low32 / 2 ** 24);
    }
    cacheSize++;
    low = (low32 % 2 ** 24) * 256;
  };
  const normalize = () => { while (range < 2 ** 24) { range *= 256; shiftLow(); } };
  const probs = new Map(); // context name -> probability, 1024 to start
  const bit = (context, value) => {
    const p = probs.get(context) ?? 1024;
    const bound = Math.floor(range / 2048) * p;
    if (value === 0) { range = bound; probs.set(context, p + ((2048 - p) >>> 5)); }
    else { low += bound; range -= bound; probs.set(context, p - (p >>> 5)); }
    normalize();
  };
  const tree = (name, numBits, value) => {
    for (let i = numBits - 1, m = 1; i >= 0; i--) { const b = (value >>> i) & 1; bit(`${name}${m}`, b); m = (m << 1) | b; }
  };
  const reverseTree = (name, numBits, value) => {
    for (let i = 0, m = 1; i < numBits; i++) { const b = (value >>> i) & 1; bit(`${name}${m}`, b); m = (m << 1) | b; }
  };
  const direct = (numBits, value) => {
    for (let i = numBits - 1; i >= 0; i--) { range = Math.floor(range / 2); if ((value >>> i) & 1) low += range; normalize(); }
  };
  // state and the position are tracked just enough for the contexts used
  let state = 0;
  let prev = 0;
  const match = (distanceSymbols) => {
    bit(`isMatch${state}`, 1);
    bit(`isRep${state}`, 0);
    bit('lenChoice', 0);
    tree('lenLow0.', 3, 0); // length 2
    state = state < 7 ? 7 : 10;
    distanceSymbols();
  };
  for (const symbol of symbols) {
    if (symbol.literal !== undefined) {
      bit(`isMatch${state}`, 0);
      tree(`lit${prev >> 5}.`, 8, symbol.literal);
      prev = symbol.literal;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
    } else if (symbol.repeat) {
      bit(`isMatch${state}`, 1);
      bit(`isRep${state}`, 1);
    } else if (symbol.distance !== undefined) {
      match(() => {
        if (symbol.distance < 4) { tree('slot0.', 6, symbol.distance); return; }
        throw new Error('handMade: distances 0-3 only');
      });
    } else if (symbol.end) {
      match(() => { tree('slot0.', 6, 63); direct(26, 0x3FFFFFF); reverseTree('align', 4, 15); });
    }
  }
  for (let i = 0; i < 5; i++) shiftLow();
  const header = Buffer.alloc(13);
  header[0] = 3; // lc=3, lp=0, pb=0
  header.writeUInt32LE(1 << 16, 1);
  header.writeBigUInt64LE(BigInt(declared.length), 5);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(Number(execFileSync('python3', ['-c', 'import sys, zlib; print(zlib.crc32(sys.stdin.buffer.read()))'], { input: declared })));
  return Buffer.concat([header, Buffer.from(bytes), crc]);
}

test('hand-made streams: the encoder agrees with the decoder on a valid one', () => {
  // "ab", then a match at distance 0 (the last byte) of length 2, then the end
  const stream = handMade([{ literal: 0x61 }, { literal: 0x62 }, { distance: 0 }, { end: true }], Buffer.from('abbb'));
  assert.ok(same(decodeLzma(stream), Buffer.from('abbb')));
});

test('a match or a repeat before any byte, a distance past the start, are lzma_corrupt', () => {
  const declared = Buffer.from('abcdef');
  refused(handMade([{ distance: 0 }, { end: true }], declared), 'lzma_corrupt', 'a match before any byte');
  refused(handMade([{ repeat: true }], declared), 'lzma_corrupt', 'a repeat before any byte');
  refused(handMade([{ literal: 0x61 }, { distance: 1 }, { end: true }], declared), 'lzma_corrupt', 'distance 1 after one byte');
  refused(handMade([{ literal: 0x61 }, { literal: 0x62 }, { distance: 3 }, { end: true }], declared), 'lzma_corrupt',
    'distance 3 after two bytes');
});

// ---------------------------------------------------------------- damaged streams

const stream = compressLzma(INPUTS['text with repeats far apart']);
const declaredSize = (bytes, size) => {
  const copy = Buffer.from(bytes);
  copy.writeBigUInt64LE(BigInt(size), 5);
  return copy;
};

// Cut anywhere, the last 4 bytes are taken for the CRC-32 and the stream
// before them lacks its end: the decoder runs out of input.
test('a truncated stream is lzma_truncated, wherever it is cut', () => {
  for (const length of [0, 5, 12, 13, 16, 17, 18, 21, 22, 100, stream.length >> 1, stream.length - 9, stream.length - 1]) {
    refused(stream.subarray(0, length), 'lzma_truncated', `cut to ${length} of ${stream.length} bytes`);
  }
  const empty = compressLzma(Buffer.alloc(0));
  for (let length = 0; length < empty.length; length++) {
    refused(empty.subarray(0, length), 'lzma_truncated', `the empty input's ${empty.length} bytes cut to ${length}`);
  }
});

test('a declared size that is not the data\'s is lzma_size, larger or smaller', () => {
  const size = INPUTS['text with repeats far apart'].length;
  for (const wrong of [size + 1, size - 1, size + 1000, size >> 1, 0, 1]) {
    refused(declaredSize(stream, wrong), 'lzma_size', `declared ${wrong} for ${size} bytes`);
  }
  refused(declaredSize(compressLzma(Buffer.alloc(0)), 1), 'lzma_size', 'declared 1 for the empty input');
  refused(declaredSize(compressLzma(Buffer.from([7])), 0), 'lzma_size', 'declared 0 for one byte');
});

test('a header the page never writes is lzma_header: unknown size, a size over the cap, bad properties', () => {
  refused(declaredSize(stream, 2n ** 64n - 1n), 'lzma_header', 'size "unknown" (all ones), as plain xz writes it');
  refused(declaredSize(stream, 2 ** 30 + 1), 'lzma_header', 'over 1 GiB');
  refused(declaredSize(stream, 2 ** 32), 'lzma_header', 'over 4 GiB');
  const properties = Buffer.from(stream);
  properties[0] = 9 * 5 * 5;
  refused(properties, 'lzma_header', 'properties byte 225');
});

test('bytes after the end marker, a range coder not starting at 0, are lzma_corrupt', () => {
  refused(Buffer.concat([stream, Buffer.from([0])]), 'lzma_corrupt', 'one byte after the CRC-32');
  refused(Buffer.concat([stream.subarray(0, -4), Buffer.from([0]), stream.subarray(-4)]), 'lzma_corrupt',
    'one byte between the end marker and the CRC-32');
  const start = Buffer.from(stream);
  start[13] = 1;
  refused(start, 'lzma_corrupt', "the range coder's first byte");
});

test('a CRC-32 that is not the content\'s is lzma_check', () => {
  for (const [i, mask] of [0x01, 0x80, 0xff].entries()) {
    const damaged = Buffer.from(stream);
    damaged[damaged.length - 1 - i] ^= mask;
    refused(damaged, 'lzma_check', `CRC byte ${3 - i} ^ ${mask}`);
  }
  // Found by flipping every bit of this stream: the range coder's second
  // byte, one bit off, decodes to other bytes of the same size with the end
  // marker in its place. Only the CRC-32 catches it.
  const early = Buffer.from(stream);
  early[14] ^= 0x01;
  refused(early, 'lzma_check', 'byte 14 ^ 1');
});

// Every single bit changed, anywhere: an error (any of the codes), never
// other output, and never a hang (each step writes a byte or stops). The
// one field that may change unnoticed is the dictionary size (bytes 1-4),
// which only bounds distances: the output is then the right one.
const CODES = ['lzma_header', 'lzma_truncated', 'lzma_size', 'lzma_corrupt', 'lzma_check'];
test('any one bit changed is an error, never other output', () => {
  const input = Buffer.from(`${'abcabd'.repeat(100)}the end`);
  const small = compressLzma(input);
  for (let position = 0; position < small.length; position++) {
    for (let bit = 0; bit < 8; bit++) {
      const damaged = Buffer.from(small);
      damaged[position] ^= 1 << bit;
      let decoded;
      try {
        decoded = decodeLzma(damaged);
      } catch (e) {
        assert.ok(CODES.includes(e.code), `byte ${position}, bit ${bit}: ${e.code}`);
        continue;
      }
      assert.ok(position >= 1 && position <= 4 && same(decoded, input), `byte ${position}, bit ${bit} decoded`);
    }
  }
});

test('random data under a valid header is an error, never output', () => {
  for (let seed = 0; seed < 300; seed++) {
    const header = Buffer.from(stream.subarray(0, 13));
    header.writeBigUInt64LE(BigInt(seed * 37), 5);
    const body = pseudoRandom(seed % 50 === 0 ? 5 : 8 + (seed * 13) % 2000, `garbage ${seed}`);
    body[0] = 0; // past the range coder's first check, into the decoding
    assert.throws(() => decodeLzma(Buffer.concat([header, body])), (e) => CODES.includes(e.code), `seed ${seed}`);
  }
});
