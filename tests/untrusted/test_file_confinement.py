"""A spec reads only regular files of bounded size inside its own folder, and says nothing more."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from generator import SpecError, generate
from generator.__main__ import main
from generator.errors import Diagnostics
from generator.load import MAX_FILE_BYTES, load_spec, read_confined

SPEC = """\
openapi: 3.1.0
info: {title: Boxed, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "REF"}
"""
REFUSED = "only regular files inside the spec's folder, up to 64 MB, can be read"


def refusal(tmp_path: Path, ref: str) -> str:
    """The one message loading a spec whose schema is `$ref: ref` gets."""
    spec = tmp_path / "spec" / "api.yaml"
    spec.parent.mkdir(exist_ok=True)
    spec.write_text(SPEC.replace("REF", ref))
    with pytest.raises(SpecError) as caught:
        load_spec(spec, Diagnostics(spec))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (spec, 11)
    assert problem.pointer.endswith("/schema/$ref")
    return problem.message


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.yaml"
    secret.write_text("type: string\ndescription: the secret\n")
    return secret


def test_files_outside_the_folder_are_refused_alike_whether_or_not_they_exist(
    tmp_path: Path, outside: Path
) -> None:
    existing = refusal(tmp_path, "../secret.yaml")
    missing = refusal(tmp_path, "../nothing.yaml")
    assert existing == f"$ref '../secret.yaml': cannot use '../secret.yaml': {REFUSED}"
    assert missing == existing.replace("secret", "nothing")
    assert refusal(tmp_path, str(outside)) == refusal(
        tmp_path, str(tmp_path / "nothing.yaml")
    ).replace("nothing", "secret")
    assert refusal(tmp_path, "sub/../../secret.yaml").endswith(REFUSED)
    assert refusal(tmp_path, "missing-inside.yaml").endswith(REFUSED)


def test_symlinks_are_followed_only_while_they_stay_inside(tmp_path: Path, outside: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "out.yaml").symlink_to(outside)
    (folder / "dir").symlink_to(tmp_path)
    assert refusal(tmp_path, "out.yaml").endswith(REFUSED)
    assert refusal(tmp_path, "dir/secret.yaml").endswith(REFUSED)
    (folder / "models").mkdir()
    (folder / "models" / "real.yaml").write_text("type: integer\n")
    (folder / "alias.yaml").symlink_to(folder / "models" / "real.yaml")
    spec = folder / "api.yaml"
    spec.write_text(SPEC.replace("REF", "alias.yaml"))
    loaded = load_spec(spec, Diagnostics(spec))
    assert loaded.document["components"]["schemas"]["real"] == {"type": "integer"}


def test_devices_fifos_folders_and_huge_files_are_refused_without_reading(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    assert refusal(tmp_path, "/dev/zero").endswith(REFUSED)
    os.mkfifo(folder / "pipe.yaml")  # opening it for reading would block without O_NONBLOCK
    assert refusal(tmp_path, "pipe.yaml").endswith(REFUSED)
    (folder / "folder.yaml").mkdir()
    assert refusal(tmp_path, "folder.yaml").endswith(REFUSED)
    with open(folder / "huge.yaml", "wb") as huge:  # sparse: no disk space used
        huge.truncate(MAX_FILE_BYTES + 1)
    assert refusal(tmp_path, "huge.yaml").endswith(REFUSED)


def test_a_huge_root_spec_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "huge.yaml"
    with open(spec, "wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)
    assert main(["generate", str(spec), "--out", str(tmp_path / "out"), "--no-cache"]) == 2
    assert f"{spec}: cannot use 'huge.yaml': {REFUSED}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_remote_references_are_refused(tmp_path: Path) -> None:
    for ref in ("https://example.test/pet.yaml", "file:///etc/passwd", "HTTP://x/y"):
        assert "is not supported (only files next to the spec)" in refusal(tmp_path, ref)


SIGNED = """\
openapi: 3.1.0
info: {title: Signed, version: "1"}
servers: [{url: "https://signed.example.test"}]
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200": {description: ok}
      security: [{Sig: []}]
components:
  securitySchemes:
    Sig:
      type: apiKey
      in: header
      name: K
      x-signing:
        message: "{timestamp}{method}{path}"
        headers: {K: "{api_key}", S: "{signature}"}
        hook: HOOK
"""
HOOK = 'def sign(message: bytes, secret: str) -> str:\n    return "x"\n'


@pytest.mark.parametrize("hook", ["../hook.py", "ABSOLUTE", "link.py", "missing.py", "dir/hook.py"])
def test_signing_hooks_outside_the_folder_are_refused(tmp_path: Path, hook: str) -> None:
    (tmp_path / "hook.py").write_text(HOOK)
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "link.py").symlink_to(tmp_path / "hook.py")
    (folder / "dir").symlink_to(tmp_path)
    hook = str(tmp_path / "hook.py") if hook == "ABSOLUTE" else hook
    spec = folder / "signed.yaml"
    spec.write_text(SIGNED.replace("HOOK", hook))
    out = tmp_path / "out"
    with pytest.raises(SpecError) as caught:
        generate([spec], out, use_cache=False)
    (problem,) = caught.value.problems
    assert problem.pointer == "/components/securitySchemes/Sig/x-signing/hook"
    assert problem.message == f"cannot use {hook!r}: {REFUSED}"
    assert problem.line == 20
    assert not out.exists()


def test_a_hook_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "signing").mkdir()
    (tmp_path / "signing" / "hook.py").write_text(HOOK)
    diagnostics = Diagnostics(tmp_path / "spec.yaml")
    found = read_confined(tmp_path, "signing/hook.py", at="/x", diagnostics=diagnostics)
    assert found == ((tmp_path / "signing" / "hook.py").resolve(), HOOK)
    (tmp_path / "latin1.py").write_bytes(b"# \xe9\n")
    assert read_confined(tmp_path, "latin1.py", at="/y", diagnostics=diagnostics) is None
    assert [(p.pointer, p.message) for p in diagnostics.errors] == [
        ("/y", "'latin1.py' is not UTF-8 text")
    ]
    spec = tmp_path / "signed.yaml"
    spec.write_text(textwrap.dedent(SIGNED.replace("HOOK", "signing/hook.py")))
    result = generate([spec], tmp_path / "out", use_cache=False)
    (package,) = result.packages
    assert (tmp_path / "out" / package / package / "_hook_hook.py").read_text() == HOOK


def test_a_wider_root_lets_refs_reach_a_sibling_folder_and_no_further(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "Error.yaml").write_text(
        "type: object\nproperties: {message: {type: string}}\n"
    )
    (tmp_path / "spec").mkdir()
    spec = tmp_path / "spec" / "api.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.0.3
            info: {title: Sibling, version: "1"}
            paths:
              /e:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "../common/Error.yaml"}
            """
        )
    )
    with pytest.raises(SpecError):
        generate([spec], tmp_path / "out", use_cache=False)
    with pytest.raises(SpecError):
        generate([spec], tmp_path / "out", use_cache=False, root=tmp_path / "spec")
    result = generate([spec], tmp_path / "out", use_cache=False, root=tmp_path)
    assert list(result.packages) == ["api_client"]
