#!/usr/bin/env python3
"""Compresses stdin to a .lzma file and a CRC-32 on stdout, for the page's inlined wasm.

liblzma through Python's standard library (no package to install): the same
liblzma always gives the same bytes, so dist/ stays reproducible. The output is
a standard .lzma ("LZMA_Alone") file, as `xz --format=lzma` writes it, except
that the header declares the real size where liblzma writes "unknown": the
page's decoder (www/page/lzma.js) refuses a stream that does not end, with the
end marker liblzma always writes, exactly at that size. liblzma reads it back.
Then 4 bytes: the CRC-32 of the input (little-endian, as gzip's trailer).
.lzma has no check of its own, and a changed byte early in a stream can decode
to other bytes of the same size with the end marker in its place.

The defaults are the page's settings, chosen by measuring the page's wasm
(981,342 bytes; liblzma 5.4.1): lc=4, lp=0, pb=0 give 261,239 bytes where
xz -9e's lc=3, lp=0, pb=2 give 262,215 (wasm code is byte-aligned, so the
position bits pb and lp only dilute the statistics; lc=4 is the most liblzma
allows with lp=0). nice_len=273 (the longest) and bt4 are best; a deeper match
search (depth) gains nothing. tests/js/lzma.test.mjs passes other settings.

usage: lzma-compress.py [--lc N] [--lp N] [--pb N] [--nice-len N] [--mf NAME]
                        [--depth N] [--mode normal|fast] < IN > OUT
"""
import argparse
import lzma
import struct
import sys
import zlib

MF = {'hc3': lzma.MF_HC3, 'hc4': lzma.MF_HC4, 'bt2': lzma.MF_BT2, 'bt3': lzma.MF_BT3, 'bt4': lzma.MF_BT4}
MODE = {'normal': lzma.MODE_NORMAL, 'fast': lzma.MODE_FAST}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--lc', type=int, default=4)
    parser.add_argument('--lp', type=int, default=0)
    parser.add_argument('--pb', type=int, default=0)
    parser.add_argument('--nice-len', type=int, default=273)
    parser.add_argument('--mf', choices=MF, default='bt4')
    parser.add_argument('--depth', type=int, default=0)  # 0: liblzma's own choice from nice_len
    parser.add_argument('--mode', choices=MODE, default='normal')
    args = parser.parse_args()
    data = sys.stdin.buffer.read()
    # Every setting explicit (no preset), so a liblzma whose presets change
    # still gets the same ones. A dictionary as large as the input (4 KiB at
    # least, liblzma's minimum) finds every match; the header rounds it up.
    lzma1 = {'id': lzma.FILTER_LZMA1, 'dict_size': max(4096, len(data)), 'lc': args.lc, 'lp': args.lp,
             'pb': args.pb, 'mode': MODE[args.mode], 'nice_len': args.nice_len, 'mf': MF[args.mf],
             'depth': args.depth}
    stream = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[lzma1])
    # Header: 1 byte of properties, 4 of dictionary size, 8 of size (all
    # ones: unknown). The size goes in; liblzma's end marker stays.
    if stream[5:13] != b'\xff' * 8:
        sys.exit('lzma-compress: liblzma wrote a size into the header; expected "unknown"')
    sys.stdout.buffer.write(stream[:5] + struct.pack('<Q', len(data)) + stream[13:] + struct.pack('<I', zlib.crc32(data)))


if __name__ == '__main__':
    main()
