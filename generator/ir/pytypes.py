"""Python types as generated code spells them: a small frozen tree that renders itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..boundary import Code, Identifier, Renders, literal

MODELS_MODULE = Identifier("models")


class PyType(Renders):
    """A type annotation of the generated code."""

    def render(self) -> Code:
        """The annotation as Python source."""
        raise NotImplementedError

    def children(self) -> tuple[PyType, ...]:
        """The types this one is built from."""
        return ()

    def walk(self) -> Iterator[PyType]:
        """This type and every type below it, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()

    def imports(self) -> frozenset[str]:
        """The `from module import name` lines the annotation needs."""
        return frozenset(line for t in self.walk() if (line := t.import_line()))

    def import_line(self) -> str:
        """The import this node itself needs, or an empty string."""
        return ""

    def models(self) -> frozenset[str]:
        """Names of the generated models the annotation refers to."""
        return frozenset(t.name for t in self.walk() if isinstance(t, ModelType))

    def members(self) -> tuple[PyType, ...]:
        """The alternatives of a union; a single type is its own only member."""
        return (self,)

    def is_optional(self) -> bool:
        """Whether None is one of the alternatives."""
        return NONE in self.members()

    def without_none(self) -> PyType:
        """The type with None removed from its alternatives."""
        return union([m for m in self.members() if m != NONE]) if self.is_optional() else self

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Builtin(PyType):
    """A name every module has: `str`, `int`, `bool`, `bytes`, `None`."""

    name: str

    def render(self) -> Code:
        return Code(self.name)


@dataclass(frozen=True)
class Imported(PyType):
    """A class from the standard library or typing: `Decimal`, `datetime`, `Any`."""

    module: str
    name: str

    def render(self) -> Code:
        return Code(self.name)

    def import_line(self) -> str:
        return f"from {self.module} import {self.name}"


@dataclass(frozen=True)
class ModelType(PyType):
    """A model class of the package's `models` module."""

    name: Identifier

    def render(self) -> Code:
        return Code(f"{MODELS_MODULE}.{self.name}")


@dataclass(frozen=True)
class ListType(PyType):
    """`list[item]`."""

    item: PyType

    def render(self) -> Code:
        return Code(f"list[{self.item.render()}]")

    def children(self) -> tuple[PyType, ...]:
        return (self.item,)


@dataclass(frozen=True)
class DictType(PyType):
    """`dict[str, value]`."""

    value: PyType

    def render(self) -> Code:
        return Code(f"dict[str, {self.value.render()}]")

    def children(self) -> tuple[PyType, ...]:
        return (self.value,)


@dataclass(frozen=True)
class LiteralType(PyType):
    """`Literal[...]` of strings, integers or booleans taken from the spec."""

    values: tuple[str | int | bool, ...]

    def render(self) -> Code:
        return Code(f"Literal[{', '.join(literal(v) for v in self.values)}]")

    def import_line(self) -> str:
        return "from typing import Literal"


@dataclass(frozen=True)
class UnionType(PyType):
    """`a | b | None`: two or more alternatives, None last."""

    alternatives: tuple[PyType, ...]

    def render(self) -> Code:
        return Code(" | ".join(m.render() for m in self.alternatives))

    def children(self) -> tuple[PyType, ...]:
        return self.alternatives

    def members(self) -> tuple[PyType, ...]:
        return self.alternatives


STR = Builtin("str")
INT = Builtin("int")
BOOL = Builtin("bool")
BYTES = Builtin("bytes")
NONE = Builtin("None")
ANY = Imported("typing", "Any")
DECIMAL = Imported("decimal", "Decimal")
DATETIME = Imported("datetime", "datetime")
DATE = Imported("datetime", "date")


def union(types: list[PyType] | tuple[PyType, ...]) -> PyType:
    """The union of `types`: nested unions flattened, duplicates dropped, None last, Any absorbs."""
    flat: list[PyType] = []
    for member in (m for t in types for m in t.members()):
        if member not in flat:
            flat.append(member)
    if ANY in flat:
        return ANY
    ordered = [m for m in flat if m != NONE] + ([NONE] if NONE in flat else [])
    if not ordered:
        return NONE
    return ordered[0] if len(ordered) == 1 else UnionType(tuple(ordered))


def optional(type_: PyType) -> PyType:
    """`type_ | None` (Any stays Any)."""
    return union([type_, NONE])
