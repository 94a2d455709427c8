"""The frame around every page: skip link, header with navigation, content area, footer.

The first render carries the page itself, drawn for the address the browser opened: Dash asks
for the layout from that page, so the request's Referer names it (only its path and query are
read). Later navigation is drawn by the router (callbacks/router.py); if the first render was
drawn for another address (no Referer), the router notices and draws the right page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from dash import dcc, html
from flask import has_request_context, request

from ids import Shell
from layouts import page_content
from layouts.links import localize
from pages import NAV, PageRequest, page_title, read_request
from state.compare import snapshot_vocabulary
from text import common as t
from text.i18n import LANGUAGES, localized, split_locale, using


def nav_links(current: str | None) -> list[html.Li]:
    """Navigation entries; the current page is marked for sight and for screen readers."""
    items = []
    for entry in NAV:
        is_current = entry.id == current
        items.append(html.Li(
            dcc.Link(
                [entry.label, html.Span(t.CURRENT_PAGE, className="visually-hidden")]
                if is_current else entry.label,
                href=entry.href, id=f"nav-{entry.id}",
                className="nav-link active" if is_current else "nav-link",
            ),
            className="nav-item",
        ))
    return items


def shell_class(request: PageRequest) -> str:
    return "app-shell" if request.page.chrome else "app-shell app-shell-bare"


def opened_address() -> tuple[str, str]:
    """The path and query string of the page that asked for the layout."""
    if not has_request_context() or not request.referrer:
        return "/", ""
    parts = urlsplit(request.referrer)
    return parts.path or "/", f"?{parts.query}" if parts.query else ""


def rendered(path: str, search: str, request: PageRequest) -> dict[str, str]:
    """What the content area was drawn for (the router compares it with the address), and the
    page's title (the browser names the tab with it after in-app navigation)."""
    return {"path": path, "search": search, "title": page_title(request)}


def language_switch(page: PageRequest, path: str, search: str) -> html.Nav:
    """The page in each language; the browser points the links at the view shown when one is
    followed (assets/js/navigation.js)."""
    bare = split_locale(path)[1]
    links = [
        html.A(name, href=localized(bare if bare != "/" else "/compare", code) + search,
               lang=code, hrefLang=code, className="language-link", **{"data-lang": code},
               **({"aria-current": "true"} if code == page.locale else {}))
        for code, name in LANGUAGES.items()
    ]
    return html.Nav(links, className="language-switch", **{"aria-label": t.LANGUAGE_LABEL})


def layout() -> html.Div:
    path, search = opened_address()
    locale = split_locale(path)[0]
    with using(locale):
        page = read_request(path, search, snapshot_vocabulary())
        return localize(frame(page, path, search))


def frame(page: PageRequest, path: str, search: str) -> html.Div:
    return html.Div(
        [
            dcc.Location(id=Shell.URL, refresh=False),
            dcc.Store(id=Shell.RENDERED, data=rendered(path, search, page)),
            dcc.Store(id=Shell.ROUTE),
            dcc.Store(id=Shell.DECK_STORE, storage_type="local"),  # the deck being built
            dcc.Store(id=Shell.LANG, data=page.locale),  # the page's language, for callbacks
            html.A(t.SKIP_TO_CONTENT, href="#main", className="skip-link"),
            # Says which page in-app navigation opened (assets/js/navigation.js).
            html.Div(id=Shell.ANNOUNCE, role="status", className="visually-hidden"),
            html.Header(
                html.Div(
                    [
                        dcc.Link(
                            [html.Span(t.SITE_TITLE, className="brand-title"),
                             html.Span(t.SITE_TAGLINE, className="brand-tagline")],
                            href="/compare", className="brand",
                        ),
                        html.Nav(
                            html.Ul(nav_links(page.page.nav), id=Shell.NAV, className="nav"),
                            **{"aria-label": t.NAV_LABEL},
                        ),
                        language_switch(page, path, search),
                    ],
                    className="container-xl header-inner",
                ),
                className="site-header",
            ),
            html.Main(
                # The spinner is for a page being drawn, not for every chart update inside it.
                dcc.Loading(html.Div(page_content(page), id=Shell.PAGE), type="dot",
                            delay_show=400, parent_className="page-loading",
                            target_components={Shell.PAGE: "children"}),
                id=Shell.MAIN, className="container-xl", tabIndex="-1",
            ),
            html.Footer(html.Div(t.FOOTER, className="container-xl"), className="site-footer"),
        ],
        id=Shell.ROOT, className=shell_class(page),
    )
