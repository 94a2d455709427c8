"""The toolbar under every chart (layouts/graph.py): one set of pattern-matching callbacks
serves them all. Each reads the chart's figure as drawn, from the children of its
{"type": "chart-figure"} container, and the page's address from the shell's URL component.
"""

from __future__ import annotations

from dash import ALL, MATCH, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

import query
from exports.figure_data import (
    NoDataError,
    chart_citation,
    chart_file,
    figure_in,
    image_request,
)
from layouts.graph import DATA_FORMATS, IMAGE_FORMATS
from text import downloads as t


def _snapshot_args() -> dict:
    snap = query.get_snapshot()
    return {"indicator_meta": query.indicator_meta, "sources": snap.sources}


def export_chart(clicks: list[int | None], children: object, href: str | None) -> tuple:
    """CSV/XLSX: the file itself; PNG/SVG: what the browser needs to draw the image."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not any(clicks):
        raise PreventUpdate
    fmt = trigger.get("format")
    figure = figure_in(children)
    try:
        if fmt in DATA_FORMATS:
            snap = query.get_snapshot()
            made = chart_file(figure or {}, fmt, href or "", snapshot=str(
                snap.vintage.get("snapshot", "")), **_snapshot_args())
            return (dcc.send_bytes(made.payload, made.filename), no_update,
                    t.STATUS_DOWNLOADING.format(filename=made.filename))
        if fmt in IMAGE_FORMATS:
            request = image_request(figure or {}, fmt, **_snapshot_args())
            request["nonce"] = sum(c or 0 for c in clicks)  # a repeated click draws again
            return (no_update, request,
                    t.STATUS_DOWNLOADING.format(filename=f"{request['filename']}.{fmt}"))
    except NoDataError:
        return no_update, no_update, t.STATUS_NO_DATA
    raise PreventUpdate


def cite_chart(clicks: int | None, children: object, href: str | None) -> str:
    if not clicks:
        raise PreventUpdate
    try:
        return chart_citation(figure_in(children) or {}, href or "", **_snapshot_args())
    except NoDataError:
        return t.STATUS_NO_DATA


def register(app: Dash) -> None:
    app.callback(
        Output({"type": "chart-download", "chart": MATCH}, "data"),
        Output({"type": "chart-image", "chart": MATCH}, "data"),
        Output({"type": "chart-export-status", "chart": MATCH}, "children"),
        Input({"type": "chart-export", "chart": MATCH, "format": ALL}, "n_clicks"),
        State({"type": "chart-figure", "chart": MATCH}, "children"),
        State("url", "href"),
        prevent_initial_call=True,
    )(export_chart)

    app.callback(
        Output({"type": "chart-cite", "chart": MATCH}, "content"),
        Input({"type": "chart-cite", "chart": MATCH}, "n_clicks"),
        State({"type": "chart-figure", "chart": MATCH}, "children"),
        State("url", "href"),
        prevent_initial_call=True,
    )(cite_chart)

    # Images are drawn by plotly.js in the browser (no server-side renderer, works offline).
    app.clientside_callback(
        ClientsideFunction("downloads", "saveImage"),
        Output({"type": "chart-image", "chart": MATCH}, "modified_timestamp"),
        Input({"type": "chart-image", "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )
