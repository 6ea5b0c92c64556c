"""A generated package's own version and changelog move with its content, from committed state only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import generate
from generator.__main__ import main
from generator.write.package_files import package_files
from tests.support.paths import SPECS

SPEC = SPECS / "bitria.yaml"


def _version(out: Path) -> str:
    text = (out / "bitria_client" / "bitria_client" / "_version.py").read_text()
    return text.split('__version__ = "')[1].split('"')[0]


def _changelog(out: Path) -> str:
    return (out / "bitria_client" / "CHANGELOG.md").read_text()


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """A copy of the Bitria spec to edit."""
    copy = tmp_path / "spec" / "bitria.yaml"
    copy.parent.mkdir()
    shutil.copy(SPEC, copy)
    return copy


def _edit(spec: Path, old: str, new: str) -> None:
    text = spec.read_text()
    assert old in text, old
    spec.write_text(text.replace(old, new, 1))


def test_first_generation_is_1_0_0_and_a_rerun_changes_nothing(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = generate([spec], out, use_cache=False)
    assert first.releases["bitria_client"].version == "1.0.0"
    assert _version(out) == "1.0.0"
    log = _changelog(out)
    assert log.count("\n## ") == 1 and "## 1.0.0\n\nFirst version" in log
    before = package_files(out / "bitria_client")
    again = generate([spec], out, use_cache=False)
    assert not again.releases["bitria_client"].changed
    assert again.changed == [] and package_files(out / "bitria_client") == before


def test_breaking_addition_and_text_changes_bump_major_minor_patch(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    _edit(spec, "operationId: get_positions", "operationId: get_open_positions")
    generate([spec], out, use_cache=False)
    assert _version(out) == "2.0.0"
    _edit(
        spec,
        "paths:\n",
        "paths:\n  /time:\n    get:\n      operationId: getServerTime\n      security: []\n      responses:\n        '200': {description: ok}\n",
    )
    generate([spec], out, use_cache=False)
    assert _version(out) == "2.1.0"
    _edit(
        spec,
        "operationId: getServerTime\n",
        "operationId: getServerTime\n      summary: The server's clock\n",
    )
    result = generate([spec], out, use_cache=False)
    assert _version(out) == "2.1.1"
    assert result.releases["bitria_client"].files == ("README.md", "bitria_client/_client.py")
    log = _changelog(out)
    headings = [line for line in log.splitlines() if line.startswith("## ")]
    assert headings == ["## 2.1.1", "## 2.1.0", "## 2.0.0", "## 1.0.0"]  # newest first
    assert "- get_positions(): renamed to get_open_positions()" in log
    assert "### Added\n\n- get_server_time(): method added (GET /time)" in log
    assert "The client surface is unchanged; generated files changed: `README.md`" in log


def test_generate_prints_a_summary_of_each_changed_package(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    _edit(spec, "operationId: get_positions", "operationId: get_open_positions")
    assert main(["generate", str(spec), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "bitria_client 1.0.0 -> 2.0.0: 1 breaking, 0 added, 0 other\n" in printed
    assert "  breaking: get_positions(): renamed to get_open_positions()" in printed


def test_check_fails_on_a_stale_package_and_writes_nothing(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    before = package_files(out)
    assert main(["generate", str(spec), "--out", str(out), "--check"]) == 0
    _edit(spec, "operationId: get_positions", "operationId: get_open_positions")
    assert main(["generate", str(spec), "--out", str(out), "--check"]) == 1
    printed = capsys.readouterr().out
    for name in ("CHANGELOG.md", "surface.json", "bitria_client/_version.py"):
        assert f"stale: {out}/bitria_client/{name}" in printed
    assert package_files(out) == before


def test_a_package_from_before_versions_gets_1_0_0_and_says_what_changed(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    package = out / "bitria_client"
    for name in ("surface.json", "CHANGELOG.md", "bitria_client/_version.py"):
        (package / name).unlink()
    (package / "pyproject.toml").write_text('[project]\nversion = "1.0"\n')
    generate([spec], out, use_cache=False)
    assert _version(out) == "1.0.0"
    assert "Earlier generations carried the API's version (1.0)" in _changelog(out)


def test_an_unreadable_surface_record_moves_the_version_as_for_a_breaking_change(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    (out / "bitria_client" / "surface.json").write_text("{}")
    generate([spec], out, use_cache=False)
    assert _version(out) == "2.0.0"
    assert "could not be read" in _changelog(out)


def test_pip_sees_the_package_version_and_the_api_version_stays_visible(
    spec: Path, tmp_path: Path
) -> None:
    from hatchling.metadata.core import ProjectMetadata
    from hatchling.plugin.manager import PluginManager

    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    _edit(spec, "operationId: get_positions", "operationId: get_open_positions")
    generate([spec], out, use_cache=False)
    package = out / "bitria_client"
    # The build backend reads the version the changelog records.
    built = ProjectMetadata(str(package), PluginManager()).version
    assert built == _version(out) == "2.0.0"
    assert 'API_VERSION = "1.0"' in (package / "bitria_client" / "_version.py").read_text()
    assert "(API version 1.0)" in (package / "README.md").read_text()


def test_a_record_of_an_older_format_is_rewritten_without_a_new_version_when_the_files_are_the_same(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    generate([spec], out, use_cache=False)
    record = out / "bitria_client" / "surface.json"
    current, log = record.read_text(), _changelog(out)
    older = json.dumps({**json.loads(current), "format": 1})
    record.write_text(older)
    generate([spec], out, use_cache=False)
    assert (_version(out), _changelog(out), record.read_text()) == ("1.0.0", log, current)
    record.write_text(older)
    _edit(spec, "operationId: get_positions", "operationId: get_open_positions")
    generate([spec], out, use_cache=False)
    assert _version(out) == "2.0.0"
    assert "could not be read" in _changelog(out)
    assert json.loads(record.read_text())["format"] == json.loads(current)["format"]


def test_an_unchanged_record_gives_the_release_a_full_comparison_gives(
    spec: Path, tmp_path: Path
) -> None:
    # Regenerating against the same record skips reading it back; against the same record
    # spelled otherwise (indented by 2), it is read and compared: both releases are the same.
    same, respelled = tmp_path / "same", tmp_path / "respelled"
    generate([spec], same, use_cache=False)
    _edit(spec, "operationId: get_positions", "operationId: get_open_positions")
    generate([spec], same, use_cache=False)
    shutil.copytree(same, respelled)
    record = respelled / "bitria_client" / "surface.json"
    record.write_text(json.dumps(json.loads(record.read_text()), indent=2))
    fast = generate([spec], same, use_cache=False).releases["bitria_client"]
    full = generate([spec], respelled, use_cache=False).releases["bitria_client"]
    assert fast == full
    assert fast.report is not None and fast.report.changes == () and not fast.changed
    assert (fast.version, fast.summary()) == ("2.0.0", [])
    assert package_files(same / "bitria_client") == package_files(respelled / "bitria_client")


def test_files_already_on_disk_but_not_released_still_say_the_code_changed(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files copied in by hand match the new ones, but not the last release's digest."""
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    generate([spec], out, use_cache=False)
    _edit(spec, "summary: Query open positions", "summary: Query the open positions")
    generate([spec], scratch, use_cache=False)
    for name in ("README.md", "bitria_client/_client.py"):
        shutil.copy(scratch / "bitria_client" / name, out / "bitria_client" / name)
    assert main(["generate", str(spec), "--out", str(out), "--no-cache"]) == 0
    assert _version(out) == "1.0.1"
    assert "The client surface is unchanged; the generated code changed." in _changelog(out)
    printed = capsys.readouterr().out
    assert (
        "bitria_client 1.0.0 -> 1.0.1: client surface unchanged, the generated code changed"
        in printed
    )
