"""Bad specs get one clear message (file, JSON pointer, line), exit status 2, and nothing written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import SpecError, generate
from generator.__main__ import main
from generator.write.package_files import package_files

GOOD = """\
openapi: 3.1.0
info:
  title: Good
  version: "1"
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - name: orderId
          in: path
          required: true
          schema: {type: string}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Order"}
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string}
"""


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    """An output directory already holding a good package, which a failed run must leave alone."""
    spec = tmp_path / "good.yaml"
    spec.write_text(GOOD)
    target = tmp_path / "out"
    generate([spec], target, use_cache=False)
    return target


def run(tmp_path: Path, out: Path, text: str, *extra: str) -> tuple[int, str]:
    spec = tmp_path / "bad.yaml"
    spec.write_text(textwrap.dedent(text))
    before = package_files(out)
    code = main(["generate", str(spec), "--out", str(out), "--no-cache", *extra])
    if code == 2:
        assert package_files(out) == before, "a failed run changed the output directory"
    return code, str(spec)


def test_invalid_yaml_names_file_and_line(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, spec = run(tmp_path, out, "openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n")
    err = capsys.readouterr().err
    assert code == 2
    assert f"{spec}:4" in err and "invalid YAML" in err
    assert "nothing was written" in err


def test_spec_failing_validation_names_the_pointer(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GOOD.replace('  version: "1"\n', "")
    code, spec = run(tmp_path, out, text)
    err = capsys.readouterr().err
    assert code == 2
    assert f"{spec}:2 at /info: invalid spec: 'version' is a required property" in err


def test_dangling_ref(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, spec = run(tmp_path, out, GOOD.replace('schemas/Order"}', 'schemas/Missing"}'))
    err = capsys.readouterr().err
    assert code == 2
    pointer = "/paths/~1orders~1{orderId}/get/responses/200/content/application~1json/schema/$ref"
    assert f"{spec}:19 at {pointer}: $ref '#/components/schemas/Missing' does not resolve" in err


def test_duplicate_operation_id(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GOOD + textwrap.dedent(
        """\
        x-other: 1
        """
    )
    text = text.replace(
        "components:",
        "  /orders:\n    get:\n      operationId: getOrder\n      responses:\n        '200': {description: ok}\ncomponents:",
    )
    code, spec = run(tmp_path, out, text)
    err = capsys.readouterr().err
    assert code == 2
    assert "at /paths/~1orders/get/operationId: duplicate operationId 'getOrder'" in err
    assert "(first at /paths/~1orders~1{orderId}/get)" in err
    # lenient mode generates the first and leaves the second out, with the same warning
    code, _ = run(tmp_path, out, text, "--lenient")
    err = capsys.readouterr().err
    assert code == 0
    assert "warning:" in err and "duplicate operationId 'getOrder'" in err
    client = (out / "bad_client" / "bad_client" / "_client.py").read_text()
    assert 'path="/orders/{orderId}"' in client and 'path="/orders"' not in client


def test_two_operations_with_one_method_name(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GOOD.replace(
        "components:",
        "  /orders:\n    get:\n      operationId: get_order\n      responses:\n        '200': {description: ok}\ncomponents:",
    )
    code, _ = run(tmp_path, out, text)
    err = capsys.readouterr().err
    # The later operation's method gets a suffix, with a warning; the spec is not refused.
    assert code == 0
    assert (
        "operationId 'get_order' maps to method get_order(), as does the operation at "
        "/paths/~1orders~1{orderId}/get: this one is get_order_2()"
    ) in err
    client = "".join(p.read_text() for p in out.glob("*/*/_client.py"))
    assert "def get_order(" in client and "def get_order_2(" in client


def test_undeclared_path_parameter(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GOOD.replace("/orders/{orderId}:", "/orders/{orderId}/fills/{fillId}:")
    code, spec = run(tmp_path, out, text)
    err = capsys.readouterr().err
    assert code == 2
    assert (
        f"{spec}:7 at /paths/~1orders~1{{orderId}}~1fills~1{{fillId}}/get: path parameter {{fillId}}"
        in err
    )
    assert "has no declaration" in err


UNSUPPORTED = GOOD.replace(
    "components:",
    textwrap.dedent(
        """\
          /upload:
            post:
              operationId: upload
              requestBody:
                content:
                  multipart/form-data:
                    schema: {type: array, items: {type: string, format: binary}}
              responses:
                '204': {description: ok}
        components:"""
    ),
)


def test_unsupported_construct_is_an_error_when_strict(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, spec = run(tmp_path, out, UNSUPPORTED)
    err = capsys.readouterr().err
    assert code == 2
    assert (
        "at /paths/~1upload/post/requestBody/content/multipart~1form-data/schema: unsupported: "
        "a multipart body that is not an object of properties" in err
    )


def test_lenient_mode_warns_and_generates_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(
        UNSUPPORTED.replace(
            "description: ok\n          content:", "description: null\n          content:", 1
        )
    )
    target = tmp_path / "lenient"
    code = main(["generate", str(spec), "--out", str(target), "--lenient", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 0
    assert "warning:" in err and "unsupported: a multipart body that is not an object" in err
    assert "/responses/200/description: invalid spec: None is not of type 'string'" in err
    client = (target / "bad_client" / "bad_client" / "_client.py").read_text()
    assert "def get_order(" in client and "def upload(" not in client


def test_one_bad_spec_means_nothing_is_written(tmp_path: Path, out: Path) -> None:
    good = tmp_path / "another.yaml"
    good.write_text(GOOD.replace("title: Good", "title: Another"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("operationId: getOrder", "operationId: [1"))
    before = package_files(out)
    with pytest.raises(SpecError) as caught:
        generate([good, bad], out, use_cache=False)
    assert "invalid YAML" in str(caught.value)
    assert package_files(out) == before
    assert not (out / "another_client").exists()


def test_unknown_signing_part_is_reported(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GOOD.replace(
        "components:\n",
        textwrap.dedent(
            """\
            components:
              securitySchemes:
                Sig:
                  type: apiKey
                  in: header
                  name: K
                  x-signing:
                    algorithm: hmac-md5
                    message: ["{timestamp}{verb}", {digest: sha256, of: []}]
                    headers: {K: "{api_key}"}
            """
        ),
    )
    code, _ = run(tmp_path, out, text)
    err = capsys.readouterr().err
    assert code == 2
    assert (
        "/components/securitySchemes/Sig/x-signing/algorithm: `algorithm` 'hmac-md5' is not one of"
        in err
    )
    assert (
        "/components/securitySchemes/Sig/x-signing/message/1: a digest needs `of`: the parts it"
        " hashes" in err
    )
