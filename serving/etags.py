"""Entity tags on pages and API answers, and 304 Not Modified when the client has them.

Pages and API answers are sent with `Cache-Control: no-cache`: a browser or a script may keep
them but asks again each time. With an ETag (a hash of the body), asking again costs a 304
without a body when nothing changed. The tag is computed on the uncompressed body;
flask-compress then appends the encoding to it (`"<hash>:br"`), so each encoded form has its
own tag, and a client sending any form of the tag back gets its 304. A view may set its own
ETag (the bulk ZIP does, computed once); it is honoured the same way.
"""

from __future__ import annotations

import hashlib

from flask import Flask, Response, request

from serving.fingerprints import is_fingerprinted

# Encodings flask-compress appends to a strong tag ("<tag>:<encoding>").
ENCODING_SUFFIXES = (":br", ":gzip", ":deflate", ":zstd")


def body_etag(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


def _base_tag(tag: str) -> str:
    for suffix in ENCODING_SUFFIXES:
        if tag.endswith(suffix):
            return tag[: -len(suffix)]
    return tag


def init_etags(server: Flask) -> None:
    """Register the hook; call after the compression and header hooks are registered, so it
    runs before them (Flask runs after_request hooks last-registered first)."""

    @server.after_request
    def etag(response: Response) -> Response:
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.direct_passthrough  # streamed files carry their own validators
            or response.is_streamed
            or "no-store" in response.headers.get("Cache-Control", "")
            or is_fingerprinted(request)  # named by version and kept a year: never revalidated
        ):
            return response
        tag, weak = response.get_etag()
        if tag is None:
            tag, weak = body_etag(response.get_data()), False
            response.set_etag(tag)
        wanted = request.if_none_match
        if not wanted:
            return response
        if wanted.star_tag:
            matched: str | None = tag
        else:
            matched = next(
                (sent for sent in wanted.as_set(include_weak=True) if _base_tag(sent) == tag),
                None,
            )
        if matched is None:
            return response
        # The tag as the client has it, so the 304 names the same variant; make_conditional
        # then turns the response into a 304 without a body.
        response.set_etag(matched, weak=weak)
        return response.make_conditional(request)
