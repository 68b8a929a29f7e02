"""Writes tests/fixtures/crc32.json: inputs of varied lengths (0 to 5000
bytes, deterministic pseudo-random bytes from a fixed seed) with their CRC-32
from zlib.crc32, the reference that src/shared/crc32.rs is checked against.
Run from anywhere: python3 scripts/crc32-fixture.py"""

import json
import pathlib
import random
import zlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "crc32.json"
# Edges of the table loop (0, 1, byte and word boundaries) and a spread up to 5000.
LENGTHS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 100, 127, 128, 255, 256, 257, 500,
           511, 512, 1000, 1023, 1024, 1025, 1500, 2047, 2048, 2500, 3000, 3333, 4095, 4096, 4999, 5000]

rng = random.Random(20240521)
cases = []
for length in LENGTHS:
    data = bytes(rng.getrandbits(8) for _ in range(length))
    cases.append({"hex": data.hex(), "crc32": zlib.crc32(data)})
OUT.write_text(json.dumps({"generated_by": "scripts/crc32-fixture.py", "cases": cases}, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {OUT}")
