"""The change report: what changed between two client surfaces, for the code that calls the client.

Spec-level diff tools (oasdiff, openapi-diff) compare documents; this compares what the generated
Python exposes (methods, keyword arguments, models, credentials), so it is written here.
"""

from __future__ import annotations

from typing import Any

from .model_changes import ModelChanges
from .report import LEVELS, Report, backticked
from .surface import Argument, Method, Surface


def compare(old: Surface, new: Surface, *, old_label: str = "", new_label: str = "") -> Report:
    """The report of what changed from `old` to `new`, ordered breaking first, then by subject."""
    found = _Changes(old, new)
    found.client()
    found.servers()
    found.auth()
    found.methods()
    found.models()
    order = {level: i for i, level in enumerate(LEVELS)}
    changes = sorted(dict.fromkeys(found.changes), key=lambda c: (order[c.level], c.subject))
    return Report(old_label or old.package, new_label or new.package, tuple(changes))


class _Changes(ModelChanges):
    # -- the client as a whole -----------------------------------------------------------------

    def client(self) -> None:
        old, new = self.old, self.new
        if old.package != new.package:
            self.add(
                "breaking",
                "package-renamed",
                "package",
                f"`{old.package}` is now `{new.package}`",
                "imports of the old name fail",
            )
        if old.client_class != new.client_class:
            renamed = f"`{old.client_class}` is now `{new.client_class}`"
            if old.async_client_class and new.async_client_class:
                renamed += f", `{old.async_client_class}` is now `{new.async_client_class}`"
            self.add(
                "breaking",
                "client-renamed",
                "client",
                renamed,
                "code that imports or constructs the old class fails",
            )
        if new.async_client_class and not old.async_client_class:
            self.add(
                "addition",
                "async-client-added",
                "client",
                f"{new.async_client_class} added: every method of {new.client_class} as "
                "async def, on httpx.AsyncClient",
                "a new class; a method's changes apply to both clients",
            )
        elif old.async_client_class and not new.async_client_class:
            self.add(
                "breaking",
                "async-client-removed",
                "client",
                f"`{old.async_client_class}` removed",
                "code that imports or constructs it fails",
            )
        if old.env_prefix != new.env_prefix:
            self.add(
                "breaking",
                "environment-renamed",
                "credentials",
                f"read from `{new.env_prefix}_*` instead of `{old.env_prefix}_*`",
                "credentials set in the environment under the old names are no longer found",
            )
        if old.api_version != new.api_version:
            self.add(
                "other",
                "api-version-changed",
                "API version",
                f"{old.api_version or '(none)'} -> {new.api_version or '(none)'}",
                "the spec's own version; the client surface changes are listed separately",
            )

    def servers(self) -> None:
        old = [s.url for s in self.old.servers]
        new = [s.url for s in self.new.servers]
        if old[:1] != new[:1]:
            self.add(
                "breaking",
                "default-server-changed",
                "base_url",
                f"default {backticked(old[0]) if old else '(none)'} -> {backticked(new[0]) if new else '(none)'}",
                "a client built without base_url= talks to another server",
            )
        for url in new:
            if url not in old:
                self.add(
                    "addition", "server-added", "servers", f"{backticked(url)} added", "listed only"
                )
        for url in old[1:]:
            if url not in new:
                self.add(
                    "other",
                    "server-removed",
                    "servers",
                    f"{backticked(url)} no longer listed",
                    "code that passes it as base_url= still runs",
                )

    def auth(self) -> None:
        old_credentials = {c for s in self.old.schemes for c in s.credentials}
        new_credentials = {c for s in self.new.schemes for c in s.credentials}
        for name in sorted(old_credentials - new_credentials):
            self.add(
                "breaking",
                "credential-removed",
                f"{self.new.client_class}({name}=)",
                "credential removed",
                "the constructor no longer takes it",
            )
        for name in sorted(new_credentials - old_credentials):
            self.add(
                "addition",
                "credential-added",
                f"{self.new.client_class}({name}=)",
                f"credential added (also read from {self.new.env_prefix}_{name.upper()})",
                "optional in the constructor; methods that need it say so below",
            )
        old_schemes = {s.name: s for s in self.old.schemes}
        new_schemes = {s.name: s for s in self.new.schemes}
        for name in sorted(new_schemes.keys() - old_schemes.keys()):
            self.add("addition", "scheme-added", f"auth {name}", "scheme added", "new scheme")
        for name in sorted(old_schemes.keys() - new_schemes.keys()):
            self.add(
                "other",
                "scheme-removed",
                f"auth {name}",
                "scheme removed",
                "requests no longer authenticate this way; methods whose credentials change say so",
            )
        for name in sorted(old_schemes.keys() & new_schemes.keys()):
            before, after = old_schemes[name], new_schemes[name]
            if (before.kind, before.key_name, before.key_location) != (
                after.kind,
                after.key_name,
                after.key_location,
            ):
                self.add(
                    "other",
                    "scheme-changed",
                    f"auth {name}",
                    f"{_scheme_text(before)} -> {_scheme_text(after)}",
                    "the client sends the credentials differently; calling code is unchanged",
                )
            if before.signing != after.signing:
                self.add(
                    "other",
                    "signing-changed",
                    f"auth {name}",
                    "signing changed: " + _signing_delta(before.signing, after.signing),
                    "the client signs requests differently; calling code is unchanged",
                )

    # -- methods -------------------------------------------------------------------------------

    def methods(self) -> None:
        old = {m.name: m for m in self.old.methods}
        new = {m.name: m for m in self.new.methods}
        removed = [old[n] for n in sorted(old.keys() - new.keys())]
        added = [new[n] for n in sorted(new.keys() - old.keys())]
        for before in list(removed):
            # An operationId renamed: the same HTTP method and path under another method name.
            twin = next(
                (m for m in added if (m.http_method, m.path) == (before.http_method, before.path)),
                None,
            )
            if twin is not None:
                removed.remove(before)
                added.remove(twin)
                self.add(
                    "breaking",
                    "method-renamed",
                    f"{before.name}()",
                    f"renamed to {twin.name}() ({twin.http_method} {twin.path})",
                    "calls of the old name fail",
                )
                self.method(before, twin)
        for method in removed:
            self.add(
                "breaking",
                "method-removed",
                f"{method.name}()",
                f"method removed ({method.http_method} {method.path})",
                "calls of it fail",
            )
        for method in added:
            self.add(
                "addition",
                "method-added",
                f"{method.name}()",
                f"method added ({method.http_method} {method.path})",
                "new operation",
            )
        for name in sorted(old.keys() & new.keys()):
            self.method(old[name], new[name])

    def method(self, before: Method, after: Method) -> None:
        subject = f"{after.name}()"
        if (before.http_method, before.path) != (after.http_method, after.path):
            self.add(
                "other",
                "method-endpoint-changed",
                subject,
                f"sends {after.http_method} {after.path} instead of {before.http_method} {before.path}",
                "calling code is unchanged",
            )
        self.arguments(after.name, before.arguments, after.arguments)
        self.retyped(
            "return-type",
            f"{subject} returns",
            before.returns,
            after.returns,
            {"received"},
        )
        if before.paginated != after.paginated:
            if after.paginated:
                self.add(
                    "addition",
                    "pager-added",
                    f"iter_{after.name}()",
                    "pager added",
                    "new method iterating over every page",
                )
            else:
                self.add(
                    "breaking",
                    "pager-removed",
                    f"iter_{after.name}()",
                    "pager removed",
                    "calls of it fail",
                )
        if before.idempotent != after.idempotent:
            self.add(
                "other",
                "retries-changed",
                subject,
                "now retried on connection errors and 5xx"
                if after.idempotent
                else "no longer retried on connection errors and 5xx",
                "the spec changed x-idempotent; calling code is unchanged",
            )
        if after.deprecated and not before.deprecated:
            self.add("other", "method-deprecated", subject, "deprecated", "it still works")
        if before.security != after.security:
            needs_before = _needs_credentials(before.security)
            needs_after = _needs_credentials(after.security)
            self.add(
                "breaking" if needs_after and not needs_before else "other",
                "security-changed",
                subject,
                f"authentication {_security_text(before.security)} -> {_security_text(after.security)}",
                "a client built without credentials now raises MissingCredentialsError"
                if needs_after and not needs_before
                else "the client picks the credentials; calling code is unchanged",
            )

    def arguments(
        self, method: str, before: tuple[Argument, ...], after: tuple[Argument, ...]
    ) -> None:
        old = {a.name: a for a in before}
        new = {a.name: a for a in after}
        removed = [a for a in before if a.name not in new]
        added = [a for a in after if a.name not in old]
        pairs: list[tuple[Argument, Argument]] = [(old[n], new[n]) for n in old if n in new]
        for gone in list(removed):
            # A rename: the same wire name and location, else the same position and type.
            twin = next(
                (a for a in added if (a.wire_name, a.location) == (gone.wire_name, gone.location)),
                None,
            ) or next(
                (
                    a
                    for a in added
                    if a.type == gone.type
                    and after.index(a) == before.index(gone)
                    and a.location == gone.location
                ),
                None,
            )
            if twin is not None:
                removed.remove(gone)
                added.remove(twin)
                pairs.append((gone, twin))
                self.add(
                    "breaking",
                    "argument-renamed",
                    f"{method}({gone.name}=)",
                    f"renamed to {twin.name}=",
                    "calls passing the old keyword fail",
                )
        for argument in removed:
            self.add(
                "breaking",
                "argument-removed",
                f"{method}({argument.name}=)",
                "argument removed",
                "calls passing it fail",
            )
        for argument in added:
            if argument.required:
                self.add(
                    "breaking",
                    "argument-added-required",
                    f"{method}({argument.name}=)",
                    f"required argument added ({argument.type}, {argument.location})",
                    "calls without it fail",
                )
            else:
                self.add(
                    "addition",
                    "argument-added",
                    f"{method}({argument.name}=)",
                    f"optional argument added ({argument.type}, {argument.location})",
                    "calls without it still work",
                )
        for gone, kept in pairs:
            subject = f"{method}({kept.name}=)"
            self.retyped("argument-type", subject, gone.type, kept.type, {"sent"})
            if kept.required and not gone.required:
                self.add(
                    "breaking",
                    "argument-now-required",
                    subject,
                    "now required (was optional)",
                    "calls that leave it out fail",
                )
            elif gone.required and not kept.required:
                self.add(
                    "other",
                    "argument-now-optional",
                    subject,
                    "now optional (was required)",
                    "calls that pass it still work",
                )
            if gone.location != kept.location:
                self.add(
                    "other",
                    "argument-moved",
                    subject,
                    f"sent in the {kept.location} instead of the {gone.location}",
                    "calling code is unchanged",
                )
            elif gone.wire_name != kept.wire_name:
                self.add(
                    "other",
                    "argument-wire-renamed",
                    subject,
                    f"sent as {kept.wire_name!r} instead of {gone.wire_name!r}",
                    "calling code is unchanged",
                )
            if gone.default != kept.default:
                self.add(
                    "other",
                    "argument-default-changed",
                    subject,
                    f"documented default {gone.default or '(none)'} -> {kept.default or '(none)'}",
                    "the server applies it when the argument is left out",
                )


def _needs_credentials(security: tuple[tuple[str, ...], ...]) -> bool:
    return bool(security) and all(alternative for alternative in security)


def _security_text(security: tuple[tuple[str, ...], ...]) -> str:
    if not _needs_credentials(security):
        return "optional" if security else "none"
    return " or ".join(" + ".join(alternative) for alternative in security)


def _scheme_text(scheme: Any) -> str:
    where = f" {scheme.key_location} {scheme.key_name!r}" if scheme.key_name else ""
    return f"{scheme.kind}{where}"


def _signing_delta(before: Any, after: Any) -> str:
    if before is None or after is None:
        return "added" if before is None else "removed"
    parts = []
    for name, old in vars(before).items():
        new = getattr(after, name)
        if old != new:
            parts.append(f"{name} {_short(old)} -> {_short(new)}")
    return "; ".join(parts)


def _short(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    return str(value)
