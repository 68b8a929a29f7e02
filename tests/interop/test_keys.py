"""Keys and certificate requests made by our committed wasm, read by OpenSSL:
every request verifies (`openssl req -verify`) and shows exactly the subject
and alternative names asked for, in order; every key opens with its
passphrase (`openssl pkey -passin`) and no other, is P-256, and is the
request's key. Then the loop an admin runs: a CA made with openssl signs a
fleet's requests, the certificates and the encrypted keys go through our
fleet engine with the one passphrase, and every device's `add` blob, opened
by jwcrypto without our code, holds its certificate and the matching key."""

import base64
import csv
import hashlib
import io
import json
import pathlib
import subprocess
import sys
import zipfile

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fleet"))
import open_blobs  # noqa: E402  (tests/fleet/open_blobs.py: no code of ours)
from test_fleet import build  # noqa: E402  (buildFleet through tests/interop/fleet.mjs)

PASSPHRASE = "correct horse battery staple"
FULL = {
    "commonName": "Møterom Ålesund",
    "subjectAltNames": ["DNS:room-1.example.com", "email:room-1@example.com",
                        "URI:https://example.com/devices/room-1", "DNS:room-1.example.net"],
    "organization": "Example AS", "organizationalUnit": "IT", "country": "NO",
    "state": "Møre og Romsdal", "locality": "Ålesund",
    "keyUsage": ["digitalSignature"],
    "passphrase": PASSPHRASE, "confirmPassphrase": PASSPHRASE,
}


