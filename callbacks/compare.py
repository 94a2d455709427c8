"""Comparison view callbacks: one request per change of a control, none for pure UI.

`update` reads the controls (or a back/forward step) into the page's state with the address
bar's own parser, and answers with everything that changes: the controls' canonical values,
the panel being shown (drawn only if it shows another state than last time), the notices and
the address to write. Switching tabs, the log scale and writing the address bar happen in the
browser (assets/js/compare.js).
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from boundary import callback, changed
from boundary.inputs import choice, code, codes, store, text, year, year_range
from boundary.views import read_view, register_address_bar
from ids import ChartId, Compare, PageId, Shell, UserData, compare_panel
from layouts import compare as view
from state.compare import (
    MAX_COUNTRIES,
    SCALES,
    TABS,
    TRANSFORMS,
    CompareState,
    snapshot_vocabulary,
)

CONTROLS = (Compare.INDICATOR, Compare.COUNTRIES, Compare.YEARS, Compare.TRANSFORM,
            Compare.BASE, Compare.SCALE, Compare.TABS, Compare.MAP_YEAR)
# What the callback reads for each control: the tab comes through a store the browser writes
# once the tab can be drawn (the Table tab's grid code is loaded first: assets/js/grid.js).
CONTROL_INPUTS = tuple((Compare.TAB_READY, "data") if cid == Compare.TABS else (cid, "value")
                       for cid in CONTROLS)
# The indicator picker also lists the user's own series ("user:<id>", callbacks/userdata.py):
# the browser picks one in "Your data" and puts the picker back (compare.indicatorChosen).
USER_SERIES_PREFIX = "user:"
# A control's value the page could never send is refused; these only mean the page moved on
# (a transform the new indicator lacks, a 21st country, a reversed range).
ACCEPTED_NOTICES = ("not_allowed", "too_many", "swapped")
SHOWN_NOTICES = ("too_many",)


def control_values(state: CompareState) -> list:
    return [state.indicator, list(state.countries), [state.start, state.end], state.transform,
            state.base or state.start, state.scale, state.tab, state.year or state.end]


def control_params(values: list, map_year_moved: bool) -> dict[str, str]:
    """The controls' values as address parameters. The map year counts only when its own
    slider moved: otherwise the map keeps showing the latest year with data."""
    indicator, countries, years, transform, base, scale, tab, map_year = values
    params = {"indicator": indicator or "", "countries": ",".join(countries),
              "transform": transform or "none", "base": "" if base is None else str(base),
              "scale": scale or "linear", "tab": tab or "chart"}
    if years:
        params["start"], params["end"] = str(years[0]), str(years[1])
    if map_year_moved and map_year is not None:
        params["year"] = str(map_year)
    return params


def update(*args: object) -> tuple:
    *values, popstate, shown, history, path = args
    if str(values[0]).startswith(USER_SERIES_PREFIX):
        raise PreventUpdate
    read_address = changed(Compare.POPSTATE)
    change = read_view(PageId.COMPARE, path, history, popstate if read_address else None,
                       control_params(values, changed(Compare.MAP_YEAR)),
                       accepted=ACCEPTED_NOTICES, shown=SHOWN_NOTICES)
    state: CompareState = change.state
    shown = dict(shown or {})
    panel_outputs = []
    drawn = view.drawn_panels(state)
    for tab in TABS:
        key = view.panel_key(tab, state)
        redraw = tab in drawn and shown.get(tab) != key
        if tab in drawn:
            shown[tab] = key
        outputs = view.PANEL_OUTPUTS[tab]
        panel_outputs += view.panel_values(tab, state) if redraw else [no_update] * len(outputs)
    before: CompareState = change.previous
    new_indicator = state.indicator != before.indicator or read_address
    new_years = (state.start, state.end) != (before.start, before.end) or read_address
    # Notices are sent when there are some, or to clear those shown.
    new_notices = bool(change.notices) or shown.get("notices", False) or read_address
    shown["notices"] = bool(change.notices)
    vocab = snapshot_vocabulary()
    allowed = vocab.allowed_transforms(state.indicator)
    new_transforms = allowed != vocab.allowed_transforms(before.indicator) or read_address

    def when(changed: bool, value: object) -> object:
        """Outputs that did not change are not sent: the browser redraws less."""
        return value if changed else no_update

    # The controls that must show another value (a link read, a value the page adjusted), and
    # the tab to draw; the browser sets them (a callback writing the controls would make every
    # browser-side callback reading them wait for this answer).
    adjusted = {str(cid): wanted for cid, now, wanted
                in zip(CONTROLS, values, control_values(state), strict=True) if now != wanted}
    if values[CONTROLS.index(Compare.TABS)] != state.tab:
        adjusted[Compare.TAB_READY] = state.tab
    return (
        adjusted or no_update,
        when(new_transforms, view.transform_options(allowed)),
        when(new_years, view.base_options(state.start, state.end)),
        when(state.transform != before.transform or read_address, state.transform != "index"),
        when(new_years, state.start), when(new_years, state.end),
        when(new_years, view.year_marks(state.start, state.end)),
        when(new_indicator, view.indicator_info(state.indicator)),
        *panel_outputs,
        when(new_notices, view.notice_list(change.notices)),
        change.history,
        shown,
    )


def register(app: Dash) -> None:
    vocab = snapshot_vocabulary()
    years = year(vocab.first_year, vocab.last_year)
    callback(
        app,
        Output(Compare.ADJUSTED, "data"),
        Output(Compare.TRANSFORM, "options"),
        Output(Compare.BASE, "options"),
        Output(Compare.BASE_BOX, "hidden"),
        Output(Compare.MAP_YEAR, "min"),
        Output(Compare.MAP_YEAR, "max"),
        Output(Compare.MAP_YEAR, "marks"),
        Output(Compare.INDICATOR_INFO, "children"),
        *(Output(cid, prop) for tab in TABS for cid, prop in view.PANEL_OUTPUTS[tab]),
        Output(Compare.NOTICES, "children"),
        Output(Compare.HISTORY, "data"),
        Output(Compare.SHOWN, "data"),
        *(Input(cid, prop) for cid, prop in CONTROL_INPUTS),
        Input(Compare.POPSTATE, "data"),
        State(Compare.SHOWN, "data"),
        State(Compare.HISTORY, "data"),
        State(Shell.URL, "pathname"),
        inputs=(code(), codes(MAX_COUNTRIES + 1), year_range(vocab.first_year, vocab.last_year),
                choice(TRANSFORMS), years, choice(SCALES), choice(TABS), years,
                store(16 * 1024), store(4 * 1024), store(16 * 1024), text(200)),
        prevent_initial_call=True,
    )(update)

    # The chart is drawn in the browser: from the server's figure, unless the browser has
    # drawn that view already, from the lines it holds when countries are removed or added
    # back (no wait for the server), and with the log scale switched on the drawn figure.
    # These read the drawn chart from the page, not from Dash's state: a callback with a
    # State the server's answer may change would wait for that answer.
    for function, trigger in (("drawFromServer", Input(Compare.CHART_FIGURE, "data")),
                              ("drawCountries", Input(Compare.COUNTRIES, "value")),
                              ("applyScale", Input(Compare.SCALE, "value"))):
        app.clientside_callback(
            ClientsideFunction("compare", function),
            Output(ChartId.COMPARE_SERIES, "figure", allow_duplicate=True),
            trigger,
            prevent_initial_call=True,
        )
    app.clientside_callback(
        ClientsideFunction("compare", "setControls"),
        *(Output(cid, "value", allow_duplicate=True) for cid in CONTROLS),
        Output(Compare.TAB_READY, "data", allow_duplicate=True),
        Input(Compare.ADJUSTED, "data"),
        prevent_initial_call=True,
    )
    # Beside the page's callback, not before it: an official indicator costs no extra step.
    app.clientside_callback(
        ClientsideFunction("compare", "indicatorChosen"),
        Output(Compare.INDICATOR_CHOSEN, "data"),
        Output(Compare.INDICATOR, "value", allow_duplicate=True),
        Output(UserData.PICK, "value", allow_duplicate=True),
        Input(Compare.INDICATOR, "value"),
        State(Compare.INDICATOR_CHOSEN, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("compare", "tabReady"),
        Output(Compare.TAB_READY, "data", allow_duplicate=True),
        Input(Compare.TABS, "value"),
        State(Compare.TAB_READY, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("compare", "showPanel"),
        *(Output(compare_panel(tab), "hidden") for tab in TABS),
        Input(Compare.TABS, "value"),
        prevent_initial_call=True,
    )
    register_address_bar(app, Compare.HISTORY, Compare.POPSTATE)
