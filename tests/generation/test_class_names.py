"""Renaming classes throughout a models module: definitions, uses and forward references."""

from __future__ import annotations

import ast
from typing import Any

from generator.models.class_names import defined, free_class_name, renamed

SOURCE = (
    '"""h"""\n\nfrom typing import Optional\n\nfrom pydantic import BaseModel as Model, Field\n\n\n'
    "class Trade(Model):\n"
    '    meta: Optional["Meta"] = Field(None, description="Meta of a Trade")\n'
    "    other: Optional[Meta1] = None\n\n\n"
    "class Meta(Model):\n    venue: int\n\n\n"
    "class Meta1(Model):\n    pass\n\n\n"
    "Trade.model_rebuild()\n"
)


def test_a_class_is_renamed_where_defined_used_and_in_forward_references() -> None:
    source = renamed(
        SOURCE.replace("Optional[Meta1]", 'Optional["Meta1"]'), {"Meta": "Meta2", "Meta1": "Meta"}
    )
    assert 'Optional["Meta2"]' in source and 'Optional["Meta"]' in source
    assert "class Meta2(Model)" in source and "class Meta(Model):\n    pass" in source
    assert 'description="Meta of a Trade"' in source  # text is not a reference
    namespace: dict[str, Any] = {}
    exec(compile(source, "models.py", "exec"), namespace)
    trade = namespace["Trade"].model_validate({"meta": {"venue": 3}})
    assert isinstance(trade.meta, namespace["Meta2"]) and trade.meta.venue == 3


def test_what_a_module_defines() -> None:
    classes, fielded = defined(ast.parse(SOURCE))
    assert classes == {"Trade", "Meta", "Meta1"}
    assert fielded == {"Trade", "Meta"}


def test_a_free_class_name_numbers_the_base() -> None:
    assert free_class_name("Meta1", {"Meta", "Meta1"}) == "Meta2"
    assert free_class_name("Item", {"Item"}) == "Item1"
