"""Replay every cassette through its generated client (see `tests/replay.py` for the checks)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from tests.support import apis
from tests.support import cassette as cz
from tests.support.replay import replay

CASSETTES = cz.all_cassettes()


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("path", CASSETTES, ids=_id)
def test_replay(path: Path) -> None:
    recorded = cz.load(path)
    replay(recorded)


@pytest.mark.parametrize("kind", ["rsa", "ed25519"])
@pytest.mark.parametrize("stem", ["place_order.success", "get_order.both-ids"])
def test_bitget_private_key_signature_verifies(kind: str, stem: str) -> None:
    """A PEM private key as api_secret (the spec's signing hook): the signature over the prehash
    the spec declares verifies with the public key (RSA PKCS#1 v1.5 / SHA-256, or Ed25519)."""
    key: rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if kind == "rsa"
        else ed25519.Ed25519PrivateKey.generate()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = key.public_key()
    checked: list[bytes] = []

    def verify(message: bytes, header: str) -> bool:
        checked.append(message)
        signature = base64.b64decode(header, validate=True)
        try:
            if isinstance(public, rsa.RSAPublicKey):
                public.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
            else:
                public.verify(signature, message)
        except InvalidSignature:
            return False
        return True

    credentials = {**apis.get("bitget").test_credentials(), "api_secret": pem}
    replay(cz.load(cz.CASSETTES / "bitget" / f"{stem}.yaml"), credentials, verify)
    assert len(checked) == 1 and checked[0].startswith(b"1750496809871")
