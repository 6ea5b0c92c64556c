"""Packaging: generated packages build cleanly with release metadata; the generator installs as a tool.

The installed-tool tests make a fresh virtualenv (no site-packages of this one) and install a
wheel of the generator into it with pip, its pinned dependencies from the package index (pip's
cache keeps that to seconds), then run the console command from a temporary folder.
"""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator import SpecError, generate
from generator.render.pyproject import BUILD_BACKEND
from generator.write.package_files import package_files
from tests.support.paths import GENERATED, ROOT, SPECS


def _snapshot(directory: Path) -> dict[str, bytes]:
    """Every file below `directory`, caches and build leftovers included."""
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _build(source: Path, out: Path) -> tuple[Path, Path]:
    """An sdist and a wheel of the project in `source`, built as `make build` does."""
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(archive.read(name).decode())


def test_generated_package_builds_an_sdist_and_a_wheel_of_its_files_only(tmp_path: Path) -> None:
    package = GENERATED / "bitget_client"
    before = _snapshot(package)
    sdist, wheel = _build(package, tmp_path)
    assert _snapshot(package) == before  # nothing written into the source folder
    committed = set(package_files(package))
    with tarfile.open(sdist) as archive:
        root = sdist.name.removesuffix(".tar.gz")
        in_sdist = {m.name.removeprefix(root + "/") for m in archive.getmembers() if m.isfile()}
    assert in_sdist == committed | {"PKG-INFO"}
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = {n for n in archive.namelist() if ".dist-info/" not in n}
    assert in_wheel == {n for n in committed if n.startswith("bitget_client/")}
    assert {"bitget_client/py.typed", "bitget_client/_hook_bitget_signing.py"} <= in_wheel
    metadata = _metadata(wheel)
    assert metadata["Name"] == "bitget-client" and metadata["Requires-Python"] == ">=3.11"
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    assert "Programming Language :: Python :: 3.11" in metadata.get_all("Classifier", [])
    # The hook's dependency is an extra: HMAC keys need only httpx and pydantic.
    assert metadata.get_all("Provides-Extra") == ["bitget-signing"]
    assert sorted(metadata.get_all("Requires-Dist", [])) == [
        "cryptography>=42; extra == 'bitget-signing'",
        "httpx<1,>=0.28",
        "pydantic<3,>=2.11",
    ]


