"""Writes tests/tokens/cbc-hmac-vectors.json: known answers for the composite
AES_CBC_HMAC_SHA2 content encryption of RFC 7518 §5.2 (A128CBC-HS256,
A192CBC-HS384, A256CBC-HS512), as hex { enc, K, P, IV, A, E, T }.

Sources, read from clones (`git show`), never typed in:
  RFC 7518 B.1, B.2  guillp/jwskate tests/test_jwa/test_examples.py
  RFC 7518 B.3       go-jose/go-jose cipher/cbc_hmac_test.go TestVectorsAESCBC256 (McGrew draft §5.4, = B.3)
  RFC 7516 A.2       go-jose TestVectorsAESCBC128, and again from jwcrypto's E_A2_vector with the CEK
                     recovered by RSA1_5 decryption of its encrypted key: both must agree
  RFC 7516 A.3       jwcrypto's E_A3_vector, CEK recovered by AES key unwrap (RFC 3394)
  RFC 7520 §5.1, 5.3, 5.5, 5.7  ietf-jose/cookbook (generated.cek, iv, ciphertext, tag; A = the protected header)
Every vector is recomputed here with Python `cryptography` (AES-CBC, PKCS#7, HMAC,
truncated tag) and must match byte for byte before it is written.

usage: python3 tests/tokens/make_cbc_hmac_vectors.py [MIRROR_DIR]   (holds owner+name/repo clones)
"""

import hashlib
import hmac
import json
import pathlib
import re
import subprocess
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.asymmetric import padding as rsa_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.keywrap import aes_key_unwrap
from jwcrypto import jwk
from jwcrypto import tests as jt
from jwcrypto.common import base64url_decode

HERE = pathlib.Path(__file__).parent
MIRROR = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror")
COMMITS = {"guillp+jwskate": "31c205b", "go-jose+go-jose": "8d4e64d",
           "ietf-jose+cookbook": "13692b68bfc18b99557a5b1ed311fd5077bfff04"}
SUITES = {"A128CBC-HS256": (32, hashlib.sha256), "A192CBC-HS384": (48, hashlib.sha384),
          "A256CBC-HS512": (64, hashlib.sha512)}


