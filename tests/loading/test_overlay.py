"""Overlays: every action of the Overlay Specification (1.0, and 1.1's copy), the naming rule that
finds a spec's own overlay, and every way an overlay is refused, each located in the overlay."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator import SpecError, default_specs, generate
from generator.__main__ import main
from generator.errors import Diagnostics, Problem
from generator.load import load_spec
from generator.load.limits import MAX_DEPTH

SPEC = """\
openapi: 3.1.0
info: {title: Tiny, version: "1"}
servers: [{url: "https://tiny.example.test"}]
paths:
  /orders:
    post:
      operationId: createOrder
      tags: [trade, dummy, dummy]
      parameters:
        - {name: symbol, in: query, schema: {type: string}}
        - {name: dummy, in: query, schema: {type: string}}
        - {name: side, in: query, schema: {type: string}}
        - {name: dummy, in: header, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Order"}
      responses:
        "200": {description: ok}
  /items:
    get:
      operationId: listItems
      responses:
        "200": {description: ok}
  /other-items:
    delete:
      operationId: deleteItems
      responses:
        "200": {description: ok}
components:
  schemas:
    Order:
      type: object
      required: [qty]
      properties:
        qty: {type: string, description: quantity}
"""


def overlay(*actions: str, version: str = "1.1.0", head: str = "") -> str:
    """An overlay document with `actions` (each a YAML mapping, dedented)."""
    listed = "".join(
        "  - " + textwrap.indent(textwrap.dedent(a).strip(), "    ")[4:] + "\n" for a in actions
    )
    return f"overlay: {version}\ninfo: {{title: Test, version: '1'}}\n{head}actions:\n{listed}"


def write(tmp_path: Path, text: str, *, name: str = "change.overlay.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def spec_in(tmp_path: Path, text: str = SPEC, name: str = "tiny.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def apply(tmp_path: Path, *actions: str, version: str = "1.1.0", lenient: bool = False) -> Any:
    """The document after the overlay of `actions`; SpecError if it is refused."""
    spec = spec_in(tmp_path)
    change = write(tmp_path, overlay(*actions, version=version))
    return load_spec(spec, Diagnostics(spec, lenient=lenient), overlays=[change]).document


def refused(tmp_path: Path, text: str, *, spec_text: str = SPEC) -> list[Problem]:
    spec = spec_in(tmp_path, spec_text)
    change = write(tmp_path, text)
    with pytest.raises(SpecError) as caught:
        load_spec(spec, Diagnostics(spec), overlays=[change])
    return caught.value.problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# -- update ----------------------------------------------------------------------------------------


def test_update_merges_objects_recursively(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        """
        target: $.components.schemas.Order
        update:
          required: [side]
          properties:
            qty: {format: decimal, description: how many}
            side: {type: string, enum: [buy, sell]}
          x-note: added
        """,
    )
    order = document["components"]["schemas"]["Order"]
    assert order["required"] == ["qty", "side"]  # lists are concatenated
    assert order["properties"]["qty"] == {
        "type": "string",  # only in the target: kept
        "description": "how many",  # a primitive replaces a primitive
        "format": "decimal",  # only in the update: added
    }
    assert order["properties"]["side"] == {"type": "string", "enum": ["buy", "sell"]}
    assert order["x-note"] == "added" and order["type"] == "object"


def test_an_update_is_copied_into_every_selected_node(tmp_path: Path) -> None:
    document = apply(tmp_path, "target: $.paths.*.*\nupdate: {x-idempotent: true}")
    operations = [op for item in document["paths"].values() for op in item.values()]
    assert len(operations) == 3 and all(op["x-idempotent"] is True for op in operations)
    operations[0]["x-idempotent"] = False  # each has its own copy
    assert operations[1]["x-idempotent"] is True


def test_update_of_a_list_appends_an_item_or_concatenates_a_list(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        "target: $.servers\nupdate: {url: 'https://b.example.test'}",
        "target: $.paths['/orders'].post.tags\nupdate: [x, y]",
    )
    assert [s["url"] for s in document["servers"]] == [
        "https://tiny.example.test",
        "https://b.example.test",
    ]
    assert document["paths"]["/orders"]["post"]["tags"] == ["trade", "dummy", "dummy", "x", "y"]


def test_overlay_1_0_appends_a_list_as_one_item(tmp_path: Path) -> None:
    """1.0: "the value of this field MUST be an entry to append to the array"; 1.1 concatenates."""
    document = apply(
        tmp_path, "target: $.paths['/orders'].post.tags\nupdate: [x, y]", version="1.0.0"
    )
    assert document["paths"]["/orders"]["post"]["tags"][-1] == ["x", "y"]


def test_overlay_1_1_replaces_selected_primitives(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        "target: $.paths['/orders'].post.operationId\nupdate: place_order",
        "target: $.paths.*.*.tags[?@ == 'trade']\nupdate: trading",
    )
    operation = document["paths"]["/orders"]["post"]
    assert operation["operationId"] == "place_order"
    assert operation["tags"] == ["trading", "dummy", "dummy"]


def test_overlay_1_0_refuses_to_select_primitives(tmp_path: Path) -> None:
    text = overlay("target: $.info.title\nupdate: New", version="1.0.0")
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/target" and problem.line == 4
    assert "overlay 1.0" in problem.message and "1.1.0" in problem.message


# -- remove ----------------------------------------------------------------------------------------


def test_remove_takes_keys_and_list_items_out(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        "target: $.paths.*.*.parameters[?@.name == 'dummy']\nremove: true",
        "target: $.paths.*.*.tags[?@ == 'dummy']\nremove: true",
        "target: $.components.schemas.Order.properties.qty.description\nremove: true",
        "target: $.paths['/other-items']\nremove: true",
    )
    operation = document["paths"]["/orders"]["post"]
    assert [p["name"] for p in operation["parameters"]] == ["symbol", "side"]
    assert operation["tags"] == ["trade"]
    assert document["components"]["schemas"]["Order"]["properties"]["qty"] == {"type": "string"}
    assert list(document["paths"]) == ["/orders", "/items"]


def test_remove_with_update_removes(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    change = write(tmp_path, overlay("target: $.paths['/items']\nremove: true\nupdate: {x: 1}"))
    diagnostics = Diagnostics(spec)
    document = load_spec(spec, diagnostics, overlays=[change]).document
    assert "/items" not in document["paths"]
    assert "no effect" in only(diagnostics.warnings).message


def test_the_root_cannot_be_removed(tmp_path: Path) -> None:
    problem = only(refused(tmp_path, overlay("target: $\nremove: true")))
    assert problem.pointer == "/actions/0/target" and "root" in problem.message


def test_actions_apply_in_order_each_to_the_result_of_the_last(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        "target: $.paths['/items']\nremove: true",
        "target: $.paths\nupdate: {/items: {get: {operationId: again, responses: {'200': {description: ok}}}}}",
        "target: $.paths['/items'].get\nupdate: {summary: second}",
    )
    assert document["paths"]["/items"]["get"] == {
        "operationId": "again",
        "responses": {"200": {"description": "ok"}},
        "summary": "second",
    }


# -- copy (1.1) ------------------------------------------------------------------------------------


def test_copy_merges_one_node_of_the_document_into_the_targets(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        "target: $.paths['/other-items']\ncopy: $.paths['/items']",
        # Moving: make the target, copy into it, remove the source.
        "target: $.paths\nupdate: {/new-items: {}}",
        "target: $.paths['/new-items']\ncopy: $.paths['/items']",
        "target: $.paths['/items']\nremove: true",
    )
    paths = document["paths"]
    assert set(paths["/other-items"]) == {"get", "delete"}
    assert paths["/new-items"] == {
        "get": {"operationId": "listItems", "responses": {"200": {"description": "ok"}}}
    }
    assert "/items" not in paths
    paths["/new-items"]["get"]["summary"] = "own copy"
    assert "summary" not in paths["/other-items"]["get"]


def test_copy_must_select_exactly_one_node(tmp_path: Path) -> None:
    text = overlay(
        "target: $.paths['/items']\ncopy: $.paths.*",
        "target: $.paths['/items']\ncopy: $.nowhere",
    )
    problems = refused(tmp_path, text)
    assert [(p.pointer, p.line) for p in problems] == [
        ("/actions/0/copy", 5),
        ("/actions/1/copy", 7),
    ]
    assert "exactly one node, not 3" in problems[0].message
    assert "not 0" in problems[1].message


def test_copy_is_not_part_of_overlay_1_0(tmp_path: Path) -> None:
    text = overlay("target: $.paths['/items']\ncopy: $.paths['/other-items']", version="1.0.0")
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/copy" and "unknown key 'copy'" in problem.message


def test_update_and_copy_together_are_refused(tmp_path: Path) -> None:
    text = overlay("target: $.paths['/items']\ncopy: $.paths['/orders']\nupdate: {x-a: 1}")
    assert "not both" in only(refused(tmp_path, text)).message


# -- targets that select nothing -------------------------------------------------------------------


def test_a_target_that_selects_nothing_is_an_error_in_the_overlay(tmp_path: Path) -> None:
    text = overlay(
        "target: $.components.schemas.Order\nupdate: {x-a: 1}",
        "target: $.paths['/v2/orders'].post\nupdate: {x-idempotent: true}",
    )
    problem = only(refused(tmp_path, text))
    assert problem.file == tmp_path / "change.overlay.yaml"
    assert problem.pointer == "/actions/1/target"
    assert problem.line == line_of(text, "/v2/orders")
    assert "actions[1] ($.paths['/v2/orders'].post) selects nothing in tiny.yaml" in str(problem)
    assert str(problem).startswith(f"{tmp_path / 'change.overlay.yaml'}:{problem.line} ")


def test_lenient_mode_warns_about_a_target_that_selects_nothing_and_applies_the_rest(
    tmp_path: Path,
) -> None:
    spec = spec_in(tmp_path)
    text = overlay(
        "target: $.paths['/gone']\nupdate: {x-a: 1}",
        "target: $.paths['/items'].get\nupdate: {x-idempotent: true}",
    )
    diagnostics = Diagnostics(spec, lenient=True)
    loaded = load_spec(spec, diagnostics, overlays=[write(tmp_path, text)])
    assert loaded.document["paths"]["/items"]["get"]["x-idempotent"] is True
    warning = loaded.locate(only(diagnostics.warnings))
    assert (warning.pointer, warning.line) == ("/actions/0/target", 4)
    assert "selects nothing" in warning.message


def test_generation_with_lenient_names_the_action_in_its_warning(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    write(tmp_path, overlay("target: $.paths['/gone']\nremove: true"), name="tiny.overlay.yaml")
    with pytest.raises(SpecError, match="selects nothing"):
        generate([spec], tmp_path / "out", use_cache=False)
    result = generate([spec], tmp_path / "out", lenient=True, use_cache=False)
    assert any(
        w.file.name == "tiny.overlay.yaml" and w.line == 4 and "selects nothing" in w.message
        for w in result.warnings
    )


# -- what an overlay may not do --------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "$.paths[?@.x =~ 'a']",  # not RFC 9535
        "$.paths.*~",  # a key selector: python-jsonpath's own, not the RFC's
        "paths.x",  # no root
        "$.paths[?length(@) == 'a' ==]",
    ],
)
def test_a_target_that_is_not_rfc_9535_jsonpath_is_refused(tmp_path: Path, target: str) -> None:
    text = overlay(f"target: {json.dumps(target)}\nupdate: {{x-a: 1}}")
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/target" and problem.line == 4
    assert "is not an RFC 9535 JSONPath query" in problem.message


def test_incompatible_values_are_refused_where_the_update_has_them(tmp_path: Path) -> None:
    text = overlay(
        """
        target: $.components.schemas.Order
        update:
          properties:
            qty: [a, list]
        """
    )
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/update/properties/qty"
    assert problem.line == line_of(text, "qty: [a, list]")
    assert "cannot merge a list into a mapping" in problem.message


def test_a_mapping_selection_needs_a_mapping_update(tmp_path: Path) -> None:
    problem = only(refused(tmp_path, overlay("target: $.info\nupdate: [1]")))
    assert problem.pointer == "/actions/0/update" and "must be a mapping" in problem.message


def test_a_selection_of_mixed_kinds_is_refused_for_update(tmp_path: Path) -> None:
    problem = only(refused(tmp_path, overlay("target: $.paths['/orders'].post.*\nupdate: {x: 1}")))
    assert "together" in problem.message and problem.pointer == "/actions/0/target"


def test_a_ref_an_overlay_adds_must_stay_inside_the_document(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("type: string\n")
    text = overlay(
        """
        target: $.components.schemas.Order.properties
        update:
          side: {$ref: "other.yaml"}
          kind: {$ref: "#/components/schemas/Order/properties/qty"}
        """
    )
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/update/side/$ref"
    assert problem.line == line_of(text, "other.yaml")
    assert "must point inside the document" in problem.message


def test_an_update_may_not_nest_deeper_than_a_spec_may(tmp_path: Path) -> None:
    # Within the bounds of the overlay file (4 levels above it there), too deep once placed 6
    # levels down in the document.
    deep = "{a: " * (MAX_DEPTH - 5) + "1" + "}" * (MAX_DEPTH - 5)
    text = overlay(f"target: $.components.schemas.Order.properties.qty\nupdate: {{x-deep: {deep}}}")
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/update/x-deep"
    assert f"deeper than {MAX_DEPTH} levels" in problem.message


def test_the_nodes_an_overlay_adds_are_counted_copies_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.overlay.apply as applying

    monkeypatch.setattr(applying, "OVERLAY_NODE_BUDGET", 10)
    text = overlay(
        "target: $.paths.*.*\nupdate: {x-a: 1}",  # 3 nodes
        "target: $.paths['/items'].get\ncopy: $.paths['/orders'].post.parameters[0]",  # 4 nodes
        "target: $.paths['/other-items'].delete\ncopy: $.paths['/orders'].post.parameters[0]",
    )
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/2/copy" and "more than 10 nodes" in problem.message


def test_an_overlay_is_read_within_the_bounds_of_a_spec(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(6)
    )
    text = overlay(
        "target: $.info\nupdate: {x-a: 1}", head=f"x-bomb:\n{textwrap.indent(bomb, '  ')}"
    )
    problem = only(refused(tmp_path, text))
    assert problem.file.name == "change.overlay.yaml" and "alias" in problem.message


def test_duplicate_keys_in_an_overlay_are_errors_with_their_line(tmp_path: Path) -> None:
    text = overlay("target: $.info\nupdate: {x-a: 1}\nupdate: {x-a: 2}")
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/update" and problem.line == 6
    assert "duplicate mapping key 'update'" in problem.message


def test_an_overlay_beside_a_spec_that_links_outside_its_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    outside = write(tmp_path / "elsewhere", overlay("target: $.info\nupdate: {x-a: 1}"))
    folder = tmp_path / "specs"
    folder.mkdir()
    spec = spec_in(folder)
    os.symlink(outside, folder / "tiny.overlay.yaml")
    with pytest.raises(SpecError) as caught:
        load_spec(spec, Diagnostics(spec))
    assert "cannot use the overlay 'tiny.overlay.yaml'" in only(caught.value.problems).message


def test_an_overlay_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    with pytest.raises(SpecError, match="cannot use the overlay 'missing.yaml'"):
        load_spec(spec, Diagnostics(spec), overlays=[tmp_path / "missing.yaml"])
    with pytest.raises(SpecError, match="cannot use the overlay"):
        load_spec(spec, Diagnostics(spec), overlays=[tmp_path])


# -- the overlay document itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "message"),
    [
        ("- a list\n", "", "an overlay is a mapping"),
        ("info: {title: t, version: '1'}\nactions: [{target: $}]\n", "", "missing `overlay`"),
        ("overlay: 2.0.0\n", "/overlay", "unsupported overlay version '2.0.0'"),
        ("overlay: 1.0\n", "/overlay", "unsupported overlay version 'a number'"),
        ("overlay: 1.0.0\nactions: [{target: $}]\n", "", "missing `info`"),
        (
            "overlay: 1.0.0\ninfo: {title: t}\nactions: [{target: $}]\n",
            "/info",
            "missing `info.version`",
        ),
        (
            "overlay: 1.0.0\ninfo: {version: '1'}\nactions: [{target: $}]\n",
            "/info",
            "missing `info.title`",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: 1}\nactions: [{target: $}]\n",
            "/info/version",
            "must be a string",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1', description: d}\nactions: [{target: $}]\n",
            "/info/description",
            "unknown key 'description'",
        ),
        (
            "overlay: 1.1.0\ninfo: {title: t, version: '1', summary: s}\nactions: [{target: $}]\n",
            "/info/summary",
            "unknown key 'summary'",
        ),
        ("overlay: 1.0.0\ninfo: {title: t, version: '1'}\n", "", "missing `actions`"),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n",
            "/actions",
            "not an empty list",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{update: {}}]\n",
            "/actions/0",
            "missing `target`",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: 1}]\n",
            "/actions/0/target",
            "must be a JSONPath string",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, remove: 'yes'}]\n",
            "/actions/0/remove",
            "must be true or false",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, updates: {}}]\n",
            "/actions/0/updates",
            "unknown key 'updates'",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $}]\nextends: 3\n",
            "/extends",
            "must be a URI reference",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $}]\nlicense: MIT\n",
            "/license",
            "unknown key 'license'",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n- {target: $.info, update: {x-a: 1}}\n- {target: $.info, update: {x-a: 1}}\n",
            "/actions/1",
            "the same as actions[0]",
        ),
    ],
)
def test_an_overlay_that_breaks_its_schema_is_refused_with_a_pointer(
    tmp_path: Path, text: str, at: str, message: str
) -> None:
    problem = only(refused(tmp_path, text))
    assert problem.file.name == "change.overlay.yaml" and problem.pointer == at
    assert message in problem.message and problem.line is not None


def test_extensions_are_allowed_where_the_specification_allows_them(tmp_path: Path) -> None:
    text = (
        "overlay: 1.0.0\nx-owner: me\ninfo: {title: t, version: '1', x-id: 7}\n"
        "actions: [{target: $.info, update: {x-a: 1}, x-why: because, description: adds x-a}]\n"
    )
    spec = spec_in(tmp_path)
    document = load_spec(spec, Diagnostics(spec), overlays=[write(tmp_path, text)]).document
    assert document["info"]["x-a"] == 1


def test_an_action_that_changes_nothing_is_a_warning(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    diagnostics = Diagnostics(spec)
    load_spec(spec, diagnostics, overlays=[write(tmp_path, overlay("target: $.info"))])
    assert "changes nothing" in only(diagnostics.warnings).message


def test_a_json_overlay_is_read_too(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    text = json.dumps(
        {
            "overlay": "1.0.0",
            "info": {"title": "t", "version": "1"},
            "actions": [
                {"target": "$.info", "update": {"x-a": 1}},
                {"target": "$.nope", "remove": True},
            ],
        },
        indent=2,
    )
    change = write(tmp_path, text, name="change.json")
    with pytest.raises(SpecError) as caught:
        load_spec(spec, Diagnostics(spec), overlays=[change])
    problem = only(caught.value.problems)
    assert problem.pointer == "/actions/1/target" and problem.line == line_of(text, "$.nope")


# -- extends ---------------------------------------------------------------------------------------


def test_a_relative_extends_must_name_the_spec(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    good = write(
        tmp_path, overlay("target: $.info\nupdate: {x-a: 1}", head="extends: ./tiny.yaml\n")
    )
    assert load_spec(spec, Diagnostics(spec), overlays=[good]).document["info"]["x-a"] == 1
    other = overlay("target: $.info\nupdate: {x-a: 1}", head="extends: other.yaml\n")
    problem = only(refused(tmp_path, other))
    assert problem.pointer == "/extends" and problem.line == 3
    assert "extends 'other.yaml', not 'tiny.yaml'" in problem.message


def test_an_absolute_extends_is_the_vendors_address_and_is_not_fetched(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    head = "extends: https://vendor.example.test/openapi/rest.yaml\n"
    change = write(tmp_path, overlay("target: $.info\nupdate: {x-a: 1}", head=head))
    assert load_spec(spec, Diagnostics(spec), overlays=[change]).document["info"]["x-a"] == 1


# -- later stages see one document, and locate in the overlay what it added -------------------------


def test_a_problem_inside_what_an_overlay_added_is_located_in_the_overlay(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    text = overlay(
        """
        target: $.paths['/items'].get
        update:
          parameters:
            - name: limit
              schema: {type: integer}
        """
    )
    write(tmp_path, text, name="tiny.overlay.yaml")
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", use_cache=False)
    assert caught.value.problems
    for problem in caught.value.problems:  # the parameter has no `in`
        assert problem.file == tmp_path / "tiny.overlay.yaml"
        assert problem.pointer.startswith("/actions/0/update/parameters/0"), problem
        assert problem.line == line_of(text, "- name: limit")


def test_an_overlay_applies_to_a_swagger_2_document_as_written(tmp_path: Path) -> None:
    swagger = """\
swagger: "2.0"
info: {title: Old, version: "1"}
host: old.example.test
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Thing"}}
definitions:
  Thing:
    type: object
    properties:
      price: {type: string}
"""
    spec = spec_in(tmp_path, swagger, name="old.yaml")
    write(
        tmp_path,
        overlay("target: $.definitions.Thing.properties.price\nupdate: {format: decimal}"),
        name="old.overlay.yaml",
    )
    result = generate([spec], tmp_path / "out", use_cache=False)
    models = (tmp_path / "out" / "old_client" / "old_client" / "models.py").read_text()
    assert "price: DecimalString | None = None" in models
    assert result.warnings == []


# -- the naming rule, the command line, the cache --------------------------------------------------


def test_the_overlay_beside_a_spec_applies_first_and_is_no_spec_of_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "specs"
    folder.mkdir()
    spec = spec_in(folder)
    write(
        folder,
        overlay("target: $.paths['/orders'].post\nupdate: {operationId: first}"),
        name="tiny.overlay.yaml",
    )
    second = write(
        tmp_path, overlay("target: $.paths['/orders'].post.operationId\nupdate: place_order")
    )
    assert default_specs(folder) == [spec]
    document = load_spec(spec, Diagnostics(spec), overlays=[second]).document
    assert document["paths"]["/orders"]["post"]["operationId"] == "place_order"
    # Named again on the command line, it applies once, where the command line puts it.
    document = load_spec(
        spec, Diagnostics(spec), overlays=[second, folder / "tiny.overlay.yaml"]
    ).document
    assert document["paths"]["/orders"]["post"]["operationId"] == "first"


def test_two_overlays_named_after_one_spec_are_refused(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    text = overlay("target: $.info\nupdate: {x-a: 1}")
    write(tmp_path, text, name="tiny.overlay.yaml")
    write(tmp_path, text, name="tiny.overlay.yml")
    with pytest.raises(SpecError, match="more than one overlay is named after this spec"):
        load_spec(spec, Diagnostics(spec))


def test_the_command_line_applies_overlays_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = spec_in(tmp_path)
    a = write(
        tmp_path,
        overlay("target: $.paths['/orders'].post.operationId\nupdate: first"),
        name="a.yaml",
    )
    b = write(
        tmp_path,
        overlay("target: $.paths['/orders'].post.operationId\nupdate: place_order"),
        name="b.yaml",
    )
    out = tmp_path / "out"
    args = ["generate", str(spec), "--out", str(out), "--overlay", str(a), "--overlay", str(b)]
    assert main(args) == 0
    client = (out / "tiny_client" / "tiny_client" / "_client.py").read_text()
    assert "def place_order(" in client and "def first(" not in client
    with pytest.raises(SystemExit):
        main(["generate", str(spec), str(spec), "--overlay", str(a)])
    assert "--overlay applies to one SPEC" in capsys.readouterr().err


def test_a_bad_overlay_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = spec_in(tmp_path)
    bad = write(tmp_path, overlay("target: $.paths['/v9']\nremove: true"), name="bad.yaml")
    out = tmp_path / "out"
    assert main(["generate", str(spec), "--out", str(out), "--overlay", str(bad)]) == 2
    assert not out.exists()
    assert f"error: {bad}:4 at /actions/0/target: actions[0]" in capsys.readouterr().err


def test_adding_changing_or_dropping_an_overlay_regenerates(tmp_path: Path) -> None:
    spec = spec_in(tmp_path)
    out = tmp_path / "out"
    assert generate([spec], out).changed
    assert generate([spec], out).unchanged == ["tiny_client"]
    client = out / "tiny_client" / "tiny_client" / "_client.py"

    def rename(name: str) -> str:
        return overlay(f"target: $.paths['/orders'].post.operationId\nupdate: {name}")

    beside = write(tmp_path, rename("place_order"), name="tiny.overlay.yaml")
    assert generate([spec], out).changed  # found by its name: the cache sees it
    assert "def place_order(" in client.read_text()
    assert generate([spec], out).unchanged == ["tiny_client"]
    beside.write_text(rename("submit_order"))
    assert generate([spec], out).changed and "def submit_order(" in client.read_text()
    extra = write(tmp_path, rename("new_order"), name="extra.yaml")
    assert generate([spec], out, overlays=[extra]).changed
    assert "def new_order(" in client.read_text()
    assert generate([spec], out, overlays=[extra]).unchanged == ["tiny_client"]
    assert generate([spec], out).changed  # the same files, without the extra overlay
    assert "def submit_order(" in client.read_text()
    beside.unlink()
    assert generate([spec], out).changed and "def create_order(" in client.read_text()


def test_diff_applies_the_overlay_to_both_specs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old = spec_in(tmp_path / "old")
    new = spec_in(tmp_path / "new", SPEC.replace("createOrder", "createOrderV2"))
    rename = write(
        tmp_path,
        overlay("target: $.paths['/orders'].post.operationId\nupdate: place_order"),
        name="rename.yaml",
    )
    assert main(["diff", str(old), str(new), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["breaking"] is True
    assert main(["diff", str(old), str(new), "--json", "--overlay", str(rename)]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []


def test_a_copy_may_land_inside_its_source(tmp_path: Path) -> None:
    document = apply(
        tmp_path,
        "target: $.paths['/items'].get\nupdate: {x-extra: {}}",
        "target: $.paths['/items'].get['x-extra']\ncopy: $.paths['/items'].get",
    )
    extra = document["paths"]["/items"]["get"]["x-extra"]
    assert extra["operationId"] == "listItems" and extra["x-extra"] == {}


def test_what_an_overlay_added_is_still_located_after_a_list_item_before_it_is_removed(
    tmp_path: Path,
) -> None:
    spec = spec_in(tmp_path)
    text = overlay(
        "target: $.paths['/orders'].post.parameters\nupdate: {name: limit, schema: {type: integer}}",
        "target: $.paths['/orders'].post.parameters[?@.name == 'dummy']\nremove: true",
    )
    write(tmp_path, text, name="tiny.overlay.yaml")
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", use_cache=False)
    assert caught.value.problems
    for problem in caught.value.problems:  # the added parameter, now at index 2, has no `in`
        assert problem.file == tmp_path / "tiny.overlay.yaml", problem
        assert problem.line == line_of(text, "name: limit")


def test_null_onto_a_mapping_is_refused_with_a_hint(tmp_path: Path) -> None:
    text = overlay("target: $\nupdate:\n  info:\n    x-a: 1\n  components:")
    problem = only(refused(tmp_path, text))
    assert problem.pointer == "/actions/0/update/components"
    assert "cannot merge null into a mapping" in problem.message
    assert "leave the key out" in problem.message
