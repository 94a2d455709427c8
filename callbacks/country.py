"""Country profile callbacks: the two controls redraw the charts that depend on them, in one
request; the country picker of /country opens a profile; printing is done by the browser."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from boundary import callback, changed
from boundary.inputs import choice, store, text, year
from boundary.views import read_view, register_address_bar
from ids import PageId, Profile, Shell
from layouts.blocks import block_outputs, refreshed_blocks
from layouts.compare import notice_list
from layouts.country import DIASPORA_CHARTS, FINANCE_CHARTS
from state.compare import snapshot_vocabulary
from state.country import MEASURES, ProfileState, shown_year

CHARTS = (*FINANCE_CHARTS, *DIASPORA_CHARTS)


def update(measure: str | None, year_value: int | None, popstate: dict | None,
           history: dict | None, path: str | None) -> tuple:
    vocab = snapshot_vocabulary()
    params = {"measure": measure or "usd",
              "year": "" if year_value in (None, vocab.stock_years[-1]) else str(year_value)}
    change = read_view(PageId.PROFILE, path, history,
                       popstate if changed(Profile.POPSTATE) else None, params)
    state: ProfileState = change.state
    return (
        no_update if state.measure == measure else state.measure,
        no_update if shown_year(state, vocab) == year_value else shown_year(state, vocab),
        *refreshed_blocks(CHARTS, state, change.previous),
        notice_list(change.notices),
        change.history,
    )


def open_country(code_value: str | None) -> str:
    if not code_value:
        raise PreventUpdate
    return f"/country/{code_value}"


def register(app: Dash) -> None:
    vocab = snapshot_vocabulary()
    callback(
        app,
        Output(Profile.MEASURE, "value"),
        Output(Profile.YEAR, "value"),
        *(Output(cid, prop) for cid, prop in block_outputs(CHARTS)),
        Output(Profile.NOTICES, "children"),
        Output(Profile.HISTORY, "data"),
        Input(Profile.MEASURE, "value"),
        Input(Profile.YEAR, "value"),
        Input(Profile.POPSTATE, "data"),
        State(Profile.HISTORY, "data"),
        State(Shell.URL, "pathname"),
        inputs=(choice(MEASURES), year(vocab.stock_years[0], vocab.stock_years[-1]),
                store(16 * 1024), store(16 * 1024), text(200)),
        prevent_initial_call=True,
    )(update)
    callback(
        app,
        Output(Shell.URL, "pathname", allow_duplicate=True),
        Input(Profile.PICKER, "value"),
        inputs=(choice(vocab.countries),),
        prevent_initial_call=True,
    )(open_country)
    register_address_bar(app, Profile.HISTORY, Profile.POPSTATE)

