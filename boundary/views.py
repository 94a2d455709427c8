"""A page's view read at the boundary: from its controls, or from a back or forward step.

Controls are read with the page's own address-bar parser (state/), strictly: a value the page
could never offer (an unknown code, a year outside the data) is refused with HTTP 400. Only
the notices that mean the page moved on (`accepted`) are let through, so the view drawn is
always one the address bar could name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from dash import ClientsideFunction, Dash, Input, Output, State

from boundary import refuse
from ids import PageId, Shell
from pages import PAGES, resolve
from state.compare import Notice, snapshot_vocabulary

MAX_SEARCH = 8192


def query_params(search: object) -> dict[str, str]:
    """A query string's parameters; a repeated key keeps its last value."""
    text = search if isinstance(search, str) else ""
    return dict(parse_qsl(text.lstrip("?")[:MAX_SEARCH], keep_blank_values=True))


@dataclass(frozen=True)
class ViewChange:
    """The view to draw, the view drawn before (None if unknown), the notices to show and how
    the address bar takes the new address ("push" for a user's change, "replace" for a link
    made canonical)."""

    page: PageId
    state: Any
    previous: Any
    notices: list[Notice] = field(default_factory=list)
    mode: str = "push"

    @property
    def history(self) -> dict[str, str]:
        link = PAGES[self.page].to_url(self.state)  # type: ignore[misc]
        query = urlsplit(link).query
        return {"search": f"?{query}" if query else "", "mode": self.mode}


def _path_params(page: PageId, path: object) -> dict[str, str]:
    found, params = resolve(path if isinstance(path, str) else "/")
    if found.id != page:
        raise refuse(f"{page}: the address is not this page's")
    return params


def read_view(
    page: PageId,
    path: object,
    written: Mapping[str, Any] | None,
    popstate: Mapping[str, Any] | None,
    controls: Mapping[str, str] | None,
    accepted: tuple[str, ...] = (),
    shown: tuple[str, ...] = (),
) -> ViewChange:
    """The view for a page callback. `written`: the address the page last wrote ({"search"});
    `popstate`: a back or forward step ({"search"}), read instead of `controls` when given;
    `controls`: the controls' values as address parameters. Notices whose reason is in
    `accepted` are let through, those in `shown` also shown; any other is refused."""
    spec = PAGES[page]
    assert spec.parse is not None, f"{page} has no view in the address bar"
    vocab = snapshot_vocabulary()
    path_params = _path_params(page, path)
    before = query_params((written or {}).get("search"))
    previous, _ = spec.parse({**before, **path_params}, vocab)
    if popstate is not None:
        params = query_params(popstate.get("search"))
        state, notices = spec.parse({**params, **path_params}, vocab)
        return ViewChange(page, state, previous, notices, "replace")
    state, notices = spec.parse({**before, **(controls or {}), **path_params}, vocab)
    refused = [n for n in notices if n.reason not in accepted]
    if refused:
        raise refuse(f"{page}: {refused[0].param} is {refused[0].reason}")
    return ViewChange(page, state, previous, [n for n in notices if n.reason in shown])


def register_address_bar(app: Dash, history: str, popstate: str) -> None:
    """The browser half of a page's view in the address bar (assets/js/history.js): the
    address the page's callback answers with (`history` store) is written, and a back or
    forward step the page did not write is passed to it (`popstate` store)."""
    app.clientside_callback(
        ClientsideFunction("history", "write"),
        Output(history, "modified_timestamp"),
        Input(history, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("history", "popstate"),
        Output(popstate, "data"),
        Input(Shell.URL, "search"),
        State(history, "data"),
        State(Shell.RENDERED, "data"),
        prevent_initial_call=True,
    )
