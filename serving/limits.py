"""Request bodies over MAX_CONTENT_LENGTH are refused with 413 on every route, whether the
client declares the length (Content-Length) or streams the body in chunks.

Werkzeug checks a declared length only when a view reads the body, and silently cuts a
chunked body at the limit (the view then sees a truncated body). Here a declared length over
the limit is refused before any view runs, and a chunked body is read up to one byte past the
limit before the app sees it: a body that fits is handed on with its length; one that does not
is refused.

A refused body is read and thrown away first, up to DRAIN_BYTES or DRAIN_SECONDS: a server
that answers and closes while the client is still sending makes the client's system reset
the connection, and most clients then report "connection reset" instead of the 413. Bodies
declared larger than DRAIN_BYTES are refused at once (their sender may see that reset).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable

from flask import Flask, abort, request

TOO_LARGE = "serving.body_too_large"
READ_SIZE = 64 * 1024
DRAIN_BYTES = 8 * 1024 * 1024
DRAIN_SECONDS = 10.0


def read_at_most(stream: object, limit: int) -> bytes:
    """Up to `limit` bytes of a stream, stopping early at its end."""
    parts: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = stream.read(min(READ_SIZE, remaining))  # type: ignore[attr-defined]
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def drain(stream: object, most: int, seconds: float = DRAIN_SECONDS) -> None:
    """Read and discard up to `most` bytes, stopping at the end of the body or the deadline."""
    deadline = time.monotonic() + seconds
    remaining = most
    try:
        while remaining > 0 and time.monotonic() < deadline:
            chunk = stream.read(min(READ_SIZE, remaining))  # type: ignore[attr-defined]
            if not chunk:
                return
            remaining -= len(chunk)
    except (OSError, ValueError):
        return  # the client went away or sent a malformed body: nothing left to spare it


class ChunkedBodyLimit:
    """WSGI middleware: a chunked request body becomes a counted one, or is flagged too large."""

    def __init__(self, app: Callable, limit: int) -> None:
        self.app = app
        self.limit = limit

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        encoding = environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if "chunked" in encoding and not environ.get("CONTENT_LENGTH"):
            stream = environ["wsgi.input"]
            body = read_at_most(stream, self.limit + 1)
            if len(body) > self.limit:
                environ[TOO_LARGE] = True
                drain(stream, DRAIN_BYTES)
                body = b""
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        return self.app(environ, start_response)


def init_limits(server: Flask, max_content_length: int) -> None:
    """Refuse bodies over `max_content_length` bytes; call before any other before_request
    hook is registered, so the size is checked before anything reads the body."""
    server.wsgi_app = ChunkedBodyLimit(server.wsgi_app, max_content_length)  # type: ignore[method-assign]
    limit_text = f"{max_content_length} bytes"
    if max_content_length % (1024 * 1024) == 0:
        limit_text = f"{max_content_length // (1024 * 1024)} MiB"

    @server.before_request
    def refuse_large_bodies() -> None:
        declared = request.content_length or 0
        if request.environ.get(TOO_LARGE) or declared > max_content_length:
            if max_content_length < declared <= DRAIN_BYTES:
                drain(request.environ["wsgi.input"], declared)
            abort(413, description=f"The request body is larger than the limit of {limit_text}.")
