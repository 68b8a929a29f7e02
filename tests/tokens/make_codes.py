"""Writes tests/tokens/codes.json: one case (or more) for each token finding code
that rfc-vectors.json and hostile.json do not already reach, in their case
format (README.md), so the Rust suite and the JS runner together see every
code. Tokens are made by jwcrypto and `cryptography`, never by our code. The
x5c certificate is self-signed here: signatures and serials are random, so a
re-run writes a different file that expects the same things.

usage: python3 tests/tokens/make_codes.py
"""

import base64
import datetime
import hashlib
import hmac
import json
import pathlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from jwcrypto import jwe, jwk, jws

HERE = pathlib.Path(__file__).parent
NOW = 1767225600  # 2026-01-01T00:00:00Z
SECRET = "codes-tests-shared-secret-0123456789abcd"
VECTORS = json.loads((HERE.parent / "vectors" / "device-jwe-vectors.json").read_text())


def signed(key, alg, claims, **header):
    token = jws.JWS(json.dumps(claims))
    token.add_signature(key, alg=alg, protected=json.dumps({"alg": alg, **header}))
    out = token.serialize(compact=True)
    check = jws.JWS()
    check.deserialize(out, key)  # jwcrypto verifies what it made
    return out


def hs256_weak(secret: bytes, claims) -> str:
    """jwcrypto refuses to sign with a key shorter than the hash: Python's hmac signs it."""
    b64u = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()  # noqa: E731
    header = b64u(b'{"alg":"HS256"}')
    signing_input = f"{header}.{b64u(json.dumps(claims).encode())}"
    return f"{signing_input}.{b64u(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())}"


def case(name, token, keys, expect):
    return {"name": name, "token": token, "keys": keys, "now": NOW, "expect": expect}


def self_signed(key):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "token signer")])
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=730)).sign(key, hashes.SHA256()))


def main():
    oct_key = jwk.JWK(kty="oct", k=base64.urlsafe_b64encode(SECRET.encode()).rstrip(b"=").decode())
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_jwk = jwk.JWK.from_pyca(ec_key)
    ec_pem = ec_key.public_key().public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    cert = self_signed(ec_key)
    x5c = [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]
    claims = {"sub": "codes", "exp": NOW + 3600}
    jwks = json.dumps({"keys": [{**json.loads(ec_jwk.export_public()), "kid": "listed"}]})
    dir_key = jwk.JWK(kty="oct", k=base64.urlsafe_b64encode(bytes(32)).rstrip(b"=").decode())
    sealed = jwe.JWE(json.dumps(claims), protected=json.dumps({"alg": "dir", "enc": "A128CBC-HS256"}))
    sealed.add_recipient(dir_key)
    deep = signed(oct_key, "HS256", claims)
    for _ in range(9):  # ten JWSs, each the payload of the next: two more than the cap of 8
        outer = jws.JWS(deep)
        outer.add_signature(oct_key, alg="HS256", protected=json.dumps({"alg": "HS256", "cty": "JWT"}))
        deep = outer.serialize(compact=True)
    cases = [
        case("not yet valid", signed(oct_key, "HS256", {"sub": "later", "nbf": NOW + 7200}), [SECRET],
             {"status": "valid", "findings": ["not_yet_valid"], "absent": ["expired"]}),
        case("no key given", signed(oct_key, "HS256", claims), [],
             {"status": "not_checked", "findings": ["signature_not_checked"]}),
        case("a 6-byte HMAC secret", hs256_weak(b"sixby!", claims), ["sixby!"],
             {"status": "valid", "findings": ["weak_hmac_key"], "key": {"index": 0, "reading": "text"}}),
        case("an EC key for an HS256 token", signed(oct_key, "HS256", claims), [ec_pem],
             {"status": "not_checked", "findings": ["key_type_mismatch", "signature_not_checked"]}),
        case("a kid the JWKS does not hold", signed(ec_jwk, "ES256", claims, kid="unlisted"), [jwks],
             {"status": "valid", "findings": ["kid_not_found"], "key": {"index": 0, "reading": "jwk", "kid": "listed"}}),
        case("a dir JWE and no key", sealed.serialize(compact=True), [],
             {"kind": "jwe", "status": "not_checked", "findings": ["not_decrypted"]}),
        case("verified with its own x5c certificate", signed(ec_jwk, "ES256", claims, x5c=x5c), [],
             {"status": "valid", "findings": ["x5c_root_unverified"], "key": {"reading": "x5c"}}),
        case("an x5c that is no certificate", signed(ec_jwk, "ES256", claims, x5c=["bm90IGEgY2VydA=="]), [ec_pem],
             {"status": "valid", "findings": ["x5c_chain_invalid"]}),
        case("a key by URL (jku)", signed(ec_jwk, "ES256", claims, jku="https://idp.example.com/jwks"), [ec_pem],
             {"status": "valid", "findings": ["remote_key_not_fetched"]}),
        case("a Webex device blob", VECTORS[0]["jwe"], [],
             {"kind": "device", "findings": ["device_blob"]}),
        case("ten JWSs nested", deep, [SECRET], {"status": "valid", "findings": ["nesting_too_deep"]}),
        case("a key that is broken JSON", signed(oct_key, "HS256", claims), ["{\"kty\": ", SECRET],
             {"reportFindings": ["key_unreadable"], "tokens": [{"status": "valid", "key": {"index": 1}}]}),
    ]
    (HERE / "codes.json").write_text(json.dumps(cases, indent=1) + "\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
