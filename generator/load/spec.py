"""Loading a spec: read, bundled with the files it refers to, checked to resolve."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import Diagnostics, Problem, SpecError
from .bundle import Bundler
from .files import read_bounded, refusal
from .loaded import LoadedSpec


def load_spec(
    path: Path,
    diagnostics: Diagnostics,
    *,
    root: Path | None = None,
    overlays: Sequence[Path] = (),
) -> LoadedSpec:
    """Load `path` and bundle the files it refers to, which must lie inside `root` (by default
    the spec's own folder); every `$ref` is checked to resolve. Then apply the overlay beside it
    (`<stem>.overlay.yaml`) and `overlays`, in that order."""
    real = path.resolve()
    source = read_bounded(real)
    if source is None:
        raise SpecError([Problem(path, "", refusal(path.name))])
    spec = LoadedSpec(path=path, document={}, source=source, root=root)
    bundler = Bundler(
        spec, diagnostics=diagnostics, real=real, root=(root or real.parent).resolve()
    )
    document = bundler.parse(real, source)

    def in_its_file(problem: Problem) -> Problem:  # the bundler names each problem's own file
        return spec.locate(problem, bundled=False)

    diagnostics.raise_if_errors(in_its_file)
    if not isinstance(document, dict):
        message = "the document is not a mapping (expected an OpenAPI object)"
        raise SpecError([Problem(path, "", message, 1)])
    spec.document = document
    bundler.run()
    diagnostics.raise_if_errors(in_its_file)
    from ..overlay import overlays_for
    from ..overlay.apply import apply_overlays

    apply_overlays(spec, overlays_for(path, overlays), diagnostics)
    diagnostics.raise_if_errors(in_its_file)
    return spec
