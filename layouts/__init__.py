"""Page layouts: one function per page, `layout(request) -> component`, registered in LAYOUTS
by the page's id (the page itself is declared in pages/). `page_content` draws any page, and
turns an unusable snapshot into a message on the page, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dash import html

from ids import PageId
from layouts import (
    brief,
    compare,
    country,
    data_page,
    deck_builder,
    diaspora,
    embed,
    labour,
    not_found,
    present,
)
from layouts.links import localize
from pages import PageRequest
from query import SnapshotError
from serving import absolute_url
from serving.cache import memoize
from text import common as t
from text.i18n import current

LAYOUTS: dict[PageId, Callable[[PageRequest], object]] = {
    PageId.COMPARE: compare.layout,
    PageId.COUNTRY_INDEX: country.index,
    PageId.PROFILE: country.layout,
    PageId.BRIEF: brief.layout,
    PageId.DIASPORA: diaspora.layout,
    PageId.LABOUR: labour.layout,
    PageId.DATA: data_page.layout,
    PageId.PRESENT: present.layout,
    PageId.DECK: deck_builder.layout,
    PageId.EMBED: embed.layout,
    PageId.NOT_FOUND: not_found.layout,
}


@memoize(as_json=True)
def _drawn(page: PageId, state: object, notices: tuple, params: dict, search: str,
           origin: str, day: str) -> object:
    """`origin` and `day` are in the key because pages write them: the site's address
    (serving.absolute_url) and the access date of the citations they show."""
    from pages import PAGES

    return localize(LAYOUTS[page](PageRequest(PAGES[page], params, state, notices, search,
                                              current())))


# The views whose first render has a data grid (dash-ag-grid), as (path, (parameter, value)):
# the grid's code is sent with these pages, and loaded on demand for the others.
GRID_VIEWS: tuple[tuple[str, tuple[str, str] | None], ...] = (
    ("/data", None), ("/compare", ("tab", "table")), ("/", ("tab", "table")),
)


def draws_grid(path: str, params: dict[str, str]) -> bool:
    clean = (path or "/").rstrip("/") or "/"
    return any(clean == view and (param is None or params.get(param[0]) == param[1])
               for view, param in GRID_VIEWS)


def page_content(request: PageRequest) -> object:
    """The page drawn for `request`, from the cache when it was drawn before: a page is a
    function of its view (its state and notices, or its parameters for a page without a view
    in the address bar), the site's address and the day."""
    written = (absolute_url("/"), date.today().isoformat())
    try:
        if request.page.parse is not None:
            return _drawn(request.page.id, request.state, request.notices, {}, request.search,
                          *written)
        return _drawn(request.page.id, None, (), request.params, request.search, *written)
    except SnapshotError:
        return html.Div([html.H1(request.page.title.format(country="")),
                         html.P(t.DATA_UNAVAILABLE, className="alert alert-warning")],
                        className="page")
