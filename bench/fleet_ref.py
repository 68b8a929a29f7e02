#!/usr/bin/env python3
"""The speed reference for the fleet bench: what an admin's own Python script
(Cisco's reference is jwcrypto) pays to build a fleet's blobs.

usage: python3 bench/fleet_ref.py FLEET_DIR [--workers N] [--runs K] [--out BLOBS.json]

FLEET_DIR is written by tests/fleet/make_fleet.py; its expected.json holds
every secret, add payload and SHA-1. For every device whose expected status is
not `error` (all of them without --traps: 100 devices, 200 blobs) it builds an
`add` blob (payload: expected addPayload) and an `activate` blob (the SHA-1),
each with a fresh random 16-byte salt and 12-byte IV (jwcrypto draws the IV),
key by hashlib.scrypt (OpenSSL; N = 32768, r = 8, p = 1, 32 bytes), JWE by
jwcrypto: alg dir, enc A256GCM, the protected header exactly
{"alg":"dir","cisco-action":...,"cisco-kdf":{"salt":...,"version":"1"},"enc":"A256GCM"}
(compact, sorted keys), compact serialization. --out writes the last run's
blobs in tests/fleet/open_blobs.py's input form, to check them.

Timed (wall clock, time.perf_counter): from just before the multiprocessing
Pool of N processes is created (process start-up included: a script user pays
it) until the last blob is back in the parent, i.e. pool start, sending the
jobs (payloads pickled), the key derivations and encryptions, the results'
return. Not timed: starting Python and importing jwcrypto/cryptography in the
parent (reported apart as import_seconds; forked workers inherit the imports),
reading expected.json, the pool's shutdown, writing --out. per_blob_ms is
seconds / blobs, the wall time per blob at that parallelism (not one blob's
latency). With --runs K every run starts a new pool; each run is printed and
the top-level seconds and per_blob_ms are the medians.
"""

import time

_t0 = time.perf_counter()
import argparse  # noqa: E402
import base64  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import pathlib  # noqa: E402
import ssl  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402

from jwcrypto import jwe as jwe_mod  # noqa: E402
from jwcrypto import jwk  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - _t0


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def build(job) -> str:
    """One blob: (action, secret, payload) -> compact JWE."""
    action, secret, payload = job
    salt = os.urandom(16)
    key = hashlib.scrypt(secret.encode(), salt=salt, n=32768, r=8, p=1, dklen=32, maxmem=64 * 1024 * 1024)
    header = {"alg": "dir", "cisco-action": action, "cisco-kdf": {"salt": b64u(salt), "version": "1"},
              "enc": "A256GCM"}
    token = jwe_mod.JWE(payload.encode(), protected=json.dumps(header, sort_keys=True, separators=(",", ":")))
    token.add_recipient(jwk.JWK(kty="oct", k=b64u(key)))
    return token.serialize(compact=True)


def jobs_of(expected: dict) -> tuple[list, list]:
    devices, jobs = [], []
    for e in expected["entries"]:
        if e["expect"]["status"] == "error" or not e.get("addPayload") or e.get("secret") is None:
            continue
        devices.append(e)
        jobs.append(("add", e["secret"], e["addPayload"]))
        jobs.append(("activate", e["secret"], e["activatePayload"]))
    return devices, jobs


def run(jobs: list, workers: int) -> tuple[float, list]:
    start = time.perf_counter()
    pool = multiprocessing.Pool(workers)
    try:
        blobs = pool.map(build, jobs, chunksize=1)
        seconds = time.perf_counter() - start
    finally:
        pool.terminate()
        pool.join()
    return seconds, blobs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("fleet", type=pathlib.Path)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--out", type=pathlib.Path, help="write the last run's blobs for tests/fleet/open_blobs.py")
    args = p.parse_args(argv)
    expected = json.loads((args.fleet / "expected.json").read_text())
    devices, jobs = jobs_of(expected)
    runs = []
    for _ in range(args.runs):
        seconds, blobs = run(jobs, args.workers)
        runs.append({"seconds": round(seconds, 3), "per_blob_ms": round(seconds * 1000 / len(jobs), 2)})
    if args.out:
        it = iter(blobs)
        args.out.write_text(json.dumps([
            {"device": e["device"], "secret": e["secret"],
             "commands": [{"action": "add", "jwe": next(it)}, {"action": "activate", "jwe": next(it)}]}
            for e in devices], indent=1, ensure_ascii=False))
    print(json.dumps({
        "workers": args.workers,
        "blobs": len(jobs),
        "seconds": statistics.median(r["seconds"] for r in runs),
        "per_blob_ms": round(statistics.median(r["per_blob_ms"] for r in runs), 2),
        "runs": runs,
        "import_seconds": round(IMPORT_SECONDS, 3),
        "start_method": multiprocessing.get_start_method(),
        "cpus": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "openssl": ssl.OPENSSL_VERSION,
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()
