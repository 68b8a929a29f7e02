// Decodes the page's inlined wasm: a .lzma file and the CRC-32 of its content
// (scripts/lzma-compress.py writes them with liblzma; engine.js calls
// decodeLzma once per page).
//
// Why our own decoder: LZMA made the gzipped page 55.7 KB smaller than gzip
// did, browsers have no LZMA in DecompressionStream, and npm's LZMA-JS is
// generated code that sets globals, larger (3.1 KB gzipped against 1.4) and
// five times slower. This is the LZMA SDK's reference decoder (LzmaSpec.cpp,
// public domain, Igor Pavlov) written again in JavaScript, in its order and
// mostly its names, whole-buffer: the output is the dictionary. It is held to
// liblzma twice: assemble-page refuses to write the page unless this file,
// run in Node, gives back the wasm byte for byte, and tests/js/lzma.test.mjs
// round-trips inputs liblzma compressed with several settings, and damaged
// ones.
//
// Stricter than the format needs, so that a damaged stream is an error and
// never output: the header must declare the size (no "unknown size"), the
// stream must end with the end marker exactly at that size, the range coder
// must finish clean (code 0) and no byte may be left over. Then the CRC-32:
// those checks alone let some changed bytes through (early in the stream,
// where a changed byte can decode to other bytes of the same size). Every step
// writes at least one byte or stops, output is capped at the declared size
// and reading past the input throws: the loop ends on any input.
// Errors carry a code: lzma_header, lzma_truncated, lzma_size, lzma_corrupt,
// lzma_check.

// Far above any wasm this page holds; a damaged header must not make the page
// allocate gigabytes.
const LZMA_MAX_SIZE = 1 << 30;

