"""The frame around every page: skip link, header with navigation, content area, footer."""

from __future__ import annotations

from dash import dcc, html

from text import common as t

# (navigation id, label, href); the country entry leads to the pilot profiles.
NAV_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("compare", t.NAV_COMPARE, "/compare"),
    ("country", t.NAV_COUNTRIES, "/country"),
    ("diaspora", t.NAV_DIASPORA, "/diaspora"),
    ("labour", t.NAV_LABOUR, "/labour"),
    ("data", t.NAV_DATA, "/data"),
    ("present", t.NAV_PRESENT, "/present"),
)


def nav_links(current: str | None) -> list[html.Li]:
    """Navigation entries; the current page is marked for sight and for screen readers."""
    items = []
    for nav_id, label, href in NAV_ITEMS:
        is_current = nav_id == current
        items.append(html.Li(
            dcc.Link(
                [label, html.Span(t.CURRENT_PAGE, className="visually-hidden")] if is_current
                else label,
                href=href, id=f"nav-{nav_id}",
                className="nav-link active" if is_current else "nav-link",
            ),
            className="nav-item",
        ))
    return items


def layout() -> html.Div:
    return html.Div(
        [
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="deck-store", storage_type="local"),  # the slide deck being built
            html.A(t.SKIP_TO_CONTENT, href="#main", className="skip-link"),
            html.Header(
                html.Div(
                    [
                        dcc.Link(
                            [html.Span(t.SITE_TITLE, className="brand-title"),
                             html.Span(t.SITE_TAGLINE, className="brand-tagline")],
                            href="/compare", className="brand",
                        ),
                        html.Nav(
                            html.Ul(nav_links(None), id="nav-list", className="nav"),
                            **{"aria-label": t.NAV_LABEL},
                        ),
                    ],
                    className="container-xl header-inner",
                ),
                className="site-header",
            ),
            html.Main(
                dcc.Loading(html.Div(id="page"), type="dot", delay_show=400,
                            parent_className="page-loading"),
                id="main", className="container-xl", tabIndex="-1",
            ),
            html.Footer(html.Div(t.FOOTER, className="container-xl"), className="site-footer"),
        ],
        id="app-shell", className="app-shell",
    )
