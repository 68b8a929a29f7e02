"""Tokens made by jwcrypto (keys from `cryptography`), read by inspectToken of our
committed wasm (tests/interop/tokens.mjs): every algorithm of the token contract
(/work/notes/token-api.md, README "Tokens") with keys in every form it accepts,
the CUCM and SharePoint shapes, tampered tokens, wrong keys and times. Every token
is checked with jwcrypto before it is handed over, so a failure here is ours.
Codes and structure are asserted, never message text. One node run for all cases."""

import base64
import datetime
import hashlib
import hmac
import json
import os
import pathlib
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from jwcrypto import jwe, jwk, jws
from jwcrypto.common import base64url_decode, base64url_encode

HERE = pathlib.Path(__file__).parent
NOW = 1767225600  # 2026-01-01T00:00:00Z
PASSPHRASE = "correct horse battery staple"
ENCS = {"A128GCM": 16, "A192GCM": 24, "A256GCM": 32, "A128CBC-HS256": 32, "A192CBC-HS384": 48, "A256CBC-HS512": 64}
HASH_BYTES = {"256": 32, "384": 48, "512": 64}
CASES = {}  # id -> (request for tokens.mjs, check(report))


def case(name, text, keys, check, now=NOW, passphrase=None):
    request = {"text": text, "keys": keys, "now": now}
    if passphrase is not None:
        request["passphrase"] = passphrase
    assert name not in CASES
    CASES[name] = (request, check)


def codes(token) -> list:
    return [f["code"] for t in [token, *token["nested"]] for f in t["findings"]]


def expect(kind, status, findings=(), absent=(), reading=None, index=0, kid=None, claims=None, forms=None):
    """A check of a one-token report: its kind, status, codes, and which key verified."""
    def check(report):
        assert "code" not in report, report
        assert len(report["tokens"]) == 1, report["findings"]
        t = report["tokens"][0]
        v = t["verification"]
        assert (t["kind"], v["status"]) == (kind, status), codes(t)
        assert set(findings) <= set(codes(t)), codes(t)
        assert not set(absent) & set(codes(t)), codes(t)
        if reading:
            assert (v["key"]["index"], v["key"]["reading"]) == (index, reading)
        if kid:
            assert v["key"]["kid"] == kid
        if claims is not None:
            assert t["claims"] == claims
        if forms:
            assert [k["form"] for k in report["keys"]] == forms
    return check


def never_valid(kind, findings):
    def check(report):
        t = report["tokens"][0]
        assert t["kind"] == kind and t["verification"]["status"] not in ("valid", "decrypted")
        assert set(findings) <= set(codes(t)), codes(t)
    return check


# --- making and checking tokens with jwcrypto --------------------------------------------------

def sign(key: jwk.JWK, alg: str, claims: dict, **header) -> str:
    token = jws.JWS(json.dumps(claims).encode())
    token.add_signature(key, None, json.dumps({"alg": alg, **header}))
    compact = token.serialize(compact=True)
    check = jws.JWS()
    check.deserialize(compact, key if key["kty"] == "oct" else jwk.JWK(**key.export_public(as_dict=True)))
    return compact


def encrypt(key: jwk.JWK, alg: str, enc: str, plaintext: str, **header) -> str:
    token = jwe.JWE(plaintext.encode(), json.dumps({"alg": alg, "enc": enc, **header}))
    token.add_recipient(key)
    compact = token.serialize(compact=True)
    check = jwe.JWE()
    check.deserialize(compact, key)
    assert check.payload.decode() == plaintext
    return compact


def weak_hs256(secret: bytes, claims: dict) -> str:
    """jwcrypto refuses HMAC keys shorter than the hash, so this one is made with hmac itself."""
    signing_input = f"{base64url_encode(json.dumps({'alg': 'HS256'}))}.{base64url_encode(json.dumps(claims))}"
    return f"{signing_input}.{base64url_encode(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())}"


def oct_key(raw: bytes) -> jwk.JWK:
    return jwk.JWK(kty="oct", k=base64url_encode(raw))


