"""Writes tests/tokens/rfc-vectors.json: the compact examples of RFC 7515, 7516 and
7520 with the keys to check them, and what inspectToken must say about each.

Nothing is typed in by hand: RFC 7515/7516 come from jwcrypto's own test module
(jwcrypto/tests.py, pip jwcrypto 1.6.1), RFC 7520 from the RFC author's
machine-readable cookbook (github.com/ietf-jose/cookbook), read with `git show`
from a clone. Every token is checked with jwcrypto (verify or decrypt with the
very key string stored) before it is written, and the RFC 7520 tokens are also
compared with jwcrypto's tests-cookbook.py copies where it has them.

usage: python3 tests/tokens/make_rfc_vectors.py [COOKBOOK_GIT_DIR]
"""

import importlib.util
import json
import os
import pathlib
import subprocess
import sys

import jwcrypto
from jwcrypto import jwe, jwk, jws
from jwcrypto import tests as jt
from jwcrypto.common import base64url_decode, base64url_encode

HERE = pathlib.Path(__file__).parent
COOKBOOK = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/ietf-jose+cookbook/repo"
COOKBOOK_COMMIT = "13692b68bfc18b99557a5b1ed311fd5077bfff04"
# Before RFC 7515 A.1's exp (1300819380, 2011-03-22T18:43:00Z), so no example is expired.
NOW = 1300000000
ALL_JWE_ALGS = jwe.default_allowed_algs + ["RSA1_5"]
ALL_JWS_ALGS = jws.default_allowed_algs + ["none"]


def cookbook(path: str) -> dict:
    return json.loads(subprocess.run(["git", "-C", COOKBOOK, "show", f"{COOKBOOK_COMMIT}:{path}"],
                                     check=True, capture_output=True).stdout)


