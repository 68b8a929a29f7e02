#!/usr/bin/env python3
"""Writes the hand-built hostile inputs of tests/hostile.rs into this folder.

    python3 tests/hostile/make.py [NAME...]   (needs `cryptography` and `pyasn1`)

With names, only those files are written (the others keep their bytes).

Every structure is DER written by hand with the small encoder below (no
openssl involved), so each file holds exactly the parameters its name says.
The encrypted keys and PKCS#12 files are real PBES2 structures; where the
KDF parameters are absurd, the ciphertext is random filler, because a reader
must refuse such a file before running the KDF at all. The outputs are
committed; rerunning this script draws new salts, IVs and keys, so it changes
the bytes but not what the tests expect of them.
"""

import base64
import hashlib
import os
import pathlib
import re
import datetime
import sys

from pyasn1.codec.ber import decoder as ber
from pyasn1.codec.der import encoder as der
from pyasn1.type import univ
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography import x509
from cryptography.x509.oid import NameOID

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "certs"


# --- a minimal DER encoder -------------------------------------------------

def tlv(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + body


def seq(*items: bytes) -> bytes:
    return tlv(0x30, b"".join(items))


def octets(b: bytes) -> bytes:
    return tlv(0x04, b)


def integer(v: int) -> bytes:
    raw = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big")  # leading 0 keeps it positive
    return tlv(0x02, raw)


def oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(chunk))
    return tlv(0x06, bytes(body))


def explicit0(b: bytes) -> bytes:
    return tlv(0xA0, b)


def tlvs(der: bytes) -> list:
    """The values one after another in `der` (definite lengths), as (tag, body)."""
    out, i = [], 0
    while i < len(der):
        tag, n = der[i], der[i + 1]
        i += 2
        if n & 0x80:
            width, n = n & 0x7F, int.from_bytes(der[i:i + (n & 0x7F)], "big")
            i += width
        out.append((tag, der[i:i + n]))
        i += n
    return out


def join(values: list) -> bytes:
    return b"".join(tlv(tag, body) for tag, body in values)


# --- BER that is not DER: the same value, framed otherwise -----------------

def long_length(tag: int, body: bytes, width: int) -> bytes:
    """`tag`, then the length in `width` bytes with leading zeros (not minimal)."""
    return bytes([tag, 0x80 | width]) + len(body).to_bytes(width, "big") + body


def indefinite(tag: int, body: bytes) -> bytes:
    """`tag`, the indefinite length (0x80), `body`, then end-of-contents."""
    return bytes([tag, 0x80]) + body + b"\0\0"


def in_pieces(tag: int, body: bytes) -> bytes:
    """A string type as BER's constructed form: one primitive piece inside."""
    return tlv(tag | 0x20, tlv(tag, body))


def cert_parts(der: bytes) -> tuple:
    """A certificate's tbsCertificate fields, signatureAlgorithm and signature."""
    [(_, body)] = tlvs(der)
    (_, tbs), alg, sig = tlvs(body)
    return tlvs(tbs), alg, sig


def cert_of(tbs_fields: bytes, alg: tuple, sig: tuple) -> bytes:
    """A certificate from its tbsCertificate fields (already encoded) and the rest."""
    return seq(seq(tbs_fields), join([alg, sig]))


NULL = b"\x05\x00"
PBES2 = "1.2.840.113549.1.5.13"
PBKDF2 = "1.2.840.113549.1.5.12"
SCRYPT = "1.3.6.1.4.1.11591.4.11"
HMAC_SHA256 = "1.2.840.113549.2.9"
HMAC_SHA512 = "1.2.840.113549.2.11"
AES256_CBC = "2.16.840.1.101.3.4.1.42"
PBE_MD5_DES = "1.2.840.113549.1.5.3"
DATA = "1.2.840.113549.1.7.1"
ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2"
LOCAL_KEY_ID = "1.2.840.113549.1.9.21"
SHA256_RSA = "1.2.840.113549.1.1.11"
SHA384_RSA = "1.2.840.113549.1.1.12"


def pbkdf2_params(salt: bytes, iterations: int) -> bytes:
    return seq(oid(PBKDF2), seq(octets(salt), integer(iterations), seq(oid(HMAC_SHA256), NULL)))


