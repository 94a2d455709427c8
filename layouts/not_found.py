"""The friendly 404 page."""

from __future__ import annotations

from dash import dcc, html

from pages import PageRequest
from text import common as t


def layout(request: PageRequest) -> html.Div:
    return html.Div(
        [
            html.H1(t.NOT_FOUND_TITLE),
            html.P(t.NOT_FOUND_BODY.format(path=request.params.get("path", "")[:200]),
                   className="lead"),
            dcc.Link(t.NOT_FOUND_BACK, href="/compare", className="btn btn-primary"),
        ],
        className="page page-not-found",
    )
