"""The friendly 404 page."""

from __future__ import annotations

from dash import dcc, html

from text import common as t


def layout(path: str = "", **_params: str) -> html.Div:
    return html.Div(
        [
            html.H1(t.NOT_FOUND_TITLE),
            html.P(t.NOT_FOUND_BODY.format(path=path), className="lead"),
            dcc.Link(t.NOT_FOUND_BACK, href="/compare", className="btn btn-primary"),
        ],
        className="page page-not-found",
    )
