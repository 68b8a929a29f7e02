"""The reference for scripts/bench: OpenSSL's scrypt through Python's hashlib,
with cisco-kdf v1's parameters (N = 32768, r = 8, p = 1, 32-byte key).

usage: python3 bench/openssl_ref.py WARMUPS RUNS
         one derivation after another; prints the OpenSSL version and every
         timed run in ms, as one JSON object.
       python3 bench/openssl_ref.py parallel WORKERS BLOBS ROUNDS
         the machine's own parallel capacity, as a control for the Chromium
         throughput figure: BLOBS derivations through 1 process and through
         WORKERS processes (pools started and warmed first), ROUNDS times
         alternating; prints derivations per second of each round.
"""
import hashlib
import json
import os
import ssl
import sys
import time
from concurrent.futures import ProcessPoolExecutor


def derive(_=None):
    salt = os.urandom(16)  # a fresh salt per blob, as buildJwe draws one
    key = hashlib.scrypt(b"bench secret", salt=salt, n=32768, r=8, p=1, dklen=32, maxmem=64 * 1024 * 1024)
    assert len(key) == 32


def sequential(warmups, runs):
    times = []
    for i in range(warmups + runs):
        start = time.perf_counter()
        derive()
        elapsed = (time.perf_counter() - start) * 1000
        if i >= warmups:
            times.append(round(elapsed, 3))
    print(json.dumps({"openssl": ssl.OPENSSL_VERSION, "python": sys.version.split()[0], "ms": times}))


def parallel(workers, blobs, rounds):
    counts = sorted({1, workers})
    pools = {k: ProcessPoolExecutor(k) for k in counts}
    try:
        for k, pool in pools.items():
            list(pool.map(derive, range(k)))  # start every process and warm it
        rates = {k: [] for k in counts}
        for _ in range(rounds):
            for k, pool in pools.items():
                start = time.perf_counter()
                list(pool.map(derive, range(blobs)))
                rates[k].append(blobs / (time.perf_counter() - start))
    finally:
        for pool in pools.values():
            pool.shutdown()
    print(json.dumps({"workers": workers, "blobs": blobs, "rates": {str(k): v for k, v in rates.items()}}))


if __name__ == "__main__":
    if sys.argv[1] == "parallel":
        parallel(*(int(a) for a in sys.argv[2:5]))
    else:
        sequential(*(int(a) for a in sys.argv[1:3]))