def show(repo: str, path: str) -> str:
    return subprocess.run(["git", "-C", str(MIRROR / repo / "repo"), "show", f"{COMMITS[repo]}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def seal(enc: str, k: bytes, p: bytes, iv: bytes, a: bytes) -> tuple[bytes, bytes]:
    """RFC 7518 §5.2.2.1, written out here so the vectors are checked independently of any JOSE library."""
    size, hash_ = SUITES[enc]
    assert len(k) == size
    mac_key, enc_key = k[: size // 2], k[size // 2:]
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).encryptor()
    e = encryptor.update(padder.update(p) + padder.finalize()) + encryptor.finalize()
    al = (len(a) * 8).to_bytes(8, "big")
    t = hmac.new(mac_key, a + iv + e + al, hash_).digest()[: size // 2]
    return e, t


def vector(name, source, enc, k, p, iv, a, e, t):
    assert seal(enc, k, p, iv, a) == (e, t), f"{name}: recomputed E/T differ from the source"
    return {"name": name, "source": source, "enc": enc,
            **{f: v.hex() for f, v in zip("K P IV A E T".split(), (k, p, iv, a, e, t))}}


def jwskate(function: str) -> dict:
    text = show("guillp+jwskate", "tests/test_jwa/test_examples.py")
    body = text[text.index(f"def {function}("):]
    body = body[: body.index("\ndef ", 1)]
    values = {}
    for name, long, short in re.findall(r'(\w+) = bytes\.fromhex\((?:"""\\\n(.*?)"""|"(.*?)")\)', body, re.S):
        values[name] = bytes.fromhex(re.sub(r"\s", "", long or short))
    return values


def go_jose(function: str) -> dict:
    text = show("go-jose+go-jose", "cipher/cbc_hmac_test.go")
    body = text[text.index(f"func {function}("):]
    body = body[: body.index("\nfunc ", 1)]
    return {name: bytes(int(n, 0) for n in re.findall(r"0x[0-9a-fA-F]+|\d+", numbers))
            for name, numbers in re.findall(r"(\w+) := \[\]byte\{(.*?)\}", body, re.S)}


def rfc7518():
    out = []
    for label, enc, fn in [("B.1", "A128CBC-HS256", "test_aes_128_hmac_sha256"),
                           ("B.2", "A192CBC-HS384", "test_aes_192_hmac_sha384")]:
        v = jwskate(fn)
        assert v["mac_key"] + v["enc_key"] == v["key"] and v["mac"][: len(v["tag"])] == v["tag"]
        out.append(vector(f"RFC 7518 {label} {enc}", f"RFC 7518 Appendix {label}", enc,
                          v["key"], v["plaintext"], v["iv"], v["aad"], v["ciphertext"], v["tag"]))
    v = go_jose("TestVectorsAESCBC256")
    out.append(vector("RFC 7518 B.3 A256CBC-HS512", "RFC 7518 Appendix B.3", "A256CBC-HS512", v["key"],
                      v["plaintext"], v["nonce"], v["aad"], v["expectedCiphertext"], v["expectedAuthtag"]))
    return out


def compact_parts(token: str):
    header, ek, iv, e, t = token.split(".")
    return header.encode(), base64url_decode(ek), base64url_decode(iv), base64url_decode(e), base64url_decode(t)


def rfc7516():
    a, ek, iv, e, t = compact_parts(jt.E_A2_vector)
    rsa = jwk.JWK(**jt.E_A2_key).get_op_key("decrypt")
    cek = rsa.decrypt(ek, rsa_padding.PKCS1v15())
    g = go_jose("TestVectorsAESCBC128")
    assert (g["key"], g["nonce"], g["aad"], g["expectedCiphertext"], g["expectedAuthtag"]) == (cek, iv, a, e, t)
    assert g["plaintext"].decode() == jt.E_A2_plaintext
    out = [vector("RFC 7516 A.2 A128CBC-HS256 (RSA1_5)", "RFC 7516 Appendix A.2", "A128CBC-HS256",
                  cek, g["plaintext"], iv, a, e, t)]
    a, ek, iv, e, t = compact_parts(jt.E_A3_vector)
    cek = aes_key_unwrap(base64url_decode(jt.E_A3_key["k"]), ek)
    out.append(vector("RFC 7516 A.3 A128CBC-HS256 (A128KW)", "RFC 7516 Appendix A.3", "A128CBC-HS256",
                      cek, jt.E_A3_plaintext.encode(), iv, a, e, t))
    return out


def rfc7520():
    out = []
    for section, path in [("5.1", "jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json"),
                          ("5.3", "jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json"),
                          ("5.5", "jwe/5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json"),
                          ("5.7", "jwe/5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json")]:
        d = json.loads(show("ietf-jose+cookbook", path))
        content = d["encrypting_content"]
        cek = base64url_decode(d["generated"].get("cek") or d["encrypting_key"]["cek"])  # §5.5: derived by ECDH-ES
        out.append(vector(f"RFC 7520 {section} {d['input']['enc']}", f"RFC 7520 §{section}", d["input"]["enc"],
                          cek, d["input"]["plaintext"].encode(), base64url_decode(d["generated"]["iv"]),
                          content["protected_b64u"].encode(), base64url_decode(content["ciphertext"]),
                          base64url_decode(content["tag"])))
    return out


if __name__ == "__main__":
    vectors = rfc7518() + rfc7516() + rfc7520()
    (HERE / "cbc-hmac-vectors.json").write_text(json.dumps(vectors, indent=1) + "\n")
    print(f"wrote {len(vectors)} vectors, each recomputed with cryptography")
