"""Contract checks: every cassette against its spec, with openapi-core (see `tests/contract.py`).

Every recorded request must validate against its operation's parameters, request body and
security requirements, and every recorded response against the schema of its status (or
`default`). Coverage: every operation of every spec has a success cassette and one per documented
error response; every cassette names an operation of its spec and a documented status.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.support import apis
from tests.support import cassette as cz
from tests.support.contract import request_errors, response_errors

CASSETTES = cz.all_cassettes()


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("path", CASSETTES, ids=_id)
def test_recorded_request_matches_spec(path: Path) -> None:
    errors = request_errors(cz.load(path))
    assert not errors, errors


@pytest.mark.parametrize("path", CASSETTES, ids=_id)
def test_recorded_response_matches_spec(path: Path) -> None:
    errors = response_errors(cz.load(path))
    assert not errors, errors


OPERATIONS = [(api.name, op_id) for api in apis.all_apis() for op_id in api.operations]


@cache
def _cassettes_by_operation() -> dict[tuple[str, str], list[cz.Cassette]]:
    found: dict[tuple[str, str], list[cz.Cassette]] = {}
    for path in CASSETTES:
        recorded = cz.load(path)
        found.setdefault((recorded.api, recorded.operation), []).append(recorded)
    return found


@pytest.mark.parametrize(
    ("api_name", "operation_id"), OPERATIONS, ids=[f"{a}/{o}" for a, o in OPERATIONS]
)
def test_every_documented_response_has_a_cassette(api_name: str, operation_id: str) -> None:
    op = apis.get(api_name).operations[operation_id]
    recorded = _cassettes_by_operation().get((api_name, operation_id), [])
    successes = [c for c in recorded if c.expect is None and 200 <= c.response.status < 300]
    assert successes, f"{api_name}.{operation_id}: no success cassette"
    statuses = {c.response.status for c in recorded if c.expect is not None}
    explicit = {int(s) for s in op.error_statuses if s != "default"}
    missing = sorted(explicit - statuses)
    assert not missing, f"{api_name}.{operation_id}: no cassette for documented {missing}"
    if "default" in op.error_statuses:
        assert statuses - explicit, f"{api_name}.{operation_id}: no cassette for `default`"


@pytest.mark.parametrize("path", CASSETTES, ids=_id)
def test_cassette_is_well_formed(path: Path) -> None:
    recorded = cz.load(path)
    api = apis.get(recorded.api)
    assert recorded.operation in api.operations, f"{recorded.operation} is not in the spec"
    op = api.operations[recorded.operation]
    assert recorded.request.method == op.method
    assert op.response_for(recorded.response.status), f"{recorded.response.status} undocumented"
    assert recorded.source.strip(), "a cassette says where it comes from"
    # `expect` is what the spec says the answer raises (None for a success), nothing else.
    body = recorded.response.body if recorded.response.has_body else None
    assert recorded.expect == api.expected_error(recorded.response.status, body)
    # The file reads back exactly as it would be written (digits and types kept).
    assert cz.json_dumps(cz.yaml_load(cz.yaml_dump(recorded.to_data()))) == cz.json_dumps(
        recorded.to_data()
    )
