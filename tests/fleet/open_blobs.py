#!/usr/bin/env python3
"""Opens fleet blobs without our code: hashlib.scrypt (OpenSSL) for cisco-kdf v1,
jwcrypto for the JWE (plain AES-GCM from `cryptography` for an empty payload,
which jwcrypto refuses to open), so the fleet tests compare against an
independent reading.

usage: python3 tests/fleet/open_blobs.py BLOBS.json [--expected expected.json] [--workers N]
       python3 tests/fleet/open_blobs.py FLEET.zip|DIR --secrets expected.json|manifest.csv
           [--expected expected.json] [--workers N]

BLOBS.json: [{"device", "secret", "commands": [{"action", "jwe"}]}].
A zip or a directory: every `<device>/xapi.json` (the device is the folder
name; `xapi.json` at the top of a single-device export takes --device) holding
[{"command": "Security.Certificates.Services.Add", "arguments": {...}, "body": JWE}, ...];
the secrets come from expected.json (its entries) or the manifest.
Prints one JSON object: {"devices": [{"device", "blobs": [{"action", "command",
"enc", "salt", "iv", "payload"}]}], "problems": [...]} and exits 1 when there
is a problem: a blob that does not open, a header that is not the canonical
one, a command whose action differs from the header's, a salt or IV used twice,
or (with --expected) a payload that differs from expected.json.

As a library: open_blob(jwe, secret), load(path, secrets), open_all(devices,
workers), check(opened, expected).
"""

import argparse
import base64
import csv
import hashlib
import io
import json
import pathlib
import sys
import zipfile
from multiprocessing import Pool

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from jwcrypto import jwe as jwe_mod
from jwcrypto import jwk

ENC_KEY_LEN = {"A128GCM": 16, "A256GCM": 32}
ACTIONS = ("populate", "add", "activate", "deactivate")
# xAPI command name -> (action, where the JWE is)
XAPI = {
    "Security.Certificates.Services.Add": ("add", ("body",)),
    "Security.Certificates.Services.Activate": ("activate", ("arguments", "Fingerprint")),
    "Security.Certificates.Services.Deactivate": ("deactivate", ("arguments", "Fingerprint")),
    "Security.ClientSecret.Populate": ("populate", ("arguments", "Secret")),
}


class BlobError(Exception):
    pass


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64u(text: str) -> bytes:
    if not all(c.isalnum() or c in "-_" for c in text):
        raise BlobError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def cisco_kdf(secret: str, salt: bytes, enc: str) -> bytes:
    return hashlib.scrypt(secret.encode(), salt=salt, n=32768, r=8, p=1, maxmem=64 * 1024 * 1024,
                          dklen=ENC_KEY_LEN[enc])


def open_blob(blob: str, secret: str) -> dict:
    """Checks the header against the spec, derives the key, decrypts. Raises BlobError."""
    parts = blob.strip().split(".")
    if len(parts) != 5 or parts[1] != "":
        raise BlobError("not five parts with an empty encrypted key")
    header_text = unb64u(parts[0]).decode()
    header = json.loads(header_text)
    if set(header) != {"alg", "cisco-action", "cisco-kdf", "enc"} or header["alg"] != "dir":
        raise BlobError(f"header members: {sorted(header)}")
    if header["enc"] not in ENC_KEY_LEN or header["cisco-action"] not in ACTIONS:
        raise BlobError("enc or cisco-action not allowed")
    kdf = header["cisco-kdf"]
    if not isinstance(kdf, dict) or set(kdf) != {"salt", "version"} or kdf["version"] != "1":
        raise BlobError("cisco-kdf is not {salt, version: 1}")
    if header_text != json.dumps(header, sort_keys=True, separators=(",", ":")):
        raise BlobError("header is not compact with sorted keys")
    salt, iv, tag = unb64u(kdf["salt"]), unb64u(parts[2]), unb64u(parts[4])
    if len(salt) < 4 or len(iv) != 12 or len(tag) != 16:
        raise BlobError(f"salt {len(salt)}, iv {len(iv)}, tag {len(tag)} bytes")
    key = cisco_kdf(secret, salt, header["enc"])
    try:
        if parts[3] == "":  # jwcrypto 1.6 cannot open an empty payload (spec, "Facts worth knowing")
            plain = AESGCM(key).decrypt(iv, tag, parts[0].encode())
        else:
            token = jwe_mod.JWE()
            token.deserialize(blob.strip(), key=jwk.JWK(kty="oct", k=b64u(key)))
            plain = token.payload
    except Exception as e:  # jwcrypto and AESGCM raise different classes; all mean "does not open"
        raise BlobError(f"decryption failed ({type(e).__name__})") from None
    return {"action": header["cisco-action"], "enc": header["enc"], "salt": kdf["salt"], "iv": parts[2],
            "payload": plain.decode()}


# --- reading the inputs -------------------------------------------------------

def secrets_from(path: pathlib.Path) -> dict:
    if path.suffix == ".json":
        return {e["device"]: e["secret"] for e in json.loads(path.read_text())["entries"]
                if e.get("secret") is not None}
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    out = {}
    for row in rows:
        row = {(k or "").strip().lower(): v for k, v in row.items()}
        if row.get("device") and row.get("secret") is not None:
            out[row["device"]] = row["secret"]
    return out


