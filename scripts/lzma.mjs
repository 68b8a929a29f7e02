// The page's LZMA, from Node: compress with liblzma (scripts/lzma-compress.py)
// and decode with the page's own decoder, www/page/lzma.js, the very file the
// page carries. scripts/assemble-page.mjs and tests/js/lzma.test.mjs share it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';

const COMPRESS = new URL('lzma-compress.py', import.meta.url).pathname;
const DECODER = new URL('../www/page/lzma.js', import.meta.url).pathname;

// `options`: lzma-compress.py's flags ({ lc: 3, pb: 2, 'nice-len': 64, mf: 'hc4' });
// none for the page's settings.
export function compressLzma(bytes, options = {}) {
  const flags = Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)]);
  return execFileSync('python3', [COMPRESS, ...flags], { input: bytes, maxBuffer: 256 << 20 });
}

// www/page/lzma.js is a classic script (the page's files share one scope):
// run here as the page runs it, inside one strict function, its text
// unchanged. Given its own file name, errors point at its lines.
export function loadDecoder() {
  const source = `'use strict'; (() => { ${readFileSync(DECODER, 'utf8')}\nreturn decodeLzma; })();`;
  return runInThisContext(source, { filename: DECODER });
}
