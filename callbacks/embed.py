"""The embed code offered under the comparison view's charts: an <iframe> of /embed showing
the same view."""

from __future__ import annotations

from html import escape

from dash import MATCH, Dash, Input, Output, State
from dash.exceptions import PreventUpdate

import charts
from boundary import callback
from boundary.inputs import clicks, text
from ids import ChartTool, PageId
from pages import PAGES
from pages.views import DeckError, parse_view
from serving import absolute_url
from state.compare import snapshot_vocabulary
from text import downloads as t

FRAME_HEIGHT = 560


def embed_code(n_clicks: int | None, view_url: str | None) -> tuple:
    """The iframe snippet for the chart's view, shown (or hidden again) on click."""
    if not n_clicks or not view_url:
        raise PreventUpdate
    try:
        view = parse_view(view_url, snapshot_vocabulary())
    except DeckError:
        raise PreventUpdate from None
    if view.page != PageId.COMPARE:
        raise PreventUpdate
    path = PAGES[PageId.EMBED].to_url(view.state)  # type: ignore[misc]
    src = absolute_url(path)
    name = charts.chart(view.chart).title(view.state)
    title = escape(t.EMBED_FRAME_TITLE.format(title=name))
    snippet = (f'<iframe src="{escape(src)}" title="{title}" width="100%" '
               f'height="{FRAME_HEIGHT}" style="border:0" loading="lazy"></iframe>')
    shown = n_clicks % 2 == 1
    return snippet, not shown, "true" if shown else "false"


def register(app: Dash) -> None:
    callback(
        app,
        Output({"type": ChartTool.EMBED_CODE, "chart": MATCH}, "children"),
        Output({"type": ChartTool.EMBED_BOX, "chart": MATCH}, "hidden"),
        Output({"type": ChartTool.EMBED, "chart": MATCH}, "aria-expanded"),
        Input({"type": ChartTool.EMBED, "chart": MATCH}, "n_clicks"),
        State({"type": ChartTool.VIEW, "chart": MATCH}, "data"),
        inputs=(clicks, text(1000)),
        prevent_initial_call=True,
    )(embed_code)