def scrypt_params(salt: bytes, n: int, r: int, p: int) -> bytes:
    return seq(oid(SCRYPT), seq(octets(salt), integer(n), integer(r), integer(p), integer(32)))


def pbes2(kdf: bytes, iv: bytes) -> bytes:
    return seq(oid(PBES2), seq(kdf, seq(oid(AES256_CBC), octets(iv))))


def encrypted_pkcs8(algorithm: bytes, ciphertext: bytes) -> bytes:
    return seq(algorithm, octets(ciphertext))


def aes256_cbc(key: bytes, iv: bytes, plain: bytes) -> bytes:
    pad = 16 - len(plain) % 16
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(plain + bytes([pad]) * pad) + enc.finalize()


def real_pbkdf2_key(plain: bytes, password: bytes, iterations: int) -> bytes:
    """An encrypted PKCS#8 that really opens with `password`."""
    salt, iv = os.urandom(16), os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password, salt, iterations, 32)
    return encrypted_pkcs8(pbes2(pbkdf2_params(salt, iterations), iv), aes256_cbc(key, iv, plain))


def real_pbkdf2_sha512_key(plain: bytes, password: bytes, iterations: int) -> bytes:
    """As real_pbkdf2_key, with HMAC-SHA-512 as PBKDF2's PRF."""
    salt, iv = os.urandom(16), os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha512", password, salt, iterations, 32)
    kdf = seq(oid(PBKDF2), seq(octets(salt), integer(iterations), seq(oid(HMAC_SHA512), NULL)))
    return encrypted_pkcs8(pbes2(kdf, iv), aes256_cbc(key, iv, plain))


def pfx_of_parts(parts: list) -> bytes:
    """PFX v3 whose AuthenticatedSafe holds `parts` (ContentInfos), and no
    MacData (optional in PKCS#12)."""
    return seq(integer(3), seq(oid(DATA), explicit0(octets(seq(*parts)))))


def pfx_without_mac(bags: list) -> bytes:
    """PFX v3 whose one SafeContents holds `bags`, and no MacData."""
    return pfx_of_parts([seq(oid(DATA), explicit0(octets(seq(*bags))))])


def encrypted_part(algorithm: bytes, ciphertext: bytes) -> bytes:
    """An encryptedData ContentInfo (PKCS#7 EncryptedData, version 0) of a SafeContents."""
    content_info = seq(oid(DATA), algorithm, tlv(0x80, ciphertext))  # [0] IMPLICIT OCTET STRING
    return seq(oid(ENCRYPTED_DATA), explicit0(seq(integer(0), content_info)))


def shrouded_key_bag(epki: bytes, key_id: bytes) -> bytes:
    attributes = tlv(0x31, seq(oid(LOCAL_KEY_ID), tlv(0x31, octets(key_id))))
    return seq(oid(SHROUDED_KEY_BAG), explicit0(epki), attributes)


def pem_body(path: pathlib.Path) -> bytes:
    return serialization.load_pem_private_key(path.read_bytes(), None).private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def write(name: str, data: bytes) -> None:
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    (HERE / name).write_bytes(data)
    print(f"{name}: {len(data)} bytes")


