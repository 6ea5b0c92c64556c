"""The whole run: load -> validate -> IR -> models + templates -> ruff -> atomic write."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Diagnostics, Problem, SpecError
from .ir.lock import EMPTY, NameLock
from .overlay import is_overlay, overlays_for
from .write.manifests import generator_fingerprint, is_fresh, read_manifests, sha, write_manifest
from .write.package_files import package_files

if TYPE_CHECKING:
    from .ir import nodes as ir
    from .load import LoadedSpec
    from .release.surface import Surface
    from .release.version import Release
    from .validate.background import BackgroundValidation

STAGING_PREFIX = ".generate-"  # <prefix><pid>-<random>: a run's staging directory
VALIDATIONS_RUNNING = (
    4  # at least 1: how many specs' validations may run beside the next spec's work
)


@dataclass
class GenerationResult:
    """What a run did: the packages built, files changed, and warnings."""

    packages: dict[str, Path] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    releases: dict[str, Release] = field(default_factory=dict)
    """The version each built package gets, and the change report that decided it."""


@dataclass(frozen=True)
class Built:
    """A spec's package, generated but not yet released or written."""

    spec: Path
    package: str
    files: dict[str, str]
    """Its files by relative path (the release step adds the surface record, version and
    changelog)."""
    inputs: dict[str, str]
    """The hash of each input file, by its path relative to the spec's folder."""
    surface: Surface
    finish: Callable[[], list[Problem]]
    """Waits for the spec's validation, raises SpecError if it found an error, and gives the
    spec's warnings."""


@dataclass(frozen=True)
class Parsed:
    """A spec loaded and parsed into the IR, its validation running beside."""

    api: ir.Api
    loaded: LoadedSpec
    diagnostics: Diagnostics
    validation: BackgroundValidation


