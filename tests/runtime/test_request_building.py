"""The request the base client hands httpx is the one httpx.Client.build_request would make."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from templates.runtime._auth import PreparedRequest
from templates.runtime._base_client import http_request

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
SIGNED = {
    "Content-Type": "application/json",
    "ACCESS-KEY": "key",
    "ACCESS-SIGN": "c2lnbmF0dXJl",
    "ACCESS-TIMESTAMP": "1700000000000",
    "locale": "en-US",
}
HEADERS = [
    SIGNED,
    {},
    {"host": "elsewhere.example", "content-length": "3"},  # the caller's own win
    {"Transfer-Encoding": "chunked"},
    {"accept": "application/json", "USER-AGENT": "mine"},  # replace the client's, any case
]
CLIENTS = {
    "plain": lambda: httpx.Client(),
    "own headers": lambda: httpx.Client(headers={"User-Agent": "app/1", "X-Trace": "on"}),
    "cookies": lambda: httpx.Client(cookies={"session": "s1"}),
    "params": lambda: httpx.Client(params={"lang": "en"}),
    "base_url": lambda: httpx.Client(base_url="https://other.example/v2"),
}
URLS = ["https://api.example.com/v1/orders", "http://127.0.0.1:8080/x?b=2&a=1"]


def parts(request: httpx.Request) -> tuple[object, ...]:
    return (
        request.method,
        str(request.url),
        request.headers.raw,
        request.content,
        request.extensions,
        type(request.stream),
    )


@pytest.mark.parametrize("client", list(CLIENTS))
@pytest.mark.parametrize("method", ["POST", "GET", "PUT", "DELETE"])
@pytest.mark.parametrize("headers", HEADERS)
@pytest.mark.parametrize("content", [b'{"qty":"0.01"}', b""])
@pytest.mark.parametrize("url", URLS)
def test_the_request_is_the_one_build_request_makes(
    client: str, method: str, headers: dict[str, str], content: bytes, url: str
) -> None:
    http = CLIENTS[client]()
    sent = PreparedRequest(method, httpx.URL(url), dict(headers), content)
    expected = http.build_request(
        method, sent.url, headers=headers, content=content or None, timeout=TIMEOUT
    )
    assert parts(http_request(http, sent, TIMEOUT)) == parts(expected)


def test_a_client_subclass_builds_its_own_requests() -> None:
    class Tagging(httpx.Client):
        def build_request(self, *args: object, **kwargs: object) -> httpx.Request:
            request = super().build_request(*args, **kwargs)  # type: ignore[arg-type]
            request.headers["X-Tag"] = "built"
            return request

    sent = PreparedRequest("POST", httpx.URL(URLS[0]), dict(SIGNED), b"{}")
    assert http_request(Tagging(), sent, TIMEOUT).headers["X-Tag"] == "built"


def test_a_header_that_is_not_text_is_refused_as_httpx_refuses_it() -> None:
    headers: Any = {"X-Count": 1}
    sent = PreparedRequest("POST", httpx.URL(URLS[0]), headers, b"{}")
    with pytest.raises(TypeError, match="must be str or bytes"):
        http_request(httpx.Client(), sent, TIMEOUT)
    with pytest.raises(TypeError, match="must be str or bytes"):
        httpx.Client().build_request("POST", URLS[0], headers=headers)
