"""The app's own scripts and styles in one request each, and its large static files sent
compressed as well as they compress.

- `assets/js/*.js` and the CSS (Bootstrap, then `assets/styles/*.css`) are joined into one
  script and one stylesheet at start, named by a hash of their content (cached for a year),
  compressed once with Brotli (best quality) and gzip: 2 requests instead of 12.
- A static file with a `.br` beside it (the plotly.js bundle and the map shapes, written by
  `scripts/precompress_assets.py`) is sent as that file to a browser that accepts Brotli: the
  best quality takes seconds per megabyte, too slow to do while serving.
Other responses are compressed per request by serving/compression.py.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

import brotli
from flask import Flask, Response, request

from serving.headers import IMMUTABLE

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
BUNDLE_PATH = "/_bundle/"
# Order matters: Bootstrap first, the app's rules after it; print rules last.
STYLES = ("bootstrap/bootstrap.min.css", "styles/app.css", "styles/downloads.css",
          "styles/profile.css", "styles/present.css", "styles/userdata.css",
          "styles/print.css")
SCRIPTS_DIR = "js"
# Dash must not add these folders' files one by one: they reach the page in the bundles, or
# (vendor/: PptxGenJS) only on the pages that load them.
DASH_ASSETS_PATH_IGNORE = ["^js$", "^styles$", "^bootstrap$", "^vendor$"]
PRECOMPRESSED = (".br",)


@dataclass(frozen=True)
class Encoded:
    """One file's body as sent: plain, Brotli and gzip, with its type and ETag."""

    plain: bytes
    br: bytes
    gzip: bytes
    mimetype: str

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.plain).hexdigest()[:16]

    def response(self, immutable: bool) -> Response:
        accepted = request.accept_encodings
        body, encoding = self.plain, None
        if accepted["br"] and self.br:
            body, encoding = self.br, "br"
        elif accepted["gzip"] and self.gzip:
            body, encoding = self.gzip, "gzip"
        response = Response(body, mimetype=self.mimetype)
        if encoding:
            response.headers["Content-Encoding"] = encoding
        response.headers["Vary"] = "Accept-Encoding"
        # A name that changes with the content may be kept for a year; any other is
        # revalidated (its ETag makes that a 304).
        response.headers["Cache-Control"] = IMMUTABLE if immutable else "no-cache"
        response.set_etag(self.etag)
        return response


def encoded(plain: bytes, mimetype: str, br: bytes | None = None) -> Encoded:
    return Encoded(plain, br if br is not None else brotli.compress(plain, quality=11),
                   gzip.compress(plain, 9, mtime=0), mimetype)


def joined(paths: list[Path]) -> bytes:
    """Files one after the other, each introduced by its name (to find a rule in the bundle)."""
    return b"\n".join(f"/* {path.relative_to(ASSETS)} */\n".encode() + path.read_bytes()
                      for path in paths)


@dataclass(frozen=True)
class Bundles:
    script_url: str
    style_url: str
    files: dict[str, Encoded]


def build_bundles(assets: Path = ASSETS) -> Bundles:
    scripts = joined(sorted((assets / SCRIPTS_DIR).glob("*.js")))
    styles = joined([assets / name for name in STYLES])
    files = {}
    urls = []
    for body, suffix, mimetype in ((scripts, "js", "text/javascript"),
                                   (styles, "css", "text/css")):
        url = f"{BUNDLE_PATH}app.{hashlib.sha256(body).hexdigest()[:12]}.{suffix}"
        files[url] = encoded(body, mimetype)
        urls.append(url)
    return Bundles(urls[0], urls[1], files)


def precompressed_assets(assets: Path = ASSETS) -> dict[str, Encoded]:
    """Static files with a committed .br beside them, by URL path; a .br that does not match
    its file (the file changed, the .br was not rebuilt) stops the start."""
    found = {}
    for packed in sorted(assets.rglob("*.br")):
        original = packed.with_suffix("")
        plain = original.read_bytes()
        br = packed.read_bytes()
        if brotli.decompress(br) != plain:
            raise SystemExit(f"Cannot start: {packed} is not {original.name} compressed; "
                             "run scripts/precompress_assets.py")
        mimetype = "application/json" if original.suffix == ".json" else "text/javascript"
        found[f"/assets/{original.relative_to(assets).as_posix()}"] = encoded(
            plain, mimetype, br=br)
    return found


def init_static(server: Flask, bundles: Bundles) -> None:
    files = {**bundles.files, **precompressed_assets()}

    @server.before_request
    def send_compressed() -> Response | None:
        found = files.get(request.path)
        if found is None or request.method not in ("GET", "HEAD"):
            return None
        immutable = request.path.startswith(BUNDLE_PATH) or "m" in request.args
        return found.response(immutable).make_conditional(request)