def jwcrypto_cookbook():
    path = os.path.join(os.path.dirname(jwcrypto.__file__), "tests-cookbook.py")
    spec = importlib.util.spec_from_file_location("jwcrypto_cookbook", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def public(key: dict) -> str:
    """The JWK a verifier is given: public members only, as JSON text."""
    return jwk.JWK(**key).export_public() if key["kty"] != "oct" else json.dumps(key)


def compact(protected: bytes, payload: bytes, signature: bytes) -> str:
    return ".".join(base64url_encode(p) for p in (protected, payload, signature))


def check_jws(token: str, key_text: str) -> bytes:
    s = jws.JWS()
    s.allowed_algs = ALL_JWS_ALGS
    s.deserialize(token, jwk.JWK.from_json(key_text))  # raises unless it verifies
    return s.payload


def check_jwe(token: str, key_text: str) -> bytes:
    e = jwe.JWE()
    e.allowed_algs = ALL_JWE_ALGS
    e.deserialize(token, jwk.JWK.from_json(key_text))  # raises unless it decrypts
    return e.payload


def body(payload: bytes) -> dict:
    """claims for a JSON-object payload, else payloadText (contract: Token.claims / payloadText)."""
    try:
        value = json.loads(payload)
        if isinstance(value, dict):
            return {"claims": value}
    except ValueError:
        pass
    return {"payloadText": payload.decode()}


def case(name, source, token, key_text, expect, check):
    payload = check(token, key_text)
    full = {"kind": "jwe" if token.count(".") == 4 else "jws", **expect}
    if full["kind"] == "jws" or full["status"] == "decrypted":  # a JWS payload is read whatever its alg
        full = {**full, **body(payload)}
    if full["status"] in ("valid", "decrypted"):
        full = {**full, "key": {"index": 0, "reading": "jwk"}}
    return {"name": name, "source": source, "token": token, "keys": [key_text], "now": NOW,
            "expect": {**full, "findings": expect.get("findings", [])}}


UNSUPPORTED = {"status": "unsupported", "findings": ["unsupported_algorithm"]}


def rfc7515_7516():
    out = []
    for label, ex, status in [("A.1", jt.A1_example, "valid"), ("A.2", jt.A2_example, "valid"),
                              ("A.3", jt.A3_example, "valid"), ("A.4", jt.A4_example, "unsupported")]:
        token = compact(ex["protected"].encode(), ex["payload"], ex["signature"])
        expect = {"status": status, "algorithm": ex["alg"]}
        if status == "unsupported":
            expect = {**UNSUPPORTED, "algorithm": ex["alg"]}
        out.append(case(f"RFC 7515 {label} {ex['alg']}", f"RFC 7515 §{label}", token, public(ex["key"]),
                        expect, check_jws))
    a5 = jt.A5_example
    token = compact(a5["protected"].encode(), a5["payload"], a5["signature"])
    # alg none: never 'valid'; which of the other statuses is the implementer's choice (see README).
    out.append(case("RFC 7515 A.5 alg none", "RFC 7515 §A.5", token, json.dumps(a5["key"]),
                    {"status": ["invalid", "not_checked", "unsupported"], "algorithm": "none",
                     "findings": ["alg_none"]}, check_jws))
    out[-1]["keys"] = []  # jwcrypto "verifies" none with an empty oct key; the inspector is given none
    # §A.5 + the crit negative example of RFC 7515 §4.1.11 as jwcrypto keeps it (E_negative).
    neg = case("RFC 7515 §4.1.11 crit naming an unknown extension", "RFC 7515 §4.1.11 (jwcrypto E_negative)",
               jt.E_negative, json.dumps(a5["key"]),
               {"status": ["invalid", "not_checked", "unsupported"], "algorithm": "none",
                "findings": ["crit_unsupported"]}, lambda t, k: base64url_decode(t.split(".")[1]))
    neg["keys"] = []
    out.append(neg)
    for label, vector, key, alg, enc, status in [
            # RSA-OAEP is not opened (its RSA private-key code would cost the page 13 KB gzipped).
            ("A.1", jt.E_A1_vector, jt.E_A1_key, "RSA-OAEP", "A256GCM", "unsupported"),
            ("A.2", jt.E_A2_vector, jt.E_A2_key, "RSA1_5", "A128CBC-HS256", "unsupported"),
            ("A.3", jt.E_A3_vector, jt.E_A3_key, "A128KW", "A128CBC-HS256", "unsupported")]:
        expect = {"status": status, "algorithm": f"{alg}+{enc}"}
        if status == "unsupported":
            expect = {**UNSUPPORTED, "algorithm": f"{alg}+{enc}"}
        out.append(case(f"RFC 7516 {label} {alg} {enc}", f"RFC 7516 §{label}", vector, json.dumps(key),
                        expect, check_jwe))
    return out


def rfc7520():
    cb = jwcrypto_cookbook()
    same_as_jwcrypto = {"4_1": cb.JWS_compact_4_1_3, "4_2": cb.JWS_compact_4_2_3, "4_3": cb.JWS_compact_4_3_3,
                        "4_4": cb.JWS_compact_4_4_3, "5_1": cb.JWE_compact_5_1_5, "5_2": cb.JWE_compact_5_2_5,
                        "5_3": cb.JWE_compact_5_3_5, "5_4": cb.JWE_compact_5_4_5, "5_5": cb.JWE_compact_5_5_5,
                        "5_6": cb.JWE_compact_5_6_4, "5_7": cb.JWE_compact_5_7_5, "5_8": cb.JWE_compact_5_8_5,
                        "5_9": cb.JWE_compact_5_9_5}
    files = {
        "4_1": ("jws/4_1.rsa_v15_signature.json", "valid"),
        "4_2": ("jws/4_2.rsa-pss_signature.json", "valid"),  # randomized PSS: verify only
        "4_3": ("jws/4_3.ecdsa_signature.json", "unsupported"),  # ES512
        "4_4": ("jws/4_4.hmac-sha2_integrity_protection.json", "valid"),
        "5_1": ("jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json", "unsupported"),
        "5_2": ("jwe/5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json", "unsupported"),  # RSA-OAEP
        "5_3": ("jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json", "unsupported"),
        "5_4": ("jwe/5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json",
                "unsupported"),
        "5_5": ("jwe/5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json", "unsupported"),
        "5_6": ("jwe/5_6.direct_encryption_using_aes-gcm.json", "decrypted"),
        "5_7": ("jwe/5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json", "unsupported"),
        "5_8": ("jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json", "unsupported"),
        "5_9": ("jwe/5_9.compressed_content.json", "unsupported"),  # zip DEF (and A128KW)
    }
    out = []
    for section, (path, status) in files.items():
        data = cookbook(path)
        inp, token = data["input"], data["output"]["compact"]
        assert token == same_as_jwcrypto[section], f"§{section}: cookbook and jwcrypto differ"
        is_jwe = "enc" in inp
        if "pwd" in inp:  # §5.3 PBES2: the key is a password, given as text
            key_text = inp["pwd"]
            jwcrypto_key = jwk.JWK.from_password(inp["pwd"]).export()
        else:
            key_text = json.dumps(inp["key"]) if is_jwe else public(inp["key"])
            jwcrypto_key = key_text
        algorithm = f"{inp['alg']}+{inp['enc']}" if is_jwe else inp["alg"]
        expect = {"status": status, "algorithm": algorithm}
        if status == "unsupported":
            expect = {**UNSUPPORTED, "algorithm": algorithm}
        made = case(f"RFC 7520 {section.replace('_', '.')} {data['title']}", f"RFC 7520 §{section.replace('_', '.')}",
                    token, jwcrypto_key, expect, check_jwe if is_jwe else check_jws)
        made["keys"] = [key_text]
        expected_text = inp["plaintext"] if is_jwe else inp["payload"]
        assert (check_jwe if is_jwe else check_jws)(token, jwcrypto_key).decode() == expected_text
        out.append(made)
    out.append(rfc7520_nested())
    return out


def rfc7520_nested():
    """§6: a PS256 JWT (cty JWT) inside an RSA-OAEP/A128GCM JWE; both keys given. RSA-OAEP is
    not opened here: the header is shown, the JWE is `unsupported`."""
    data = cookbook("6.nesting_signatures_and_encryption.json")
    sign_key, enc_key = public(data["sign"]["input"]["key"]), json.dumps(data["encrypt"]["input"]["key"])
    outer = data["encrypt"]["output"]["compact"]
    inner = check_jwe(outer, enc_key).decode()
    assert inner == data["sign"]["output"]["compact"]
    assert json.loads(check_jws(inner, sign_key))  # the inner JWT verifies with the sign key
    return {"name": "RFC 7520 6 nesting signatures and encryption", "source": "RFC 7520 §6", "token": outer,
            "keys": [sign_key, enc_key], "now": NOW,
            "expect": {"kind": "jwe", **UNSUPPORTED, "algorithm": "RSA-OAEP+A128GCM", "nested": []}}


if __name__ == "__main__":
    cases = rfc7515_7516() + rfc7520()
    (HERE / "rfc-vectors.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases, each checked with jwcrypto")
