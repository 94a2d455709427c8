"""The HTML page every address starts from: Dash's scripts and the React entry point, with the
language and the page's own title written in for the address asked for (so the tab, screen
readers and bookmarks name the page before any script runs)."""

from __future__ import annotations

import json
import re
from html import escape

from flask import Response, has_request_context, redirect, request

from layouts import GRID_VIEWS, draws_grid
from pages import page_title, read_request
from state.compare import snapshot_vocabulary
from text.i18n import DEFAULT, LANGUAGES, localized, negotiate, using

GRID_SCRIPT = re.compile(r'<script src="([^"]*/dash_ag_grid/[^"]*)"></script>\n?')

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
    scripts = parts.get("scripts", "")
    grid = GRID_SCRIPT.search(scripts)
    metas = parts.get("metas", "")
    lang = DEFAULT
    if has_request_context():
        asked = read_request(request.path, request.query_string.decode("latin-1"),
                             snapshot_vocabulary())
        lang = asked.locale
        with using(lang):
            title = page_title(asked)
        if grid and not draws_grid(asked.page.paths[0] if asked.page.paths else request.path,
                                   asked.params):
            # The grid's code (a third of the page's weight) waits until a grid is drawn.
            scripts = GRID_SCRIPT.sub("", scripts)
    if grid:
        views = [{"path": localized(path, code).rstrip("/") or "/",
                  **({"param": p[0], "value": p[1]} if p else {})}
                 for path, p in GRID_VIEWS for code in LANGUAGES]
        metas += (f'\n<meta name="grid-script" content="{escape(grid.group(1))}">'
                  f"\n<meta name=\"grid-views\" content='{escape(json.dumps(views))}'>")
    return TEMPLATE.format(lang=lang, title=escape(title), metas=metas, scripts=scripts,
                           **{key: parts.get(key, "") for key in (
                               "favicon", "css", "app_entry", "config", "renderer")})


def choose_language() -> Response | None:
    """A browser opening "/" is sent to the app in its preferred language (Accept-Language);
    every other address keeps the language it names."""
    if request.path != "/" or request.method != "GET":
        return None
    locale = negotiate(request.accept_languages.best_match)
    if locale == DEFAULT:
        return None
    query = request.query_string.decode("latin-1")
    response = redirect(localized("/", locale) + (f"?{query}" if query else ""), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response
