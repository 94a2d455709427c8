"""The page registry: every page of the app, declared once.

A page has a path pattern ("/country/<iso3>": <name> matches one segment), the navigation
entry it marks as current, its browser-tab title, and, when its view lives in the address bar,
the parser and writer of that view (state/). The router, the header, the 404 page, the deck
parser (pages/views.py) and the page titles all read this table; the charts a page shows are
the charts of the chart registry whose `page` is this page.

To add a page: add its id to ids.PageId, one `Page` entry below, its layout function in
layouts/ (registered in layouts.LAYOUTS) and, if it has controls, its callbacks module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from ids import PageId
from state import compare, country, diaspora, labour
from state.compare import Notice, Vocabulary
from state.paths import match_path
from text import common as t
from text.i18n import DEFAULT, split_locale

Parse = Callable[[Mapping[str, str], Vocabulary], tuple[Any, list[Notice]]]


@dataclass(frozen=True)
class Page:
    """`paths`: the page's path patterns, the first one canonical; `nav`: the navigation entry
    marked current on it; `title`: its browser-tab title; `parse` / `to_url`: its view in the
    address bar (None for pages without one); `chrome`: drawn with the site header and
    footer."""

    id: PageId
    paths: tuple[str, ...]
    nav: str | None
    title_key: str  # the page's key in text.common.PAGE_TITLES
    parse: Parse | None = None
    to_url: Callable[[Any], str] | None = None
    chrome: bool = True

    @property
    def title(self) -> str:
        """The browser-tab title, in the request's language."""
        return t.PAGE_TITLES[self.title_key]


@dataclass(frozen=True)
class NavEntry:
    id: str
    label_key: str  # its name in text.common
    href: str

    @property
    def label(self) -> str:
        return getattr(t, self.label_key)


NAV: tuple[NavEntry, ...] = (
    NavEntry("compare", "NAV_COMPARE", "/compare"),
    NavEntry("country", "NAV_COUNTRIES", "/country"),
    NavEntry("diaspora", "NAV_DIASPORA", "/diaspora"),
    NavEntry("labour", "NAV_LABOUR", "/labour"),
    NavEntry("data", "NAV_DATA", "/data"),
    NavEntry("present", "NAV_PRESENT", "/present"),
)

PAGES: dict[PageId, Page] = {page.id: page for page in (
    Page(PageId.COMPARE, ("/compare", "/"), "compare", "compare",
         compare.parse, compare.to_url),
    Page(PageId.COUNTRY_INDEX, ("/country",), "country", "country-index"),
    Page(PageId.PROFILE, ("/country/<iso3>",), "country", "profile",
         country.parse, country.to_url),
    Page(PageId.BRIEF, ("/country/<iso3>/brief",), "country", "brief",
         country.parse, country.brief_url),
    Page(PageId.DIASPORA, ("/diaspora",), "diaspora", "diaspora",
         diaspora.parse, diaspora.to_url),
    Page(PageId.LABOUR, ("/labour",), "labour", "labour",
         labour.parse, labour.to_url),
    Page(PageId.DATA, ("/data",), "data", "data"),
    Page(PageId.PRESENT, ("/present",), "present", "present", chrome=False),
    Page(PageId.DECK, ("/deck",), "present", "deck"),
    Page(PageId.EMBED, ("/embed",), "compare", "embed", compare.parse,
         lambda state: "/embed" + compare.to_query(state), chrome=False),
    Page(PageId.NOT_FOUND, (), None, "not-found"),
)}


def clean_path(path: str | None) -> str:
    return (path or "/").rstrip("/") or "/"


def resolve(path: str | None) -> tuple[Page, dict[str, str]]:
    """The page at a URL path (in any language: "/fr/compare" is the comparison view) and the
    named parts of its path (the 404 page if none)."""
    path = clean_path(split_locale(path)[1])
    for page in PAGES.values():
        for pattern in page.paths:
            params = match_path(pattern, path)
            if params is not None:
                return page, params
    return PAGES[PageId.NOT_FOUND], {"path": path}


@dataclass(frozen=True)
class PageRequest:
    """A URL read for its page: the page, the query and path parameters, and, for a page whose
    view lives in the address bar, its state and the notices naming what was dropped."""

    page: Page
    params: dict[str, str]
    state: Any = None
    notices: tuple[Notice, ...] = ()
    search: str = ""  # the query string as asked for
    locale: str = DEFAULT  # the language the address asks for (its prefix)

    def history(self, canonical: str) -> dict[str, str]:
        """The first entry of the page's history store: the canonical query to write into
        the address bar (replacing what was asked for), and what was asked for, which the
        address bar reports once while it loads (assets/js/history.js)."""
        return {"search": canonical, "mode": "replace", "drawn_for": self.search}


MAX_QUERY = 8192  # characters of a query string read; a longer one is cut (and noticed)


def read_request(path: str | None, search: str | None, vocab: Vocabulary) -> PageRequest:
    """The page for `path` with the parameters of `search` ('?a=1&b=2'); a repeated key keeps
    its last value."""
    page, path_params = resolve(path)
    locale = split_locale(path)[0]
    query = (search or "").lstrip("?")[:MAX_QUERY]
    params = {**dict(parse_qsl(query, keep_blank_values=True)), **path_params}
    asked = f"?{query}" if query else ""
    if page.parse is None:
        return PageRequest(page, params, search=asked, locale=locale)
    state, notices = page.parse(params, vocab)
    return PageRequest(page, params, state, tuple(notices), asked, locale)


def page_title(request: PageRequest) -> str:
    """The browser-tab title: the page's own, then the site's."""
    title = request.page.title
    if request.page.id in (PageId.PROFILE, PageId.BRIEF):
        from query import get_snapshot

        name = get_snapshot().country_names.get(request.state.iso3)
        title = title.format(country=name) if name else t.PAGE_TITLES["not-found"]
    return t.PAGE_TITLE.format(page=title, site=t.SITE_TITLE)
