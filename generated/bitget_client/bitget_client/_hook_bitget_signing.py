"""Bitget ACCESS-SIGN: HMAC-SHA256, or RSA / Ed25519 when the secret is a PEM private key."""

from __future__ import annotations

import base64
import hashlib
import hmac

_PEM_MARKER = "-----BEGIN"


def sign(message: bytes, secret: str) -> str:
    """Return the base64 ACCESS-SIGN value of the prehash `message` under `secret`."""
    if secret.lstrip().startswith(_PEM_MARKER):
        signature = _sign_with_private_key(message, secret.strip())
    else:
        signature = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(signature).decode("ascii")


def _sign_with_private_key(message: bytes, pem: str) -> bytes:
    """Sign with a PEM private key: RSA PKCS#1 v1.5 over SHA-256, or Ed25519."""
    # Imported here: cryptography costs import time and only key-based signing needs it.
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise ValueError(
            "api_secret starts like a PEM private key but cannot be loaded"
            " (it must be an unencrypted RSA or Ed25519 private key)"
        ) from None
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(message)
    raise ValueError(
        f"unsupported private key type for Bitget signing: {type(key).__name__}"
        " (use an RSA or Ed25519 key, or the HMAC secret)"
    )
