"""Independent reference computations for the signing schemes in FACTS.md.

Nothing here imports the generated packages: each function rebuilds the prehash string from the
formula FACTS.md gives and signs it with `hmac` / `hashlib` / `base64` / `cryptography` directly,
so a test comparing a client's header with these values checks the client against the documented
formula, not against itself.

A signer reads the request from `Sent`, the snapshot the scripted transport keeps per attempt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from tests.support.transport import Sent


def _query_part(query: bytes) -> bytes:
    return b"?" + query if query else b""


# -- prehash strings (FACTS.md) ---------------------------------------------------------------


def bitria_prehash(timestamp: str, method: str, path: bytes, query: bytes, body: bytes) -> bytes:
    """timestamp + METHOD + path (as sent, `/api` included) + ("?" + query if any) + body."""
    return timestamp.encode() + method.upper().encode() + path + _query_part(query) + body


def bitget_prehash(timestamp: str, method: str, path: bytes, query: bytes, body: bytes) -> bytes:
    """timestamp + METHOD + requestPath + ("?" + queryString if any) + body."""
    return timestamp.encode() + method.upper().encode() + path + _query_part(query) + body


def btse_prehash(urlpath: str, nonce: str, body: bytes) -> bytes:
    """urlpath (relative to the server URL, no `/spot`) + nonce + bodyStr; query not signed."""
    return urlpath.encode() + nonce.encode() + body


# -- signatures -------------------------------------------------------------------------------


def hmac_sha256_hex(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def hmac_sha256_base64(secret: str, message: bytes) -> str:
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def hmac_sha384_hex(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha384).hexdigest()


def bitria_signature(secret: str, sent: Sent, timestamp: str) -> str:
    """X-API-SIGNATURE for a captured request."""
    return hmac_sha256_hex(
        secret, bitria_prehash(timestamp, sent.method, sent.path, sent.query, sent.body)
    )


def bitget_signature(secret: str, sent: Sent, timestamp: str) -> str:
    """ACCESS-SIGN (HMAC secret) for a captured request."""
    return hmac_sha256_base64(
        secret, bitget_prehash(timestamp, sent.method, sent.path, sent.query, sent.body)
    )


def btse_signature(secret: str, urlpath: str, nonce: str, body: bytes) -> str:
    """btse-sign for a request to `urlpath` (e.g. `/v2/order`)."""
    return hmac_sha384_hex(secret, btse_prehash(urlpath, nonce, body))


def basic_authorization(username: str, password: str) -> str:
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


# -- Bitget private keys ----------------------------------------------------------------------


def verify_bitget_key_signature(public_key: Any, signature_b64: str, message: bytes) -> None:
    """Raise InvalidSignature unless `signature_b64` signs `message` under `public_key`.

    RSA: PKCS#1 v1.5 over SHA-256 (Bitget's SHA256withRSA); Ed25519: the message itself.
    """
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

    signature = base64.b64decode(signature_b64, validate=True)
    if isinstance(public_key, rsa.RSAPublicKey):
        public_key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    elif isinstance(public_key, ed25519.Ed25519PublicKey):
        public_key.verify(signature, message)
    else:  # pragma: no cover - tests only pass the two kinds above
        raise TypeError(type(public_key).__name__)
