"""Keeps credentials out of messages and log lines; the package's logger.

Each client redacts its own credentials, and only whole values: a credential is replaced where
it stands as a token of its own (in a URL, a header echoed back, an error text), never inside a
longer word, so a short secret cannot mangle unrelated text.

httpx logs every request URL at INFO. A client that puts a credential in the query string makes
httpx log it, so that client, and only while it sends, has httpx's records redacted: one filter
per package, doing nothing for any other request and holding no client's secrets once it is done.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from contextvars import ContextVar, Token
from urllib.parse import quote, quote_plus

__all__ = ["LOGGER", "Redactor"]

LOGGER = logging.getLogger(__name__.rsplit(".", 1)[0])
"""The package's logger: DEBUG one line per request, INFO retries, WARNING transport failures."""
# A library logs but does not print: without this, Python's last-resort handler would write
# every warning to stderr of a program that never configured logging.
if not any(isinstance(h, logging.NullHandler) for h in LOGGER.handlers):
    LOGGER.addHandler(logging.NullHandler())

# What may stand next to a credential that is a token of its own (anything but these).
_TOKEN_CHARACTERS = r"A-Za-z0-9_.~+%\-"


class Redactor:
    """Replaces one client's credentials, as whole tokens, with `***`."""

    def __init__(self, secrets: Iterable[str]) -> None:
        forms = {form for s in secrets if s for form in (s, quote(s, safe=""), quote_plus(s))}
        self._pattern = (
            re.compile(
                rf"(?<![{_TOKEN_CHARACTERS}])(?:"
                + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                + rf")(?![{_TOKEN_CHARACTERS}])"
            )
            if forms
            else None
        )

    def __call__(self, text: str) -> str:
        """`text` with every credential replaced."""
        return text if self._pattern is None else self._pattern.sub("***", text)

    def sending(self) -> Token[Redactor | None]:
        """Redact httpx's records until `done` is called with the token."""
        _HTTPX_FILTER.install()
        return _sending.set(self)

    @staticmethod
    def done(token: Token[Redactor | None]) -> None:
        """End what `sending` began."""
        _sending.reset(token)


_sending: ContextVar[Redactor | None] = ContextVar("_sending", default=None)


class _HttpxFilter(logging.Filter):
    """Redacts the records httpx logs while a client of this package that needs it sends."""

    def __init__(self, package: str) -> None:
        super().__init__()
        self.package = package

    def install(self) -> None:
        logger = logging.getLogger("httpx")
        if self not in logger.filters:
            for old in [f for f in logger.filters if getattr(f, "package", None) == self.package]:
                logger.removeFilter(old)  # left by an earlier import of this package
            logger.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        redactor = _sending.get()
        if redactor is not None:
            message = record.getMessage()
            redacted = redactor(message)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


_HTTPX_FILTER = _HttpxFilter(LOGGER.name)
