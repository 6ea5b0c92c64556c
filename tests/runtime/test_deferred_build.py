"""Importing a package builds no pydantic model; the first call builds what it uses, and then
behaves as every later call does."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from tests.support.paths import package_dirs

# In a fresh interpreter: which models are built after the import; then a first and a second
# place_order through a mock transport, and a float refused, as every call checks its input.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    from decimal import Decimal
    import httpx
    import {package} as package
    from {package} import models

    def built():
        return sorted(
            name for name, value in vars(models).items()
            if isinstance(value, type) and issubclass(value, package.models.Model)
            and value is not package.models.Model and value.__pydantic_complete__
        )

    at_import = built()
    seen = []

    def answer(request):
        seen.append(request)
        return httpx.Response(200, json={{"code": "00000", "msg": "ok",
                                          "data": {{"orderId": "1", "clientOid": "c-1"}}}})

    client = package.BitgetClient(
        api_key="k", api_secret="s", passphrase="p", clock=lambda: 1_700_000_000_000,
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    order = dict(category="SPOT", symbol="BTCUSDT", side="buy", order_type="limit",
                 qty=Decimal("0.01"), price=Decimal("30000"), client_oid="c-1")
    first = client.place_order(**order)
    second = client.place_order(**order)
    try:
        client.place_order(**{{**order, "qty": 0.01}})
    except package.InvalidArgumentError as exc:
        refused = str(exc)
    print(json.dumps({{
        "at_import": at_import,
        "same_request": [seen[0].content.decode(), dict(seen[0].headers)]
            == [seen[1].content.decode(), dict(seen[1].headers)],
        "same_result": first == second,
        "refused": refused,
    }}))
    """
)


@pytest.mark.parametrize("package", ["bitget_client"])
def test_models_are_built_on_first_use_and_behave_the_same(package: str) -> None:
    (folder,) = [d for d in package_dirs() if d.name == package]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(package=package)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(folder)},
    )
    seen = json.loads(done.stdout)
    assert seen["at_import"] == []
    assert seen["same_request"] and seen["same_result"]
    assert "qty" in seen["refused"] and "float" in seen["refused"]
