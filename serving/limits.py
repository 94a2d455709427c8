"""Request bodies: at most MAX_CONTENT_LENGTH bytes (413 past it), on every route, whether the
client declares the length (Content-Length) or streams the body in chunks; and, under the gevent
workers of the deployment, sent within REQUEST_BODY_TIMEOUT seconds (408 past it).

Werkzeug checks a declared length only when a view reads the body, and silently cuts a
chunked body at the limit (the view then sees a truncated body). Here a body that fits is read
whole before the app sees it and handed on with its length; a declared length over the limit is
refused before any view runs, and a chunked body is read up to one byte past the limit.

A refused body is read and thrown away first, up to DRAIN_BYTES or DRAIN_SECONDS: a server
that answers and closes while the client is still sending makes the client's system reset
the connection, and most clients then report "connection reset" instead of the 413. Bodies
declared larger than DRAIN_BYTES are refused at once (their sender may see that reset).

The deadline needs gevent (gunicorn.conf.py's default worker): there, a client trickling its
body holds a greenlet for REQUEST_BODY_TIMEOUT seconds at most. The threaded worker and the
development server have no such deadline.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from flask import Flask, abort, request

TOO_LARGE = "serving.body_too_large"
TOO_SLOW = "serving.body_too_slow"
READ_SIZE = 64 * 1024
DRAIN_BYTES = 8 * 1024 * 1024
DRAIN_SECONDS = 10.0


class BodyTimeout(Exception):
    """The client did not send its body in time."""


def _gevent_active() -> bool:
    try:
        from gevent import monkey
    except ImportError:
        return False
    return bool(monkey.is_module_patched("socket"))


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise BodyTimeout in the block after `seconds` (under gevent; elsewhere no limit)."""
    if seconds <= 0 or not _gevent_active():
        yield
        return
    import gevent

    with gevent.Timeout(seconds, BodyTimeout):
        yield


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
    stop_at = time.monotonic() + seconds
    remaining = most
    try:
        with deadline(seconds):
            while remaining > 0 and time.monotonic() < stop_at:
                chunk = stream.read(min(READ_SIZE, remaining))  # type: ignore[attr-defined]
                if not chunk:
                    return
                remaining -= len(chunk)
    except (OSError, ValueError, BodyTimeout):
        return  # the client went away, stalled or sent a malformed body: nothing to spare it


def _declared_length(environ: dict) -> int | None:
    raw = environ.get("CONTENT_LENGTH", "")
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


class BodyReader:
    """WSGI middleware: a body within the limit is read whole, within the deadline, and handed
    on as a counted body; one over the limit or too slow is flagged for the app to refuse."""

    def __init__(self, app: Callable, limit: int, seconds: float) -> None:
        self.app = app
        self.limit = limit
        self.seconds = seconds

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        declared = _declared_length(environ)
        if not chunked and (declared is None or declared == 0 or declared > self.limit):
            return self.app(environ, start_response)  # no body, or one refused before reading
        stream = environ["wsgi.input"]
        try:
            with deadline(self.seconds):
                body = read_at_most(stream, self.limit + 1 if chunked else declared or 0)
        except BodyTimeout:
            environ[TOO_SLOW] = True
            body = b""
        except (OSError, ValueError):
            body = b""  # the client went away or sent malformed chunks: nothing to answer
        if len(body) > self.limit:
            environ[TOO_LARGE] = True
            drain(stream, DRAIN_BYTES)
            body = b""
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        return self.app(environ, start_response)


def init_limits(server: Flask, max_content_length: int, body_seconds: float) -> None:
    """Refuse bodies over `max_content_length` bytes or slower than `body_seconds`; call before
    any other before_request hook is registered, so nothing reads a body before this check."""
    server.wsgi_app = BodyReader(  # type: ignore[method-assign]
        server.wsgi_app, max_content_length, body_seconds
    )
    limit_text = f"{max_content_length} bytes"
    if max_content_length % (1024 * 1024) == 0:
        limit_text = f"{max_content_length // (1024 * 1024)} MiB"

    @server.before_request
    def refuse_large_or_slow_bodies() -> None:
        declared = request.content_length or 0
        if request.environ.get(TOO_LARGE) or declared > max_content_length:
            if max_content_length < declared <= DRAIN_BYTES:
                drain(request.environ["wsgi.input"], declared)
            abort(413, description=f"The request body is larger than the limit of {limit_text}.")
        if request.environ.get(TOO_SLOW):
            abort(408, description=f"The request body was not sent within {body_seconds:g} s.")
