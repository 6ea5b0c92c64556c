"""Request bodies and answers by media type: bytes, text, event streams, multipart uploads."""

from __future__ import annotations

import email.parser
import email.policy
import io
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from templates.runtime._events import ServerSentEvent, parse_events
from tests.support.flavors import built, is_async
from tests.support.generation import generate_and_import

SPEC = """\
openapi: 3.1.0
info: {title: Media, version: "1"}
servers: [{url: "https://api.example.test"}]
paths:
  /report:
    get:
      operationId: getReport
      responses:
        "200":
          description: a PDF
          content:
            application/pdf: {schema: {type: string, format: binary}}
  /logo:
    get:
      operationId: getLogo
      responses:
        "200":
          description: an image
          content:
            image/*: {schema: {type: string, format: binary}}
  /motd:
    get:
      operationId: getMotd
      responses:
        "200":
          description: text
          content:
            text/plain: {schema: {type: string}}
  /ticks:
    get:
      operationId: streamTicks
      responses:
        "200":
          description: events
          content:
            text/event-stream: {schema: {type: string}}
  /chat:
    post:
      operationId: chat
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [prompt]
              properties:
                prompt: {type: string}
                stream: {type: boolean}
      responses:
        "200":
          description: a reply, or its pieces as events
          content:
            application/json:
              schema:
                type: object
                properties:
                  text: {type: string}
            text/event-stream: {schema: {type: string}}
  /files:
    post:
      operationId: upload
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file, purpose]
              properties:
                file: {type: string, format: binary}
                extra: {type: array, items: {type: string, format: binary}}
                purpose: {type: string}
                tags: {type: array, items: {type: string}}
                meta: {type: object, additionalProperties: {type: string}}
      responses:
        "200":
          description: stored
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /blobs:
    put:
      operationId: putBlob
      requestBody:
        required: true
        content:
          application/octet-stream: {schema: {type: string, format: binary}}
      responses:
        "204": {description: stored}
"""


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("media")
    spec = out / "media.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return generate_and_import(spec, out / "generated")


def client(module: ModuleType, transport: httpx.MockTransport) -> Any:
    return built(module.MediaClient, http_client=httpx.Client(transport=transport))


def answering(
    response: httpx.Response, sent: list[httpx.Request] | None = None
) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if sent is not None:
            sent.append(request)
        request.read()
        return response

    return httpx.MockTransport(handler)


def test_binary_answers_are_bytes_and_text_answers_str(media: ModuleType) -> None:
    pdf = b"%PDF-1.7\n\x00\xff binary"
    assert (
        client(
            media,
            answering(
                httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"})
            ),
        ).get_report()
        == pdf
    )
    png = b"\x89PNG\r\n\x1a\n"
    logo = client(
        media, answering(httpx.Response(200, content=png, headers={"content-type": "image/png"}))
    )
    assert logo.get_logo() == png
    text = "price: 1.10 \u20ac\n"
    motd = client(
        media,
        answering(
            httpx.Response(
                200, content=text.encode(), headers={"content-type": "text/plain; charset=utf-8"}
            )
        ),
    )
    assert motd.get_motd() == text


def test_the_method_signatures_say_what_comes_back(media: ModuleType) -> None:
    assert media.__file__ is not None
    source = Path(media.__file__).with_name("_client.py").read_text(encoding="utf-8")
    assert ") -> bytes:" in source and ") -> str:" in source
    assert ") -> EventStream:" in source
    assert ") -> models.ChatResponse | EventStream:" in source
    assert "file: FileInput," in source and "extra: list[FileInput] | NotGiven" in source


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in pieces, recording how far the reader got and whether it closed."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.read = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.read += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_an_event_stream_is_read_as_it_arrives_and_released(media: ModuleType) -> None:
    body = Chunks(
        [
            b': keep-alive\n\nid: 1\nevent: tick\ndata: {"p": 1.10}\n\n',
            b"data: line one\r\ndata: line two\r\n\r\n",
            b"id: 3\ndata: last\n\n",
        ]
    )
    transport = answering(
        httpx.Response(200, stream=body, headers={"content-type": "text/event-stream"})
    )
    events = client(media, transport).stream_ticks()
    first = next(events)
    assert first == media.ServerSentEvent(event="tick", data='{"p": 1.10}', id="1")
    assert str(first.json()["p"]) == "1.10" and body.read == 1  # not read ahead
    second = next(events)
    assert second.data == "line one\nline two" and second.event == "message" and second.id == "1"
    assert [e.id for e in events] == ["3"]
    assert body.closed


