"""The conformance specs themselves: two private calls each, thirteen signing by declaration
alone and two through a request hook, each saying where its rule comes from."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.signing.support import DECLARED, EXCHANGES, HERE, spec_path

HOOKED = {"cryptocom": "cryptocom_signing.py", "coinbase": "coinbase_signing.py"}


def test_every_exchange_has_a_spec_and_nothing_else_does() -> None:
    folders = sorted(p.name for p in HERE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(EXCHANGES)
    assert len(DECLARED) == 13


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_spec_shape(exchange: str) -> None:
    spec: dict[str, Any] = yaml.safe_load(spec_path(exchange).read_text())
    assert spec["info"]["x-note"].startswith('Signing rule from "')
    operations = [op for item in spec["paths"].values() for op in item.values()]
    assert len(operations) == 2
    assert all("security" not in op for op in operations)  # the document's scheme signs both
    (scheme,) = spec["components"]["securitySchemes"].values()
    signing = scheme["x-signing"]
    assert "hook" not in signing
    files = sorted(p.name for p in (HERE / exchange).iterdir() if p.suffix in (".py", ".yaml"))
    if exchange in DECLARED:
        assert "request-hook" not in signing
        assert files == ["spec.yaml"]
    else:
        assert signing["request-hook"] == HOOKED[exchange]
        assert files == sorted(["spec.yaml", HOOKED[exchange]])
