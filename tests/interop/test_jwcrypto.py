"""Interop with jwcrypto, the library of Cisco's own reference script, both ways:
jwcrypto (key from hashlib.scrypt, i.e. OpenSSL) opens what our committed wasm
builds, and our wasm opens what jwcrypto builds. jwcrypto refuses to open an
empty payload (spec, "Facts worth knowing"), so those go through plain AES-GCM."""

import base64
import hashlib
import json
import os
import pathlib
import subprocess

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from jwcrypto import jwe as jwe_mod
from jwcrypto import jwk

HERE = pathlib.Path(__file__).parent
FP = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"
BUNDLE = (
    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n"
)
# (action, enc, secret, payload) — empty and non-ASCII payloads and secrets included.
CASES = [
    ("populate", "A256GCM", "ossifrage", "a much longer new secret phrase"),
    ("populate", "A128GCM", "0123456789abcdef", ""),
    ("populate", "A256GCM", "mot de passe été ☃", "nouveau 𝄞"),
    ("add", "A128GCM", "ossifrage", BUNDLE),
    ("add", "A256GCM", "ключ", BUNDLE * 3),
    ("activate", "A256GCM", "s", FP),
    ("deactivate", "A128GCM", "s", FP),
]


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def cisco_kdf(secret: str, salt: bytes, enc: str) -> bytes:
    return hashlib.scrypt(secret.encode(), salt=salt, n=32768, r=8, p=1,
                          dklen=16 if enc == "A128GCM" else 32, maxmem=64 * 1024 * 1024)


def run_ours(ops):
    out = subprocess.run(["node", str(HERE / "ours.mjs")], input=json.dumps(ops),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def jwcrypto_open(blob: str, secret: str) -> tuple[dict, str]:
    header = json.loads(unb64u(blob.split(".")[0]))
    key = cisco_kdf(secret, unb64u(header["cisco-kdf"]["salt"]), header["enc"])
    parts = blob.split(".")
    if parts[3] == "":  # empty payload: jwcrypto cannot open it, use AES-GCM directly
        plain = AESGCM(key).decrypt(unb64u(parts[2]), unb64u(parts[4]), parts[0].encode())
        return header, plain.decode()
    token = jwe_mod.JWE()
    token.deserialize(blob, key=jwk.JWK(kty="oct", k=b64u(key)))
    return header, token.payload.decode()


def jwcrypto_build(action: str, enc: str, secret: str, payload: str) -> str:
    salt = os.urandom(16)
    header = {"alg": "dir", "cisco-action": action, "cisco-kdf": {"salt": b64u(salt), "version": "1"}, "enc": enc}
    key = jwk.JWK(kty="oct", k=b64u(cisco_kdf(secret, salt, enc)))
    token = jwe_mod.JWE(payload.encode(), protected=json.dumps(header, sort_keys=True, separators=(",", ":")))
    token.add_recipient(key)
    return token.serialize(compact=True)


def test_jwcrypto_opens_ours():
    # The add payload is a placeholder: this test is about the JWE, not the certificate checks.
    results = run_ours([{"op": "build", "options": {"action": a, "enc": e, "secret": s, "payload": p,
                                                    "allowFindings": a == "add"}}
                        for a, e, s, p in CASES])
    for (action, enc, secret, payload), result in zip(CASES, results):
        assert "jwe" in result, result
        header, plain = jwcrypto_open(result["jwe"], secret)
        assert header["cisco-action"] == action and header["enc"] == enc
        assert plain == payload
        # Our header is byte-identical to jwcrypto's canonical form.
        assert unb64u(result["jwe"].split(".")[0]).decode() == json.dumps(header, sort_keys=True, separators=(",", ":"))


def test_we_open_jwcryptos():
    blobs = [jwcrypto_build(*case) for case in CASES]
    results = run_ours([{"op": "open", "jwe": b, "secret": case[2]} for b, case in zip(blobs, CASES)])
    for (action, enc, _secret, payload), result in zip(CASES, results):
        assert "opened" in result, result
        assert result["opened"]["action"] == action
        assert result["opened"]["enc"] == enc
        assert result["opened"]["payload"] == payload


def test_we_refuse_jwcryptos_blob_under_the_wrong_secret():
    blob = jwcrypto_build("populate", "A256GCM", "right", "x")
    assert run_ours([{"op": "open", "jwe": blob, "secret": "wrong"}]) == [{"error": "decrypt_failed"}]


@pytest.mark.parametrize("vector", json.loads((HERE.parent / "vectors" / "device-jwe-vectors.json").read_text()))
def test_vectors_open_in_jwcrypto(vector):
    """The known answers themselves agree with jwcrypto and OpenSSL's scrypt."""
    assert cisco_kdf(vector["secret"], bytes.fromhex(vector["salt_hex"]), vector["enc"]).hex() == vector["cek_hex"]
    _header, plain = jwcrypto_open(vector["jwe"], vector["secret"])
    assert plain == vector["payload"]
