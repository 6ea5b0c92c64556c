"""Renders an Api into the files of a package, one template per output file."""

from __future__ import annotations

import functools
import re
import textwrap
from decimal import Decimal
from typing import Any, NamedTuple

import jinja2

from ..boundary import Code, Identifier, constructor, docstring_line, environment, literal
from ..ir import nodes as ir
from ..ir import pytypes as t
from ..ir.extensions import Digest, SigningScheme, message_text
from ..ir.runtime_contract import CONNECTION_ERROR, SERVER_ERROR, STATUS_ERROR, STATUS_ERRORS
from .pyproject import GITIGNORE, render_pyproject
from .templates import TEMPLATE_ROOT

TEMPLATES = TEMPLATE_ROOT / "package"
RUNTIME = TEMPLATE_ROOT / "runtime"
"""Plain modules every package carries, copied verbatim (its __init__.py is not one of them)."""
_SCHEME_CLASSES = {
    "bearer": "BearerScheme",
    "basic": "BasicScheme",
    "apiKey": "ApiKeyScheme",
    "signing": "SigningScheme",
}
# Where each parameter location goes in the runtime's `_call`.
_PARAMETER_KEYWORDS = (
    ("path", Code("path_params")),
    ("query", Code("query")),
    ("header", Code("headers")),
    ("cookie", Code("cookies")),
)
_VERBATIM = {"pyproject.toml", "README.md"}  # rendered at the package's top, not inside it
# What a streaming method of the asynchronous client returns instead of `EventStream`.
_EVENT_STREAM = re.compile(r"(?<![.\w])EventStream\b")


class Variant(NamedTuple):
    """One of the two client classes the client template renders from one definition."""

    client: Identifier
    raw: Identifier
    base: Code
    http: Code
    define: Code
    wait: Code
    iterator: Code
    raw_wrapper: Code
    is_async: bool


def variants(api: ir.Api) -> tuple[Variant, Variant]:
    """The synchronous client and the asynchronous one."""
    return (
        Variant(
            api.client_class,
            api.raw_response_class,
            Code("BaseClient"),
            Code("httpx.Client"),
            Code("def"),
            Code(""),
            Code("Iterator"),
            Code("raw_response"),
            False,
        ),
        Variant(
            api.async_client_class,
            api.async_raw_response_class,
            Code("AsyncBaseClient"),
            Code("httpx.AsyncClient"),
            Code("async def"),
            Code("await "),
            Code("AsyncIterator"),
            Code("raw_response_async"),
            True,
        ),
    )


def flavored(type_: t.PyType, variant: Variant) -> Code:
    """A method's return type as the variant's method returns it (an async event stream)."""
    rendered = type_.render()
    return Code(_EVENT_STREAM.sub("AsyncEventStream", rendered)) if variant.is_async else rendered


def render_package(api: ir.Api, models_source: str) -> dict[str, str]:
    """Every file of the package, by path relative to `generated/<package>/`."""
    env = _environment()
    types = [
        type_
        for op in api.operations
        for type_ in (
            op.result_type,
            *(a.type for a in op.arguments),
            *(r.type for r in op.responses if r.type),
            *([op.body.type] if op.body else []),
            *([op.page_item_type] if op.page_item_type else []),
            *(type_ for _, type_ in op.parameter_types),
        )
    ]
    imports = {line for type_ in types for line in type_.imports()}
    imports |= {
        line.replace("import EventStream", "import AsyncEventStream")
        for line in imports
        if line.endswith("import EventStream")
    }
    context = {
        "api": api,
        "variants": variants(api),
        "type_imports": Code("\n".join(sorted(imports))),
        "scheme_classes": Code(
            ", ".join(
                sorted(
                    {_SCHEME_CLASSES[s.kind] for s in api.security_schemes}
                    | {n for s in api.security_schemes if s.signing for n in _parts_of(s.signing)}
                )
                or ["Credentials"]
            )
        ),
        "uses_models": any(type_.models() for type_ in types),
        "construction": construction_example(api),
        "trading_imports": _trading_imports(api),
        "async_construction": async_example(api),
    }
    files: dict[str, str] = {}
    for template in sorted(TEMPLATES.glob("*.jinja")):
        name = template.name.removesuffix(".jinja")
        target = name if name in _VERBATIM else f"{api.package}/{name}"
        files[target] = env.get_template(template.name).render(context)
    for module in sorted(RUNTIME.glob("_*.py")):
        if module.name != "__init__.py":
            files[f"{api.package}/{module.name}"] = module.read_text(encoding="utf-8")
    files["pyproject.toml"] = render_pyproject(api)
    files[".gitignore"] = GITIGNORE
    files[f"{api.package}/models.py"] = models_source
    for hook in api.hooks:
        files[f"{api.package}/{hook.module}.py"] = hook.source
    return files


