"""Writes tests/tokens/hostile.json: inputs built to break a token inspector, and
what inspectToken must do with each (see README.md for the case format).

Deterministic (fixed keys, fixed IVs, RSA PKCS#1 v1.5 is deterministic), so a
re-run writes the same file. Large inputs are recipes, not bytes: tokens/run
in tests/js/tokens-vectors.test.mjs expands them, and for the nested-JWE chain
rebuilds it with node:crypto and checks its SHA-256 against the one here.
Every token that is well-formed JOSE is checked with jwcrypto before writing.

usage: python3 tests/tokens/make_hostile.py [OUT]   (default tests/tokens/hostile.json)
"""

import base64
import datetime
import hashlib
import hmac
import json
import pathlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID
from jwcrypto import jwe, jwk, jws

HERE = pathlib.Path(__file__).parent
SECRET = "hostile-tests-shared-secret-0123456789"  # 38 bytes: not weak for HS256
NOW = 1767225600  # 2026-01-01T00:00:00Z
MIB = 1024 * 1024
DIR_KEY = bytes(range(16))  # A128GCM key of the nested chain
NEVER_VALID = {"noneValid": True}


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hs256(header: bytes, payload: bytes, secret: bytes = SECRET.encode(), check: bool = True) -> str:
    """Signs raw header/payload bytes (not re-serialised: duplicates and odd numbers survive)."""
    signing_input = f"{b64u(header)}.{b64u(payload)}"
    token = f"{signing_input}.{b64u(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())}"
    if check:  # jwcrypto checks the MAC (it parses the header itself, so only for plain headers)
        s = jws.JWS()
        s.deserialize(token, jwk.JWK(kty="oct", k=b64u(secret)), alg="HS256")
    return token


def claims(sub: str, **more) -> bytes:
    return json.dumps({"sub": sub, **more}, separators=(",", ":")).encode()


def nested_chain(inner: str, depth: int) -> str:
    """`depth` dir/A128GCM JWEs (cty JWT), each holding the next; layer i's IV is i as 12 bytes."""
    token = inner
    for i in range(1, depth + 1):
        header = b64u(b'{"alg":"dir","enc":"A128GCM","cty":"JWT"}')
        sealed = AESGCM(DIR_KEY).encrypt(i.to_bytes(12, "big"), token.encode(), header.encode())
        token = ".".join([header, "", b64u(i.to_bytes(12, "big")), b64u(sealed[:-16]), b64u(sealed[-16:])])
    return token


def unwrap_with_jwcrypto(token: str, depth: int) -> str:
    key = jwk.JWK(kty="oct", k=b64u(DIR_KEY))
    for _ in range(depth):
        e = jwe.JWE()
        e.deserialize(token, key)
        token = e.payload.decode()
    return token


def chain_case(name, depth, expect):
    inner = hs256(b'{"alg":"HS256"}', claims("innermost"))
    token = nested_chain(inner, depth)
    assert unwrap_with_jwcrypto(token, depth) == inner
    recipe = {"nestDir": {"keyHex": DIR_KEY.hex(), "depth": depth, "inner": inner},
              "length": len(token), "sha256": hashlib.sha256(token.encode()).hexdigest()}
    return {"name": name, "token": recipe, "keys": [DIR_KEY.hex(), SECRET], "now": NOW, "expect": expect}


def deepest_chain_under_1_mib():
    depth = 1
    inner = hs256(b'{"alg":"HS256"}', claims("innermost"))
    while len(nested_chain(inner, depth + 1)) <= MIB:
        depth += 1
    return depth


def rsa_public_pem_and_cert() -> tuple[str, str]:
    """RFC 7515 A.2's RSA key (from jwcrypto's tests): its public key PEM, and a self-signed
    certificate (RSA PKCS#1 v1.5 signatures are deterministic, so the file is too)."""
    from jwcrypto import tests as jt

    private = jwk.JWK(**jt.A2_key).get_op_key("sign")
    pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "token confusion test")])
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private.public_key())
            .serial_number(1).not_valid_before(start).not_valid_after(start + datetime.timedelta(days=3650))
            .sign(private, hashes.SHA256()))
    return pem, cert.public_bytes(serialization.Encoding.PEM).decode()


def case(name, token, expect, keys=(SECRET,), now=NOW):
    return {"name": name, "token": token, "keys": list(keys), "now": now, "expect": expect}