def main() -> None:
    filler = os.urandom(48)
    iv = os.urandom(16)
    salt = os.urandom(16)

    # Encrypted PKCS#8 whose KDF asks for absurd work: refused before any derivation.
    write("pkcs8-pbkdf2-iter-4294967295.der",
          encrypted_pkcs8(pbes2(pbkdf2_params(salt, 2**32 - 1), iv), filler))
    write("pkcs8-pbkdf2-iter-1000001.der",
          encrypted_pkcs8(pbes2(pbkdf2_params(salt, 1_000_001), iv), filler))
    write("pkcs8-scrypt-n-2-30.der",
          encrypted_pkcs8(pbes2(scrypt_params(salt, 2**30, 8, 1), iv), filler))
    write("pkcs8-scrypt-p-17.der",
          encrypted_pkcs8(pbes2(scrypt_params(salt, 2**10, 8, 17), iv), filler))
    # PBES1 (pbeWithMD5AndDES-CBC): an old scheme the tool refuses.
    write("pkcs8-pbes1-md5-des.der",
          encrypted_pkcs8(seq(oid(PBE_MD5_DES), seq(octets(salt[:8]), integer(2048))), filler))

    # At the per-key cap (1,000,000 PBKDF2 iterations), really encrypted
    # under "correct horse": tests/hostile.rs repeats it in one PEM.
    leaf_key = pem_body(FIXTURES / "rsa-chain" / "leaf.key")
    write("pkcs8-pbkdf2-iter-1000000.der", real_pbkdf2_key(leaf_key, b"correct horse", 1_000_000))
    # The same with HMAC-SHA-512 as PBKDF2's PRF: a scheme keys::export never
    # writes, so a fleet cannot reuse one derivation for many such files: each
    # is charged to the fleet's budget (tests/fleet.rs).
    write("pkcs8-pbkdf2-sha512-iter-1000000.der", real_pbkdf2_sha512_key(leaf_key, b"correct horse", 1_000_000))

    # PKCS#12 without a MAC (so any passphrase, even none, reaches the bags):
    # one key bag whose scrypt asks for 1 GiB (N = 2^20, r = 8), p12-keystore's
    # cap, with p = 4 (the cap is 16, four times slower still).
    scrypt_bag = encrypted_pkcs8(pbes2(scrypt_params(salt, 2**20, 8, 4), iv), filler)
    write("p12-nomac-scrypt-1gib-p4.p12", pfx_without_mac([shrouded_key_bag(scrypt_bag, b"\x01")]))

    # PKCS#12 without a MAC: 40 key bags, each at 1,000,000 PBKDF2 iterations
    # (within every per-item cap), encrypted under the empty passphrase that
    # inspect uses when none is given.
    bag = real_pbkdf2_key(leaf_key, b"", 1_000_000)
    write("p12-nomac-40-bags-pbkdf2-1000000.p12",
          pfx_without_mac([shrouded_key_bag(bag, bytes([i + 1])) for i in range(40)]))

    # PKCS#12 without a MAC: five encrypted parts, each an empty SafeContents
    # really encrypted under the empty passphrase with scrypt N = 2^16, r = 8
    # (64 MiB), p = 16: within every cap of an encrypted key, but N·r·p =
    # 8,388,608 units of work each, about 4 s in wasm, so every part decrypts
    # and the next one's scrypt runs too unless the work is charged.
    scrypt_salt = os.urandom(16)
    scrypt_key = hashlib.scrypt(b"", salt=scrypt_salt, n=2**16, r=8, p=16, maxmem=2**27, dklen=32)
    scrypt_alg = pbes2(scrypt_params(scrypt_salt, 2**16, 8, 16), iv)
    part = encrypted_part(scrypt_alg, aes256_cbc(scrypt_key, iv, seq()))
    write("p12-nomac-5-parts-scrypt-n16-r8-p16.p12", pfx_of_parts([part] * 5))

    # A DER certificate whose subject holds the PEM marker "-----BEGIN ".
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.COMMON_NAME, "-----BEGIN CERTIFICATE-----"),
    ])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x1234)
        .not_valid_before(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
        .not_valid_after(datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc))
        .sign(key, hashes.SHA256())
    )
    write("cert-with-pem-marker-in-cn.der", cert.public_bytes(serialization.Encoding.DER))

    hostile_certificates()


def canonical(data: bytes) -> bytes:
    """The reference DER of `data`: pyasn1 reads it as BER and writes it as DER."""
    def primitive(value):
        # Read without a schema, a string sent in pieces keeps its constructed
        # tag; DER has only the primitive one.
        if isinstance(value, (univ.BitString, univ.OctetString)) and len(value.tagSet) == 1:
            return value.clone(tagSet=type(value).tagSet)
        if isinstance(value, (univ.Sequence, univ.Set, univ.SequenceOf, univ.SetOf)):
            for i in range(len(value)):
                value.setComponentByPosition(i, primitive(value.getComponentByPosition(i)), verifyConstraints=False)
        return value

    value, rest = ber.decode(data)
    assert not rest, "one value"
    return der.encode(primitive(value))


