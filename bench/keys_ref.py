"""The reference for the key workflow in scripts/bench: the same work through
Python's `cryptography` (OpenSSL underneath). A P-256 key and a CSR with one
DNS name signed ECDSA-SHA256, per device; and one device's whole job with the
key exported as we export it: scrypt (N=2^14, r=8, p=1) or PBKDF2-HMAC-SHA256
(600,000 iterations) by hashlib, then AES-256-CBC over the PKCS#8.

usage: python3 bench/keys_ref.py DEVICES SINGLES   (prints one JSON object, ms)
"""
import hashlib
import json
import os
import sys
import time

from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509.oid import NameOID


def key_and_csr(name):
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
           .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
           .sign(key, hashes.SHA256()))
    return key, csr.public_bytes(serialization.Encoding.PEM)


def seal(key, derive):
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    aes_key = derive(os.urandom(16))
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(aes_key), modes.CBC(os.urandom(16))).encryptor()
    return encryptor.update(padder.update(der) + padder.finalize()) + encryptor.finalize()


SCRYPT = lambda salt: hashlib.scrypt(b"bench pass", salt=salt, n=1 << 14, r=8, p=1, dklen=32)  # noqa: E731
PBKDF2 = lambda salt: hashlib.pbkdf2_hmac("sha256", b"bench pass", salt, 600_000, 32)  # noqa: E731


def ms(fn):
    start = time.perf_counter()
    fn()
    return round((time.perf_counter() - start) * 1000, 3)


def main():
    devices, singles = int(sys.argv[1]), int(sys.argv[2])
    per_key = [ms(lambda i=i: key_and_csr(f"room-{i}.example.com")) for i in range(devices)]
    scrypt_ms, pbkdf2_ms = [], []
    for _ in range(singles):
        scrypt_ms.append(ms(lambda: seal(key_and_csr("room-1.example.com")[0], SCRYPT)))
        pbkdf2_ms.append(ms(lambda: seal(key_and_csr("room-1.example.com")[0], PBKDF2)))
    print(json.dumps({"perKeyMs": per_key, "scryptMs": scrypt_ms, "pbkdf2Ms": pbkdf2_ms}))


if __name__ == "__main__":
    main()
