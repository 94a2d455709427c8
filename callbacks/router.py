"""The router: renders the page for the URL path and marks it in the navigation."""

from __future__ import annotations

from urllib.parse import parse_qsl

from dash import Dash, Input, Output, State

from layouts import resolve, shows_chrome
from layouts.shell import nav_links


def query_params(search: str | None) -> dict[str, str]:
    """Query-string parameters as plain strings; a repeated key keeps its last value."""
    return dict(parse_qsl((search or "").lstrip("?"), keep_blank_values=True))


def render(pathname: str | None, search: str | None) -> tuple[object, list]:
    page_layout, path_params, nav_id = resolve(pathname)
    params = {**query_params(search), **path_params}
    return page_layout(**params), nav_links(nav_id)


def shell_class(pathname: str | None) -> str:
    return "app-shell" if shows_chrome(pathname) else "app-shell app-shell-bare"


def register(app: Dash) -> None:
    # Only the path re-renders a page: the query string is each page's own state.
    app.callback(
        Output("page", "children"),
        Output("nav-list", "children"),
        Input("url", "pathname"),
        State("url", "search"),
    )(render)
    app.callback(Output("app-shell", "className"), Input("url", "pathname"))(shell_class)