def fixture_certificates() -> list:
    """Every certificate under tests/fixtures/certs/ that `cryptography` reads
    (its own parser is strict DER), as its bytes."""
    found = []
    for path in sorted(FIXTURES.rglob("*")):
        data = path.read_bytes() if path.suffix in (".pem", ".der") else b""
        blocks = re.findall(rb"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", data, re.S)
        for candidate in [base64.b64decode(b"".join(b.split())) for b in blocks] if blocks else [data]:
            try:
                x509.load_der_x509_certificate(candidate)
            except ValueError:
                continue
            found.append(candidate)
    return found


def hostile_certificates() -> None:
    """Certificates that differ from a valid leaf (der/leaf.der, sha256WithRSA,
    its key is der/leaf-pkcs8.der) in one way. Deterministic: no random bytes."""
    leaf = (FIXTURES / "der" / "leaf.der").read_bytes()
    fields, alg, sig = cert_parts(leaf)
    assert alg == (0x30, oid(SHA256_RSA) + NULL) and fields[2] == alg, "the fixture changed"
    tbs = join(fields)

    # RFC 5280 4.1.1.2: the outer signatureAlgorithm must equal the one in the
    # TBS. Here the OID differs; then only the parameters (absent, not NULL).
    write("cert-sigalg-outer-differs.der", cert_of(tbs, (0x30, oid(SHA384_RSA) + NULL), sig))
    write("cert-sigalg-params-differ.der", cert_of(tbs, (0x30, oid(SHA256_RSA)), sig))

    # BER but not DER: each parses to the same certificate as the leaf, but
    # its SHA-1 is not the one a device computes.
    body = tlv(0x30, tbs) + join([alg, sig])
    write("cert-ber-outer-length-83.der", long_length(0x30, body, 3))
    serial = long_length(0x02, fields[1][1], 1)  # 02 81 02 instead of 02 02
    write("cert-ber-serial-length-81.der", cert_of(join(fields[:1]) + serial + join(fields[2:]), alg, sig))
    write("cert-ber-indefinite-length.der", indefinite(0x30, body))
    write("cert-ber-tbs-indefinite-length.der", seq(indefinite(0x30, tbs) + join([alg, sig])))
    spki = tlvs(fields[6][1])  # the subjectPublicKey BIT STRING in one piece
    spki_in_pieces = tlv(0x30, join(spki[:1]) + in_pieces(0x03, spki[1][1]))
    write("cert-ber-constructed-bit-string.der",
          cert_of(join(fields[:6]) + spki_in_pieces + join(fields[7:]), alg, sig))
    [(_, extensions)] = tlvs(fields[7][1])
    first, *rest = tlvs(extensions)
    ext_oid, *ext_more = tlvs(first[1])  # the extnValue OCTET STRING in one piece
    ext = tlv(0x30, join([ext_oid] + ext_more[:-1]) + in_pieces(0x04, ext_more[-1][1]))
    write("cert-ber-constructed-octet-string.der",
          cert_of(join(fields[:7]) + tlv(0xA3, seq(ext + join(rest))), alg, sig))

    # DER, but 42 levels deep (the cap is 32): an extra subject attribute of
    # an unknown type whose value is 36 SEQUENCEs, each holding the next.
    deep = NULL
    for _ in range(36):
        deep = seq(deep)
    subject = tlv(0x30, fields[5][1] + tlv(0x31, seq(oid("1.3.6.1.4.1.55555.1"), deep)))
    write("cert-nested-42-levels.der", cert_of(join(fields[:5]) + subject + join(fields[6:]), alg, sig))

    # The reference the strict-DER walk (src/cert/der.rs) is tested against:
    # pyasn1 re-encodes every fixture certificate and the files above that
    # are DER to the same bytes, and each cert-ber-* file to der/leaf.der.
    # (`openssl x509 -out` keeps the signed part's encoding, so it mends
    # only the outer framing: of these, the outer length and indefinite one.)
    fixtures = fixture_certificates()
    assert len(fixtures) >= 40 and leaf in fixtures
    for cert in fixtures:
        assert canonical(cert) == cert, "a fixture certificate is not DER"
    for path in sorted(HERE.glob("cert-*.der")):
        expected = leaf if path.name.startswith("cert-ber-") else path.read_bytes()
        assert canonical(path.read_bytes()) == expected, path.name
    print(f"reference: {len(fixtures)} fixture certificates are DER; each cert-ber-* re-encodes to der/leaf.der")


if __name__ == "__main__":
    main()
