"""Changes of models and types: fields added, removed or retyped, enum values, nullability.

Whether a change breaks calling code depends on the direction a type travels: a model sent in
requests breaks on a new required field, one received in responses on a field that can be None.
"""

from __future__ import annotations

from typing import Literal

from ..ir.pytypes import LiteralType, PyType
from .report import Change, Level, backticked
from .surface import Field, Model, Surface, Type

Direction = Literal["sent", "received"]


class ModelChanges:
    """Collects changes between two surfaces: those of models and types."""

    def __init__(self, old: Surface, new: Surface) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.old_directions = _model_directions(old)
        self.new_directions = _model_directions(new)

    def add(self, level: Level, kind: str, subject: str, change: str, reason: str) -> None:
        """Record one change."""
        self.changes.append(Change(level, kind, subject, change, reason))

    # -- models --------------------------------------------------------------------------------

    def models(self) -> None:
        old = {m.name: m for m in self.old.models}
        new = {m.name: m for m in self.new.models}
        removed = [old[n] for n in sorted(old.keys() - new.keys())]
        added = [new[n] for n in sorted(new.keys() - old.keys())]
        for gone in list(removed):
            twin = next((m for m in added if m.fields == gone.fields), None)
            if twin is not None:
                removed.remove(gone)
                added.remove(twin)
                self.add(
                    "breaking",
                    "model-renamed",
                    f"models.{gone.name}",
                    f"renamed to models.{twin.name}",
                    "code that imports the old name fails",
                )
        for model in removed:
            self.add(
                "breaking",
                "model-removed",
                f"models.{model.name}",
                "model removed",
                "code that imports it fails",
            )
        for model in added:
            self.add(
                "addition",
                "model-added",
                f"models.{model.name}",
                f"model added ({len(model.fields)} fields)",
                "new model",
            )
        for name in sorted(old.keys() & new.keys()):
            self.model(old[name], new[name])

    def model(self, before: Model, after: Model) -> None:
        directions = self.old_directions.get(before.name, set()) | self.new_directions.get(
            after.name, set()
        )
        sent = "sent" in directions
        old = {f.wire_name: f for f in before.fields}
        new = {f.wire_name: f for f in after.fields}
        where = f"models.{after.name}"
        for field in before.fields:
            if field.wire_name not in new:
                self.add(
                    "breaking",
                    "field-removed",
                    f"{where}.{field.name}",
                    "field removed",
                    "code that reads or sets it fails",
                )
        for field in after.fields:
            if field.wire_name in old:
                continue
            if field.required and sent:
                self.add(
                    "breaking",
                    "field-added-required",
                    f"{where}.{field.name}",
                    f"required field added ({field.type})",
                    "the model is sent in requests; building it without the field fails",
                )
            else:
                self.add(
                    "addition",
                    "field-added",
                    f"{where}.{field.name}",
                    f"{'required' if field.required else 'optional'} field added ({field.type})",
                    "code that does not use it is unaffected",
                )
        for wire in [w for w in old if w in new]:
            self.field(where, old[wire], new[wire], directions)

    def field(self, where: str, before: Field, after: Field, directions: set[Direction]) -> None:
        subject = f"{where}.{after.name}"
        if before.name != after.name:
            self.add(
                "breaking",
                "field-renamed",
                f"{where}.{before.name}",
                f"renamed to {after.name}",
                "code that uses the old attribute fails",
            )
        sent, received = "sent" in directions, "received" in directions
        self.retyped("field-type", subject, before.type, after.type, directions)
        if after.required and not before.required:
            self.add(
                "breaking" if sent else "other",
                "field-now-required",
                subject,
                "now required (was optional)",
                "the model is sent in requests; building it without the field fails"
                if sent
                else "it is now always present in responses",
            )
        elif before.required and not after.required:
            self.add(
                "breaking" if received else "other",
                "field-now-optional",
                subject,
                "now optional (was required)",
                "responses may leave it out: it can be None"
                if received
                else "requests may leave it out",
            )

    # -- types ---------------------------------------------------------------------------------

    def retyped(
        self, kind: str, subject: str, before: Type, after: Type, directions: set[Direction]
    ) -> None:
        """Report a changed type; `directions` says whether its values are sent, received or both."""
        if before == after:
            return
        old_values, new_values = _literal_values(before.tree), _literal_values(after.tree)
        if old_values and new_values and _shape(before.tree) == _shape(after.tree):
            # The same type around its Literal[...] (`list[Literal[...]] | None`): only values moved.
            self.enum_values(subject, old_values, new_values, directions)
            return
        old_set, new_set = set(before.tree.members()), set(after.tree.members())
        level: Level
        if old_set < new_set:  # widened: accepts or may return more
            level, reason = (
                (
                    "breaking",
                    f"responses can now hold {_members(new_set - old_set)}; code must handle it",
                )
                if "received" in directions
                else ("addition", "every value that worked still does")
            )
        elif new_set < old_set:  # narrowed
            level, reason = (
                ("breaking", f"passing {_members(old_set - new_set)} no longer type-checks")
                if "sent" in directions
                else ("other", "responses hold a subset of what they did")
            )
        else:
            level, reason = "breaking", "code written for the old type may fail"
        change = f"type {backticked(before.text)} -> {backticked(after.text)}"
        self.add(level, kind, subject, change, reason)

    def enum_values(
        self,
        subject: str,
        before: tuple[object, ...],
        after: tuple[object, ...],
        directions: set[Direction],
    ) -> None:
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        if removed:
            self.add(
                "breaking" if "sent" in directions else "other",
                "enum-values-removed",
                subject,
                f"values removed: {_values(removed)}",
                "senders: code passing them no longer type-checks and the server refuses them"
                if "sent" in directions
                else "receivers: responses no longer hold them",
            )
        if added:
            self.add(
                "addition",
                "enum-values-added",
                subject,
                f"values added: {_values(added)}",
                "receivers: code that matches exhaustively on it meets values it does not handle"
                if "received" in directions
                else "senders: every value that worked still does",
            )


def _model_directions(surface: Surface) -> dict[str, set[Direction]]:
    """For every model, whether it travels in requests (sent), responses (received), or both.

    A model no method reaches (an error body, an unused component) counts as both."""
    fields = {m.name: [f.type for f in m.fields] for m in surface.models}
    reach: dict[str, set[Direction]] = {}

    def visit(type_: Type, direction: Direction) -> None:
        for name in type_.tree.models():
            if name in fields and direction not in reach.setdefault(name, set()):
                reach[name].add(direction)
                for field_type in fields[name]:
                    visit(field_type, direction)

    for method in surface.methods:
        for argument in method.arguments:
            visit(argument.type, "sent")
        visit(method.returns, "received")
    return {name: reach.get(name) or {"sent", "received"} for name in fields}


def _literal_values(type_: PyType) -> tuple[object, ...]:
    """The values of every Literal in a type, in order, each once."""
    values: list[object] = []
    for node in type_.walk():
        if isinstance(node, LiteralType):
            values.extend(v for v in node.values if v not in values)
    return tuple(values)


def _shape(type_: PyType) -> tuple[object, ...]:
    """A type with its Literal values left out: its nodes depth first, each inner node and Literal
    as its kind and number of children (which makes the sequence stand for one tree)."""
    return tuple(
        (type(node).__name__, len(node.children()))
        if node.children() or isinstance(node, LiteralType)
        else node
        for node in type_.walk()
    )


def _members(members: set[PyType]) -> str:
    return backticked(" | ".join(sorted(m.render() for m in members)))


def _values(values: list[object]) -> str:
    return ", ".join(repr(v) for v in values)
