"""Migration & Development Indicators: the Dash application factory.

`python app.py` serves on 127.0.0.1:$PORT (default 8050); gunicorn uses `app:server`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from dash import Dash

import api
import callbacks
import serving
from exports import snapshot_zip
from layouts import compare as compare_layout
from layouts import page_content, shell
from layouts.index_page import choose_language, index_html
from pages import read_request
from query import SnapshotError, get_snapshot, local
from serving.static import DASH_ASSETS_PATH_IGNORE, build_bundles
from state.compare import default_state, snapshot_vocabulary, to_url
from text import common as t
from text.names import NAMER

ROOT = Path(__file__).resolve().parent


def load_snapshot_or_exit() -> None:
    """Stop with one line naming the bad file, not a traceback, when the snapshot is unusable."""
    try:
        get_snapshot()
    except SnapshotError as exc:
        print(f"Cannot start: the data snapshot is unusable: {exc}", file=sys.stderr)
        raise SystemExit(1) from None


def create_app() -> Dash:
    load_snapshot_or_exit()  # loaded once, before gunicorn forks its workers
    local.install(NAMER)  # names in the reader's language on every page
    bundles = build_bundles()  # the app's scripts and styles, one file each
    app = Dash(
        __name__,
        title=t.SITE_TITLE,
        update_title=None,
        assets_folder=str(ROOT / "assets"),
        serve_locally=True,  # every script and stylesheet comes from this app, never a CDN
        assets_path_ignore=DASH_ASSETS_PATH_IGNORE,
        external_scripts=[bundles.script_url],
        external_stylesheets=[bundles.style_url],
        suppress_callback_exceptions=True,  # page components exist only while their page shows
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    # Never ask Plotly's version server anything, even when debugging.
    app.enable_dev_tools(debug=False, dev_tools_disable_version_check=True)
    app.interpolate_index = index_html  # the page's title and language in the first HTML
    app.server.before_request(choose_language)
    app.layout = shell.layout
    callbacks.register_all(app)

    serving.configure(app, bundles=bundles)  # caching, compression, headers, limits, errors
    api.register(app.server)  # HTTP API and downloads
    return app


# The views people open first: drawn once by gunicorn's master before it forks its workers
# (gunicorn.conf.py), so every worker starts with their figures in its cache.
WARM_VIEWS = ("/compare", "/country/MDA", "/country/BGD", "/country/JAM", "/country/MLI",
              "/diaspora", "/labour", "/present")


def warm_up(dash_app: Dash, views: tuple[str, ...] = WARM_VIEWS) -> None:
    """Draw `views` into the cache, with the comparison's chart for each indicator chosen
    from its menu (the first change most people make: drawn on its first request, each worker
    would spend about 60 ms on it), and build the whole-snapshot ZIP (a few seconds of work
    every worker would otherwise repeat on its first download)."""
    snapshot_zip()
    vocab = snapshot_vocabulary()
    for view in views:
        path, _, query = view.partition("?")
        with dash_app.server.test_request_context(view):
            page_content(read_request(path, query, vocab))
    first = default_state(vocab)
    with dash_app.server.test_request_context(to_url(first)):
        for indicator in sorted(vocab.transforms):
            compare_layout.panel_values("chart", replace(first, indicator=indicator))


app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(os.environ.get("PORT", "8050")),
        debug=os.environ.get("DASH_DEBUG") == "1",
        dev_tools_disable_version_check=True,
    )
