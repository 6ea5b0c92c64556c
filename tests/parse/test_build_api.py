"""The IR the parser builds from a spec: the golden kitchen sink, construct by construct."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import Diagnostics
from generator.load import LoadedSpec, load_spec
from generator.parse import build_api
from generator.parse._context import ParseContext
from tests.support.paths import GOLDEN


def test_ir_of_the_kitchen_sink() -> None:
    spec_path = GOLDEN / "kitchen_sink" / "spec.yaml"
    diagnostics = Diagnostics(spec_path)
    api = build_api(load_spec(spec_path, diagnostics), diagnostics)
    assert diagnostics.errors == [] and diagnostics.warnings == []
    assert (api.package, api.client_class, api.version) == (
        "kitchen_sink_client",
        "KitchenSinkClient",
        "2.3.0",
    )
    assert api.servers[0].url == "https://eu.example.test/api"
    ops = {str(op.method_name): op for op in api.operations}
    assert list(ops) == [
        "get_pet",
        "delete_pet",
        "create_pet",
        "list_pets",
        "replace_pets",
        "login",
    ]
    get_pet = ops["get_pet"]
    assert [(a.name, a.location, str(a.type), a.required) for a in get_pet.arguments] == [
        ("pet_id", "path", "int", True),
        ("include", "query", 'list[Literal["owner", "tags"]]', False),
        ("x_trace", "header", "str", False),
    ]
    assert str(get_pet.result_type) == "models.Cat | models.Dog"
    assert get_pet.security == (("ApiKey",),)
    assert ops["delete_pet"].security == () and str(ops["delete_pet"].result_type) == "None"
    create = ops["create_pet"]
    assert (
        create.body is not None
        and create.body.flattened
        and str(create.body.type) == "models.CreatePetRequest"
    )
    assert [str(a.type) for a in create.arguments if a.name in ("price", "weight", "owner")] == [
        "Decimal",
        "Decimal | None",
        "models.CreatePetRequestOwner",
    ]
    assert create.idempotent and not ops["replace_pets"].idempotent
    assert ops["replace_pets"].body is not None and not ops["replace_pets"].body.flattened
    assert (
        ops["login"].body is not None
        and ops["login"].body.media_type == "application/x-www-form-urlencoded"
    )
    pages = ops["list_pets"].pagination
    assert pages is not None and (
        pages.style,
        pages.items,
        str(ops["list_pets"].page_item_type),
        pages.default_limit,
    ) == (
        "offset",
        ("items",),
        "models.Cat | models.Dog",
        10,
    )
    assert [r.status for r in ops["delete_pet"].responses] == ["204", "default"]
    assert set(api.model_names) >= {
        "Cat",
        "Dog",
        "PetBase",
        "Problem",
        "CreatePetRequest",
        "CreatePetRequestOwner",
    }


def test_references_resolve_the_same_when_followed_again() -> None:
    schemas: dict[str, Any] = {
        "A": {"$ref": "#/components/schemas/B"},
        "B": {"type": "string"},
        "Loop": {"$ref": "#/components/schemas/Loop"},
        "Null": {"$ref": "#/x-null"},
        "Gone": {"$ref": "#/components/schemas/Missing"},
        "Remote": {"$ref": "https://example.test/s.yaml"},
    }
    document = {"x-null": None, "components": {"schemas": schemas}}
    path = Path("spec.yaml")
    ctx = ParseContext(LoadedSpec(path, document, b""), Diagnostics(path))
    for _ in range(2):  # the second time from what the first found
        assert ctx.resolve(schemas["A"]) is schemas["B"]
        assert ctx.resolve(schemas["Null"]) is None
        assert ctx.resolve(schemas["Loop"]) == {}
        assert ctx.resolve(schemas["Gone"]) == {}
        assert ctx.resolve(schemas["Remote"]) == {}
