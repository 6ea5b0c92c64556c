"""Per-package records of what a generation read and wrote (`<out>/.manifests/`, local only): a
spec whose inputs, generator and output files are as recorded is not generated again."""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from ..render.templates import PACKAGE_DIR, TEMPLATE_ROOT
from .package_files import package_files

MANIFESTS = ".manifests"  # per-package record of input and output hashes; git-ignored, local only


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generator_fingerprint() -> str:
    """Hash of everything besides the spec that decides the output: code, templates, tool versions."""
    digest = hashlib.sha256()
    for directory in (PACKAGE_DIR, TEMPLATE_ROOT):
        for path in sorted(directory.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                name = f"{directory.name}/{path.relative_to(directory).as_posix()}"
                digest.update(name.encode() + b"\0" + path.read_bytes())
    for dist in ("datamodel-code-generator", "ruff", "pydantic"):
        digest.update(f"{dist}=={metadata.version(dist)}".encode())
    return digest.hexdigest()


def read_manifests(out: Path) -> dict[Path, dict[str, object]]:
    manifests: dict[Path, dict[str, object]] = {}
    if not out.is_dir():
        return manifests
    for path in (out / MANIFESTS).glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            spec = (out / str(data["spec"])).resolve()
        except (OSError, ValueError, KeyError):
            continue
        manifests[spec] = data
    return manifests


def is_fresh(manifest: dict[str, object], out: Path, fingerprint: str, lenient: bool) -> bool:
    if manifest.get("generator") != fingerprint or manifest.get("lenient") != lenient:
        return False
    spec_dir = (out / str(manifest["spec"])).parent
    inputs = manifest.get("inputs")
    files = manifest.get("files")
    if not isinstance(inputs, dict) or not isinstance(files, dict):
        return False
    package_dir = out / str(manifest["package"])
    try:
        if any(sha((spec_dir / name).read_bytes()) != digest for name, digest in inputs.items()):
            return False
        if any(sha((package_dir / name).read_bytes()) != digest for name, digest in files.items()):
            return False
    except OSError:
        return False
    return set(package_files(package_dir)) == set(files)


def write_manifest(
    out: Path,
    spec: Path,
    package: str,
    inputs: dict[str, str],
    fingerprint: str,
    lenient: bool,
    overlays: list[str],
) -> None:
    files = {name: sha(data) for name, data in sorted(package_files(out / package).items())}
    manifest = {
        "package": package,
        # Relative to `out`, so a tree moved or cloned elsewhere keeps its manifests valid.
        "spec": Path(os.path.relpath(spec.resolve(), out.resolve())).as_posix(),
        "inputs": inputs,
        "generator": fingerprint,
        "lenient": lenient,
        "overlays": overlays,
        "files": files,
    }
    (out / MANIFESTS).mkdir(exist_ok=True)
    (out / MANIFESTS / f"{package}.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
