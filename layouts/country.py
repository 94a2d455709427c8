"""Country profiles (placeholder): /country and /country/<ISO3>."""

from __future__ import annotations

from dash import dcc, html

from layouts.placeholder import coming_soon
from text import common as t


def layout(iso3: str | None = None, **_params: str) -> html.Div:
    pilots = html.Ul(
        [html.Li(dcc.Link(name, href=f"/country/{code}")) for code, name in t.PILOT_NAMES.items()],
        className="pilot-links",
    )
    title = t.NAV_COUNTRIES if iso3 is None else f"{t.NAV_COUNTRIES}: {iso3.upper()}"
    return coming_soon(title, pilots)
