"""Security Scheme Objects: `basic`, `apiKey` and the four OAuth 2 flows."""

from __future__ import annotations

import copy
from typing import Any

_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


def security_scheme(scheme: Any) -> Any:
    """The OpenAPI 3.0 form of a Swagger 2.0 security definition (a copy if it has none)."""
    if not isinstance(scheme, dict):
        return copy.deepcopy(scheme)
    out = {k: copy.deepcopy(v) for k, v in scheme.items() if str(k).startswith("x-")}
    if "description" in scheme:
        out["description"] = copy.deepcopy(scheme["description"])
    kind = scheme.get("type")
    if kind == "basic":
        out.update(type="http", scheme="basic")
    elif kind == "apiKey":
        out.update(type="apiKey", name=scheme.get("name"), **{"in": scheme.get("in")})
    elif kind == "oauth2" and scheme.get("flow") in _OAUTH2_FLOWS:
        flow_name, urls = _OAUTH2_FLOWS[scheme["flow"]]
        flow = {url: scheme.get(url) for url in urls}
        flow["scopes"] = copy.deepcopy(scheme.get("scopes") or {})
        out.update(type="oauth2", flows={flow_name: flow})
    else:
        return copy.deepcopy(scheme)
    return out