@functools.cache
def _environment() -> jinja2.Environment:
    """The package templates' environment, made once a run: a template is compiled on first use
    (and again only if its file changes), not once per package."""
    env = environment(jinja2.FileSystemLoader(TEMPLATES))
    env.filters.update(
        method_docstring=method_docstring,
        usage_example=usage_example,
        scheme_constructor=scheme_constructor,
        keyword_parameters=keyword_parameters,
        flavored=flavored,
    )
    env.globals["scheme_summary"] = scheme_summary
    env.globals["parameter_keywords"] = _PARAMETER_KEYWORDS
    return env


def scheme_constructor(scheme: ir.SecurityScheme) -> Code:
    """The expression that builds a scheme's runtime object."""
    if scheme.kind == "bearer":
        return Code(f"BearerScheme(credentials={literal(scheme.credentials)})")
    if scheme.kind == "basic":
        return Code("BasicScheme()")
    if scheme.kind == "apiKey":
        return Code(
            f"ApiKeyScheme(name={literal(scheme.key_name)}, location={literal(scheme.key_location)}, "
            f"credentials={literal(scheme.credentials)})"
        )
    assert scheme.signing is not None
    return constructor(scheme.signing)


def _trading_imports(api: ir.Api) -> Code:
    """Import lines of the runtime classes the client module's trading declarations name."""
    endpoint = sorted(
        ({"ClientOrderId"} if any(op.client_order_id for op in api.operations) else set())
        | ({"NotExecuted"} if api.not_executed else set())
        | ({"ServerTime"} if api.server_time else set())
    )
    limits = sorted(
        ({"RateLimit", "RateLimits"} if api.rate_limits else set())
        | ({"RateLimitCost"} if any(op.rate_limit for op in api.operations) else set())
    )
    lines = ["from ._ratelimit import " + ", ".join(["RateLimiter", *limits])]
    if endpoint:
        lines.insert(0, "from ._endpoint import " + ", ".join(endpoint))
    return Code("\n".join(lines))


def _parts_of(signing: SigningScheme) -> set[str]:
    """The runtime classes a signing scheme's constructor names besides SigningScheme."""
    names = {type(p).__name__ for p in signing.parameters + signing.derived}
    parts = list(signing.message) + [p for d in signing.derived for p in d.message]
    while parts:
        part = parts.pop()
        if isinstance(part, Digest):
            names.add("Digest")
            parts.extend(part.of)
    return names


def keyword_parameters(op: ir.Operation) -> Code:
    """The parameters of an operation's method and of its pager: arguments, then per-call options."""
    indent = " " * 8
    lines = [f"{indent}self,", f"{indent}*,"]
    for a in op.arguments:
        default = "" if a.required else " | NotGiven = NOT_GIVEN"
        lines.append(f"{indent}{a.name}: {a.type.render()}{default},")
    lines += [
        f"{indent}timeout: float | httpx.Timeout | None = None,",
        f"{indent}max_retries: int | None = None,",
        f"{indent}extra_headers: Mapping[str, str] | None = None,",
    ]
    return Code("\n".join(lines))


def construction_example(api: ir.Api) -> Code:
    """Creating the client, as the README shows it."""
    arguments = ", ".join(f'{c.name}="..."' for c in api.credentials)
    return Code(
        f"from {api.package} import {api.client_class}\n\n"
        f"with {api.client_class}({arguments}) as client:\n    ..."
    )


def scheme_summary(scheme: ir.SecurityScheme) -> str:
    """What a security scheme sends, in words: kind, signature, credentials."""
    what: str = scheme.kind
    if scheme.kind == "apiKey":
        what += f", {scheme.key_location} {scheme.key_name}"
    if scheme.signing:
        s = scheme.signing
        if s.message:
            signer = "a signing hook" if s.hook else f"HMAC-{s.algorithm.upper()} {s.encoding}"
            what += f": {signer} over {message_text(s.message)!r}"
        if s.request_hook:
            what += ", then a request hook" if s.message else ": a request hook"
    return f"{what}: {', '.join(scheme.credentials)}"


def method_docstring(op: ir.Operation) -> Code:
    """The docstring of an operation's method: summary, description, arguments, errors."""
    indent = " " * 8
    summary = op.summary or f"{op.http_method} {op.path}"
    lines = [summary.splitlines()[0]]
    body = "\n".join(
        summary.splitlines()[1:] + ([""] if op.description else []) + op.description.splitlines()
    ).strip()
    if op.deprecated:
        body = ("Deprecated.\n\n" + body).strip()
    if op.summary:
        lines += ["", f"{op.http_method} {op.path}"]
    if body:
        lines += ["", *body.splitlines()]
    documented = [a for a in op.arguments if a.description]
    if documented:
        lines += ["", "Args:"]
        for a in documented:
            lines += _wrapped(f"{a.name}: {' '.join(a.description.split())}")
    lines += ["", "Raises:"]
    for status, error, description in _raised(op):
        lines += _wrapped(f"{error}: {status}{', ' + description if description else ''}")
    out = [f'{indent}"""{docstring_line(lines[0])}']
    out.extend((indent + docstring_line(line)).rstrip() for line in lines[1:])
    out.append(f'{indent}"""')
    return Code("\n".join(out))


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, 88, initial_indent="    ", subsequent_indent="        ")


