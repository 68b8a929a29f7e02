"""The committed token data of tests/tokens/ is right, without any code of ours: every
RFC example verifies or decrypts with jwcrypto using exactly the key string stored
and gives the expected claims or text; every CBC-HMAC vector recomputes with
`cryptography`; hostile.json is what make_hostile.py writes (it is deterministic)."""

import json
import pathlib
import subprocess
import sys

import pytest
from jwcrypto import jwe, jwk, jws

TOKENS = pathlib.Path(__file__).parent.parent / "tokens"
sys.path.insert(0, str(TOKENS))
from make_cbc_hmac_vectors import seal  # noqa: E402  (AES-CBC + HMAC written out with `cryptography`)

RFC = json.loads((TOKENS / "rfc-vectors.json").read_text())
CBC = json.loads((TOKENS / "cbc-hmac-vectors.json").read_text())


def opened(token: str, key_text: str) -> bytes:
    key = jwk.JWK.from_json(key_text)
    if token.count(".") == 4:
        e = jwe.JWE()
        e.allowed_algs = jwe.default_allowed_algs + ["RSA1_5"]
        e.deserialize(token, key)
        return e.payload
    s = jws.JWS()
    s.deserialize(token, key)
    return s.payload


@pytest.mark.parametrize("vector", [v for v in RFC if v["expect"]["status"] in ("valid", "decrypted")],
                         ids=lambda v: v["name"])
def test_rfc_vector_opens_with_its_stored_key(vector):
    e = vector["expect"]
    payload = opened(vector["token"], vector["keys"][e["key"]["index"]])
    assert (json.loads(payload) if "claims" in e else payload.decode()) == e.get("claims", e.get("payloadText"))
    for nested in e.get("nested", []):
        inner = opened(payload.decode(), vector["keys"][nested["key"]["index"]])
        assert json.loads(inner) == nested["claims"]


@pytest.mark.parametrize("vector", CBC, ids=lambda v: v["name"])
def test_cbc_hmac_vector_recomputes(vector):
    k, p, iv, a, e, t = (bytes.fromhex(vector[f]) for f in "K P IV A E T".split())
    assert seal(vector["enc"], k, p, iv, a) == (e, t)


def test_hostile_json_is_what_the_generator_writes(tmp_path):
    subprocess.run([sys.executable, str(TOKENS / "make_hostile.py"), str(tmp_path / "hostile.json")],
                   check=True, capture_output=True)
    assert (tmp_path / "hostile.json").read_bytes() == (TOKENS / "hostile.json").read_bytes()
