#!/usr/bin/env python3
"""Writes a fleet fixture: a CSV manifest, the certificate and key files a CA
hands an admin, and expected.json, what the fleet engine must make of them.

usage: python3 tests/fleet/make_fleet.py OUT_DIR --devices N [--traps] [--seed S]
           [--now 2026-06-01T00:00:00Z] [--root rsa|p256] [--device-names short|fqdn]

Only `cryptography` (no openssl, no network); 100 devices take about a second.
Names, secrets and device ids come from --seed; keys, serials and the
encryption salts are fresh each run, which is fine: expected.json is written
by the same run. --now defaults to the current time (to the second), so the
leaves are valid when the tests run; pass it to pin the validity windows.

Layout of OUT_DIR (see tests/fleet/README.md for expected.json):
  ca/root.pem, ca/intermediate.pem   the private root and the issuing CA
  files/room-<i>.crt                 leaf PEM, then the intermediate PEM
  files/room-<i>.key                 PKCS#8 PEM, SEC1 PEM or encrypted PKCS#8 PEM
  files/room-<i>.p12                 every 10th device, instead of .crt + .key
  manifest.csv                       device,secret,certificate,key,deviceId
  manifest-unclosed.csv              --traps only: a middle row with an unclosed quote
  expected.json
"""

import argparse
import base64
import datetime
import hashlib
import json
import pathlib
import random
import sys
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSPHRASE = "fleet pass"
DOMAIN = "example.com"
LEAF_BEFORE = datetime.timedelta(days=10)  # valid from now-10d to now+190d: 200 days
LEAF_AFTER = datetime.timedelta(days=190)
# The fleet engine's codes and their severities, as these fixtures expect them.
SEVERITY = {
    "duplicate_certificate": "warning",
    "duplicate_key": "warning",
    "duplicate_common_name": "warning",
    "duplicate_secret": "warning",
    "expired": "error",
    "leaf_not_p256": "error",
    "no_certificate_for_device": "error",
    "bad_manifest_row": "error",
    "unused_file": "info",
}
# Key file formats, cycled over the devices that get a .crt + .key pair.
KEY_FORMATS = ("pkcs8", "sec1", "pkcs8-encrypted")


def iso(t: datetime.datetime) -> str:
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def pem(cert: x509.Certificate) -> str:
    # cryptography writes what openssl writes: 64-character lines, LF endings.
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def pkcs8_pem(key, encryption=None) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption or serialization.NoEncryption()).decode()


def name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "NO")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


class Ca:
    """A root (RSA 2048 or P-256) and a P-256 intermediate under it."""

    def __init__(self, now: datetime.datetime, root_kind: str):
        self.root_key = (rsa.generate_private_key(65537, 2048) if root_kind == "rsa"
                         else ec.generate_private_key(ec.SECP256R1()))
        root_name = name("Fleet Fixture Root CA", "Fleet Fixtures")
        self.root = self._ca(root_name, self.root_key, root_name, self.root_key, None,
                             now - datetime.timedelta(days=730), now + datetime.timedelta(days=3650))
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.cert = self._ca(name("Fleet Fixture Issuing CA 1", "Fleet Fixtures"), self.key,
                             root_name, self.root_key, 0,
                             now - datetime.timedelta(days=365), now + datetime.timedelta(days=1825))

    @staticmethod
    def _ca(subject, key, issuer, issuer_key, path_length, not_before, not_after):
        builder = (x509.CertificateBuilder()
                   .subject_name(subject).issuer_name(issuer).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(not_before).not_valid_after(not_after)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
                   .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                                key_encipherment=False, data_encipherment=False,
                                                key_agreement=False, key_cert_sign=True, crl_sign=True,
                                                encipher_only=False, decipher_only=False), critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
        if issuer_key is not key:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        return builder.sign(issuer_key, hashes.SHA256())

    def leaf(self, cn: str, dns: list[str], key, not_before, not_after) -> x509.Certificate:
        return (x509.CertificateBuilder()
                .subject_name(name(cn)).issuer_name(self.cert.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(not_before).not_valid_after(not_after)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False,
                                             key_agreement=False, key_cert_sign=False, crl_sign=False,
                                             encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH,
                                                      ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .add_extension(x509.SubjectAlternativeName([x509.DNSName(d) for d in dns]), critical=False)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                               critical=False)
                .sign(self.key, hashes.SHA256()))