def flip(token: str, segment: int, at: int) -> str:
    """One bit flipped in byte `at` of a segment's decoded bytes (re-encoded, so still base64url)."""
    parts = token.split(".")
    raw = bytearray(base64url_decode(parts[segment]))
    raw[at] ^= 1
    parts[segment] = base64url_encode(bytes(raw))
    return ".".join(parts)


def certificate_pem(private) -> str:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "token interop")])
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=3650)).sign(private, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def public_pem(private) -> str:
    return private.public_key().public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def private_pem(private, passphrase=None) -> str:
    encryption = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    return private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption).decode()


def new_private(family: str):
    if family == "RS" or family == "PS":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key({"ES256": ec.SECP256R1(), "ES384": ec.SECP384R1()}[family])


def as_jwk(private, kid) -> jwk.JWK:
    return jwk.JWK(**{**jwk.JWK.from_pyca(private).export(as_dict=True), "kid": kid})


CLAIMS = {"iss": "https://issuer.example.com", "sub": "tamper-me", "aud": "api://tokens", "iat": NOW - 60,
          "exp": NOW + 3600}


# --- the cases ---------------------------------------------------------------------------------

def hmac_cases():
    for bits, size in HASH_BYTES.items():
        alg = f"HS{bits}"
        text = "a shared secret typed by an admin, long enough for SHA-512: 0123456789 abcdef"
        assert len(text) >= 64  # not weak for any HS alg
        case(f"{alg} secret as text", sign(oct_key(text.encode()), alg, CLAIMS), [text],
             expect("jws", "valid", reading="text", claims=CLAIMS, absent=["weak_hmac_key"]))
        raw = os.urandom(size)  # SharePoint style: the client secret is base64, its bytes sign
        secret = base64.b64encode(raw).decode()
        case(f"{alg} base64 secret whose bytes sign", sign(oct_key(raw), alg, CLAIMS), [secret],
             expect("jws", "valid", reading="base64", absent=["weak_hmac_key"]))
    raw = os.urandom(32)
    case("HS256 hex secret whose bytes sign", sign(oct_key(raw), "HS256", CLAIMS), [raw.hex()],
         expect("jws", "valid", reading="hex"))
    case("HS256 with a 6-byte secret is weak", weak_hs256(b"secret", CLAIMS), ["secret"],
         expect("jws", "valid", reading="text", findings=["weak_hmac_key"]))
    case("HS256 without a key", sign(oct_key(raw), "HS256", CLAIMS), [],
         expect("jws", "not_checked", findings=["signature_not_checked"], claims=CLAIMS))


def public_key_cases():
    for alg in ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]:
        family = alg if alg.startswith("ES") else alg[:2]
        private, others = new_private(family), [new_private(family) for _ in range(2)]
        key = as_jwk(private, f"{alg}-signer")
        plain = sign(key, alg, CLAIMS)
        with_kid = sign(key, alg, CLAIMS, kid=f"{alg}-signer")
        jwks = {"keys": [json.loads(as_jwk(others[0], "other-1").export_public()),
                         json.loads(key.export_public()), json.loads(as_jwk(others[1], "other-2").export_public())]}
        case(f"{alg} PEM public key", plain, [public_pem(private)], expect("jws", "valid", reading="pem", forms=["pem"]))
        case(f"{alg} PEM certificate", plain, [certificate_pem(private)],
             expect("jws", "valid", reading="pem", forms=["pem"]))
        case(f"{alg} JWK", plain, [key.export_public()], expect("jws", "valid", reading="jwk", forms=["jwk"]))
        case(f"{alg} JWKS picked by kid", with_kid, [json.dumps(jwks)],
             expect("jws", "valid", reading="jwk", kid=f"{alg}-signer", forms=["jwks"]))
        jwks["keys"].pop(1)
        case(f"{alg} JWKS without the kid", with_kid, [json.dumps(jwks)], never_valid("jws", ["kid_not_found"]))
        case(f"{alg} checked with another key", plain, [public_pem(others[0])], expect("jws", "invalid",
             findings=["signature_invalid"]))
        case(f"{alg} signature bit flipped", flip(plain, 2, 10), [public_pem(private)],
             expect("jws", "invalid", findings=["signature_invalid"]))
    es = new_private("ES256")
    case("ES256 checked with an RSA key", sign(as_jwk(es, "es"), "ES256", CLAIMS), [public_pem(new_private("RS"))],
         never_valid("jws", ["key_type_mismatch"]))


