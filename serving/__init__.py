"""Production serving: one `configure(app)` call applies compression, the shared cache,
security and caching headers, request limits and error handling to the whole Flask server,
so `python app.py` and `gunicorn app:server` serve the same app."""

from __future__ import annotations

import dash

from serving.cache import cache_status, init_cache, memoize
from serving.compression import init_compression
from serving.errors import init_errors
from serving.headers import init_headers
from serving.settings import Settings

__all__ = ["cache_status", "configure", "memoize"]


def configure(app: dash.Dash, settings: Settings | None = None) -> None:
    """Apply every serving concern to `app.server`; call once, in the application factory."""
    settings = settings or Settings.from_env()
    server = app.server
    server.debug = settings.debug
    init_errors(app, settings.max_content_length, settings.max_form_memory_size)
    init_cache(server, settings)
    # Flask runs after_request hooks last-registered first: headers are set, then the body
    # is compressed.
    init_compression(server)
    init_headers(app, settings.embed_frame_ancestors)

