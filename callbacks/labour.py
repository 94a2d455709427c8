"""Labour flows callbacks: the two country choices redraw the charts whose view changed, in
one request."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from boundary import callback, changed
from boundary.inputs import code, codes, store, text
from boundary.views import read_view, register_address_bar
from ids import Labour, PageId, Shell
from layouts.blocks import block_outputs, refreshed_blocks
from layouts.compare import notice_list
from layouts.labour import CHARTS
from state.compare import MAX_COUNTRIES
from state.labour import LabourState

ACCEPTED_NOTICES = ("too_many",)


def update(country: str | None, countries: list[str], popstate: dict | None,
           history: dict | None, path: str | None) -> tuple:
    params = {"country": country or "", "countries": ",".join(countries)}
    change = read_view(PageId.LABOUR, path, history,
                       popstate if changed(Labour.POPSTATE) else None, params,
                       accepted=ACCEPTED_NOTICES, shown=ACCEPTED_NOTICES)
    state: LabourState = change.state
    return (
        no_update if state.country == country else state.country,
        no_update if list(state.countries) == countries else list(state.countries),
        *refreshed_blocks(CHARTS, state, change.previous),
        notice_list(change.notices),
        change.history,
    )


def register(app: Dash) -> None:
    callback(
        app,
        Output(Labour.COUNTRY, "value"),
        Output(Labour.COUNTRIES, "value"),
        *(Output(cid, prop) for cid, prop in block_outputs(CHARTS)),
        Output(Labour.NOTICES, "children"),
        Output(Labour.HISTORY, "data"),
        Input(Labour.COUNTRY, "value"),
        Input(Labour.COUNTRIES, "value"),
        Input(Labour.POPSTATE, "data"),
        State(Labour.HISTORY, "data"),
        State(Shell.URL, "pathname"),
        inputs=(code(), codes(MAX_COUNTRIES + 1), store(16 * 1024), store(16 * 1024),
                text(200)),
        prevent_initial_call=True,
    )(update)
    register_address_bar(app, Labour.HISTORY, Labour.POPSTATE)
