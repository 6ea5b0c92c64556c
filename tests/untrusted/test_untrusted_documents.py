"""Hostile or careless YAML and JSON get a message with file, pointer and line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import SpecError
from generator.__main__ import main
from generator.errors import Diagnostics
from generator.load import line_map, load_spec
from generator.write.package_files import package_files
from tests.support.generation import generate_and_import

GOOD = """\
openapi: 3.1.0
info: {title: Doc, version: "1"}
servers: [{url: "https://doc.example.test"}]
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
"""
# The classic "billion laughs": 342 bytes, nine levels of nine aliases, 10**9 strings expanded.
BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{new}: &{new} [{','.join(['*' + old] * 9)}]\n"
        for old, new in zip("abcdefgh", "bcdefghi", strict=True)
    )
).encode()


def refuse(
    tmp_path: Path, content: bytes, name: str = "doc.yaml"
) -> list[tuple[str, int | None, str]]:
    """Generate from `content` through the command line; (pointer, line, message) of each error."""
    spec = tmp_path / name
    spec.write_bytes(content)
    out = tmp_path / "out"
    with pytest.raises(SpecError) as caught:
        load_spec(spec, Diagnostics(spec))
    assert all(p.file == spec for p in caught.value.problems)
    assert main(["generate", str(spec), "--out", str(out), "--no-cache"]) == 2
    assert not out.exists()
    return [(p.pointer, p.line, p.message) for p in caught.value.problems]


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    ((at, line, message),) = refuse(tmp_path, BOMB)
    assert message == "YAML aliases expand to more than 100000 extra nodes (an alias bomb?)"
    assert (at, line) == ("/f/0", 6)


def test_recursive_and_undefined_aliases_are_refused(tmp_path: Path) -> None:
    text = GOOD.encode() + b"components:\n  schemas:\n    Loop: &loop\n      items: *loop\n"
    assert refuse(tmp_path, text) == [
        ("/components/schemas/Loop/items", 17, "the YAML alias *loop refers to itself")
    ]
    assert refuse(tmp_path, b"a: [1, *nowhere]\n") == [
        ("/a/1", 1, "the YAML alias *nowhere has no anchor")
    ]


def test_aliases_within_budget_and_merge_keys_load(tmp_path: Path) -> None:
    text = GOOD + (
        "components:\n  schemas:\n"
        "    Base: &base {type: object, properties: {id: {type: string}}}\n"
        "    Copy: *base\n"
        "    Merged:\n      <<: *base\n      description: merged\n"
    )
    spec = tmp_path / "doc.yaml"
    spec.write_text(text)
    schemas = load_spec(spec, Diagnostics(spec)).document["components"]["schemas"]
    assert schemas["Copy"] == schemas["Base"] and schemas["Copy"] is not schemas["Base"]
    assert schemas["Merged"] == {**schemas["Base"], "description": "merged"}


def test_duplicate_keys_are_errors_when_strict_and_warnings_when_lenient(tmp_path: Path) -> None:
    text = GOOD.replace("    get:\n", "    get:\n      summary: one\n      summary: two\n")
    assert refuse(tmp_path, text.encode()) == [
        ("/paths/~1orders/get/summary", 8, "duplicate mapping key 'summary' (the last one is used)")
    ]
    spec = tmp_path / "doc.yaml"
    diagnostics = Diagnostics(spec, lenient=True)
    assert load_spec(spec, diagnostics).document["paths"]["/orders"]["get"]["summary"] == "two"
    assert [(w.pointer, w.line) for w in diagnostics.warnings] == [
        ("/paths/~1orders/get/summary", 8)
    ]


def test_integer_status_codes_are_read_as_strings_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "doc.yaml"
    spec.write_text(GOOD.replace('"200":', "200:") + "x-codes: {404: a, true: b, 1.5: c}\n")
    module = generate_and_import(spec, tmp_path / "out")
    assert module.DocClient.list_orders.__annotations__["return"] != "None"
    assert main(["generate", str(spec), "--out", str(tmp_path / "out2"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert (
        f"warning: {spec}:9 at /paths/~1orders/get/responses/200: mapping key 200 is not a string;"
        " read as '200' (3 more key(s) like it in this file)"
    ) in err
    assert load_spec(spec, Diagnostics(spec)).document["x-codes"] == {
        "404": "a",
        "true": "b",
        "1.5": "c",
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"openapi: 3.1.0\ninfo: {title: \xff}\n",
            ("", 2, "the file is not UTF-8 text (an invalid byte)"),
        ),
        (b"openapi: 3.1.0\n\ninfo: \x00\n", ("", 3, "the file contains a NUL byte")),
        (
            b'openapi: 3.1.0\ninfo: {title: "a\\0b"}\n',
            ("/info/title", 2, "a string contains a NUL character"),
        ),
        (
            b'openapi: "\\ud800"\n',
            ("", 1, "invalid YAML: found invalid Unicode character escape code"),
        ),
        (
            b"openapi: 3.1.0\nx-big: " + b"7" * 4301 + b"\n",
            ("/x-big", 2, "an integer of 4301 characters is longer than the 4300 digits allowed"),
        ),
        (
            b"a: " + b"[" * 100_000 + b"\n",
            (
                "/a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
                1,
                "nested deeper than 50 levels",
            ),
        ),
        (
            b"a: !!python/object/apply:os.system [id]\n",
            ("/a", 1, "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
        ),
        (b"a: !!binary aGk=\n", ("/a", 1, "unsupported YAML tag 'tag:yaml.org,2002:binary'")),
        (b"a: !!set {x}\n", ("/a", 1, "unsupported YAML tag 'tag:yaml.org,2002:set'")),
        (b"? [a, b]\n: c\n", ("", 1, "a mapping key must be a string")),
        (b"a: 1\n---\nb: 2\n", ("", 2, "the file holds more than one YAML document")),
        (b"- a\n- b\n", ("", 1, "the document is not a mapping (expected an OpenAPI object)")),
        (b"a: [\n", ("/a", 2, "invalid YAML: did not find expected node content")),
    ],
)
def test_unreadable_yaml(
    tmp_path: Path, content: bytes, expected: tuple[str, int | None, str]
) -> None:
    assert refuse(tmp_path, content) == [expected]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'{"a": 1,\n "b": {"c": 1,\n  "c": 2}}',
            ("/b/c", 3, "duplicate key 'c' (the last one is used)"),
        ),
        (
            b'{"a":\n ' + b"9" * 5000 + b"}",
            ("/a", 2, "an integer of 5000 characters is longer than the 4300 digits allowed"),
        ),
        (
            b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            ("/a" + "/0" * 49, 1, "nested deeper than 50 levels"),
        ),
        (b'{"a": "x\\u0000"}', ("/a", 1, "a string contains a NUL character")),
        (
            b'{\n"a": "x\\udc00y"}',
            ("/a", 2, "a string contains a lone surrogate (not Unicode text)"),
        ),
        (b'{\n"a": \xc3}', ("", 2, "the file is not UTF-8 text (an invalid byte)")),
        (b'{\n"a": }', ("", 2, "invalid JSON: Expecting value")),
    ],
)
def test_unreadable_json(
    tmp_path: Path, content: bytes, expected: tuple[str, int | None, str]
) -> None:
    assert refuse(tmp_path, content, "doc.json") == [expected]


def test_dates_stay_text_and_surrogate_pairs_are_text(tmp_path: Path) -> None:
    spec = tmp_path / "doc.yaml"
    spec.write_text(GOOD + "x-released: 2024-01-31\nx-at: 2024-01-31T10:00:00Z\n")
    document = load_spec(spec, Diagnostics(spec)).document
    assert (document["x-released"], document["x-at"]) == ("2024-01-31", "2024-01-31T10:00:00Z")
    spec = tmp_path / "doc.json"
    spec.write_text('{"openapi": "3.1.0", "x-smile": "\\ud83d\\ude00"}')
    assert load_spec(spec, Diagnostics(spec)).document["x-smile"] == "\U0001f600"


def test_json_specs_get_lines_for_later_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = {"openapi": "3.1.0", "info": {"title": "J", "version": 1}, "paths": {}}
    text = json.dumps(document, indent=2)
    assert line_map(text.encode(), syntax="json")["/info/version"] == 5
    spec = tmp_path / "doc.json"
    spec.write_text(text)
    out = tmp_path / "out"
    assert main(["generate", str(spec), "--out", str(out), "--no-cache"]) == 2
    assert (
        f"{spec}:5 at /info/version: invalid spec: 1 is not of type 'string'"
        in capsys.readouterr().err
    )
    assert package_files(out) == {}


def test_a_failed_file_stops_nothing_else_from_being_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_bytes(b"a: *x\n")
    (tmp_path / "worse.json").write_bytes(b'{"a": 1, "a": 2}')
    spec = tmp_path / "doc.yaml"
    spec.write_text(
        GOOD.replace(
            "{type: object, properties: {id: {type: string}}}",
            "{type: object, properties: {a: {$ref: bad.yaml}, b: {$ref: worse.json}}}",
        )
    )
    with pytest.raises(SpecError) as caught:
        load_spec(spec, Diagnostics(spec))
    assert sorted((p.file.name, p.pointer, p.line) for p in caught.value.problems) == [
        ("bad.yaml", "/a", 1),
        ("worse.json", "/a", 1),
    ]


def test_the_deepest_document_allowed_generates(tmp_path: Path) -> None:
    def spec_of(levels: int) -> Path:
        schema: dict[str, Any] = {"type": "string"}
        for i in range(levels):
            schema = (
                {"type": "array", "items": schema}
                if i % 2
                else {"type": "object", "properties": {"x": schema}}
            )
        document = yaml.safe_load(GOOD)
        operation = document["paths"]["/orders"]["get"]
        operation["responses"]["200"]["content"]["application/json"]["schema"] = schema
        spec = tmp_path / f"deep{levels}.yaml"
        spec.write_text(yaml.safe_dump(document))
        return spec

    levels = 1
    while True:
        try:
            load_spec(spec_of(levels + 1), Diagnostics(tmp_path / "x.yaml"))
        except SpecError as exc:
            assert "nested deeper than 50 levels" in str(exc)
            break
        levels += 1
    module = generate_and_import(spec_of(levels), tmp_path / "out")
    assert hasattr(module, f"Deep{levels}Client")  # no recursion limit reached downstream
