"""Loads a spec (YAML or JSON) as untrusted input and bundles every file its `$ref`s name.

`spec` (the loaded spec and `load_spec`), `files` (confinement to the spec's folder tree and
bounded reading), `syntax` with `yaml_document` and `json_document` (one file to a JSON value,
and the lines of its pointers), `positions` (the pointer such a reader is at), `bundle` with
`kinds` (other files' targets placed in the root document), `tree` (JSON pointers and copies)
and `limits`. Overlays are applied to the bundled document by `generator.overlay`.
"""

from .files import read_confined
from .limits import MAX_FILE_BYTES
from .loaded import LoadedSpec
from .spec import load_spec
from .syntax import line_map
from .tree import resolve_pointer

__all__ = [
    "MAX_FILE_BYTES",
    "LoadedSpec",
    "line_map",
    "load_spec",
    "read_confined",
    "resolve_pointer",
]
