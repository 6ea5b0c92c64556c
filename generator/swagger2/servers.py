"""Server Objects from `host`, `basePath` and the `schemes` of the document or an operation."""

from __future__ import annotations

from typing import Any

from ..errors import pointer
from .conversion import Conversion


def servers(schemes: Any, *, at: str, conversion: Conversion) -> list[dict[str, Any]]:
    """The servers of the document (`at` "") or of the operation at `at` with its own schemes."""
    host, base_path = conversion.src.get("host"), conversion.src.get("basePath")
    if not isinstance(host, str) and not isinstance(base_path, str):
        return []
    base = base_path if isinstance(base_path, str) else ""
    if base and not base.startswith("/"):
        base = "/" + base
    origin = at + "/schemes" if schemes is not None and at else "/host"
    if not isinstance(host, str):
        urls, origin = [base], "/basePath"
    else:
        listed = [s for s in schemes if s in ("http", "https")] if isinstance(schemes, list) else []
        # A scheme list is a set; OpenAPI's first server is the default, and that one is https.
        ordered = sorted(set(listed), key=("https", "http").index) or ["https"]
        urls = [f"{scheme}://{host}{base}" for scheme in ordered]
    for i in range(len(urls)):
        conversion.moved(at + pointer("servers", i), origin)
    conversion.moved(at + "/servers", origin)
    return [{"url": url} for url in urls]
