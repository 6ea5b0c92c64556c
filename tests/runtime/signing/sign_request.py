"""A request hook: an Authorization header and a query parameter from two credentials."""

import hashlib


def sign_request(request, credentials, clock, nonce):  # type: ignore[no-untyped-def]
    """Set a bearer token made of the key name, the time and a nonce, and mark the query."""
    material = f"{credentials['key_name']}:{clock()}:{nonce()}:{credentials['private_key']}"
    request.headers["Authorization"] = "Token " + hashlib.sha256(material.encode()).hexdigest()
    request.add_query_param("signed", "1")
