"""Coinbase Advanced Trade: every request carries a fresh ES256 JWT naming its method, host and
path, signed by the key's EC private key."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

# The order of the P-256 group: an ECDSA signature (r, s) is also valid as (r, n - s), and the
# lower of the two is sent, so that the token is one exact value for one key and input.
_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_LIFETIME = 120  # seconds from nbf to exp


def sign_request(
    request: Any, credentials: Any, clock: Callable[[], int], nonce: Callable[[], str]
) -> None:
    """Set `Authorization: Bearer <JWT>` for this request."""
    name: str = credentials["key_name"]
    key = serialization.load_pem_private_key(credentials["private_key"].encode(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("private_key is not an EC private key")
    now = clock() // 1000
    path = bytes(request.url.raw_path).partition(b"?")[0].decode("ascii")
    header = {"alg": "ES256", "typ": "JWT", "kid": name, "nonce": nonce()}
    claims = {
        "aud": ["retail_rest_api_proxy"],
        "iss": "coinbase-cloud",
        "nbf": now,
        "exp": now + _LIFETIME,
        "sub": name,
        "iat": now,
        "uri": f"{request.method} {request.url.netloc.decode('ascii')}{path}",
    }
    signing_input = _segment(_json(header)) + "." + _segment(_json(claims))
    der = key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    r, s = decode_dss_signature(der)
    s = min(s, _P256_ORDER - s)
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    request.headers["Authorization"] = f"Bearer {signing_input}.{_segment(signature)}"


def _json(value: dict[str, Any]) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def _segment(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