def test_pip_install_from_a_package_folder_leaves_every_folder_as_it_was(tmp_path: Path) -> None:
    packages = sorted(p.parent for p in GENERATED.glob("*/pyproject.toml"))
    assert len(packages) >= 5
    before = {p.name: _snapshot(p) for p in packages}
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--target", str(target), *map(str, packages)],
        check=True,
        capture_output=True,
    )
    assert {p.name: _snapshot(p) for p in packages} == before
    names = " ".join(p.name for p in packages)
    probe = f"import sys; sys.path.insert(0, {str(target)!r})\nfor name in {names.split()!r}:\n    print(__import__(name).__file__)"
    files = subprocess.run(
        [sys.executable, "-I", "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    assert len(files) == len(packages) and all(f.startswith(str(target)) for f in files)


def test_generated_build_backend_is_the_one_the_project_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["build-system"]["requires"] == [BUILD_BACKEND]
    assert BUILD_BACKEND in project["project"]["optional-dependencies"]["dev"]


# -- metadata from the spec --------------------------------------------------------------------

# TOML that a writer interpolating strings would let through; the title also reaches Python
# docstrings, so it avoids what belongs to that boundary (triple quotes, backslashes).
INJECTION = '"\n[tool.setuptools.cmdclass]\ninstall = "evil:Install"\n'
TITLE = f"Evil {INJECTION}API"
LICENSE = f"See 'LICENSE' {INJECTION}\\ ''' \"\"\" end"


def _spec(tmp_path: Path, info: dict[str, object], **root: object) -> Path:
    spec = tmp_path / "meta.yaml"
    document = {
        "openapi": "3.1.0",
        "info": {"version": "1.2", **info},
        **root,
        "paths": {
            "/ping": {
                "get": {
                    "operationId": "ping",
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return spec


def test_license_urls_and_classifiers_come_from_the_spec(tmp_path: Path) -> None:
    spec = _spec(
        tmp_path,
        {
            "title": "Meta",
            "license": {"name": "MIT License", "identifier": "mit"},
            "contact": {"url": "https://example.com/support"},
        },
        externalDocs={"url": "https://example.com/docs"},
    )
    generate([spec], tmp_path / "out", use_cache=False)
    project = tomllib.loads((tmp_path / "out" / "meta_client" / "pyproject.toml").read_text())
    assert project["project"]["license"] == "MIT"
    assert project["project"]["urls"] == {
        "Documentation": "https://example.com/docs",
        "Contact": "https://example.com/support",
    }
    assert "optional-dependencies" not in project["project"]  # no hook, no extra
    metadata = _metadata(_build(tmp_path / "out" / "meta_client", tmp_path / "dist")[1])
    assert metadata["License-Expression"] == "MIT"
    assert sorted(metadata.get_all("Project-URL", [])) == [
        "Contact, https://example.com/support",
        "Documentation, https://example.com/docs",
    ]


def test_a_license_name_that_is_no_spdx_expression_is_the_license_text(tmp_path: Path) -> None:
    spec = _spec(
        tmp_path,
        {
            "title": "Meta",
            "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
        },
    )
    generate([spec], tmp_path / "out", use_cache=False)
    project = tomllib.loads((tmp_path / "out" / "meta_client" / "pyproject.toml").read_text())
    assert project["project"]["license"] == {"text": "Apache 2.0"}
    assert project["project"]["urls"] == {"License": "https://www.apache.org/licenses/LICENSE-2.0"}


def test_no_spec_value_injects_toml_or_metadata(tmp_path: Path) -> None:
    url = 'https://example.com/"][x]'
    spec = _spec(
        tmp_path,
        {"title": TITLE, "license": {"name": LICENSE}, "contact": {"url": url}},
        externalDocs={"url": "https://example.com/a'b\\c"},
    )
    generate([spec], tmp_path / "out", use_cache=False)
    text = (tmp_path / "out" / "meta_client" / "pyproject.toml").read_text()
    project = tomllib.loads(text)
    assert set(project) == {"build-system", "project", "tool"}
    assert set(project["tool"]) == {"hatch", "ruff"}
    assert project["build-system"] == {
        "requires": [BUILD_BACKEND],
        "build-backend": "hatchling.build",
    }
    assert (
        project["project"]["description"] == f"Typed client for {TITLE}, generated from meta.yaml."
    )
    assert project["project"]["license"] == {"text": LICENSE}
    assert project["project"]["urls"] == {
        "Documentation": "https://example.com/a'b\\c",
        "Contact": url,
    }
    metadata = _metadata(_build(tmp_path / "out" / "meta_client", tmp_path / "dist")[1])
    assert metadata.get_all("Name") == ["meta-client"]
    assert "install" not in {key.lower() for key in metadata}


@pytest.mark.parametrize(
    ("where", "value", "pointer", "message"),
    [
        (
            "identifier",
            "not a license",
            "/info/license/identifier",
            "not an SPDX license expression",
        ),
        ("contact", "mailto x", "/info/contact/url", "not an absolute URL"),
        ("contact", "https://a.example/\nName: evil", "/info/contact/url", "not an absolute URL"),
        ("docs", "docs/index.html", "/externalDocs/url", "not an absolute URL"),
    ],
)
def test_unusable_metadata_is_an_error_naming_where(
    tmp_path: Path, where: str, value: str, pointer: str, message: str
) -> None:
    info: dict[str, object] = {"title": "Meta"}
    root: dict[str, object] = {}
    if where == "identifier":
        info["license"] = {"name": "x", "identifier": value}
    elif where == "contact":
        info["contact"] = {"url": value}
    else:
        root["externalDocs"] = {"url": value}
    spec = _spec(tmp_path, info, **root)
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", use_cache=False)
    assert [(p.pointer, message in p.message) for p in caught.value.problems] == [(pointer, True)]
    lenient = generate([spec], tmp_path / "out", lenient=True, use_cache=False)
    assert [w.pointer for w in lenient.warnings] == [pointer]


@pytest.mark.parametrize(
    ("dependency", "message"),
    [
        ("cryptography>=", "is not a requirement"),
        ("evil @ https://example.com/evil-1.0-py3-none-any.whl", "installs from a URL"),
    ],
)
def test_a_hook_dependency_must_be_a_package_requirement(
    tmp_path: Path, dependency: str, message: str
) -> None:
    shutil.copy(SPECS / "bitget_signing.py", tmp_path)
    document = yaml.safe_load((SPECS / "bitget.yaml").read_text())
    scheme = document["components"]["securitySchemes"]["BitgetSignature"]
    scheme["x-signing"]["hook-dependencies"] = [dependency]
    spec = tmp_path / "bitget.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", use_cache=False)
    (problem,) = caught.value.problems
    assert (
        problem.pointer
        == "/components/securitySchemes/BitgetSignature/x-signing/hook-dependencies/0"
    )
    assert message in problem.message


# -- the generator as an installed tool ----------------------------------------------------------


@pytest.fixture(scope="module")
def tool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bin/ of a fresh virtualenv with a wheel of the generator installed."""
    work = tmp_path_factory.mktemp("tool")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + [str(ROOT), "--wheel-dir", str(work / "wheels")],
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "wheels").glob("trading_client_generator-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
        + ["--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    yield venv / "bin"


def _generated(folder: Path) -> dict[str, bytes]:
    """A package's files less its version history, which a first generation elsewhere starts anew."""
    history = {"CHANGELOG.md", "surface.json", f"{folder.name}/_version.py"}
    return {name: data for name, data in package_files(folder).items() if name not in history}


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_installed_command_generates_from_any_folder(tool: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "my-specs").mkdir(parents=True)
    for name in ("bitget.yaml", "bitget_signing.py"):
        shutil.copy(SPECS / name, work / "my-specs" / name)
    command = [str(tool / "trading-client-generator"), "generate", "my-specs/bitget.yaml"]
    done = _run([*command, "--out", "clients/"], work)
    assert done.returncode == 0, done.stderr
    assert "1 package(s): 0 up to date, 1 regenerated" in done.stdout
    # The installed templates and ruff give exactly the committed package.
    assert _generated(work / "clients" / "bitget_client") == _generated(GENERATED / "bitget_client")
    again = _run([*command, "--out", "clients/"], work)
    assert "1 package(s): 1 up to date, 0 regenerated" in again.stdout, again.stderr
    # Moved elsewhere, the tree and its manifests still agree (paths relative to --out).
    moved = shutil.move(work, tmp_path / "moved")
    assert "1 up to date" in _run([*command, "--out", "clients/"], Path(moved)).stdout


def test_python_m_generator_defaults_to_specs_and_generated_of_the_current_folder(
    tool: Path, tmp_path: Path
) -> None:
    missing = _run([str(tool / "python"), "-m", "generator", "generate"], tmp_path)
    assert missing.returncode == 2
    assert f"no SPEC given and no specs/ folder in {tmp_path}" in missing.stderr
    assert "usage: python -m generator generate" in missing.stderr
    (tmp_path / "specs").mkdir()
    shutil.copy(SPECS / "btse.yaml", tmp_path / "specs" / "btse.yaml")
    done = _run([str(tool / "python"), "-m", "generator", "generate"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert _generated(tmp_path / "generated" / "btse_client") == _generated(
        GENERATED / "btse_client"
    )


def test_a_package_signs_with_an_hmac_secret_without_its_extra(tool: Path, tmp_path: Path) -> None:
    _, wheel = _build(GENERATED / "bitget_client", tmp_path / "dist")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site)]
        + [str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = textwrap.dedent(
        f"""
        import base64, hashlib, hmac, sys
        from decimal import Decimal
        sys.modules["cryptography"] = None  # the extra is not installed: importing it fails
        sys.path.insert(0, {str(site)!r})
        import httpx
        from bitget_client import BitgetClient

        sent = []
        def answer(request):
            sent.append(request)
            data = {{"orderId": "1", "clientOid": "c-1"}}
            return httpx.Response(200, json={{"code": "00000", "msg": "success", "requestTime": 1, "data": data}})

        client = BitgetClient(
            api_key="k", api_secret="s", passphrase="p", clock=lambda: 1700000000000,
            http_client=httpx.Client(transport=httpx.MockTransport(answer)),
        )
        placed = client.place_order(
            category="SPOT", symbol="BTCUSDT", side="buy", order_type="market", qty=Decimal("1"), client_oid="c-1"
        )
        (request,) = sent
        prehash = b"1700000000000POST" + request.url.raw_path + request.content
        expected = base64.b64encode(hmac.new(b"s", prehash, hashlib.sha256).digest()).decode()
        print(placed.order_id, request.headers["ACCESS-SIGN"] == expected)
        """
    )
    done = _run([str(tool / "python"), "-c", probe], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "True"]
