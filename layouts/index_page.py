"""The HTML page every address starts from: Dash's scripts and the React entry point, with the
language and the page's own title written in for the address asked for (so the tab, screen
readers and bookmarks name the page before any script runs)."""

from __future__ import annotations

from html import escape

from flask import has_request_context, request

from pages import page_title, read_request
from state.compare import snapshot_vocabulary

LANGUAGE = "en"

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {metas}
        <title>{title}</title>
        {favicon}
        {css}
    </head>
    <body>
        {app_entry}
        <div class="dash-config">
            {config}
            {scripts}
            {renderer}
        </div>
    </body>
</html>"""


def index_html(**parts: str) -> str:
    """Dash's `interpolate_index`: `parts` are Dash's pieces (metas, css, scripts, ...)."""
    title = parts.get("title", "")
    if has_request_context():
        asked = read_request(request.path, request.query_string.decode("latin-1"),
                             snapshot_vocabulary())
        title = page_title(asked)
    return TEMPLATE.format(lang=LANGUAGE, title=escape(title), **{
        key: parts.get(key, "") for key in ("metas", "favicon", "css", "app_entry", "config",
                                            "scripts", "renderer")})
