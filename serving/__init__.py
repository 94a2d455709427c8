"""Production serving: one `configure(app)` call applies compression, the shared cache,
security and caching headers, request limits and error handling to the whole Flask server,
so `python app.py` and `gunicorn app:server` serve the same app."""

from __future__ import annotations

import dash

from serving.cache import cache_status, init_cache, memoize
from serving.compression import init_compression
from serving.deadline import init_deadline
from serving.errors import init_errors
from serving.etags import init_etags
from serving.headers import init_headers
from serving.limits import init_limits
from serving.settings import Settings
from serving.static import Bundles, build_bundles, init_static
from serving.urls import absolute_url, init_urls

__all__ = ["absolute_url", "cache_status", "configure", "memoize"]


def configure(app: dash.Dash, settings: Settings | None = None,
              bundles: Bundles | None = None) -> None:
    """Apply every serving concern to `app.server`; call once, in the application factory."""
    if settings is None:
        try:
            settings = Settings.from_env()
        except ValueError as error:  # a bad setting stops the start with one line, no traceback
            raise SystemExit(f"Cannot start: {error}") from None
    server = app.server
    server.debug = settings.debug
    init_urls(server, settings)
    init_static(server, bundles or build_bundles())
    # Body size first: no other hook may read a body over the limit.
    init_limits(server, settings.max_content_length, settings.request_body_timeout)
    init_errors(app, settings.max_content_length, settings.max_form_memory_size)
    init_cache(server, settings)
    init_deadline(server, settings.request_deadline)
    # Flask runs after_request hooks last-registered first: the ETag is computed (or a 304
    # made), headers are set, then the body is compressed.
    init_compression(server)
    init_headers(app, settings.embed_frame_ancestors)
    init_etags(server)

