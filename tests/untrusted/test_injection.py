"""A hostile spec cannot run code: every field carries a payload that would create a marker file
if any generated file executed it at import, construction, call or build time."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest

from generator import SpecError, generate

# Each payload tries to break out of every quoting context a value can land in: Python strings
# and docstrings of each quote kind, comments, line continuations, TOML strings and tables,
# Markdown code spans and fences, and Jinja expressions.
_BREAKOUTS = (
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "\n",
    "\r",
    "#",
    "`",
    "```",
    "}}",
    "{%",
    "]\n[tool.setuptools.cmdclass]\nbuild_py = ",
)


def payload(marker: Path, tag: str) -> str:
    """A string that creates `marker`-`tag` when any of its break-outs lets it run."""
    call = f'__import__("pathlib").Path({str(marker) + "-" + tag!r}).touch()'
    return "T" + "".join(f"{b}+str({call})+{b}\n{call}\n" for b in _BREAKOUTS)


def hostile_spec(marker: Path) -> dict[str, Any]:
    """An OpenAPI document with a payload in every field that reaches a generated file."""

    def p(tag: str) -> str:
        return payload(marker, tag)

    enum_value = p("enum")
    schema_ref = "#/components/schemas/" + p("schema-name").replace("~", "~0").replace("/", "~1")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": p("title"),
            "description": p("info-description"),
            "version": p("version"),
            "license": {"name": p("license")},
            "contact": {"url": "https://example.test/" + p("contact")},
        },
        "servers": [
            {
                "url": "https://{region}.example.test/" + p("server-url"),
                "description": p("server-description"),
                "variables": {"region": {"default": p("server-variable")}},
            }
        ],
        "x-envelope": {
            "data": p("envelope-data"),
            "code": p("envelope-code"),
            "success": [p("ok")],
        },
        "x-error": {"code": [p("error-code")], "message": p("error-message")},
        "paths": {
            "/orders/{id}": {
                "post": {
                    "operationId": p("operation-id"),
                    "summary": p("summary"),
                    "description": p("description"),
                    "security": [{p("scheme-name"): []}, {"Signed": []}],
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": p("query-name"),
                            "in": "query",
                            "description": p("query-description"),
                            "example": p("query-example"),
                            "schema": {"type": "string", "default": p("query-default")},
                        },
                        {
                            "name": "X-" + p("header-name").replace("\n", ""),
                            "in": "header",
                            "schema": {"type": "string", "enum": [enum_value]},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": schema_ref},
                                "example": {p("property"): p("body-example")},
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": p("response-description"),
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "description": p("response-schema-description"),
                                        "properties": {
                                            p("response-property"): {
                                                "type": "string",
                                                "description": p("response-property-description"),
                                                "default": p("response-default"),
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": p("error-description"),
                            "content": {"application/json": {"schema": {"$ref": schema_ref}}},
                        },
                    },
                }
            }
        },
        "components": {
            "schemas": {
                p("schema-name"): {
                    "type": "object",
                    "title": p("schema-title"),
                    "description": p("schema-description"),
                    "required": [p("property")],
                    "properties": {
                        p("property"): {
                            "type": "string",
                            "description": p("property-description"),
                            "enum": [p("property-enum"), "plain"],
                        },
                        "price": {"type": "string", "format": "decimal", "example": p("decimal")},
                        "note": {
                            "type": "string",
                            "pattern": "^[a-z'\"]*$",
                            "x-python-type": p("vendor-key"),
                            "customTypePath": "os.system",
                        },
                    },
                }
            },
            "securitySchemes": {
                p("scheme-name"): {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Key-" + p("key-header").replace("\n", ""),
                    "description": p("scheme-description"),
                    "x-credential": p("credential"),
                },
                "Signed": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "K",
                    "x-signing": {
                        "message": "{timestamp}{method}{target}{body}",
                        "secret": p("secret"),
                        "headers": {
                            "K": "{api_key}",
                            # Braces doubled: literal text of a template, as a spec must write it.
                            "S": "{signature}"
                            + p("header-template")
                            .replace("\n", "")
                            .replace("{", "{{")
                            .replace("}", "}}"),
                            p("signing-header").replace("\n", ""): "{timestamp}",
                        },
                    },
                },
            },
        },
    }


# Imports the package, constructs both clients with every credential, and calls every method
# through a transport that answers 200 with an empty object.
_EXERCISE = textwrap.dedent(
    """
    import asyncio, importlib, inspect, sys
    import httpx
    package = importlib.import_module(sys.argv[1])
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={}))
    sync = next(
        getattr(package, n) for n in package.__all__
        if n.endswith("Client") and not n.startswith("Async")
    )
    credentials = {
        name: "-----secret-----"
        for name, parameter in inspect.signature(sync).parameters.items()
        if parameter.kind is parameter.KEYWORD_ONLY and parameter.default is None
        and name not in ("http_client", "timeout", "clock", "headers", "rate_limiter", "recv_window")
    }

    def arguments(method):
        return {
            n: "1" for n, p in inspect.signature(method).parameters.items()
            if p.default is inspect.Parameter.empty and p.kind is p.KEYWORD_ONLY
        }

    def methods(client):
        for name, method in inspect.getmembers(client, inspect.ismethod):
            if not name.startswith("_") and name not in ("close", "aclose"):
                yield name, method

    with sync("https://api.example.test", http_client=httpx.Client(transport=transport), **credentials) as client:
        repr(client)
        for name, method in methods(client):
            for call in (method, getattr(client.with_raw_response, name, None)):
                if call is None:
                    continue
                try:
                    call(**arguments(method))
                except Exception as exc:
                    str(exc); repr(exc)

    async def exercise_async():
        http = httpx.AsyncClient(transport=transport)
        async with getattr(package, "Async" + sync.__name__)(
            "https://api.example.test", http_client=http, **credentials
        ) as client:
            repr(client)
            for name, method in methods(client):
                for call in (method, getattr(client.with_raw_response, name, None)):
                    if call is None:
                        continue
                    try:
                        result = call(**arguments(method))
                        if inspect.isawaitable(result):
                            await result
                        else:
                            [item async for item in result]
                    except Exception as exc:
                        str(exc); repr(exc)

    asyncio.run(exercise_async())
    print("exercised")
    """
)


def _markers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("marker-*"))


@pytest.fixture(scope="module")
def hostile_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The hostile spec generated (leniently) into a fresh folder: (folder, package dir, name)."""
    folder = tmp_path_factory.mktemp("hostile")
    marker = folder / "marker"
    spec = folder / 'spec" #+str(__import__("os"))+.json'
    spec.write_text(json.dumps(hostile_spec(marker)), encoding="utf-8")
    result = generate([spec], folder / "out", lenient=True, use_cache=False)
    (name,) = result.packages
    return folder, folder / "out" / name, name


