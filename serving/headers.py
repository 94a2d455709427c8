"""Security and caching headers, set on every response the app sends.

The Content-Security-Policy allows only this origin. Dash's own inline scripts (the renderer
start-up line and inline clientside callbacks) are allowed by their hashes, from
`app.csp_hashes()`, so no inline script of anyone else's can run. Styles need 'unsafe-inline':
plotly.js writes its chart styles into a <style> element it creates at run time, and Dash
components set style attributes; neither can carry a hash or nonce. Scripts never need
'unsafe-eval' for the chart types this app draws (SVG and geo; WebGL traces would).
"""

from __future__ import annotations

import threading
from functools import lru_cache

import dash
from flask import Flask, Response, request

from serving.fingerprints import is_fingerprinted

EMBED_PATH = "/embed"
IMMUTABLE = "public, max-age=31536000, immutable"

BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


@lru_cache(maxsize=8)
def content_security_policy(script_hashes: tuple[str, ...], frame_ancestors: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(("'self'", *script_hashes)),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "worker-src": "'self' blob:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def is_embed(path: str) -> bool:
    return path == EMBED_PATH or path.startswith(EMBED_PATH + "/")


class ScriptHashes:
    """Dash's inline-script hashes, recomputed only when Dash has added an inline script."""

    def __init__(self, app: dash.Dash) -> None:
        self.app = app
        self._lock = threading.Lock()
        self._hashes: tuple[str, ...] = ()
        self._seen = -1

    def current(self) -> tuple[str, ...]:
        pending = len(dash._callback.GLOBAL_INLINE_SCRIPTS)
        seen = len(self.app._inline_scripts) + pending
        if seen != self._seen or pending:
            with self._lock:
                self._hashes = tuple(self.app.csp_hashes())
                self._seen = len(self.app._inline_scripts)
        return self._hashes


def init_headers(app: dash.Dash, embed_frame_ancestors: tuple[str, ...]) -> None:
    server: Flask = app.server
    hashes = ScriptHashes(app)
    embed_ancestors = " ".join(("'self'", *embed_frame_ancestors))

    @server.after_request
    def security_headers(response: Response) -> Response:
        embed = is_embed(request.path)
        response.headers["Content-Security-Policy"] = content_security_policy(
            hashes.current(), embed_ancestors if embed else "'none'"
        )
        if not embed:
            response.headers["X-Frame-Options"] = "DENY"
        for name, value in BASE_HEADERS.items():
            response.headers[name] = value
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        _cache_control(response)
        return response


def _cache_control(response: Response) -> None:
    ok = 200 <= response.status_code < 300 or response.status_code == 304
    reading = request.method in ("GET", "HEAD")
    if ok and reading and is_fingerprinted(request):
        response.headers["Cache-Control"] = IMMUTABLE
    elif not ok:
        response.headers["Cache-Control"] = "no-store"
    elif "Cache-Control" not in response.headers:
        # Pages, unversioned assets and API answers revalidate every time (ETags make that
        # cheap); callback answers are never stored. A view that chose its own policy keeps it.
        response.headers["Cache-Control"] = "no-cache" if reading else "no-store"
