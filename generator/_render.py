"""Renders an Api into the files of a package, one template per output file."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import jinja2

from . import _ir as ir

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "package"
RUNTIME = TEMPLATES.parent / "runtime"
"""Plain modules every package carries, copied verbatim (its __init__.py is not one of them)."""
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STDLIB_TYPES = {
    "Decimal": "from decimal import Decimal",
    "date": "from datetime import date",
    "datetime": "from datetime import datetime",
}


def render_package(api: ir.Api, models_source: str) -> dict[str, str]:
    """Every file of the package, by path relative to `generated/<package>/`."""
    env = _environment()
    names = _used_names(api)
    context = {
        "api": api,
        "used_models": sorted(names & set(api.model_names)),
        "type_imports": "\n".join(
            line for name, line in sorted(_STDLIB_TYPES.items()) if name in names
        ),
        "scheme_classes": sorted({_SCHEME_CLASSES[s.kind] for s in api.security_schemes})
        or ["Credentials"],
    }
    files: dict[str, str] = {}
    for template in sorted(TEMPLATES.glob("*.jinja")):
        name = template.name.removesuffix(".jinja")
        target = name if name in ("pyproject.toml", "README.md") else f"{api.package}/{name}"
        files[target] = env.get_template(template.name).render(context)
    for module in sorted(RUNTIME.glob("_*.py")):
        if module.name != "__init__.py":
            files[f"{api.package}/{module.name}"] = module.read_text(encoding="utf-8")
    files[f"{api.package}/models.py"] = models_source
    for hook in api.hooks:
        assert hook.hook_module and hook.hook_source is not None
        files[f"{api.package}/{hook.hook_module}.py"] = hook.hook_source
    return files


_SCHEME_CLASSES = {
    "bearer": "BearerScheme",
    "basic": "BasicScheme",
    "apiKey": "ApiKeyScheme",
    "signing": "SigningScheme",
}


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = pyrepr
    env.filters["method_docstring"] = method_docstring
    env.filters["usage_example"] = usage_example
    env.globals["scheme_constructor"] = scheme_constructor
    env.globals["exploded"] = exploded
    return env


def _used_names(api: ir.Api) -> set[str]:
    names: set[str] = set()
    for op in api.operations:
        types = [
            op.result_type,
            *(a.type for a in op.arguments),
            *(r.type or "" for r in op.responses),
        ]
        if op.body:
            types.append(op.body.type)
        if op.pagination:
            types.append(op.pagination.item_type)
        for annotation in types:
            names.update(_IDENTIFIER.findall(annotation))
    return names


def pyrepr(value: Any) -> str:
    """A Python literal for `value` (tuples stay tuples, strings use double quotes)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, tuple):
        inner = ", ".join(pyrepr(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(pyrepr(v) for v in sorted(value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _doc_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').rstrip()


def method_docstring(op: ir.Operation) -> str:
    """The docstring of an operation's method: summary, description, arguments."""
    indent = " " * 8
    summary = op.summary or f"{op.http_method} {op.path}"
    lines = [_doc_text(summary.splitlines()[0])]
    body = "\n".join(
        summary.splitlines()[1:] + ([""] if op.description else []) + op.description.splitlines()
    ).strip()
    if op.deprecated:
        body = ("Deprecated.\n\n" + body).strip()
    if op.summary:
        lines.append("")
        lines.append(f"{op.http_method} {op.path}")
    if body:
        lines.append("")
        lines.extend(_doc_text(line) for line in body.splitlines())
    documented = [a for a in op.arguments if a.description]
    if documented:
        lines.append("")
        lines.append("Args:")
        for a in documented:
            text = _doc_text(" ".join(a.description.split()))
            lines.extend(
                textwrap.wrap(
                    f"{a.name}: {text}", 88, initial_indent="    ", subsequent_indent="        "
                )
            )
    out = [f'{indent}"""{lines[0]}']
    out.extend((indent + line).rstrip() for line in lines[1:])
    out.append(f'{indent}"""')
    return "\n".join(out)


def scheme_constructor(scheme: ir.SecurityScheme) -> str:
    """The expression that builds a scheme's runtime object."""
    if scheme.kind == "bearer":
        return f"BearerScheme(credentials={pyrepr(scheme.credentials)})"
    if scheme.kind == "basic":
        return "BasicScheme()"
    if scheme.kind == "apiKey":
        return (
            f"ApiKeyScheme(name={pyrepr(scheme.key_name)}, location={pyrepr(scheme.key_location)}, "
            f"credentials={pyrepr(scheme.credentials)})"
        )
    signing = scheme.signing
    assert signing is not None
    hook = f", hook={signing.hook_module}.sign" if signing.hook_module else ""
    return (
        f"SigningScheme(algorithm={pyrepr(signing.algorithm)}, encoding={pyrepr(signing.encoding)}, "
        f"prehash={pyrepr(signing.prehash)}, secret={pyrepr(signing.secret)}, "
        f"headers={pyrepr(signing.headers)}, credentials={pyrepr(scheme.credentials)}, "
        f"path={pyrepr(signing.path)}, query_order={pyrepr(signing.query_order)}, "
        f"timestamp={pyrepr(signing.timestamp)}{hook})"
    )


def exploded(op: ir.Operation) -> tuple[str, ...]:
    """Wire names of array query parameters sent as repeated `name=value` pairs."""
    return tuple(
        a.wire_name for a in op.by_location("query") if a.explode and a.type.startswith("list[")
    )


def usage_example(op: ir.Operation) -> str:
    """One call of the operation's method, with values from the spec's example where it has one."""
    example = op.request_example if isinstance(op.request_example, dict) else {}
    parts = []
    for a in op.arguments:
        if a.location == "body" and a.wire_name in example:
            parts.append(f"{a.name}={_literal_for(a.type, example[a.wire_name])}")
        elif a.required:
            parts.append(f"{a.name}={_placeholder(a.type)}")
    call = f"client.{op.method_name}({', '.join(parts)})"
    if op.pagination:
        return f"result = {call}\nfor item in client.iter_{op.method_name}({', '.join(parts)}):\n    ..."
    return f"result = {call}"


def _literal_for(annotation: str, value: Any) -> str:
    if (
        "Decimal" in annotation
        and isinstance(value, (str, int, float))
        and not isinstance(value, bool)
    ):
        return f'Decimal("{value}")'
    if isinstance(value, (str, int, bool)) or value is None:
        return pyrepr(value)
    return _placeholder(annotation)


def _placeholder(annotation: str) -> str:
    first = annotation.split(" | ")[0]
    if first.startswith("Literal["):
        return first[len("Literal[") :].split(",")[0].rstrip("]").replace("'", '"')
    return {
        "str": '"..."',
        "int": "1",
        "bool": "True",
        "Decimal": 'Decimal("1")',
        "datetime": "datetime.now(timezone.utc)",
        "date": "date.today()",
    }.get(
        first, "[]" if first.startswith("list[") else "{}" if first.startswith("dict[") else "..."
    )
