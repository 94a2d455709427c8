"""The toolbar under every chart (layouts/graph.py): one set of pattern-matching callbacks
serves them all. Each reads the link of the view the chart shows (its view store), rebuilds
that view's figure on the server from the chart registry, and makes the file from it, so a
download holds exactly what the server draws for that view, whatever the browser sends.
"""

from __future__ import annotations

from dash import ALL, MATCH, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

import charts
import query
from boundary import callback
from boundary.inputs import clicks, each, store, text
from exports.figure_data import NoDataError, chart_citation, chart_file, image_request
from ids import ChartTool
from layouts.chart_text import table_of_view
from layouts.graph import DATA_FORMATS, IMAGE_FORMATS
from pages.views import DeckError, View, parse_view
from serving import absolute_url
from state.compare import snapshot_vocabulary
from text import downloads as t

MAX_VIEW = 600


def _snapshot_args() -> dict:
    snap = query.get_snapshot()
    return {"indicator_meta": query.indicator_meta, "sources": snap.sources}


def view_of(view_url: str | None) -> View:
    try:
        return parse_view(view_url, snapshot_vocabulary())
    except DeckError:
        raise PreventUpdate from None


def figure_of(view: View) -> dict:
    return charts.figure(view.chart, view.state).to_plotly_json()


def export_chart(all_clicks: list[int | None], view_url: str | None) -> tuple:
    """CSV/XLSX: the file itself; PNG/SVG: what the browser needs to draw the image."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not any(all_clicks):
        raise PreventUpdate
    fmt = trigger.get("format")
    view = view_of(view_url)
    figure = figure_of(view)
    try:
        if fmt in DATA_FORMATS:
            snap = query.get_snapshot()
            made = chart_file(figure, fmt, absolute_url(view.url), snapshot=str(
                snap.vintage.get("snapshot", "")), **_snapshot_args())
            return (dcc.send_bytes(made.payload, made.filename), no_update,
                    t.STATUS_DOWNLOADING.format(filename=made.filename))
        if fmt in IMAGE_FORMATS:
            request = image_request(figure, fmt, **_snapshot_args())
            request["title"] = view.title
            request["nonce"] = sum(c or 0 for c in all_clicks)  # a repeated click draws again
            return (no_update, request,
                    t.STATUS_DOWNLOADING.format(filename=f"{request['filename']}.{fmt}"))
    except NoDataError:
        return no_update, no_update, t.STATUS_NO_DATA
    raise PreventUpdate


def cite_chart(n_clicks: int | None, view_url: str | None) -> str:
    if not n_clicks:
        raise PreventUpdate
    view = view_of(view_url)
    try:
        return chart_citation(figure_of(view), absolute_url(view.url), **_snapshot_args())
    except NoDataError:
        return t.STATUS_NO_DATA


def show_table(wanted: dict | None) -> list:
    """The data table under a chart, drawn when its <details> is opened (and again for a new
    view while it stays open)."""
    if not isinstance(wanted, dict):
        raise PreventUpdate
    view = view_of(wanted.get("view"))
    return table_of_view(view.chart, view.state)


def register(app: Dash) -> None:
    callback(
        app,
        Output({"type": ChartTool.DOWNLOAD, "chart": MATCH}, "data"),
        Output({"type": ChartTool.IMAGE, "chart": MATCH}, "data"),
        Output({"type": ChartTool.STATUS, "chart": MATCH}, "children"),
        Input({"type": ChartTool.EXPORT, "chart": MATCH, "format": ALL}, "n_clicks"),
        State({"type": ChartTool.VIEW, "chart": MATCH}, "data"),
        inputs=(each(clicks, len(DATA_FORMATS) + len(IMAGE_FORMATS)), text(MAX_VIEW)),
        prevent_initial_call=True,
    )(export_chart)

    callback(
        app,
        Output({"type": ChartTool.CITE, "chart": MATCH}, "content"),
        Input({"type": ChartTool.CITE, "chart": MATCH}, "n_clicks"),
        State({"type": ChartTool.VIEW, "chart": MATCH}, "data"),
        inputs=(clicks, text(MAX_VIEW)),
        prevent_initial_call=True,
    )(cite_chart)

    app.clientside_callback(
        ClientsideFunction("downloads", "tableWanted"),
        Output({"type": ChartTool.TABLE_WANTED, "chart": MATCH}, "data"),
        Input({"type": ChartTool.DETAILS_SUMMARY, "chart": MATCH}, "n_clicks"),
        Input({"type": ChartTool.VIEW, "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )
    callback(
        app,
        Output({"type": ChartTool.TABLE, "chart": MATCH}, "children"),
        Input({"type": ChartTool.TABLE_WANTED, "chart": MATCH}, "data"),
        inputs=(store(2 * MAX_VIEW),),
        prevent_initial_call=True,
    )(show_table)

    # Images are drawn by plotly.js in the browser (no server-side renderer, works offline).
    app.clientside_callback(
        ClientsideFunction("downloads", "saveImage"),
        Output({"type": ChartTool.IMAGE, "chart": MATCH}, "modified_timestamp"),
        Input({"type": ChartTool.IMAGE, "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )
