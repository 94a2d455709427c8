"""The router: draws the page for a new address after in-app navigation.

The first page comes drawn with the layout (layouts/shell.py). When the path changes, the
browser compares it with the path the content was drawn for (assets/js/router.js) and only
then asks the server for the new page: one request per navigation, none on first load.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State

from boundary import callback
from boundary.inputs import store
from ids import Shell
from layouts import page_content
from layouts.shell import nav_links, rendered, shell_class
from pages import read_request
from state.compare import snapshot_vocabulary
from text.i18n import split_locale, using


def draw_page(route: dict | None) -> tuple:
    route = route if isinstance(route, dict) else {}
    path = route.get("path") if isinstance(route.get("path"), str) else "/"
    search = route.get("search") if isinstance(route.get("search"), str) else ""
    with using(split_locale(path)[0]):  # the address's language (the switch reloads the page)
        request = read_request(path, search, snapshot_vocabulary())
        return (page_content(request), nav_links(request.page.nav), shell_class(request),
                rendered(path, search, request))


def register(app: Dash) -> None:
    app.clientside_callback(
        ClientsideFunction("router", "route"),
        Output(Shell.ROUTE, "data"),
        Input(Shell.URL, "pathname"),
        State(Shell.URL, "search"),
        State(Shell.RENDERED, "data"),
    )
    callback(
        app,
        Output(Shell.PAGE, "children"),
        Output(Shell.NAV, "children"),
        Output(Shell.ROOT, "className"),
        Output(Shell.RENDERED, "data"),
        Input(Shell.ROUTE, "data"),
        inputs=(store(4096),),
        prevent_initial_call=True,
    )(draw_page)
    # The new page's title, focus and announcement are set in the browser.
    app.clientside_callback(
        ClientsideFunction("navigation", "arrived"),
        Output(Shell.ANNOUNCE, "children"),
        Input(Shell.RENDERED, "data"),
        prevent_initial_call=True,
    )
