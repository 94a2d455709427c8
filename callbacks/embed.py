"""The embedded view's chart, and the embed code offered under embeddable charts.

The figure is the comparison view's own (callbacks/compare.py builds it), so an embed shows
exactly what /compare shows for the same parameters.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from dash import MATCH, Dash, Input, Output, State
from dash.exceptions import PreventUpdate

import query
from callbacks import compare
from callbacks.router import query_params
from layouts.embed import embed_path
from state.compare import parse, snapshot_vocabulary
from text import downloads as t

FRAME_HEIGHT = 560


def embed_figure(store: dict | None) -> tuple:
    if not store:
        raise PreventUpdate
    if store.get("map"):
        figure, caption = compare.build_map(store["map"])
        return figure, caption
    return compare.build_series_views(store["series"], store.get("scale"))[0], ""


def embed_code(clicks: int | None, href: str | None) -> tuple:
    """The iframe snippet for the page's current view, shown (or hidden again) on click."""
    if not clicks:
        raise PreventUpdate
    parts = urlsplit(href or "")
    state, _ = parse(query_params(parts.query), snapshot_vocabulary())
    name = query.indicator_meta(state.indicator).get("short_name") or state.indicator
    src = f"{parts.scheme}://{parts.netloc}{embed_path(state)}"
    title = escape(t.EMBED_FRAME_TITLE.format(title=name))
    snippet = (f'<iframe src="{escape(src)}" title="{title}" width="100%" '
               f'height="{FRAME_HEIGHT}" style="border:0" loading="lazy"></iframe>')
    shown = clicks % 2 == 1
    return snippet, not shown, "true" if shown else "false"


def register(app: Dash) -> None:
    app.callback(
        Output("embed-chart", "figure"),
        Output("embed-caption", "children"),
        Input("embed-query", "data"),
    )(embed_figure)
    app.callback(
        Output({"type": "chart-embed-code", "chart": MATCH}, "children"),
        Output({"type": "chart-embed-box", "chart": MATCH}, "hidden"),
        Output({"type": "chart-embed", "chart": MATCH}, "aria-expanded"),
        Input({"type": "chart-embed", "chart": MATCH}, "n_clicks"),
        State("url", "href"),
        prevent_initial_call=True,
    )(embed_code)