def ours(call: str, options: dict) -> dict:
    out = subprocess.run(["node", str(HERE / "keys.mjs")], input=json.dumps({"call": call, "options": options}),
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def openssl(*args, stdin=None, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", *args], input=stdin, capture_output=True, text=True, check=check)


def spki_sha256(pem_public_key: str) -> str:
    key = serialization.load_pem_public_key(pem_public_key.encode())
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


@pytest.mark.parametrize("encryption", ["scrypt", "pbkdf2"])
def test_openssl_verifies_the_request_and_opens_the_key(tmp_path, encryption):
    made = ours("generateKeyAndCsr", {**FULL, "keyEncryption": encryption})
    csr, key = tmp_path / "room-1.csr", tmp_path / "room-1.key"
    csr.write_text(made["csrPem"])
    key.write_text(made["keyPem"])
    assert "verify OK" in openssl("req", "-in", str(csr), "-verify", "-noout").stderr
    # The subject in order, each attribute as asked (C in capitals).
    subject = openssl("req", "-in", str(csr), "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus,-esc_msb").stdout
    assert subject.strip() == ("subject=C=NO,ST=Møre og Romsdal,L=Ålesund,O=Example AS,OU=IT,"
                               "CN=Møterom Ålesund")
    text = openssl("req", "-in", str(csr), "-noout", "-text").stdout
    assert ("DNS:room-1.example.com, email:room-1@example.com, URI:https://example.com/devices/room-1, "
            "DNS:room-1.example.net") in text
    assert "X509v3 Key Usage: critical" in text and "Digital Signature" in text
    # The key: P-256, opens with the passphrase only, and is the request's key.
    plain = openssl("pkey", "-in", str(key), "-passin", f"pass:{PASSPHRASE}", "-noout", "-text").stdout
    assert "ASN1 OID: prime256v1" in plain
    assert openssl("pkey", "-in", str(key), "-passin", "pass:wrong", "-noout", check=False).returncode != 0
    request_public = openssl("req", "-in", str(csr), "-noout", "-pubkey").stdout
    key_public = openssl("pkey", "-in", str(key), "-passin", f"pass:{PASSPHRASE}", "-pubout").stdout
    assert request_public == key_public
    assert made["publicKeySha256"] == spki_sha256(request_public)
    # What OpenSSL says the key is encrypted with.
    der = base64.b64decode("".join(made["keyPem"].splitlines()[1:-1]))
    asn1 = subprocess.run(["openssl", "asn1parse", "-inform", "DER"], input=der, capture_output=True, check=True).stdout
    assert b"PBES2" in asn1 and b"aes-256-cbc" in asn1
    assert (b":scrypt" if encryption == "scrypt" else b":PBKDF2") in asn1


def test_bad_inputs_are_refused_by_code():
    cases = [
        ({**FULL, "commonName": "x" * 10_000}, "bad_common_name"),
        ({**FULL, "commonName": ""}, "bad_common_name"),
        ({**FULL, "commonName": "room\n1"}, "bad_common_name"),
        ({**FULL, "subjectAltNames": [f"DNS:r{i}.example.com" for i in range(1000)]}, "too_many_subject_alt_names"),
        ({**FULL, "subjectAltNames": ["DNS:møterom.example.com"]}, "bad_subject_alt_name"),
        ({**FULL, "subjectAltNames": ["IP:10.0.0.1"]}, "bad_subject_alt_name"),
        ({**FULL, "country": "NOR"}, "bad_country"),
        ({**FULL, "keyUsage": ["keyEncipherment"]}, "bad_key_usage"),
        ({**FULL, "passphrase": "", "confirmPassphrase": ""}, "empty_passphrase"),
        ({**FULL, "confirmPassphrase": "correct horse"}, "passphrase_mismatch"),
    ]
    for options, code in cases:
        assert ours("generateKeyAndCsr", options) == {"code": code}, code


def make_ca(directory: pathlib.Path):
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", str(directory / "ca.key"))
    openssl("req", "-x509", "-new", "-key", str(directory / "ca.key"), "-subj", "/CN=Test Device CA",
            "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", str(directory / "ca.crt"))


def test_the_loop_from_requests_through_a_ca_to_every_devices_blobs(tmp_path):
    devices = ["room-1", "room-2", "Lobby"]
    made = ours("generateKeyFleet", {
        "devices": "\n".join(devices), "commonName": "{device}.example.com",
        "subjectAltNames": ["DNS:{device}.example.com"], "organization": "Example",
        "keyUsage": ["digitalSignature"], "passphrase": PASSPHRASE, "confirmPassphrase": PASSPHRASE,
    })
    assert [d["device"] for d in made["devices"]] == devices
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(made["zip"]))) as z:
        assert z.testzip() is None
        entries = {name: z.read(name).decode() for name in z.namelist()}
    assert sorted(entries) == sorted(["README.txt", "manifest.csv"] + [f"csr/{d}.csr" for d in devices]
                                     + [f"keys/{d}.key" for d in devices])
    assert all("ENCRYPTED PRIVATE KEY" in entries[f"keys/{d}.key"] for d in devices)
    assert not any("BEGIN PRIVATE KEY" in text or "BEGIN EC PRIVATE KEY" in text for text in entries.values())
    manifest = list(csv.DictReader(io.StringIO(entries["manifest.csv"])))
    assert [r["device"] for r in manifest] == devices
    assert [r["publicKeySha256"] for r in manifest] == [d["publicKeySha256"] for d in made["devices"]]

    # The CA answers: each request signed as it came, its extensions copied.
    fleet = tmp_path / "fleet"
    (fleet / "files").mkdir(parents=True)
    (fleet / "ca").mkdir()
    make_ca(fleet / "ca")
    for d in devices:
        (tmp_path / f"{d}.csr").write_text(entries[f"csr/{d}.csr"])
        openssl("x509", "-req", "-in", str(tmp_path / f"{d}.csr"), "-CA", str(fleet / "ca" / "ca.crt"),
                "-CAkey", str(fleet / "ca" / "ca.key"), "-set_serial", str(1000 + devices.index(d)),
                "-days", "200", "-copy_extensions", "copyall", "-out", str(fleet / "files" / f"{d}.crt"))
        (fleet / "files" / f"{d}.key").write_text(entries[f"keys/{d}.key"])
    (fleet / "ca" / "ca.key").unlink()
    (fleet / "expected.json").write_text(json.dumps({"passphrase": PASSPHRASE}))
    secrets = {d: f"secret for {d}, 1234" for d in devices}
    for row in manifest:
        row["secret"] = secrets[row["device"]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(manifest[0]))
    writer.writeheader()
    writer.writerows(manifest)
    (tmp_path / "manifest.csv").write_text(out.getvalue())

    result, zip_path = build(fleet, tmp_path / "out", manifest=tmp_path / "manifest.csv")
    assert [d["status"] for d in result["devices"]] == ["ready"] * 3, result
    with zipfile.ZipFile(zip_path) as z:
        by_folder = {d["folder"]: d["device"] for d in result["devices"]}
        blobs = [{"device": by_folder[n.split("/")[0]], "secret": secrets[by_folder[n.split("/")[0]]],
                  "commands": open_blobs.from_xapi(json.loads(z.read(n)))}
                 for n in z.namelist() if n.endswith("/xapi.json")]
    opened = open_blobs.open_all(blobs)
    assert opened["problems"] == []
    for d in opened["devices"]:
        add = next(b for b in d["blobs"] if b["action"] == "add")["payload"]
        cert = x509.load_pem_x509_certificate(add.encode())
        key = serialization.load_pem_private_key(add[add.index("-----BEGIN PRIVATE KEY"):].encode(), None)
        assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
        assert key.public_key().public_numbers() == cert.public_key().public_numbers()
        assert cert.subject.rfc4514_string() == f"CN={d['device']}.example.com,O=Example"
        expected = (fleet / "files" / f"{d['device']}.crt").read_text()
        assert cert == x509.load_pem_x509_certificate(expected.encode())