def cases(rsa_pem: str, cert_pem: str):
    hdr = b'{"alg":"HS256"}'
    ok = lambda sub: hs256(hdr, claims(sub))  # noqa: E731
    chain_depth = deepest_chain_under_1_mib()
    many = [hs256(hdr, claims(f"token {i}")) for i in range(65)]
    out = [
        case("1 MiB of dots", {"repeat": ".", "times": MIB}, {"count": 0, "reportFindings": ["no_token_found"]}),
        case("1 MiB + 1 of dots", {"repeat": ".", "times": MIB + 1}, {"throws": "input_too_large"}),
        chain_case("3 nested dir JWEs decode all the way down", 3, {
            "count": 1, "kind": "jwe", "status": "decrypted", "key": {"index": 0, "reading": "hex"},
            "nested": [{"kind": "jwe", "status": "decrypted", "nested": [{"kind": "jwe", "status": "decrypted",
                        "nested": [{"kind": "jws", "status": "valid", "claims": {"sub": "innermost"}}]}]}]}),
        chain_case(f"{chain_depth} nested dir JWEs (as deep as fits in 1 MiB): capped at 8", chain_depth,
                   {"count": 1, "kind": "jwe", "status": "decrypted", "findings": ["nesting_too_deep"]}),
        case("exp 1e300", hs256(hdr, b'{"sub":"big","exp":1e300}', check=False),
             {"kind": "jws", "status": "valid", "absent": ["expired"]}),
        case("exp 9007199254740993 (2^53 + 1)", hs256(hdr, b'{"sub":"big","exp":9007199254740993}'),
             {"kind": "jws", "status": "valid", "absent": ["expired"]}),
        case("exp -1e20", hs256(hdr, b'{"sub":"old","exp":-1e20}', check=False),
             {"kind": "jws", "status": "valid", "findings": ["expired"]}),
        case("duplicate header member alg", hs256(b'{"alg":"HS256","alg":"none"}', claims("dup"), check=False),
             {"kind": "jws", "findings": ["duplicate_member"], **NEVER_VALID}),
        case("duplicate claim exp", hs256(hdr, b'{"sub":"dup","exp":1,"exp":4102444800}', check=False),
             {"kind": "jws", "findings": ["duplicate_member"], **NEVER_VALID}),
        case("crit names exp", hs256(b'{"alg":"HS256","crit":["exp"],"exp":4102444800}', claims("crit"), check=False),
             {"kind": "jws", "findings": ["crit_unsupported"], **NEVER_VALID}),
        case("crit names an unknown extension",
             hs256(b'{"alg":"HS256","crit":["http://example.com/unknown"],"http://example.com/unknown":true}',
                   claims("crit"), check=False),
             {"kind": "jws", "findings": ["crit_unsupported"], **NEVER_VALID}),
        case("1e999 in the claims", hs256(hdr, b'{"sub":"inf","exp":1e999}', check=False),
             {"kind": "jws", "claims": None, "findings": ["malformed_token"]}),
        case("1e999 in the header", hs256(b'{"alg":"HS256","x":1e999}', claims("inf"), check=False),
             {"kind": "jws", "findings": ["malformed_token"], **NEVER_VALID}),
        case("non-UTF-8 payload bytes (a binary JWS payload)", hs256(hdr, b"\xff\xfe\xfd{}"),
             {"kind": "jws", "status": "valid", "claims": None, "payloadText": None}),
        case("non-UTF-8 header bytes", hs256(b'{"alg":"HS256","x":"\xff"}', claims("bad"), check=False),
             {"anyCode": ["malformed_token", "no_token_found"], **NEVER_VALID}),
        *[case(f"header is {h}", hs256(h.encode(), claims("notobj"), check=False),
               {"anyCode": ["malformed_token", "no_token_found"], **NEVER_VALID})
          for h in ("[]", '"HS256"', "1", "null", '[{"alg":"HS256"}]')],
        case("empty payload and signature", f"{b64u(hdr)}..",
             {"anyCode": ["signature_invalid", "malformed_token", "no_token_found"], **NEVER_VALID}),
        case("empty header", "." + ok("x").split(".", 1)[1],
             {"anyCode": ["malformed_token", "no_token_found"], **NEVER_VALID}),
        case("5 segments: dir header, 3-byte IV, 1-byte tag",
             ".".join([b64u(b'{"alg":"dir","enc":"A128GCM"}'), "", "AAAA", "AAAAAAAA", "AA"]),
             {"anyCode": ["malformed_token", "decrypt_failed", "no_token_found"], **NEVER_VALID},
             keys=[DIR_KEY.hex()]),
        case("5 segments of garbage", ".".join(b64u(s) for s in (b"foobar", b"\x00", b"\x01\x02", b"zz", b"?")),
             {"anyCode": ["malformed_token", "no_token_found"], **NEVER_VALID}),
        case("a JWKS of 10,000 keys", ok("jwks"), {"throws": "too_many_keys"},
             keys=[{"prefix": '{"keys":[', "repeat": '{"kty":"oct","kid":"k{i}","k":"' + b64u(SECRET.encode()) + '"}',
                    "separator": ",", "times": 10000, "suffix": "]}"}]),
        case("a JWKS of 65 keys", ok("jwks"), {"throws": "too_many_keys"},
             keys=[{"prefix": '{"keys":[', "repeat": '{"kty":"oct","kid":"k{i}","k":"' + b64u(SECRET.encode()) + '"}',
                    "separator": ",", "times": 65, "suffix": "]}"}]),
        case("a JWKS of 64 keys: the last one verifies", ok("jwks"),
             {"count": 1, "status": "valid", "key": {"index": 0, "reading": "jwk", "kid": "right"}},
             keys=[{"prefix": '{"keys":[', "repeat": '{"kty":"oct","kid":"k{i}","k":"' + b64u(b"a wrong key, 32 bytes long, .....") + '"}',
                    "separator": ",", "times": 63,
                    "suffix": ',{"kty":"oct","kid":"right","k":"' + b64u(SECRET.encode()) + '"}]}'}]),
        case("65 keys", ok("keys"), {"throws": "too_many_keys"}, keys=[{"each": "key {i}", "times": 65}]),
        case("64 keys", ok("keys"), {"count": 1}, keys=[{"each": "key {i}", "times": 64}]),
        case("65 tokens in one text", "\n".join(many), {"throws": "too_many_tokens"}),
        case("64 tokens in one text", "\n".join(many[:64]), {"count": 64}),
        case("HS256 signed with an RSA public key's PEM as the secret (algorithm confusion)",
             hs256(hdr, claims("confused"), secret=rsa_pem.encode()), {"kind": "jws", "findings": ["algorithm_confusion"],
                                                                       **NEVER_VALID}, keys=[rsa_pem]),
        case("HS256 signed with a certificate's PEM as the secret (algorithm confusion)",
             hs256(hdr, claims("confused"), secret=cert_pem.encode()), {"kind": "jws", "findings": ["algorithm_confusion"],
                                                                        **NEVER_VALID}, keys=[cert_pem]),
        # Broken Unicode is refused, as everywhere in the API: read as U+FFFD it would be other text.
        case("a lone surrogate after the token", ok("surrogate") + " \ud800", {"throws": "bad_argument"}),
        case("only a lone surrogate", "\udc00", {"throws": "bad_argument"}),
        case("a key with a lone surrogate", ok("surrogate key"), {"throws": "bad_argument"},
             keys=["\ud800" + SECRET]),
        case("an escaped lone surrogate in a claim", hs256(hdr, b'{"sub":"\\ud800"}', check=False), {"count": 1}),
    ]
    found = {"bearer": ok("bearer"), "url": ok("url"), "form": ok("form"), "access": ok("access"), "id": ok("id")}
    texts = {"bearer": f"Authorization: Bearer {found['bearer']}",
             "url": f"https://app.example.com/callback#access_token={found['url']}&token_type=Bearer&expires_in=3600",
             "form": f"SPAppToken={found['form']}&SPSiteUrl=https%3A%2F%2Fcontoso.sharepoint.com%2Fsites%2Fdev",
             "json": json.dumps({"access_token": found["access"], "token_type": "Bearer", "id_token": found["id"]})}
    each = lambda *subs: [{"where": f"token {i + 1}", "status": "valid", "claims": {"sub": s}}  # noqa: E731
                          for i, s in enumerate(subs)]
    out += [case("in an Authorization header", texts["bearer"], {"count": 1, "tokens": each("bearer")}),
            case("in a URL with access_token=…&", texts["url"], {"count": 1, "tokens": each("url")}),
            case("in a form body with SPAppToken=", texts["form"], {"count": 1, "tokens": each("form")}),
            case("in a JSON response: access_token then id_token", texts["json"],
                 {"count": 2, "tokens": each("access", "id")}),
            case("all of the above in one paste, in order", "\n\n".join(texts.values()),
                 {"count": 5, "tokens": each("bearer", "url", "form", "access", "id")})]
    return out


if __name__ == "__main__":
    all_cases = cases(*rsa_public_pem_and_cert())
    # ensure_ascii: the lone surrogates must stay \u escapes (they cannot be written as UTF-8).
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "hostile.json"
    out.write_text(json.dumps(all_cases, indent=1) + "\n")
    print(f"wrote {len(all_cases)} cases to {out} ({out.stat().st_size} bytes)")