// CRC-32 as gzip and zip compute it (reflected, polynomial 0xEDB88320).
function crc32(bytes) {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function decodeLzma(input) {
  const fail = (code) => { throw Object.assign(new Error(`the LZMA stream is not valid (${code})`), { code }); };

  // The 13-byte header: properties (lc, lp, pb), dictionary size, size; the
  // CRC-32 is the last 4 bytes, the stream what lies between.
  if (input.length < 13 + 4) fail('lzma_truncated');
  const end = input.length - 4;
  let d = input[0];
  if (d >= 9 * 5 * 5) fail('lzma_header');
  const lc = d % 9;
  d = (d - lc) / 9;
  const lp = d % 5;
  const pb = (d - lp) / 5;
  const dictSize = Math.max(4096, (input[1] | (input[2] << 8) | (input[3] << 16) | (input[4] << 24)) >>> 0);
  const sizeLow = (input[5] | (input[6] << 8) | (input[7] << 16) | (input[8] << 24)) >>> 0;
  const sizeHigh = (input[9] | (input[10] << 8) | (input[11] << 16) | (input[12] << 24)) >>> 0;
  if (sizeHigh !== 0 || sizeLow > LZMA_MAX_SIZE) fail('lzma_header'); // also the "unknown" size, all ones
  const size = sizeLow;
  const out = new Uint8Array(size);
  let pos = 0;
  let inPos = 13;

  // The range decoder (CRangeDecoder). Its two registers are uint32s, kept in
  // a Uint32Array: in a plain variable that closures share, V8 boxes a number
  // this large on every write (the first decode of the page's wasm took
  // 60-80 ms in Node instead of 45-60).
  const rc = new Uint32Array(2);
  const RANGE = 0;
  const CODE = 1;
  const readByte = () => {
    if (inPos >= end) fail('lzma_truncated');
    return input[inPos++];
  };
  const normalize = () => {
    if (rc[RANGE] < 0x1000000) {
      rc[RANGE] <<= 8;
      rc[CODE] = (rc[CODE] << 8) | readByte();
    }
  };
  rc[RANGE] = 0xFFFFFFFF;
  if (readByte() !== 0) fail('lzma_corrupt');
  for (let i = 0; i < 4; i++) rc[CODE] = (rc[CODE] << 8) | readByte();
  if (rc[CODE] === rc[RANGE]) fail('lzma_corrupt');
  // code < range holds from here on: decodeBit keeps it, decodeDirectBits
  // checks it.

  const decodeBit = (probs, i) => {
    const p = probs[i];
    const bound = (rc[RANGE] >>> 11) * p;
    let bit;
    if (rc[CODE] < bound) {
      probs[i] = p + ((2048 - p) >>> 5);
      rc[RANGE] = bound;
      bit = 0;
    } else {
      probs[i] = p - (p >>> 5);
      rc[CODE] -= bound;
      rc[RANGE] -= bound;
      bit = 1;
    }
    normalize();
    return bit;
  };
  const decodeDirectBits = (numBits) => {
    let res = 0;
    do {
      rc[RANGE] >>>= 1;
      let bit = 0;
      if (rc[CODE] >= rc[RANGE]) {
        rc[CODE] -= rc[RANGE];
        bit = 1;
      }
      if (rc[CODE] >= rc[RANGE]) fail('lzma_corrupt');
      normalize();
      res = (res << 1) | bit;
    } while (--numBits);
    return res;
  };
  const probs = (n) => new Uint16Array(n).fill(1024);
  const bitTree = (numBits, tree, offset = 0) => {
    let m = 1;
    for (let i = 0; i < numBits; i++) m = (m << 1) + decodeBit(tree, offset + m);
    return m - (1 << numBits);
  };
  const bitTreeReverse = (numBits, tree, offset = 0) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < numBits; i++) {
      const bit = decodeBit(tree, offset + m);
      m = (m << 1) + bit;
      symbol |= bit << i;
    }
    return symbol;
  };

  // CLenDecoder: 2..273 as 0..271 (kMatchMinLen is added by the caller).
  const lenDecoder = () => {
    const choice = probs(2);
    const low = probs(16 << 3);
    const mid = probs(16 << 3);
    const high = probs(1 << 8);
    return (posState) => {
      if (decodeBit(choice, 0) === 0) return bitTree(3, low, posState << 3);
      if (decodeBit(choice, 1) === 0) return 8 + bitTree(3, mid, posState << 3);
      return 16 + bitTree(8, high);
    };
  };
  const lenDec = lenDecoder();
  const repLenDec = lenDecoder();

  const lit = probs(0x300 << (lc + lp));
  const posSlot = probs(4 << 6);
  const posDecoders = probs(1 + 128 - 14); // kNumFullDistances - kEndPosModelIndex
  const align = probs(1 << 4);
  const isMatch = probs(12 << 4);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(12 << 4);

  const decodeLiteral = (state, rep0) => {
    const prevByte = pos > 0 ? out[pos - 1] : 0;
    const base = 0x300 * (((pos & ((1 << lp) - 1)) << lc) + (prevByte >>> (8 - lc)));
    let symbol = 1;
    if (state >= 7) {
      // After a match, the byte at the last distance steers the model until
      // the first bit that differs from it.
      let matchByte = out[pos - rep0 - 1];
      do {
        const matchBit = (matchByte >>> 7) & 1;
        matchByte <<= 1;
        const bit = decodeBit(lit, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | bit;
        if (matchBit !== bit) break;
      } while (symbol < 0x100);
    }
    while (symbol < 0x100) symbol = (symbol << 1) | decodeBit(lit, base + symbol);
    out[pos++] = symbol - 0x100;
  };

  // The distance, or -1 for the end marker (0xFFFFFFFF in the format): kept
  // within int32, where JavaScript's engines are fast.
  const decodeDistance = (len) => {
    const slot = bitTree(6, posSlot, (len > 3 ? 3 : len) << 6);
    if (slot < 4) return slot;
    const numDirectBits = (slot >>> 1) - 1;
    if (slot < 14) {
      const dist = (2 | (slot & 1)) << numDirectBits;
      return dist + bitTreeReverse(numDirectBits, posDecoders, dist - slot);
    }
    const low = (decodeDirectBits(numDirectBits - 4) << 4) | bitTreeReverse(4, align);
    // Slots 62 and 63 start at 2^31: past any size accepted here, so only
    // the end marker (every bit set) may use them.
    if (slot < 62) return ((2 | (slot & 1)) << numDirectBits) + low;
    if (slot === 63 && low === 0x3FFFFFFF) return -1;
    return fail('lzma_corrupt');
  };

  const pbMask = (1 << pb) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  for (;;) {
    const posState = pos & pbMask;
    if (decodeBit(isMatch, (state << 4) + posState) === 0) {
      if (pos === size) fail('lzma_size'); // data after the declared size
      decodeLiteral(state, rep0);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (decodeBit(isRep, state) !== 0) {
      if (pos === size) fail('lzma_size');
      if (pos === 0) fail('lzma_corrupt');
      if (decodeBit(isRepG0, state) === 0) {
        if (decodeBit(isRep0Long, (state << 4) + posState) === 0) {
          // A "short rep": one byte from the last distance.
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        let dist;
        if (decodeBit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (decodeBit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = repLenDec(posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = lenDec(posState);
      state = state < 7 ? 7 : 10;
      rep0 = decodeDistance(len);
      if (rep0 === -1) break; // the end marker
      if (pos === size) fail('lzma_size');
      if (rep0 >= dictSize || rep0 >= pos) fail('lzma_corrupt');
    }
    len += 2;
    if (len > size - pos) fail('lzma_size');
    for (let from = pos - rep0 - 1, end = pos + len; pos < end;) out[pos++] = out[from++];
  }
  if (pos !== size) fail('lzma_size'); // the end marker came before the declared size
  if (rc[CODE] !== 0 || inPos !== end) fail('lzma_corrupt');
  const check = (input[end] | (input[end + 1] << 8) | (input[end + 2] << 16) | (input[end + 3] << 24)) >>> 0;
  if (crc32(out) !== check) fail('lzma_check');
  return out;
}