def test_an_event_stream_left_early_releases_the_connection(media: ModuleType) -> None:
    body = Chunks([b"data: a\n\n", b"data: b\n\n"])
    transport = answering(
        httpx.Response(200, stream=body, headers={"content-type": "text/event-stream"})
    )
    events = client(media, transport).stream_ticks()
    assert next(events).data == "a"
    events.close()
    assert body.closed


def test_an_event_stream_never_read_releases_the_connection(media: ModuleType) -> None:
    if is_async():
        pytest.skip("an async stream is released by aclose() or `async with`, not when dropped")
    body = Chunks([b"data: a\n\n"])
    transport = answering(
        httpx.Response(200, stream=body, headers={"content-type": "text/event-stream"})
    )
    events = client(media, transport).stream_ticks()
    assert not body.closed
    del events
    assert body.closed and body.read == 0


def test_json_or_events_by_the_answer_content_type(media: ModuleType) -> None:
    sent: list[httpx.Request] = []
    reply = client(media, answering(httpx.Response(200, json={"text": "hi"}), sent)).chat(
        prompt="hello"
    )
    assert reply.text == "hi" and json.loads(sent[0].content) == {"prompt": "hello"}
    stream = httpx.Response(
        200, content=b"data: h\n\ndata: i\n\n", headers={"content-type": "text/event-stream"}
    )
    pieces = client(media, answering(stream)).chat(prompt="hello", stream=True)
    assert [e.data for e in pieces] == ["h", "i"]


def test_a_multipart_body_takes_files_as_httpx_does(media: ModuleType) -> None:
    sent: list[httpx.Request] = []
    upload = client(media, answering(httpx.Response(200, json={"id": "file-1"}), sent)).upload
    handle = io.BytesIO(b"col\n1\n")
    handle.name = "/home/me/data.csv"
    stored = upload(
        file=handle,
        extra=[b"\x00raw", ("notes.txt", b"n", None), ('a"b.bin', b"x", "application/x-thing")],
        purpose="fine-tune",
        tags=["a", "b"],
        meta={"k": "v"},
    )
    assert stored.id == "file-1"
    request = sent[0]
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.content
    )
    parts = [
        (
            p.get_param("name", header="content-disposition"),
            p.get_filename(),
            p.get_content_type(),
            p.get_payload(decode=True),
        )
        for p in message.iter_parts()
    ]
    assert parts == [
        ("purpose", None, "text/plain", b"fine-tune"),
        ("tags", None, "text/plain", b"a"),
        ("tags", None, "text/plain", b"b"),
        ("meta", None, "text/plain", b'{"k":"v"}'),
        ("file", "data.csv", "text/csv", b"col\n1\n"),
        ("extra", "upload", "application/octet-stream", b"\x00raw"),
        ("extra", "notes.txt", "text/plain", b"n"),
        ("extra", "a%22b.bin", "application/x-thing", b"x"),
    ]


def test_a_multipart_body_without_files_is_still_multipart(media: ModuleType) -> None:
    sent: list[httpx.Request] = []
    upload = client(media, answering(httpx.Response(200, json={"id": "x"}), sent)).upload
    upload(file=b"", purpose="p")
    assert sent[0].headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="purpose"\r\n\r\np\r\n' in sent[0].content


def test_a_binary_body_is_sent_as_given_and_checked(media: ModuleType) -> None:
    sent: list[httpx.Request] = []
    put = client(media, answering(httpx.Response(204), sent)).put_blob
    assert put(body=b"\x00\x01") is None
    assert sent[0].content == b"\x00\x01"
    assert sent[0].headers["content-type"] == "application/octet-stream"
    with pytest.raises(media.InvalidArgumentError, match="expected bytes, got str"):
        put(body="text")
    assert len(sent) == 1


@pytest.mark.parametrize(
    ("stream", "events"),
    [
        ("data: a\n\n", [ServerSentEvent(data="a")]),
        ("data:a\ndata\n\n", [ServerSentEvent(data="a\n")]),  # a field without a colon
        ("event: x\n\n", []),  # no data: nothing to dispatch
        (
            "data: a\nid: 7\nretry: 300\n\ndata: b\n\n",
            [ServerSentEvent(data="a", id="7", retry=300), ServerSentEvent(data="b", id="7")],
        ),
        ("data: unterminated", []),  # the stream ended before the event did
        ("retry: soon\ndata: a\n\n", [ServerSentEvent(data="a")]),
    ],
)
def test_event_stream_lines(stream: str, events: list[ServerSentEvent]) -> None:
    assert list(parse_events(stream.split("\n"))) == events