def key_file(key, fmt: str) -> str:
    if fmt == "pkcs8":
        return pkcs8_pem(key)
    if fmt == "sec1":
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                 serialization.NoEncryption()).decode()
    if fmt == "pkcs8-encrypted":
        # cryptography 50 writes PBES2: PBKDF2-HMAC-SHA256 (2048 iterations), AES-256-CBC,
        # the same structure as `openssl pkcs8 -topk8 -v2 aes-256-cbc`.
        return pkcs8_pem(key, serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    raise ValueError(fmt)


def p12_file(label: str, key, leaf, intermediate) -> bytes:
    # BestAvailableEncryption: PBES2 (PBKDF2-SHA256, AES-256-CBC) for key and certificates, SHA-256 MAC.
    return pkcs12.serialize_key_and_certificates(label.encode(), key, leaf, [intermediate],
                                                 serialization.BestAvailableEncryption(PASSPHRASE.encode()))


class Fleet:
    def __init__(self, out: pathlib.Path, args):
        self.out = out
        self.files = out / "files"
        self.rng = random.Random(args.seed)
        self.now = args.now
        self.fqdn = args.device_names == "fqdn"
        self.ca = Ca(args.now, args.root)
        self.entries = []        # expected.json "entries", in manifest order
        self.rows = []           # manifest lines (already CSV text)
        self.file_list = []      # expected.json "files"
        self.file_findings = []
        self.traps = []

    # --- seeded material -----------------------------------------------------

    def secret(self, i: int) -> str:
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_"
        s = "".join(self.rng.choice(alphabet) for _ in range(24))
        # A few secrets need CSV quoting, as real ones do.
        if i % 7 == 0:
            s = s[:8] + ", " + s[8:]
        if i % 11 == 0:
            s = s[:12] + '"' + s[12:]
        return s

    def device_id(self) -> str:
        u = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        return base64.b64encode(f"ciscospark://us/DEVICE/{u}".encode()).decode().rstrip("=")

    def device_name(self, stem: str) -> str:
        return f"{stem}.{DOMAIN}" if self.fqdn else stem

    # --- writing -------------------------------------------------------------

    def write(self, file_name: str, data, kind: str, device: str | None):
        path = self.files / file_name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        self.file_list.append({"name": file_name, "kind": kind, "device": device})

    @staticmethod
    def csv_field(value: str) -> str:
        if any(c in value for c in ',"\r\n') or value != value.strip():
            return '"' + value.replace('"', '""') + '"'
        return value

    def row(self, fields: list[str]) -> int:
        self.rows.append(",".join(self.csv_field(f) for f in fields))
        return len(self.rows) + 1  # 1-based line number; line 1 is the header

    def device(self, stem: str, *, key_fmt: str, by_name: bool, leaf_kind: str = "p256",
               cn: str | None = None, dns: list[str] | None = None, validity=None,
               secret: str | None = None, index: int = 0, codes=(), write_files: bool = True,
               cert_file: str | None = None, key_file_name: str | None = None, key_override=None):
        """One device: leaf, files, manifest row, expected entry. Returns the entry."""
        device = self.device_name(stem)
        key = rsa.generate_private_key(65537, 2048) if leaf_kind == "rsa" else ec.generate_private_key(ec.SECP256R1())
        cn = cn or f"{stem}.{DOMAIN}"
        dns = dns or [cn]
        not_before, not_after = validity or (self.now - LEAF_BEFORE, self.now + LEAF_AFTER)
        leaf = self.ca.leaf(cn, dns, key, not_before, not_after)
        inter = self.ca.cert
        files = []
        if write_files:
            if key_fmt == "pkcs12":
                cert_file = cert_file or f"{stem}.p12"
                self.write(cert_file, p12_file(stem, key, leaf, inter), "pkcs12", device)
                files = [cert_file]
            else:
                cert_file = cert_file or f"{stem}.crt"
                key_file_name = key_file_name or f"{stem}.key"
                self.write(cert_file, pem(leaf) + pem(inter), "certificate-chain", device)
                self.write(key_file_name, key_file(key_override or key, key_fmt), "key-" + key_fmt,
                           device if key_override is None else None)
                files = [cert_file, key_file_name]
        secret = secret if secret is not None else self.secret(index)
        listed_cert = "" if by_name else (cert_file or "")
        listed_key = "" if by_name or key_fmt == "pkcs12" else (key_file_name or "")
        device_id = self.device_id()
        line = self.row([device, secret, listed_cert, listed_key, device_id])
        der = leaf.public_bytes(serialization.Encoding.DER)
        codes = sorted(set(codes))
        status = ("error" if any(SEVERITY[c] == "error" for c in codes)
                  else "warning" if any(SEVERITY[c] == "warning" for c in codes) else "ready")
        entry = {
            "device": device,
            "line": line,
            "secret": secret,
            "deviceId": device_id,
            "certificateFile": listed_cert or None,
            "keyFile": listed_key or None,
            "files": files,
            "pairedBy": "name" if by_name else "manifest",
            "keyFormat": key_fmt,
            "keyType": "rsa2048" if leaf_kind == "rsa" else "p256",
            "commonName": cn,
            "dnsNames": dns,
            "sha1": hashlib.sha1(der).hexdigest(),
            "sha256": hashlib.sha256(der).hexdigest(),
            "notBefore": iso(not_before),
            "notAfter": iso(not_after),
            "addPayload": pem(leaf) + pem(inter) + pkcs8_pem(key),
            "activatePayload": hashlib.sha1(der).hexdigest(),
            "expect": {"status": status, "codes": codes},
        }
        self.entries.append(entry)
        return entry, leaf, key

    def set_expect(self, entry, codes):
        entry["expect"]["codes"] = sorted(set(entry["expect"]["codes"]) | set(codes))
        c = entry["expect"]["codes"]
        entry["expect"]["status"] = ("error" if any(SEVERITY[x] == "error" for x in c)
                                     else "warning" if any(SEVERITY[x] == "warning" for x in c) else "ready")

    # --- the fleet -----------------------------------------------------------

    def regular(self, n: int):
        for i in range(1, n + 1):
            if i % 10 == 0:
                fmt = "pkcs12"
            else:
                # (i + i // 3) spreads the three formats over both the named and the by-name rows.
                fmt = KEY_FORMATS[(i + i // 3) % 3]
            self.device(f"room-{i}", key_fmt=fmt, by_name=(i % 3 == 0), index=i)

    def add_traps(self, n: int):
        """Trap devices after the regular ones; each recorded in expected.json "traps"."""
        def trap(kind, devices, codes, note):
            self.traps.append({"trap": kind, "devices": devices, "codes": codes, "note": note})

        base = n + 1
        # 1. Key files swapped between two devices' file names: pairing is by public key.
        a, _, key_a = self.device("trap-swap-a", key_fmt="pkcs8", by_name=False, index=base, write_files=False)
        b, _, key_b = self.device("trap-swap-b", key_fmt="sec1", by_name=False, index=base + 1, write_files=False)
        self._write_swapped(a, b, key_a, key_b)
        trap("key_swapped", [a["device"], b["device"]], [],
             "trap-swap-a.key holds trap-swap-b's key and the reverse; both ready")

        # 2. Two rows naming the same certificate (and key) file.
        c, leaf_c, key_c = self.device("trap-dup-cert-a", key_fmt="pkcs8", by_name=False, index=base + 2)
        d, _, _ = self.device("trap-dup-cert-b", key_fmt="pkcs8", by_name=False, index=base + 3, write_files=False)
        # The second row names the first row's files: same leaf, same key, same payload.
        d.update({k: c[k] for k in ("certificateFile", "keyFile", "files", "keyFormat", "commonName", "dnsNames",
                                    "sha1", "sha256", "notBefore", "notAfter", "addPayload", "activatePayload")})
        self.rows[d["line"] - 2] = ",".join(self.csv_field(f) for f in
                                            [d["device"], d["secret"], c["certificateFile"], c["keyFile"],
                                             d["deviceId"]])
        for e in (c, d):
            self.set_expect(e, ["duplicate_certificate", "duplicate_key"])
        trap("duplicate_certificate", [c["device"], d["device"]], ["duplicate_certificate", "duplicate_key"],
             "both rows name trap-dup-cert-a.crt and trap-dup-cert-a.key; the leaf's CN is trap-dup-cert-a's; "
             "no duplicate_common_name expected (one certificate, not two with one CN)")

        # 3. Two leaves with one CN (each its own key and its own DNS SAN; the rows name their files).
        shared = f"trap-shared-cn.{DOMAIN}"
        e1, _, _ = self.device("trap-cn-a", key_fmt="pkcs8", by_name=False, index=base + 4, cn=shared,
                               dns=[shared, f"trap-cn-a.{DOMAIN}"], codes=["duplicate_common_name"])
        e2, _, _ = self.device("trap-cn-b", key_fmt="sec1", by_name=False, index=base + 5, cn=shared,
                               dns=[shared, f"trap-cn-b.{DOMAIN}"], codes=["duplicate_common_name"])
        trap("duplicate_common_name", [e1["device"], e2["device"]], ["duplicate_common_name"],
             f"both leaves have CN {shared}")

        # 4. An expired leaf (ended 100 days ago).
        ex, _, _ = self.device("trap-expired", key_fmt="pkcs8", by_name=False, index=base + 6,
                               validity=(self.now - datetime.timedelta(days=300),
                                         self.now - datetime.timedelta(days=100)), codes=["expired"])
        trap("expired", [ex["device"]], ["expired"], "notAfter is now - 100 days")

        # 5. An RSA-2048 leaf.
        r, _, _ = self.device("trap-rsa", key_fmt="pkcs8", by_name=False, index=base + 7, leaf_kind="rsa",
                              codes=["leaf_not_p256"])
        trap("leaf_not_p256", [r["device"]], ["leaf_not_p256"], "RSA-2048 leaf, key as PKCS#8 PEM")

        # 6. A device whose certificate is in no file (by-name row, nothing matches).
        nc = self._row_only("trap-no-cert", base + 8, ["no_certificate_for_device"])
        trap("no_certificate_for_device", [nc["device"]], ["no_certificate_for_device"],
             "row with empty certificate/key; no file has this CN or SAN")

        # 7. Two devices with the same secret.
        s = self.secret(base + 9)
        s1, _, _ = self.device("trap-same-secret-a", key_fmt="pkcs8", by_name=False, index=base + 9, secret=s,
                               codes=["duplicate_secret"])
        s2, _, _ = self.device("trap-same-secret-b", key_fmt="pkcs8-encrypted", by_name=True, index=base + 10,
                               secret=s, codes=["duplicate_secret"])
        trap("duplicate_secret", [s1["device"], s2["device"]], ["duplicate_secret"], "one secret on two rows")

        # 8. A key file that belongs to no device.
        stray = ec.generate_private_key(ec.SECP256R1())
        self.write("stray.key", key_file(stray, "pkcs8"), "key-pkcs8", None)
        self.file_findings.append({"file": "stray.key", "code": "unused_file", "severity": "info"})
        trap("unused_file", [], ["unused_file"], "files/stray.key: a P-256 key no certificate matches")

        # 9. Text after a closing quote, in a middle row of manifest.csv: that row only is bad.
        bad = self._row_only("trap-bad-row", base + 11, ["bad_manifest_row"], raw=True)
        middle = len(self.rows) // 2
        line_text = self.rows.pop(bad["line"] - 2)
        self.rows.insert(middle, line_text)
        self._renumber()
        trap("bad_manifest_row", [bad["device"]], ["bad_manifest_row"],
             f"manifest.csv line {bad['line']}: the secret field is \"...\" followed by text; "
             "rows before and after are fine")

    def _write_swapped(self, a, b, key_a, key_b):
        inter = self.ca.cert
        for e in (a, b):
            stem = e["device"].split(".")[0]
            e["certificateFile"] = f"{stem}.crt"
            e["keyFile"] = f"{stem}.key"
        # Certificates under their own names, keys under each other's.
        for e, other_key in ((a, key_b), (b, key_a)):
            stem = e["device"].split(".")[0]
            leaf_pem = e["addPayload"].split("-----END CERTIFICATE-----\n")[0] + "-----END CERTIFICATE-----\n"
            self.write(f"{stem}.crt", leaf_pem + pem(inter), "certificate-chain", e["device"])
        self.write("trap-swap-a.key", key_file(key_b, "sec1"), "key-sec1", b["device"])
        self.write("trap-swap-b.key", key_file(key_a, "pkcs8"), "key-pkcs8", a["device"])
        a["keyFormat"], b["keyFormat"] = "pkcs8", "sec1"
        a["files"] = ["trap-swap-a.crt", "trap-swap-b.key"]
        b["files"] = ["trap-swap-b.crt", "trap-swap-a.key"]
        for e in (a, b):
            self.rows[e["line"] - 2] = ",".join(self.csv_field(f) for f in
                                                [e["device"], e["secret"], e["certificateFile"], e["keyFile"],
                                                 e["deviceId"]])

    def _row_only(self, stem, index, codes, raw=False):
        device = self.device_name(stem)
        secret = self.secret(index)
        device_id = self.device_id()
        if raw:
            # RFC 4180: a quoted field ends at its closing quote; text after it is malformed.
            self.rows.append(f'{device},"{secret.replace(chr(34), "")}"trailing,,,{device_id}')
            line = len(self.rows) + 1
        else:
            line = self.row([device, secret, "", "", device_id])
        entry = {"device": device, "line": line, "secret": secret, "deviceId": device_id,
                 "certificateFile": None, "keyFile": None, "files": [], "pairedBy": "name" if not raw else None,
                 "keyFormat": None, "keyType": None, "commonName": None, "dnsNames": [], "sha1": None,
                 "sha256": None, "notBefore": None, "notAfter": None, "addPayload": None,
                 "activatePayload": None, "expect": {"status": "error", "codes": codes}}
        if raw:
            entry["secret"] = None  # the row cannot be read, so it has no secret
        self.entries.append(entry)
        return entry

    def _renumber(self):
        by_id = {e["deviceId"]: e for e in self.entries}
        for i, text in enumerate(self.rows):
            did = text.rsplit(",", 1)[1]
            by_id[did]["line"] = i + 2
        self.entries.sort(key=lambda e: e["line"])

    def unclosed_manifest(self):
        """manifest-unclosed.csv: three good rows, then an unclosed quote on line 5 that runs to the end."""
        good = [e for e in self.entries if e["expect"]["status"] == "ready"][:4]
        lines = ["device,secret,certificate,key,deviceId"]
        for e in good[:3]:
            lines.append(",".join(self.csv_field(f or "") for f in
                                  [e["device"], e["secret"], e["certificateFile"] or "", e["keyFile"] or "",
                                   e["deviceId"]]))
        lines.append(f'{self.device_name("trap-unclosed")},"an unclosed secret,,,opaque-id')
        e = good[3]
        lines.append(",".join(self.csv_field(f or "") for f in
                              [e["device"], e["secret"], e["certificateFile"] or "", e["keyFile"] or "",
                               e["deviceId"]]))
        (self.out / "manifest-unclosed.csv").write_text("\n".join(lines) + "\n")
        return {
            "file": "manifest-unclosed.csv",
            "readyDevices": [x["device"] for x in good[:3]],
            "badLine": 5,
            "swallowedDevices": [e["device"]],
            "codes": ["bad_manifest_row"],
            "note": "line 5 opens a quote that is never closed: it swallows line 6 and the end of the file; "
                    "lines 2-4 are fine, one bad_manifest_row for line 5",
        }

    def save(self, args):
        (self.out / "manifest.csv").write_text("device,secret,certificate,key,deviceId\n" + "\n".join(self.rows) + "\n")
        unclosed = self.unclosed_manifest() if args.traps else None
        (self.out / "ca" / "root.pem").write_text(pem(self.ca.root))
        (self.out / "ca" / "intermediate.pem").write_text(pem(self.ca.cert))
        expected = {
            "version": 1,
            "generator": "tests/fleet/make_fleet.py",
            "seed": args.seed,
            "now": iso(self.now),
            "devices": len(self.entries),
            "passphrase": PASSPHRASE,
            "deviceNames": args.device_names,
            "ca": {"root": "ca/root.pem", "intermediate": "ca/intermediate.pem", "rootKey": args.root,
                   "rootSha1": hashlib.sha1(self.ca.root.public_bytes(serialization.Encoding.DER)).hexdigest(),
                   "intermediateSha1":
                       hashlib.sha1(self.ca.cert.public_bytes(serialization.Encoding.DER)).hexdigest()},
            "manifest": "manifest.csv",
            "severity": SEVERITY,
            "entries": self.entries,
            "files": sorted(self.file_list, key=lambda f: f["name"]),
            "fileFindings": self.file_findings,
            "traps": self.traps,
            "manifestUnclosed": unclosed,
        }
        (self.out / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")


def parse_now(text: str) -> datetime.datetime:
    t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (t if t.tzinfo else t.replace(tzinfo=datetime.timezone.utc)).astimezone(datetime.timezone.utc)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=pathlib.Path)
    p.add_argument("--devices", type=int, required=True)
    p.add_argument("--traps", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--now", type=parse_now,
                   default=datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0))
    p.add_argument("--root", choices=("rsa", "p256"), default="rsa")
    p.add_argument("--device-names", choices=("short", "fqdn"), default="short",
                   help="manifest device column: room-<i> (short) or room-<i>.example.com (fqdn)")
    args = p.parse_args(argv)
    if args.devices < 0:
        p.error("--devices must be >= 0")
    if args.traps and args.devices < 4:
        p.error("--traps needs --devices 4 or more (manifest-unclosed.csv borrows ready rows)")
    for sub in ("ca", "files"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    if any((args.out / "files").iterdir()):
        p.error(f"{args.out / 'files'} is not empty")
    fleet = Fleet(args.out, args)
    fleet.regular(args.devices)
    if args.traps:
        fleet.add_traps(args.devices)
    fleet.save(args)
    print(json.dumps({"out": str(args.out), "devices": len(fleet.entries), "files": len(fleet.file_list),
                      "traps": len(fleet.traps)}))


if __name__ == "__main__":
    sys.exit(main())