def dir_cases():
    for enc, size in ENCS.items():
        raw = os.urandom(size)
        token = encrypt(oct_key(raw), "dir", enc, json.dumps(CLAIMS))
        case(f"dir {enc} key as hex", token, [raw.hex()], expect("jwe", "decrypted", reading="hex", claims=CLAIMS))
        case(f"dir {enc} key as base64url", token, [base64url_encode(raw)],
             expect("jwe", "decrypted", reading="base64", claims=CLAIMS))
        case(f"dir {enc} key as an oct JWK", token, [oct_key(raw).export()],
             expect("jwe", "decrypted", reading="jwk", claims=CLAIMS))
        case(f"dir {enc} another key", token, [os.urandom(size).hex()], expect("jwe", "failed",
             findings=["decrypt_failed"]))
        case(f"dir {enc} tag bit flipped", flip(token, 4, 3), [raw.hex()], expect("jwe", "failed",
             findings=["decrypt_failed"]))
        case(f"dir {enc} ciphertext bit flipped", flip(token, 3, 5), [raw.hex()], expect("jwe", "failed",
             findings=["decrypt_failed"]))
    case("dir A256GCM without a key", encrypt(oct_key(os.urandom(32)), "dir", "A256GCM", "x"), [],
         expect("jwe", "not_checked", findings=["not_decrypted"]))


def rsa_oaep_cases():
    """RSA-OAEP is not opened (its RSA private-key code would cost the page 13 KB gzipped): the
    header is shown and the JWE is `unsupported`, with the key given or not, never `failed`."""
    private = new_private("RS")
    key = jwk.JWK.from_pyca(private)
    for alg in ["RSA-OAEP", "RSA-OAEP-256"]:
        for enc in ENCS:
            token = encrypt(key, alg, enc, json.dumps(CLAIMS))
            case(f"{alg} {enc} PKCS#8 PEM", token, [private_pem(private)],
                 expect("jwe", "unsupported", findings=["unsupported_algorithm"], absent=["decrypt_failed"]))
        case(f"{alg} encrypted PKCS#8 PEM", token, [private_pem(private, PASSPHRASE)],
             expect("jwe", "unsupported", findings=["unsupported_algorithm"]), passphrase=PASSPHRASE)


def tamper_and_time_cases():
    secret = "a shared secret that is long enough: 0123456789abcdef"
    key = oct_key(secret.encode())
    token = sign(key, "HS256", CLAIMS)
    at = base64url_decode(token.split(".")[1]).index(b"tamper-me")
    case("HS256 payload bit flipped", flip(token, 1, at), [secret], expect("jws", "invalid",
         findings=["signature_invalid"]))
    case("HS256 signature bit flipped", flip(token, 2, 0), [secret], expect("jws", "invalid",
         findings=["signature_invalid"]))
    case("HS256 checked with another secret", token, [secret + "!"], expect("jws", "invalid",
         findings=["signature_invalid"]))
    case("expired 3 days ago", sign(key, "HS256", {**CLAIMS, "exp": NOW - 3 * 86400}), [secret],
         expect("jws", "valid", findings=["expired"], absent=["not_yet_valid"]))
    case("not valid for 2 more hours", sign(key, "HS256", {**CLAIMS, "nbf": NOW + 7200}), [secret],
         expect("jws", "valid", findings=["not_yet_valid"], absent=["expired"]))
    case("inside its window", token, [secret], expect("jws", "valid", absent=["expired", "not_yet_valid"]))


