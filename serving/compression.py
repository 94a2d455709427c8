"""Brotli and gzip compression of every compressible response.

Pages, callback and API JSON, CSS and the JS bundles Dash serves from
/_dash-component-suites/ are all compressed. A fingerprinted bundle never changes, so its
compressed body is kept per process: plotly.min.js (about 4.8 MB) is compressed once per
worker, not once per visitor.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Flask, Response, request
from flask_compress import Compress

from serving.fingerprints import fingerprinted_bundle

ALGORITHMS = ["br", "gzip"]
BUNDLE_CACHE_ENTRIES = 64


class _BoundedCache:
    """A small thread-safe LRU of compressed bodies (flask-compress's cache protocol)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


def init_compression(server: Flask) -> None:
    server.config.update(
        COMPRESS_ALGORITHM=ALGORITHMS,
        # Static files from assets/ are streamed; gzip streams as well as Brotli does.
        COMPRESS_ALGORITHM_STREAMING=ALGORITHMS,
        COMPRESS_REGISTER=False,
    )
    per_response = Compress()
    per_response.init_app(server)
    # Data downloads and map shapes are text too.
    per_response.compress_mimetypes_set |= {"text/csv", "application/geo+json"}

    bundles = Compress()
    bundles.init_app(server)
    bundles.compress_mimetypes_set = per_response.compress_mimetypes_set
    bundles.cache = _BoundedCache(BUNDLE_CACHE_ENTRIES)
    # One key per file, whatever the fingerprint, so a client inventing fingerprints cannot
    # fill the cache.
    bundles.cache_key = lambda req: fingerprinted_bundle(req.path) or req.path

    @server.after_request
    def compress(response: Response) -> Response:
        if response.status_code == 200 and fingerprinted_bundle(request.path):
            return bundles.after_request(response)
        return per_response.after_request(response)