def from_xapi(commands: list) -> list:
    out = []
    for c in commands:
        action, where = XAPI[c["command"]]
        value = c
        for k in where:
            value = value[k]
        out.append({"action": action, "command": c["command"], "jwe": value})
    return out


def load(path: pathlib.Path, secrets: dict | None = None, device: str | None = None) -> list:
    """[{device, secret, commands: [{action, jwe, command?}]}] from a blobs JSON, a zip or a folder."""
    path = pathlib.Path(path)
    if path.is_file() and path.suffix == ".json" and path.name != "xapi.json":
        return json.loads(path.read_text())
    found = {}  # device -> commands
    if path.is_file() and path.name == "xapi.json":
        found[device] = json.loads(path.read_text())
    elif path.is_dir():
        for f in sorted(path.rglob("xapi.json")):
            found[device if f.parent == path else f.parent.name] = json.loads(f.read_text())
    else:
        with zipfile.ZipFile(path) as z:
            for n in sorted(z.namelist()):
                if n.rsplit("/", 1)[-1] == "xapi.json":
                    name = n.rsplit("/", 2)[-2] if "/" in n else device
                    found[name] = json.loads(z.read(n))
    if not found:
        raise SystemExit(f"no xapi.json in {path}")
    if secrets is None:
        raise SystemExit("xapi.json files carry no secret: give --secrets")
    return [{"device": d, "secret": secrets.get(d), "commands": from_xapi(c)} for d, c in found.items()]


# --- opening and checking -----------------------------------------------------

def _open_one(job):
    device, i, command, secret = job
    try:
        if secret is None:
            raise BlobError("no secret for this device")
        opened = open_blob(command["jwe"], secret)
        if command.get("action") and command["action"] != opened["action"]:
            raise BlobError(f"command says {command['action']}, header says {opened['action']}")
        return device, i, {**opened, "command": command.get("command")}, None
    except (BlobError, ValueError, KeyError) as e:
        return device, i, None, f"{device} blob {i}: {e}"


def open_all(devices: list, workers: int | None = None) -> dict:
    """Opens every blob (scrypt is ~0.1 s each, hence the pool). Returns {devices, problems}."""
    jobs = [(d["device"], i, c, d.get("secret")) for d in devices for i, c in enumerate(d["commands"])]
    if workers == 1:
        results = list(map(_open_one, jobs))
    else:
        with Pool(workers) as pool:
            results = pool.map(_open_one, jobs, chunksize=1)
    out = {d["device"]: [None] * len(d["commands"]) for d in devices}
    problems = []
    for device, i, opened, problem in results:
        out[device][i] = opened
        if problem:
            problems.append(problem)
    opened = {"devices": [{"device": d, "blobs": b} for d, b in out.items()], "problems": problems}
    problems.extend(distinct(opened))
    return opened


def distinct(opened: dict) -> list:
    """Every salt and every IV in the whole set appears once."""
    problems = []
    for field in ("salt", "iv"):
        seen = {}
        for d in opened["devices"]:
            for i, b in enumerate(d["blobs"]):
                if b is None:
                    continue
                where = f"{d['device']} blob {i}"
                if b[field] in seen:
                    problems.append(f"{field} {b[field]} used by {seen[b[field]]} and {where}")
                seen.setdefault(b[field], where)
    return problems


def check(opened: dict, expected: dict) -> list:
    """Payloads against expected.json: add = addPayload, activate = sha1, populate = newSecret if given."""
    by_device = {e["device"]: e for e in expected["entries"]}
    problems = []
    for d in opened["devices"]:
        e = by_device.get(d["device"])
        if e is None:
            problems.append(f"{d['device']}: not in expected.json")
            continue
        for i, b in enumerate(d["blobs"]):
            if b is None:
                continue
            want = {"add": e.get("addPayload"), "activate": e.get("activatePayload")}.get(b["action"])
            if b["action"] == "populate" and "newSecret" in e:
                want = e["newSecret"]
            if b["action"] == "deactivate" and e.get("deactivate"):
                if b["payload"] not in e["deactivate"]:
                    problems.append(f"{d['device']} blob {i}: deactivate {b['payload']} not expected")
                continue
            if want is not None and b["payload"] != want:
                problems.append(f"{d['device']} blob {i}: {b['action']} payload differs from expected.json")
    return problems


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", type=pathlib.Path)
    p.add_argument("--secrets", type=pathlib.Path, help="expected.json or manifest.csv (for xapi.json input)")
    p.add_argument("--expected", type=pathlib.Path)
    p.add_argument("--device", help="device name for a lone xapi.json")
    p.add_argument("--workers", type=int, default=None, help="processes (default: one per CPU)")
    args = p.parse_args(argv)
    secrets = secrets_from(args.secrets) if args.secrets else None
    opened = open_all(load(args.input, secrets, args.device), args.workers)
    if args.expected:
        opened["problems"].extend(check(opened, json.loads(args.expected.read_text())))
    print(json.dumps(opened, indent=1, ensure_ascii=False))
    return 1 if opened["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
