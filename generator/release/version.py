"""A generated package's own version and changelog, derived from the committed package, never clocks.

The committed package records its surface (`surface.json`), version (`<package>/_version.py`) and
history (`CHANGELOG.md`). A new generation is compared with it: a breaking change bumps the major
version, an addition the minor one, any other change to the package's files the patch; with no
change, the version and changelog stay as they are.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..boundary import literal, markdown
from ..write.package_files import package_files
from .changes import compare
from .record import SURFACE_FILE, dump, load, recorded_content
from .report import Bump, Report
from .surface import Surface

VERSION_MODULE = "_version.py"
CHANGELOG = "CHANGELOG.md"
FIRST_VERSION = "1.0.0"
_VERSION_LINE = re.compile(r'^__version__ = "(\d+)\.(\d+)\.(\d+)"$', re.MULTILINE)
_LEGACY_VERSION = re.compile(r'^version = "([^"]*)"$', re.MULTILINE)
_INTRO = """\
Versions of this package follow what code calling it sees: a change that can break such code
bumps the major version, an addition the minor one, anything else the patch. Each entry lists
the changes to the client's methods, arguments, models, authentication and servers.
"""


@dataclass(frozen=True)
class Release:
    """The version a generation gets, the one before it, and the report that decided the bump."""

    package: str
    version: str
    previous: str | None
    """The committed package's version (the API's, for a package from before versions)."""
    report: Report | None
    """None for a first version, or when the committed surface record cannot be read."""
    files: tuple[str, ...] = ()
    """Files that changed besides the surface, when that alone decided the bump."""

    @property
    def changed(self) -> bool:
        """Whether this generation has a new version."""
        return self.version != self.previous

    def summary(self) -> list[str]:
        """A short summary for the command line: versions, counts, breaking changes listed."""
        if not self.changed:
            return []
        head = f"{self.package} {self.previous or '(new)'} -> {self.version}"
        if self.report is None and self.previous is None:
            return [f"{head}: first version"]
        if self.report is None:
            return [f"{head}: no committed surface record to compare with"]
        if not self.report.changes:
            changed = f"{len(self.files)} file(s)" if self.files else "the generated code"
            return [f"{head}: client surface unchanged, {changed} changed"]
        return [f"{head}: {self.report.counts()}"] + [
            f"  breaking: {c.line}" for c in self.report.of_level("breaking")
        ]


def release(staged: Path, committed: Path, surface: Surface) -> Release:
    """Write `surface.json`, `_version.py` and `CHANGELOG.md` into the staged package `staged`,
    whose client surface is `surface`, continuing the history of the committed package
    `committed` (which may not exist yet)."""
    content = _content_digest(staged, surface.package)
    new_record = dump(surface, content=content)
    (staged / SURFACE_FILE).write_text(new_record, encoding="utf-8")
    previous = _read(committed / surface.package / VERSION_MODULE)
    old_log = _read(committed / CHANGELOG) or ""
    match = _VERSION_LINE.search(previous or "")
    if match is None:
        legacy = _LEGACY_VERSION.search(_read(committed / "pyproject.toml") or "")
        entry = _first_entry(surface, legacy.group(1) if legacy else None)
        _write(staged, surface, FIRST_VERSION, entry, "")
        return Release(surface.package, FIRST_VERSION, legacy.group(1) if legacy else None, None)
    old_version = ".".join(match.groups())
    record = _read(committed / SURFACE_FILE) or ""
    if record == new_record:
        # The same surface and the same generated files as at the last release: comparing the
        # two would find nothing, so the version and changelog stay.
        _write(staged, surface, old_version, "", old_log)
        return Release(
            surface.package, old_version, old_version, Report(surface.package, surface.package, ())
        )
    old_content = recorded_content(record)
    try:
        old_surface: Surface | None = load(record)
    except ValueError:
        old_surface = None
    report = compare(old_surface, surface) if old_surface is not None else None
    if report is None:
        # A record this generator cannot read (an older format, a damaged file): when its digest
        # is that of the files generated now, the same code has the same surface; otherwise
        # nothing says what changed.
        bump: Bump | None = None if old_content == content else "major"
    else:
        bump = report.bump
    files: tuple[str, ...] = ()
    if bump is None and report is not None:
        # The digest recorded at the last release, not the files on disk, says whether the
        # generated code changed: repairing a hand-edited package is not a new version.
        files = _changed_files(staged, committed, surface.package)
        bump = "patch" if (content != old_content if old_content else files) else None
    if bump is None:
        _write(staged, surface, old_version, "", old_log)
        return Release(surface.package, old_version, old_version, report)
    version = _bumped(old_version, bump)
    _write(staged, surface, version, _entry(surface, version, report, files), old_log)
    return Release(surface.package, version, old_version, report, files)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _bumped(version: str, bump: Bump) -> str:
    major, minor, patch = (int(part) for part in version.split("."))
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _generated_files(directory: Path, package: str) -> dict[str, bytes]:
    """The package's files that the release step does not write itself."""
    ignored = {CHANGELOG, SURFACE_FILE, f"{package}/{VERSION_MODULE}"}
    return {n: data for n, data in package_files(directory).items() if n not in ignored}


