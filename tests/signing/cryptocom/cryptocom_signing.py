"""Crypto.com Exchange v1: a private call is a JSON-RPC request whose body carries the method,
the parameters, the key, a nonce and an HMAC-SHA256 of them, so the whole body is written here."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any


def sign_request(
    request: Any, credentials: Any, clock: Callable[[], int], nonce: Callable[[], str]
) -> None:
    """Wrap the declared body (the call's parameters) in the signed request envelope."""
    path: str = request.url.path
    method = path[path.index("/private/") + 1 :]
    params = json.loads(request.content) if request.content else {}
    stamp = str(clock())
    key: str = credentials["api_key"]
    message = method + stamp + key + _flatten(params) + stamp
    secret: str = credentials["api_secret"]
    sig = hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()
    envelope = {
        "id": stamp,
        "method": method,
        "params": params,
        "api_key": key,
        "sig": sig,
        "nonce": stamp,
    }
    request.content = json.dumps(envelope, separators=(",", ":")).encode()
    request.headers["Content-Type"] = "application/json"


def _flatten(value: Any) -> str:
    """The parameters as signed: names in sorted order, each followed by its value; a list is
    its items in order, an object its names and values again."""
    if isinstance(value, dict):
        return "".join(name + _flatten(value[name]) for name in sorted(value))
    if isinstance(value, list):
        return "".join(_flatten(item) for item in value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
