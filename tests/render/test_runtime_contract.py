"""The facts `generator/ir/runtime_contract.py` states about the runtime hold for the runtime."""

from __future__ import annotations

import inspect
import typing

from generator.ir import runtime_contract as contract
from templates.runtime import _async_client, _base_client, _endpoint, _exceptions
from tests.support.paths import ROOT


def test_status_errors_are_the_runtimes() -> None:
    assert {s: cls.__name__ for s, cls in _exceptions.STATUS_ERRORS.items()} == (
        contract.STATUS_ERRORS
    )
    assert _exceptions.status_error_class(503).__name__ == contract.SERVER_ERROR
    assert _exceptions.status_error_class(418).__name__ == contract.STATUS_ERROR
    assert issubclass(getattr(_exceptions, contract.CONNECTION_ERROR), _exceptions.APIError)


def test_body_and_answer_kinds_are_the_endpoints() -> None:
    assert typing.get_args(_endpoint.BodyKind) == typing.get_args(contract.BodyKind)
    assert typing.get_args(_endpoint.AnswerKind) == typing.get_args(contract.AnswerKind)


def test_the_reserved_client_attributes_are_the_clients() -> None:
    public = {
        name
        for base in (_base_client.BaseClient, _async_client.AsyncBaseClient)
        for name, _ in inspect.getmembers(base)
        if not name.startswith("_")
    }
    # The generated client class adds the raw-response view to its base class.
    template = (ROOT / "templates" / "package" / "_client.py.jinja").read_text()
    added = {"with_raw_response"} if "def with_raw_response(self)" in template else set()
    constructor = set(inspect.signature(_base_client.BaseClient.__init__).parameters) - {"self"}
    assert public | added | (constructor & contract.CLIENT_ATTRIBUTES) == contract.CLIENT_ATTRIBUTES
