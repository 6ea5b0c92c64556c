"""Signing declarations that cannot work are refused at generation, each at its pointer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import generate
from generator.errors import SpecError

AT = "/components/securitySchemes/Sig/x-signing"


def spec(signing: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Signed", "version": "1"},
        "servers": [{"url": "https://signed.example.test"}],
        "paths": {
            "/a": {
                "get": {
                    "operationId": "get_a",
                    "security": [{"Sig": []}],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "securitySchemes": {
                "Sig": {"type": "apiKey", "in": "header", "name": "S", "x-signing": signing}
            }
        },
    }


def problems(tmp_path: Path, signing: dict[str, Any]) -> list[tuple[str, str]]:
    path = tmp_path / "signed.yaml"
    path.write_text(yaml.safe_dump(spec(signing)), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        generate([path], tmp_path / "out", use_cache=False)
    return [(p.pointer, p.message) for p in caught.value.problems]


SIGNS = {"S": "{signature}"}


@pytest.mark.parametrize(
    ("signing", "pointer", "message"),
    [
        (
            {"message": "{timestamp}{methd}", "headers": SIGNS},
            AT + "/message",
            "placeholder {methd} is unknown here",
        ),
        (
            {"message": "{timestamp}{signature}", "headers": SIGNS},
            AT + "/message",
            "placeholder {signature} is sent, not signed here",
        ),
        (
            {"message": "{body}", "headers": {"S": "{signature}", "B": "{body}"}},
            AT + "/headers/B",
            "{body} is a part of the request: only `message` can use it",
        ),
        (
            {"message": ["{path}", {"digest": "sha256", "of": []}], "headers": SIGNS},
            AT + "/message/1",
            "a digest needs `of`",
        ),
        (
            {"message": [{"digest": "md5", "of": "{body}"}], "headers": SIGNS},
            AT + "/message/0/digest",
            "`digest` 'md5' is not one of",
        ),
        (
            {"message": "{body}", "headers": {"K": "{api_key}"}},
            AT,
            "must send the {signature} somewhere",
        ),
        ({"headers": {"K": "{api_key}"}}, AT, "needs a `message` to sign, or a `request-hook`"),
        (
            {"message": "{body}", "prehash": ["body"], "headers": SIGNS},
            AT + "/prehash",
            "`prehash` is not a key of x-signing",
        ),
        (
            {"message": "{body", "headers": SIGNS},
            AT + "/message",
            "is malformed",
        ),
        (
            {"message": "{body!r}", "headers": SIGNS},
            AT + "/message",
            "must be a plain name",
        ),
        (
            {
                "message": "{body}",
                "headers": SIGNS,
                "parameters": [{"name": "t", "in": "path", "value": "1"}],
            },
            AT + "/parameters/0",
            "`in` must be query, form or params",
        ),
        (
            {"message": "{body}", "headers": SIGNS, "derived": {"x": {"message": "{path}"}}},
            AT + "/derived/x/message",
            "{path} is a part of the request",
        ),
        (
            {"message": "{body}", "headers": SIGNS, "timestamp": "iso"},
            AT + "/timestamp",
            "`timestamp` 'iso' is not one of",
        ),
    ],
)
def test_a_declaration_that_cannot_work_is_refused_at_its_pointer(
    tmp_path: Path, signing: dict[str, Any], pointer: str, message: str
) -> None:
    found = problems(tmp_path, signing)
    assert any(at == pointer and message in text for at, text in found), found


def test_a_hook_module_must_define_its_function(tmp_path: Path) -> None:
    (tmp_path / "hook.py").write_text("def sign(message, secret):\n    return ''\n")
    found = problems(tmp_path, {"request-hook": "hook.py"})
    assert found == [
        (
            AT + "/request-hook",
            "hook module 'hook.py' must define"
            " `def sign_request(request, credentials, clock, nonce) -> None`",
        )
    ]
