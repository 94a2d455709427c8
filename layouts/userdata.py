""""Add your data": a form to upload or paste a national series, the preview of what was
accepted and rejected, and the chart of the user's series beside the official indicator.

The series lives in the browser's local storage (UserData.SERIES); the page itself carries
none of it, so the first HTML is the same for everyone and may be cached.
"""

from __future__ import annotations

from dash import dcc, html

from ids import ChartTool, UserData
from layouts.controls import dropdown, radio_group
from layouts.graph import NOT_DRAWN, graph_config
from text import downloads as td
from text import userdata as t
from text.numbers import format_number
from userdata import FIRST_YEAR, LAST_YEAR, MAX_BYTES, MAX_SERIES, MAX_VALUES
from userdata.series import MAX_FIELD

MAX_PASTE = MAX_BYTES  # characters of pasted text
# An upload arrives as a base64 data URL: 4/3 of the file, and its header.
MAX_UPLOAD_TEXT = 2 * MAX_BYTES
MAX_STORED = MAX_SERIES * (MAX_VALUES * 40 + 2_000)  # JSON bytes of the stored series
# The deck with the chart added, which the browser moves into the shell's deck store, as it
# does for every chart's "Add this view to my deck" (callbacks.deck).
DECK_RESULT = {"type": ChartTool.DECK_ADD_RESULT, "chart": UserData.SECTION}


def _field(component_id: str, label: str) -> html.Div:
    return html.Div([
        html.Label(label, htmlFor=component_id, className="form-label"),
        dcc.Input(id=component_id, type="text", maxLength=MAX_FIELD,
                  className="form-control", required=True),
    ], className="col-12 col-md-6 col-lg-3")


def section(*, beside_indicator: bool = True) -> html.Section:
    """The whole "Add your data" section. Without `beside_indicator` (a page with no
    indicator of its own, /data) the series is drawn alone and the choice is not offered."""
    return html.Section([
        # Empty, not None: a browser storing nothing yet then keeps the page's value, and no
        # callback runs for it.
        dcc.Store(id=UserData.SERIES, storage_type="local", data=[]),
        dcc.Store(id=UserData.PENDING),
        dcc.Store(id=UserData.VIEW),
        dcc.Store(id=UserData.CONTEXT),
        dcc.Store(id=UserData.GROUP, data=t.PICK_LABEL),
        dcc.Store(id=DECK_RESULT),
        html.H2(t.SECTION_TITLE, className="h4"),
        html.P(t.PRIVACY, className="userdata-privacy"),
        html.P(t.FORMATS.format(max_kb=MAX_BYTES // 1024, max_rows=format_number(MAX_VALUES),
                                first=FIRST_YEAR, last=LAST_YEAR), className="small"),
        html.Div([
            html.Div([
                dcc.Upload(id=UserData.UPLOAD, children=html.Div(t.UPLOAD_PROMPT),
                           accept=".csv,.txt,.tsv,.xlsx", max_size=MAX_UPLOAD_TEXT * 3 // 4,
                           multiple=False, className="userdata-upload"),
                html.Div(id=UserData.FILENAME, className="small"),
            ], className="col-12 col-lg-6"),
            html.Div([
                html.Label(t.PASTE_LABEL, htmlFor=UserData.PASTE, className="form-label"),
                dcc.Textarea(id=UserData.PASTE, placeholder=t.PASTE_PLACEHOLDER,
                             maxLength=MAX_PASTE, className="form-control userdata-paste",
                             rows=4),
            ], className="col-12 col-lg-6"),
        ], className="row g-3"),
        html.Div([
            _field(UserData.NAME, t.NAME_LABEL),
            _field(UserData.UNIT, t.UNIT_LABEL),
            _field(UserData.SOURCE, t.SOURCE_LABEL),
            _field(UserData.LICENCE, t.LICENCE_LABEL),
        ], className="row g-3 mt-1"),
        radio_group(t.KIND_LABEL, dcc.RadioItems(
            id=UserData.KIND, value="count", className="choice-list",
            options=[{"label": label, "value": kind} for kind, label in t.KINDS.items()])),
        html.Div([
            html.Button(t.CHECK_BUTTON, id=UserData.CHECK, type="button",
                        className="btn btn-primary btn-sm"),
            html.Button(t.ADD_BUTTON, id=UserData.ADD, type="button", disabled=True,
                        className="btn btn-outline-primary btn-sm"),
        ], className="userdata-buttons"),
        html.Div(id=UserData.PREVIEW, className="userdata-preview", role="status",
                 **{"aria-live": "polite"}),
        html.Div(id=UserData.STATUS, role="status", **{"aria-live": "polite"}),
        html.H3(t.CHART_LABEL, className="h5 mt-3"),
        html.Div([
            html.Div([
                html.Label(t.PICK_LABEL, htmlFor=UserData.PICK, className="form-label"),
                dropdown(id=UserData.PICK, options=[], placeholder=t.PICK_PLACEHOLDER,
                             clearable=False, searchable=False),
                html.Button(t.REMOVE_BUTTON, id=UserData.REMOVE, type="button",
                            className="btn btn-outline-danger btn-sm mt-2"),
            ], className="col-12 col-lg-4"),
            html.Div(radio_group(t.MODE_LABEL, dcc.RadioItems(
                id=UserData.MODE, value="beside" if beside_indicator else "alone",
                className="choice-list",
                options=[{"label": label, "value": mode} for mode, label in t.MODES.items()])),
                className="col-12 col-md-6 col-lg-4", hidden=not beside_indicator),
            html.Div(radio_group(t.TRANSFORM_LABEL, dcc.RadioItems(
                id=UserData.TRANSFORM, value="none", className="choice-list",
                options=[{"label": label, "value": name}
                         for name, label in t.TRANSFORMS.items()])),
                className="col-12 col-md-6 col-lg-4"),
        ], className="row g-3"),
        html.Div(dcc.Graph(id=UserData.CHART, figure=NOT_DRAWN, config=graph_config(),
                           className="chart"), className="chart-frame"),
        html.P(t.CHART_EMPTY, id=UserData.SOURCE_LINE, className="source-line"),
        html.Div([
            *(html.Button(td.FORMAT_NAMES[fmt], id=button, type="button",
                          title=td.DOWNLOAD_TITLES[fmt],
                          className="btn btn-outline-secondary btn-sm")
              for fmt, button in (("csv", UserData.CSV), ("xlsx", UserData.XLSX))),
            dcc.Download(id=UserData.DOWNLOAD),
            html.Button(t.DECK_ADD, id=UserData.DECK_ADD, type="button",
                        className="btn btn-outline-primary btn-sm"),
            html.Span(id=UserData.DECK_STATUS, role="status", className="deck-add-status"),
        ], className="chart-toolbar"),
    ], id=UserData.SECTION, className="userdata mt-4")