def default_specs(directory: Path = Path("specs")) -> list[Path]:
    """Every spec file in `directory`, sorted by name (an overlay beside a spec is not one)."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.suffix in (".yaml", ".yml", ".json") and p.is_file() and not is_overlay(p)
    )


def generate(
    specs: list[Path] | None = None,
    out: Path = Path("generated"),
    *,
    check: bool = False,
    lenient: bool = False,
    use_cache: bool = True,
    root: Path | None = None,
    overlays: Sequence[Path] = (),
) -> GenerationResult:
    """Generate a package per spec into `out`; with `check`, write nothing and list what would change.

    `$ref`s and hooks may read files inside `root` only (by default, each spec's own folder).
    Each spec's own overlay (`<stem>.overlay.yaml` beside it), then `overlays` in order, are
    applied to it before it is validated.

    Raises SpecError (every problem, with file and JSON pointer) before anything is written.
    """
    specs = [Path(s) for s in (specs if specs is not None else default_specs())]
    result = GenerationResult()
    manifests = read_manifests(out)
    fingerprint = generator_fingerprint()
    problems: list[tuple[int, Problem]] = []  # by the index of the spec they are of
    built: dict[str, Built] = {}
    applied: dict[Path, list[str]] = {}  # each spec's overlays, relative to its folder
    pending: list[tuple[int, Callable[[], list[Problem]]]] = []

    def finish_validations(*, running: int = 0) -> None:
        """Wait for the oldest validations until at most `running` still run; when none is
        left, raise every problem found, in the order of the specs."""
        while len(pending) > running:
            index, finish = pending.pop(0)
            try:
                result.warnings.extend(finish())
            except SpecError as exc:
                problems.extend((index, p) for p in exc.problems)
        if not running and problems:
            raise SpecError([p for _, p in sorted(problems, key=lambda item: item[0])])

    for index, spec in enumerate(specs):
        manifest = manifests.get(spec.resolve())
        applied[spec] = _relative_to(spec, overlays_for(spec, overlays))
        if (
            use_cache
            and not check
            and manifest
            and manifest.get("overlays", []) == applied[spec]
            and is_fresh(manifest, out, fingerprint, lenient)
        ):
            result.packages[str(manifest["package"])] = spec
            result.unchanged.append(str(manifest["package"]))
            continue
        try:
            one = _build(spec, lenient, root, out, overlays)
        except SpecError as exc:
            problems.extend((index, p) for p in exc.problems)
            continue
        pending.append((index, one.finish))
        finish_validations(running=VALIDATIONS_RUNNING)
        if one.package in built:
            problem = Problem(
                spec,
                "/info/x-package-name",
                f"package {one.package!r} is also generated from {built[one.package].spec}",
            )
            problems.append((index, problem))
            continue
        built[one.package] = one
        result.packages[one.package] = spec
    if problems or not built:
        finish_validations()
        return result
    if not check:
        out.parent.mkdir(parents=True, exist_ok=True)
        _recover(out)
    # Staging sits next to `out` (renames into it stay on one file system); --check stages in the
    # system's temporary directory so that it creates nothing where the packages live.
    staging = Path(
        tempfile.mkdtemp(
            prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=None if check else out.parent
        )
    )
    try:
        for package, one in built.items():
            for relative, text in one.files.items():
                target = staging / package / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        try:
            _format(staging, {package: one.spec for package, one in built.items()})
        except SpecError:
            finish_validations()  # an invalid spec explains a failure better
            raise
        from .release.version import release

        for package, one in built.items():  # reads `out`, writes the staging
            result.releases[package] = release(staging / package, out / package, one.surface)
            changed = _diff(staging / package, out / package)
            if changed:
                result.changed.extend(f"{package}/{name}" for name in changed)
            else:
                result.unchanged.append(package)
        finish_validations()  # nothing is written to `out` before every spec is known valid
        if not check:
            out.mkdir(exist_ok=True)
            for package, one in built.items():
                if any(c.startswith(package + "/") for c in result.changed):
                    _swap(staging / package, out / package)
                write_manifest(
                    out, one.spec, package, one.inputs, fingerprint, lenient, applied[one.spec]
                )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _format(staging: Path, specs: dict[str, Path]) -> None:
    """Format each staged package; a package ruff cannot format is refused, naming its spec."""
    from .render.format import FormatError, format_tree

    try:
        format_tree(staging)
        return
    except FormatError:
        pass  # find out which packages fail
    problems = []
    for package, spec in specs.items():
        try:
            format_tree(staging / package)
        except FormatError as exc:
            problems.append(
                Problem(spec, "", f"the generated package {package} is not valid Python: {exc}")
            )
    if problems:
        raise SpecError(problems)


def _recover(out: Path) -> None:
    """Undo what a run killed midway left: its staging directory, a package moved aside."""
    for staging in out.parent.glob(STAGING_PREFIX + "*"):
        match = re.fullmatch(re.escape(STAGING_PREFIX) + r"(\d+)-\w+", staging.name)
        if match and staging.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(staging, ignore_errors=True)
    for backup in out.glob(".*.old"):
        package = out / backup.name[1 : -len(".old")]
        if not backup.is_dir():
            continue
        if package.exists():
            shutil.rmtree(backup, ignore_errors=True)
        else:  # killed between moving the old package aside and moving the new one in
            backup.rename(package)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a directory of this process from before is a leftover (pid reused)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def load_api(
    spec: Path, *, lenient: bool, root: Path | None = None, overlays: Sequence[Path] = ()
) -> tuple[ir.Api, LoadedSpec, Diagnostics]:
    """Load, validate and parse `spec` (with its overlays) into the IR; raises SpecError listing
    every problem."""
    parsed = _parse(spec, lenient=lenient, root=root, overlays=overlays)
    parsed.validation.join(parsed.diagnostics)
    parsed.diagnostics.raise_if_errors(parsed.loaded.locate)
    return parsed.api, parsed.loaded, parsed.diagnostics


def surface_at(
    path: Path,
    *,
    lenient: bool = False,
    overlays: Sequence[Path] = (),
    lock: NameLock = EMPTY,
) -> Surface:
    """The surface of a spec file with its overlays (its items named as `lock` says, as
    regenerating over the package it was taken from would), or the one recorded in a generated
    package folder.

    Raises SpecError saying what is wrong and where."""
    from .release.record import SURFACE_FILE, load
    from .release.surface import surface_of

    if path.is_dir():
        record = path / SURFACE_FILE
        try:
            return load(record.read_text(encoding="utf-8"))
        except OSError:
            message = f"no {SURFACE_FILE}: not a generated package folder, or one generated before packages recorded their surface"
        except ValueError as exc:
            message = f"unreadable surface record ({exc}); regenerate the package"
        raise SpecError([Problem(record, "", message)])
    parsed = _parse(path, lenient=lenient, root=None, overlays=overlays, lock=lambda _: lock)
    parsed.validation.join(parsed.diagnostics)
    parsed.diagnostics.raise_if_errors(parsed.loaded.locate)
    return surface_of(parsed.api)


def _parse(
    spec: Path,
    *,
    lenient: bool,
    root: Path | None,
    overlays: Sequence[Path] = (),
    lock: Callable[[str], NameLock] | None = None,
) -> Parsed:
    """Load and parse `spec` while it is validated beside (join the validation before use);
    `lock` gives the names the previous generation of a package gave."""
    from .load import load_spec
    from .parse import build_api
    from .swagger2 import convert_spec
    from .validate.background import BackgroundValidation

    diagnostics = Diagnostics(spec, lenient=lenient)
    loaded = load_spec(spec, diagnostics, root=root, overlays=overlays)
    diagnostics = convert_spec(loaded, diagnostics)
    validation = BackgroundValidation(loaded.document, diagnostics)
    api = build_api(loaded, diagnostics, lock=lock)
    return Parsed(api, loaded, diagnostics, validation)


def _build(
    spec: Path,
    lenient: bool,
    root: Path | None = None,
    out: Path | None = None,
    overlays: Sequence[Path] = (),
) -> Built:
    """A spec's package (with its overlays), keeping the names the package in `out` was
    generated with (see `_lock`); raises SpecError when the spec is refused."""
    from .models.module import ModelGenerationError, render_models
    from .release.record import read_lock
    from .release.surface import surface_of
    from .render.package import render_package

    locks: dict[str, NameLock] = {}

    def lock(package: str) -> NameLock:
        if out is not None and package not in locks:
            locks[package] = read_lock(out / package)
        return locks.get(package, EMPTY)

    parsed = _parse(spec, lenient=lenient, root=root, overlays=overlays, lock=lock)
    api, loaded, diagnostics, validation = (
        parsed.api,
        parsed.loaded,
        parsed.diagnostics,
        parsed.validation,
    )
    if diagnostics.errors:  # no models for a spec that is refused anyway
        validation.join(diagnostics)
        diagnostics.raise_if_errors(loaded.locate)
    before = len(diagnostics.errors)
    try:
        models, api = render_models(api, diagnostics, lock(api.package))
    except ModelGenerationError as exc:
        if not validation.join(diagnostics):  # an invalid spec explains a failure better
            diagnostics.errors.append(Problem(spec, "/components/schemas", str(exc)))
        diagnostics.raise_if_errors(loaded.locate)
        raise
    from_models = diagnostics.errors[before:]
    if from_models:
        if validation.join(diagnostics):
            # The spec is invalid: its problems explain why models could not be made.
            diagnostics.withdraw(from_models)
        diagnostics.raise_if_errors(loaded.locate)
    try:  # rendered, formatted and staged while the validation may still run
        files = render_package(api, models)
    except Exception:
        if validation.join(diagnostics):  # an invalid spec explains a failure better
            diagnostics.raise_if_errors(loaded.locate)
        raise
    spec_dir = spec.resolve().parent
    inputs = {
        Path(os.path.relpath(p.resolve(), spec_dir)).as_posix(): sha(p.read_bytes())
        for p in [spec, *loaded.extra_files]
    }

    def finish() -> list[Problem]:
        validation.join(diagnostics)
        diagnostics.raise_if_errors(loaded.locate)
        return loaded.locate_all(diagnostics.warnings)

    return Built(spec, api.package, files, inputs, surface_of(api), finish)


def _relative_to(spec: Path, files: list[Path]) -> list[str]:
    """`files` relative to the folder of `spec`, as the manifest records them."""
    spec_dir = spec.resolve().parent
    return [Path(os.path.relpath(p.resolve(), spec_dir)).as_posix() for p in files]


def _diff(new: Path, old: Path) -> list[str]:
    """Relative paths that differ between two trees (added, removed or changed)."""
    a, b = package_files(new), package_files(old)
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


def _swap(new: Path, target: Path) -> None:
    """Replace `target` with `new` by renames, so a reader never sees a half-written package."""
    backup = target.with_name(f".{target.name}.old")
    shutil.rmtree(backup, ignore_errors=True)
    if target.exists():
        target.rename(backup)
    shutil.move(str(new), str(target))
    shutil.rmtree(backup, ignore_errors=True)
