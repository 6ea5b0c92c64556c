"""The committed packages are current, output is deterministic, writes are atomic, and the cache is safe."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import SpecError, default_specs, generate
from generator.__main__ import main
from generator.write.package_files import package_files
from tests.support.paths import GENERATED, GOLDEN, ROOT, SPECS


def test_committed_packages_are_current() -> None:
    result = generate(check=True)
    assert sorted(result.packages) == sorted(
        p.name for p in GENERATED.iterdir() if (p / "pyproject.toml").is_file()
    )
    assert result.changed == [], "generated/ is stale: run `make generate`"


def test_check_mode_lists_stale_files_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    shutil.copytree(GENERATED / "bitria_client", out / "bitria_client")
    client = out / "bitria_client" / "bitria_client" / "_client.py"
    client.write_text(client.read_text() + "\n# edited by hand\n")
    (out / "bitria_client" / "stray.txt").write_text("not generated")
    before = package_files(out)
    code = main(["generate", str(SPECS / "bitria.yaml"), "--out", str(out), "--check"])
    printed = capsys.readouterr().out
    assert code == 1
    assert f"stale: {out}/bitria_client/bitria_client/_client.py" in printed
    assert f"stale: {out}/bitria_client/stray.txt" in printed
    assert package_files(out) == before


def test_two_runs_give_identical_trees(tmp_path: Path) -> None:
    specs = default_specs(SPECS)
    generate(specs, tmp_path / "a", use_cache=False)
    generate(specs, tmp_path / "b", use_cache=False)
    first, second = package_files(tmp_path / "a"), package_files(tmp_path / "b")
    assert first and first == second


def test_output_does_not_depend_on_the_working_directory_or_hash_seed(tmp_path: Path) -> None:
    spec = SPECS / "bitget.yaml"
    # The committed package is an input too: its version and changelog continue from it.
    shutil.copytree(GENERATED / "bitget_client", tmp_path / "x" / "bitget_client")
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec),
        "--out",
        str(tmp_path / "x"),
        "--no-cache",
    ]
    subprocess.run(
        command,
        cwd=tmp_path,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert package_files(tmp_path / "x" / "bitget_client") == package_files(
        GENERATED / "bitget_client"
    )


def test_nothing_changed_run_skips_work_and_a_hand_edit_is_repaired(tmp_path: Path) -> None:
    spec = SPECS / "hummingbot.yaml"
    out = tmp_path / "out"
    generate([spec], out)
    again = generate([spec], out)
    assert again.unchanged == ["hummingbot_client"] and again.changed == []
    models = out / "hummingbot_client" / "hummingbot_client" / "models.py"
    original = models.read_bytes()
    models.write_text("broken")
    repaired = generate([spec], out)
    assert repaired.changed == ["hummingbot_client/hummingbot_client/models.py"]
    assert models.read_bytes() == original


def test_a_spec_edit_invalidates_the_cache(tmp_path: Path) -> None:
    spec = tmp_path / "hummingbot.yaml"
    shutil.copy(SPECS / "hummingbot.yaml", spec)
    out = tmp_path / "out"
    generate([spec], out)
    spec.write_text(
        spec.read_text().replace("operationId: place_order", "operationId: submit_order", 1)
    )
    result = generate([spec], out)
    client = (out / "hummingbot_client" / "hummingbot_client" / "_client.py").read_text()
    assert "hummingbot_client/hummingbot_client/_client.py" in result.changed
    assert "def submit_order(" in client and "def place_order(" not in client


def test_a_failure_while_formatting_leaves_the_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import format as _format

    out = tmp_path / "out"
    generate([SPECS / "bitria.yaml"], out)
    before = package_files(out)

    def explode(root: Path) -> None:
        raise _format.FormatError("ruff format failed")

    monkeypatch.setattr(_format, "format_tree", explode)
    with pytest.raises(SpecError) as caught:
        generate([SPECS / "bitria.yaml"], out, use_cache=False)
    (problem,) = caught.value.problems
    assert problem.file == SPECS / "bitria.yaml"
    assert "the generated package bitria_client is not valid Python: ruff format failed" in str(
        problem
    )
    assert package_files(out) == before
    assert not list(tmp_path.glob(".generate-*")), "the staging directory was left behind"


@pytest.mark.parametrize(
    "case", sorted(p.name for p in GOLDEN.iterdir() if (p / "spec.yaml").is_file())
)
def test_golden_record(case: str, tmp_path: Path) -> None:
    """A fresh generation equals the committed expected tree, file by file."""
    generate([GOLDEN / case / "spec.yaml"], tmp_path, use_cache=False)
    (package,) = [p for p in tmp_path.iterdir() if p.is_dir() and not p.name.startswith(".")]
    expected, actual = package_files(GOLDEN / case / "expected"), package_files(package)
    assert sorted(actual) == sorted(expected)
    for name in expected:
        assert actual[name].decode() == expected[name].decode(), (
            f"{case}/{name} differs from the golden record"
        )


def test_generated_code_passes_mypy_strict_and_ruff() -> None:
    packages = sorted(p for p in GENERATED.iterdir() if (p / "pyproject.toml").is_file())
    for package in packages:
        ruff = subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
            cwd=package,
            capture_output=True,
            text=True,
        )
        assert ruff.returncode == 0, ruff.stdout
        fmt = subprocess.run(
            [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
            cwd=package,
            capture_output=True,
            text=True,
        )
        assert fmt.returncode == 0, fmt.stdout
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            *(f"{p}/{p.name}" for p in packages),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert mypy.returncode == 0, mypy.stdout


def test_packages_rendered_one_after_another_are_those_rendered_alone() -> None:
    from generator.pipeline import load_api
    from generator.render.package import _environment, render_package

    apis = [load_api(SPECS / name, lenient=False)[0] for name in ("bitria.yaml", "btse.yaml")]
    alone = []
    for api in apis:
        _environment.cache_clear()
        alone.append(render_package(api, "MODELS"))
    together = [render_package(api, "MODELS") for api in [*apis, *apis]]
    assert together == alone + alone and alone[0] != alone[1]
