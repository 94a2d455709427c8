"""Pages and their routes.

Each page module exposes `layout(**params) -> component`, where params are the URL query
parameters plus any named parts of the path (e.g. `iso3` for /country/<iso3>). To add or replace a
page, add or edit one line in ROUTES and, if it has callbacks, one entry in callbacks.PAGES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from layouts import (
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
from state.paths import match_path


@dataclass(frozen=True)
class Route:
    pattern: str  # "/country/<iso3>": <name> matches one path segment, passed as a keyword
    page: ModuleType  # a module with layout(**params)
    nav_id: str  # which navigation entry is marked current
    chrome: bool = True  # False: drawn without the header and footer (full-screen pages)

    def match(self, path: str) -> dict[str, str] | None:
        """Named path parts if `path` fits the pattern, else None."""
        return match_path(self.pattern, path)


ROUTES: tuple[Route, ...] = (
    Route("/", compare, "compare"),
    Route("/compare", compare, "compare"),
    Route("/country", country, "country"),
    Route("/country/<iso3>", country, "country"),
    Route("/diaspora", diaspora, "diaspora"),
    Route("/labour", labour, "labour"),
    Route("/data", data_page, "data"),
    Route("/present", present, "present", chrome=False),
    Route("/deck", deck_builder, "present"),
    Route("/embed", embed, "compare", chrome=False),
)


def resolve(path: str | None) -> tuple[Callable[..., object], dict[str, str], str | None]:
    """The layout function, path parameters and navigation id for a URL path (404 if none)."""
    path = (path or "/").rstrip("/") or "/"
    for route in ROUTES:
        params = route.match(path)
        if params is not None:
            return route.page.layout, params, route.nav_id
    return not_found.layout, {"path": path}, None


def shows_chrome(path: str | None) -> bool:
    """Whether the page at `path` is drawn with the site header and footer."""
    path = (path or "/").rstrip("/") or "/"
    return all(route.chrome or route.match(path) is None for route in ROUTES)
