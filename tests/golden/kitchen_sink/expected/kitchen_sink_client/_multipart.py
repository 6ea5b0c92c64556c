"""`multipart/form-data` request bodies (RFC 7578): form fields and files, as exact bytes.

httpx encodes multipart bodies only when a file is given and only as it sends them; the body of
a signed request has to exist, as bytes, before it is sent, with or without files.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Iterable
from pathlib import PurePath
from typing import IO, TypeAlias

__all__ = ["FileContent", "FileInput", "encode_multipart"]

FileContent: TypeAlias = bytes | IO[bytes]
FileInput: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
"""A file to upload, as httpx takes it: its content (bytes or a binary file object), or a tuple
(filename, content) or (filename, content, content type)."""


def encode_multipart(
    fields: Iterable[tuple[str, str]], files: Iterable[tuple[str, FileInput]]
) -> tuple[bytes, str]:
    """The body and its Content-Type (with the boundary) for these form fields and files."""
    boundary = os.urandom(16).hex()
    parts: list[bytes] = []
    for name, value in fields:
        parts.append(_part(name, None, None, value.encode()))
    for name, file in files:
        filename, content, content_type = _file(file)
        parts.append(_part(name, filename, content_type, content))
    body = b"".join(b"--" + boundary.encode() + b"\r\n" + part + b"\r\n" for part in parts)
    body += b"--" + boundary.encode() + b"--\r\n"
    return body, f"multipart/form-data; boundary={boundary}"


def _file(file: FileInput) -> tuple[str, bytes, str]:
    """(filename, content, content type) of a file, filling in what was left out as httpx does."""
    filename: str | None = None
    content_type: str | None = None
    if isinstance(file, tuple):
        if len(file) == 3:
            filename, content, content_type = file
        else:
            filename, content = file
    else:
        content = file
        name = getattr(content, "name", None)
        filename = PurePath(name).name if isinstance(name, str) else "upload"
    data = content if isinstance(content, bytes) else content.read()
    if not isinstance(data, bytes):
        raise TypeError(f"file content must be bytes or a binary file, not {type(data).__name__}")
    filename = filename or "upload"
    if content_type is None:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return filename, data, content_type


def _part(name: str, filename: str | None, content_type: str | None, content: bytes) -> bytes:
    disposition = f'form-data; name="{_quoted(name)}"'
    if filename is not None:
        disposition += f'; filename="{_quoted(filename)}"'
    headers = f"Content-Disposition: {disposition}\r\n"
    if content_type is not None:
        headers += f"Content-Type: {' '.join(content_type.split())}\r\n"
    return headers.encode() + b"\r\n" + content


def _quoted(text: str) -> str:
    # The HTML standard's escaping of names and filenames in multipart/form-data.
    return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
