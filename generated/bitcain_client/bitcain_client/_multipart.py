"""`multipart/form-data` request bodies (RFC 7578): form fields and files, as exact bytes.

httpx encodes multipart bodies only when a file is given and only as it sends them; the body of
a signed request has to exist, as bytes, before it is sent, with or without files. A file object
is read by the client's driver (`read_file` yields the step), so an asynchronous client does not
block its event loop on it.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Awaitable, Generator, Iterable
from pathlib import PurePath
from typing import IO, Any, Protocol, TypeAlias

from ._steps import ReadFile

__all__ = ["AsyncFile", "FileContent", "FileInput", "encode_multipart", "read_file"]


class AsyncFile(Protocol):
    """A binary file an asynchronous client reads by awaiting `read()`."""

    def read(self) -> Awaitable[bytes]: ...


FileContent: TypeAlias = bytes | IO[bytes] | AsyncFile
FileInput: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
"""A file to upload, as httpx takes it: its content (bytes or a binary file object), or a tuple
(filename, content) or (filename, content, content type). An asynchronous client also takes a
file whose `read()` is awaited."""


def read_file(file: FileInput) -> Generator[ReadFile, Any, FileInput]:
    """The file with its content read (by the driver, as a step), named as it would have been."""
    if isinstance(file, tuple):
        if isinstance(file[1], bytes):
            return file
        content = yield ReadFile(file[1])
        return (
            (file[0], _checked(content), file[2])
            if len(file) == 3
            else (file[0], _checked(content))
        )
    if isinstance(file, bytes):
        return file
    name = getattr(file, "name", None)
    content = yield ReadFile(file)
    return (PurePath(name).name if isinstance(name, str) else None, _checked(content))


def _checked(content: Any) -> bytes:
    """What a file object gave, refused unless it is bytes (or the error reading it, raised)."""
    if isinstance(content, BaseException):
        raise content
    if not isinstance(content, bytes):
        raise TypeError(
            f"file content must be bytes or a binary file, not {type(content).__name__}"
        )
    return content


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
    data = _checked(content)
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