def cucm_case():
    """CUCM's self-contained OAuth token: RS256 with a kid, whose `private` claim is a dir /
    A128CBC-HS256 JWE (cty JWT) holding a JWT; decoded in turn with both keys."""
    private, dir_key = new_private("RS"), os.urandom(32)
    key = as_jwk(private, "cucm-key-1")
    inner_claims = {"sub": "jabber-user", "scope": "UnifiedCommunications:readwrite"}
    inner = sign(key, "RS256", inner_claims, kid="cucm-key-1")
    secret_part = encrypt(oct_key(dir_key), "dir", "A128CBC-HS256", inner, cty="JWT")
    outer = sign(key, "RS256", {**CLAIMS, "private": secret_part}, kid="cucm-key-1", typ="JWT")

    def check(report):
        expect("jws", "valid", reading="pem", index=0)(report)
        t = report["tokens"][0]
        (jwe_token,) = t["nested"]
        assert jwe_token["where"] == "token 1 › claim private"
        assert (jwe_token["kind"], jwe_token["verification"]["status"]) == ("jwe", "decrypted")
        assert (jwe_token["verification"]["key"]["index"], jwe_token["verification"]["key"]["reading"]) == (1, "hex")
        (jwt,) = jwe_token["nested"]
        assert (jwt["kind"], jwt["verification"]["status"], jwt["claims"]) == ("jws", "valid", inner_claims)
    case("CUCM token: RS256 with a nested dir JWE in `private`", outer, [public_pem(private), dir_key.hex()], check)


def sharepoint_case():
    """A SharePoint add-in context token: HS256 with the base64-decoded client secret, nbf/exp as
    strings, and appctx JSON written inside a string."""
    raw = os.urandom(32)
    realm = "3bc2cda7-7b6a-4e5f-9d1c-2a6f0c1e8b47"
    appctx = {"CacheKey": "hYjHgkQ0Ncl/zlQzuzA5qk0LN3EAPy2Yuo+JeDSLaFg=",
              "SecurityTokenServiceUri": "https://accounts.accesscontrol.windows.net/tokens/OAuth/2"}
    claims = {"aud": f"e2cb4c1b-4a56-4a8e-9d6b-2f1c7a3e9b10/localhost:44300@{realm}",
              "iss": f"00000001-0000-0000-c000-000000000000@{realm}", "nbf": str(NOW - 600), "exp": str(NOW + 42600),
              "appctxsender": f"00000003-0000-0ff1-ce00-000000000000@{realm}", "appctx": json.dumps(appctx),
              "refreshtoken": "IAAAAAi52NH7gDJ2ZC2L6mQdYk", "isbrowserhostedapp": "true"}
    token = sign(oct_key(raw), "HS256", claims)

    def check(report):
        expect("jws", "valid", reading="base64", claims=claims, absent=["expired", "not_yet_valid"])(report)
        t = report["tokens"][0]
        assert {"claim": "appctx", "value": appctx} in t["expanded"]
        times = {x["claim"]: x["seconds"] for x in t["times"]}
        assert times == {"nbf": NOW - 600, "exp": NOW + 42600}
        assert (t["summary"]["iss"], t["summary"]["aud"], t["summary"]["alg"]) == (claims["iss"], claims["aud"], "HS256")
    case("SharePoint context token", f"SPAppToken={token}&SPSiteUrl=https%3A%2F%2Fcontoso.sharepoint.com",
         [base64.b64encode(raw).decode()], check)


def device_case():
    vector = json.loads((HERE.parent / "vectors" / "device-jwe-vectors.json").read_text())[0]
    def check(report):  # its status is the device opener's business: only the kind and the finding
        t = report["tokens"][0]
        assert t["kind"] == "device" and "device_blob" in codes(t)
    case("a device blob (cisco-kdf) is recognised", vector["jwe"], [], check)


for make in (hmac_cases, public_key_cases, dir_cases, rsa_oaep_cases, tamper_and_time_cases, cucm_case,
             sharepoint_case, device_case):
    make()


@pytest.fixture(scope="module")
def reports():
    names = list(CASES)
    out = subprocess.run(["node", str(HERE / "tokens.mjs")], input=json.dumps([CASES[n][0] for n in names]),
                         capture_output=True, text=True, check=True)
    return dict(zip(names, json.loads(out.stdout)))


@pytest.mark.parametrize("name", list(CASES))
def test_token(reports, name):
    CASES[name][1](reports[name])
