"""A 'coming soon' block for pages still being built."""

from __future__ import annotations

from dash import dcc, html

from text import common as t


def coming_soon(title: str, *extra: object) -> html.Div:
    return html.Div(
        [
            html.H1(t.COMING_SOON_TITLE.format(page=title)),
            *extra,
            html.P(t.COMING_SOON_BODY),
            dcc.Link(t.COMING_SOON_LINK, href="/compare", className="btn btn-primary"),
        ],
        className="page page-coming-soon",
    )