def test_generation_runs_nothing_and_writes_valid_python(
    hostile_package: tuple[Path, Path, str],
) -> None:
    folder, package_dir, name = hostile_package
    assert _markers(folder) == []
    for source in package_dir.rglob("*.py"):
        compile(source.read_text(encoding="utf-8"), str(source), "exec")


def test_import_construct_and_call_run_nothing(hostile_package: tuple[Path, Path, str]) -> None:
    folder, package_dir, name = hostile_package
    done = subprocess.run(
        [sys.executable, "-c", _EXERCISE, name],
        cwd=folder,
        env={"PYTHONPATH": str(package_dir), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "exercised" in done.stdout
    assert _markers(folder) == []


def test_pyproject_is_valid_toml_holding_the_spec_values(
    hostile_package: tuple[Path, Path, str],
) -> None:
    folder, package_dir, name = hostile_package
    project = tomllib.loads((package_dir / "pyproject.toml").read_text(encoding="utf-8"))
    assert set(project) <= {"build-system", "project", "tool"}
    assert "cmdclass" not in json.dumps(project.get("tool", {}))
    assert (
        payload(folder / "marker", "title").split("\n")[0][:1] in project["project"]["description"]
    )


def test_building_the_package_runs_nothing(hostile_package: tuple[Path, Path, str]) -> None:
    folder, package_dir, name = hostile_package
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            str(package_dir),
            "-w",
            str(folder / "dist"),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert list((folder / "dist").glob("*.whl"))
    assert _markers(folder) == []


def test_models_take_no_vendor_key(hostile_package: tuple[Path, Path, str]) -> None:
    _, package_dir, name = hostile_package
    models = (package_dir / name / "models.py").read_text(encoding="utf-8")
    assert "os.system" not in models and "x-python-type" not in models


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("x-package-name", "httpx"),
        ("x-package-name", "os"),
        ("x-package-name", 'x"; import os'),
        ("x-package-name", "class"),
        ("x-package-name", "match"),
        ("x-client-class", "and"),
        ("x-client-class", "super"),
        ("x-client-class", "Endpoint"),
        ("x-client-class", 'C"; import os'),
        ("x-env-prefix", '"), "x": __import__("os").system("id'),
    ],
)
def test_names_that_would_break_the_package_are_refused(
    tmp_path: Path, where: str, value: str
) -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1", where: value},
        "paths": {},
    }
    spec = tmp_path / "t.json"
    spec.write_text(json.dumps(document))
    for lenient in (False, True):
        with pytest.raises(SpecError) as caught:
            generate([spec], tmp_path / "out", lenient=lenient, use_cache=False)
        assert any(p.pointer == f"/info/{where}" for p in caught.value.problems)
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