def _content_digest(directory: Path, package: str) -> str:
    digest = hashlib.sha256()
    for name, data in sorted(_generated_files(directory, package).items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _changed_files(staged: Path, committed: Path, package: str) -> tuple[str, ...]:
    new, old = _generated_files(staged, package), _generated_files(committed, package)
    return tuple(sorted(n for n in set(new) | set(old) if new.get(n) != old.get(n)))


def _write(staged: Path, surface: Surface, version: str, entry: str, old_log: str) -> None:
    (staged / surface.package / VERSION_MODULE).write_text(
        '"""The version of this package, and the version of the API it was generated from."""\n\n'
        f"__version__ = {literal(version)}\n"
        f"API_VERSION = {literal(surface.api_version)}\n",
        encoding="utf-8",
    )
    history = old_log[old_log.index("\n## ") + 1 :] if "\n## " in old_log else ""
    name = surface.package.replace("_", "-")
    parts = [f"# Changelog of {name}\n", _INTRO, entry, history]
    (staged / CHANGELOG).write_text(
        "\n".join(p.rstrip("\n") + "\n" for p in parts if p), encoding="utf-8"
    )


def _first_entry(surface: Surface, legacy: str | None) -> str:
    lines = [
        f"## {FIRST_VERSION}",
        "",
        f"First version, for {_inert(surface.title)} (API version "
        f"{_inert(surface.api_version) or 'unspecified'}): {len(surface.methods)} methods, "
        f"{len(surface.models)} models.",
    ]
    if legacy:
        lines += [
            "",
            f"Earlier generations carried the API's version ({_inert(legacy)}) as the package "
            "version; it is now `API_VERSION`, and the package version moves with the client.",
        ]
    return "\n".join(lines) + "\n"


def _entry(surface: Surface, version: str, report: Report | None, files: tuple[str, ...]) -> str:
    lines = [f"## {version}", ""]
    api = f"API version {_inert(surface.api_version) or 'unspecified'}"
    if report is None:
        lines.append(
            f"{api}. The previous surface record could not be read, so the version moved as "
            "for a breaking change."
        )
    elif not report.changes and not files:
        # The files on disk are already these, but not those of the last release's digest.
        lines.append(f"{api}. The client surface is unchanged; the generated code changed.")
    elif not report.changes:
        shown = ", ".join(f"`{f}`" for f in files[:8]) + (", ..." if len(files) > 8 else "")
        lines.append(f"{api}. The client surface is unchanged; generated files changed: {shown}.")
    else:
        lines.append(f"{api}. {report.counts().capitalize()}.")
        for heading, changes in report.sections():
            lines += ["", f"### {heading}", "", *(f"- {_inert(c.line)}" for c in changes)]
    return "\n".join(lines) + "\n"


def _inert(text: str) -> str:
    """Spec text on one line, shown as its characters: no heading, markup or HTML."""
    return markdown(text)
