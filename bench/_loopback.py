"""A bounded HTTP/1.1 server on 127.0.0.1 for the concurrency benchmark; run as a subprocess.

`python -m bench._loopback MAX_REQUESTS SECONDS` prints its port, then answers each request with
Bitget's success envelope when its ACCESS-SIGN verifies (HMAC-SHA256 base64 of timestamp, method,
path and body, with the benchmark's secret), and with an error envelope otherwise. It serves at
most MAX_REQUESTS requests and exits after SECONDS, whichever comes first.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import sys

from .call_overhead import ANSWER, API_SECRET

REFUSED = b'{"code":"40009","msg":"sign signature error","requestTime":1700000000000,"data":null}'


def verified(method: bytes, target: bytes, headers: dict[bytes, bytes], body: bytes) -> bool:
    """Whether the request's signature is the one its timestamp, path and body give."""
    timestamp = headers.get(b"access-timestamp", b"")
    prehash = timestamp + method + target + body
    digest = hmac.new(API_SECRET.encode(), prehash, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest), headers.get(b"access-sign", b""))


async def serve(max_requests: int, seconds: float) -> None:
    """Serve until `max_requests` were answered or `seconds` passed."""
    served = 0
    done = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal served
        try:
            while served < max_requests:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head.split(b"\r\n")
                method, target, _ = request_line.split(b" ", 2)
                headers = {}
                for line in lines:
                    name, _, value = line.partition(b":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get(b"content-length", b"0")))
                payload = ANSWER if verified(method, target, headers, body) else REFUSED
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(payload), payload)
                )
                await writer.drain()
                served += 1
            done.set()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    async with server:
        try:
            await asyncio.wait_for(done.wait(), seconds)
        except TimeoutError:
            pass


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), float(sys.argv[2])))
