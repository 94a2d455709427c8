"""Diaspora comparison callbacks: the controls redraw the charts whose view changed, in one
request."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from boundary import callback, changed
from boundary.inputs import choice, codes, store, text, year
from boundary.views import read_view, register_address_bar
from ids import Diaspora, PageId, Shell
from layouts.blocks import block_outputs, refreshed_blocks
from layouts.compare import notice_list
from layouts.diaspora import CHARTS, profile_links
from state.compare import MAX_COUNTRIES, snapshot_vocabulary
from state.diaspora import MEASURES, DiasporaState

ACCEPTED_NOTICES = ("too_many",)


def update(countries: list[str], measure: str | None, year_value: int | None,
           popstate: dict | None, history: dict | None, path: str | None) -> tuple:
    latest = snapshot_vocabulary().stock_years[-1]
    params = {"countries": ",".join(countries), "measure": measure or "persons",
              "year": "" if year_value in (None, latest) else str(year_value)}
    change = read_view(PageId.DIASPORA, path, history,
                       popstate if changed(Diaspora.POPSTATE) else None, params,
                       accepted=ACCEPTED_NOTICES, shown=ACCEPTED_NOTICES)
    state: DiasporaState = change.state
    wanted = [list(state.countries), state.measure, state.year or latest]
    return (
        *[no_update if now == new else new
          for now, new in zip([countries, measure, year_value], wanted, strict=True)],
        *refreshed_blocks(CHARTS, state, change.previous),
        profile_links(state),
        notice_list(change.notices),
        change.history,
    )


def register(app: Dash) -> None:
    vocab = snapshot_vocabulary()
    callback(
        app,
        Output(Diaspora.COUNTRIES, "value"),
        Output(Diaspora.MEASURE, "value"),
        Output(Diaspora.YEAR, "value"),
        *(Output(cid, prop) for cid, prop in block_outputs(CHARTS)),
        Output(Diaspora.PROFILES, "children"),
        Output(Diaspora.NOTICES, "children"),
        Output(Diaspora.HISTORY, "data"),
        Input(Diaspora.COUNTRIES, "value"),
        Input(Diaspora.MEASURE, "value"),
        Input(Diaspora.YEAR, "value"),
        Input(Diaspora.POPSTATE, "data"),
        State(Diaspora.HISTORY, "data"),
        State(Shell.URL, "pathname"),
        inputs=(codes(MAX_COUNTRIES + 1), choice(MEASURES),
                year(vocab.stock_years[0], vocab.stock_years[-1]), store(16 * 1024),
                store(16 * 1024), text(200)),
        prevent_initial_call=True,
    )(update)
    register_address_bar(app, Diaspora.HISTORY, Diaspora.POPSTATE)