def _raised(op: ir.Operation) -> list[tuple[str, str, str]]:
    found = []
    for r in op.responses:
        if r.status.startswith("2") or r.status == "default":
            continue
        if r.status.startswith("5"):
            error = SERVER_ERROR
        else:  # a range such as 4XX can be any of the classes
            error = (
                STATUS_ERRORS.get(int(r.status), STATUS_ERROR)
                if r.status.isdigit()
                else STATUS_ERROR
            )
        found.append((r.status, error, _first_sentence(r.description)))
    found.append(("any other error status", STATUS_ERROR, ""))
    found.append(("the request or its answer did not get through", CONNECTION_ERROR, ""))
    return found


def _first_sentence(description: str) -> str:
    """The description's first sentence, if it is short enough for a Raises line."""
    sentence = " ".join(description.split()).split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= 80 else ""


def usage_example(op: ir.Operation) -> Code:
    """One call of the operation's method, with the spec's example values where it has them."""
    arguments = _example_arguments(op)
    call = f"client.{op.method_name}({arguments})"
    if op.pagination:
        return Code(
            f"result = {call}\nfor item in client.iter_{op.method_name}({arguments}):\n    print(item)"
        )
    return Code(f"result = {call}")


def async_example(api: ir.Api) -> Code:
    """The asynchronous client, as the README shows it: a call awaited, a listing iterated."""
    credentials = ", ".join(f'{c.name}="..."' for c in api.credentials)
    lines = [
        "import asyncio",
        "",
        f"from {api.package} import {api.async_client_class}",
        "",
        "",
        "async def main() -> None:",
        f"    async with {api.async_client_class}({credentials}) as client:",
    ]
    if api.operations:
        first = api.operations[0]
        lines.append(
            f"        result = await client.{first.method_name}({_example_arguments(first)})"
        )
    listing = next((op for op in api.operations if op.pagination), None)
    if listing is not None:
        lines += [
            f"        async for item in client.iter_{listing.method_name}({_example_arguments(listing)}):",
            "            print(item)",
        ]
    if not api.operations:
        lines.append("        ...")
    lines += ["", "", "asyncio.run(main())"]
    return Code("\n".join(lines))


def _example_arguments(op: ir.Operation) -> str:
    """The keyword arguments of an example call, from the spec's examples where it has them."""
    body_example = op.request_example if isinstance(op.request_example, dict) else {}
    parts = []
    if op.example is not None:
        parts = [
            f"{a.name}={_example_literal(a.type, op.example[a.wire_name])}"
            for a in op.arguments
            if a.wire_name in op.example
        ]
    for a in op.arguments if op.example is None else ():
        # Required arguments, and the body fields the spec's request example sets.
        value = (
            body_example.get(a.wire_name, ir.NO_EXAMPLE) if a.location == "body" else ir.NO_EXAMPLE
        )
        if value is ir.NO_EXAMPLE and a.required:
            value = a.example
        if value is not ir.NO_EXAMPLE:
            parts.append(f"{a.name}={_example_literal(a.type, value)}")
        elif a.required:
            parts.append(f"{a.name}={_placeholder(a.type)}")
    return ", ".join(parts)


def _example_literal(type_: t.PyType, value: Any) -> Code:
    members = type_.without_none().members()
    if (
        t.DECIMAL in members
        and isinstance(value, (str, int, float))
        and not isinstance(value, bool)
    ):
        try:
            return literal(Decimal(str(value)))
        except ArithmeticError:
            return _placeholder(type_)
    if isinstance(value, (str, int, bool)) or value is None:
        return literal(value)
    return _placeholder(type_)


def _placeholder(type_: t.PyType) -> Code:
    first = type_.without_none().members()[0]
    if isinstance(first, t.LiteralType):
        return literal(first.values[0])
    if isinstance(first, t.ListType):
        return Code("[]")
    if isinstance(first, t.DictType):
        return Code("{}")
    return _PLACEHOLDERS.get(first, Code("..."))


_PLACEHOLDERS: dict[t.PyType, Code] = {
    t.STR: Code('"..."'),
    t.INT: Code("1"),
    t.BOOL: Code("True"),
    t.DECIMAL: Code('Decimal("1")'),
    t.DATETIME: Code("datetime.now(timezone.utc)"),
    t.DATE: Code("date.today()"),
}
