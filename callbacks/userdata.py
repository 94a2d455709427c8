""""Add your data": check a file or pasted table, add the checked series to the browser's
storage, draw it and download it.

The series comes from the browser with each request and is used only while answering it:
nothing here writes it to disk or logs, and no result that holds it goes through the shared
cache (serving.cache). Whatever the browser sends is checked again (userdata.from_store).
"""

from __future__ import annotations

import base64
import binascii
import secrets
from datetime import date
from functools import lru_cache

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

import query
from boundary import callback
from boundary.inputs import choice, clicks, store, text
from charts import user_series
from exports import ExportContext, csv_bytes, safe_filename, xlsx_bytes
from exports.metadata import indicator_entry
from figures import theme
from ids import ChartId, Compare, PageId, Shell, UserData
from layouts.deck_builder import open_deck_link
from layouts.userdata import DECK_RESULT, MAX_PASTE, MAX_STORED, MAX_UPLOAD_TEXT
from pages.deck import (
    MAX_FILE_BYTES,
    MAX_SLIDES,
    Slide,
    UserSlide,
    appended,
    from_stored,
    to_dict,
)
from pages.views import DeckError, View
from serving import absolute_url
from state.compare import CompareState, clean_countries, snapshot_vocabulary
from text import present as tp
from text import userdata as t
from text.numbers import format_number
from userdata import (
    KINDS,
    MAX_SERIES,
    Checked,
    CountryResolver,
    UserSeries,
    check_bytes,
    find,
    from_store,
    missing_fields,
    to_store,
)
from userdata.series import MAX_FIELD

PREVIEW_ROWS = 8
PREVIEW_REJECTED = 50
NAME = 260  # characters of an uploaded file's name


@lru_cache(maxsize=2)
def _resolver(_vintage: str) -> CountryResolver:
    countries = query.get_snapshot().countries
    return CountryResolver(zip(countries["country_code"], countries["name"], strict=True))


def resolver() -> CountryResolver:
    return _resolver(str(query.get_snapshot().vintage.get("snapshot", "")))


def known_codes() -> frozenset[str]:
    return frozenset(query.get_snapshot().country_names)


def uploaded_bytes(contents: str | None) -> bytes:
    """The bytes of an upload's data URL ("data:<type>;base64,<data>"); b"" if malformed."""
    if not contents:
        return b""
    head, _, body = contents.partition(",")
    if ";base64" not in head:
        return b""
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return b""


def check(contents: str | None, _check: int | None, filename: str | None, paste: str | None,
          name: str | None, unit: str | None, source: str | None, licence: str | None,
          kind: str | None) -> tuple:
    """The preview of a checked table, and the series to add (None if nothing can be)."""
    from_paste = ctx.triggered_id == UserData.CHECK and bool((paste or "").strip())
    data = (paste or "").encode("utf-8") if from_paste else uploaded_bytes(contents)
    kind = kind or "count"
    checked = check_bytes(data, resolver(), kind)
    meta = {"name": name, "unit": unit or checked.unit, "source": source, "licence": licence}
    pending = (to_store(secrets.token_hex(6), meta, kind, checked.values)
               if checked.values else None)
    shown_name = "" if from_paste or not filename else t.UPLOAD_CHOSEN.format(filename=filename)
    return preview(checked, missing_fields(meta)), pending, pending is None, shown_name


def preview(checked: Checked, missing: list[str]) -> list:
    if checked.problem:
        return [html.P(checked.problem, className="alert alert-danger")]
    parts: list = []
    if checked.values:
        years = [year for _, year, _, _ in checked.values]
        names = ", ".join(query.country_name(c) for c in checked.countries[:6])
        if len(checked.countries) > 6:
            names += ", …"
        parts.append(html.P(t.PREVIEW_ACCEPTED.format(
            count=format_number(len(checked.values)), shape=t.SHAPES[checked.shape],
            countries=names, first=min(years), last=max(years)), className="userdata-accepted"))
        parts.append(html.Table([
            html.Thead(html.Tr([html.Th(h) for h in t.PREVIEW_SAMPLE_HEADER])),
            html.Tbody([html.Tr([html.Td(query.country_name(c)), html.Td(str(y)),
                                 html.Td(t.SEXES[s]),
                                 html.Td(format_number(v, 0 if v.is_integer() else 2))])
                        for c, y, s, v in checked.values[:PREVIEW_ROWS]]),
        ], className="table table-sm userdata-sample"))
    else:
        parts.append(html.P(t.PREVIEW_NONE_ACCEPTED, className="alert alert-warning"))
    if checked.rejected:
        parts.append(html.P(t.PREVIEW_REJECTED.format(count=format_number(len(checked.rejected))),
                            className="userdata-rejected-title"))
        parts.append(html.Table([
            html.Thead(html.Tr([html.Th(h) for h in t.PREVIEW_HEADER])),
            html.Tbody([html.Tr([
                html.Td(str(r.row) if r.year is None else t.CELL.format(row=r.row, year=r.year)),
                html.Td(r.message)]) for r in checked.rejected[:PREVIEW_REJECTED]]),
        ], className="table table-sm userdata-rejected"))
        if len(checked.rejected) > PREVIEW_REJECTED:
            parts.append(html.P(t.PREVIEW_MORE.format(
                count=format_number(len(checked.rejected) - PREVIEW_REJECTED))))
    if checked.values:
        parts.append(html.P(t.PREVIEW_MISSING.format(fields=fields_named(missing)) if missing
                            else t.PREVIEW_READY))
    return parts


def fields_named(missing: list[str]) -> str:
    return ", ".join(t.FIELD_NAMES[key] for key in missing)


def add(_clicks: int | None, pending: object, stored: object, name: str | None,
        unit: str | None, source: str | None, licence: str | None) -> tuple:
    """The checked series, with the form's current name, unit, source and licence, added to
    the browser's series (the oldest dropped beyond MAX_SERIES)."""
    if not isinstance(pending, dict):
        raise PreventUpdate
    form = {"name": name, "unit": unit, "source": source, "licence": licence}
    meta = {key: value if (value or "").strip() else pending.get(key)
            for key, value in form.items()}
    missing = missing_fields(meta)
    if missing:
        return no_update, t.PREVIEW_MISSING.format(fields=fields_named(missing)), no_update
    series = from_store({**pending, **meta}, known_codes())
    if series is None:
        raise PreventUpdate
    entry = to_store(series.id, meta, series.kind, list(series.rows))
    kept = [item for item in (stored if isinstance(stored, list) else [])
            if isinstance(item, dict) and item.get("id") != series.id]
    return ([*kept, entry][-MAX_SERIES:], t.PREVIEW_ADDED.format(name=entry["name"]),
            series.id)


def _chosen(view: object, stored: object) -> tuple[UserSeries | None, str | None,
                                                  tuple[int, int]]:
    """The chosen series (None if not among those stored, as checked by userdata.find), the
    page's indicator (if the snapshot has it) and its years, from the view the browser sends
    (UserData.VIEW); anything else is left out."""
    vocab = snapshot_vocabulary()
    view = view if isinstance(view, dict) else {}
    indicator = view.get("indicator")
    if not isinstance(indicator, str) or indicator not in query.get_snapshot().indicator_meta:
        indicator = None
    years = view.get("years")
    if not (isinstance(years, list) and len(years) == 2
            and all(type(y) is int and vocab.first_year <= y <= vocab.last_year for y in years)):
        years = [vocab.first_year, vocab.last_year]
    return find(stored, view.get("pick"), known_codes()), indicator, (min(years), max(years))


def _transform(series: UserSeries, transform: str | None) -> str:
    allowed = user_series.allowed_transforms(series)
    return transform if transform in allowed else "none"


def draw(view: object, mode: str | None, transform: str | None, stored: object) -> tuple:
    """The chart of the chosen series (never cached: it holds the user's values)."""
    options = [{"label": label, "value": name} for name, label in t.TRANSFORMS.items()]
    series, indicator, (start, end) = _chosen(view, stored)
    if series is None:
        return theme.empty_figure(t.CHART_EMPTY).to_plotly_json(), t.CHART_EMPTY, options
    allowed = user_series.allowed_transforms(series)
    options = [{**option, "disabled": option["value"] not in allowed} for option in options]
    figure = user_series.figure(series, indicator, start, end, _transform(series, transform),
                                mode or "beside")
    return figure.to_plotly_json(), user_series.source_line(series), options


def download(_csv: int | None, _xlsx: int | None, view: object, mode: str | None,
             transform: str | None, stored: object) -> dict:
    """The chart's rows as CSV or XLSX; the user's rows marked "supplied by the user"."""
    fmt = {UserData.CSV: "csv", UserData.XLSX: "xlsx"}.get(ctx.triggered_id)
    series, indicator, (start, end) = _chosen(view, stored)
    if fmt is None or series is None:
        raise PreventUpdate
    official = indicator if mode != "alone" else None
    shown = _transform(series, transform)
    rows = user_series.download_rows(series, official, start, end, shown,
                                     "beside" if official else "alone")
    name = safe_filename("migration", user_series.USER_CODE, official or "",
                         f"{start}-{end}", extension=fmt)
    if fmt == "csv":
        return dcc.send_bytes(csv_bytes(rows), name)
    snap = query.get_snapshot()
    entries = ([indicator_entry(official, query.indicator_meta, snap.sources)]
               if official else [])
    entries.append(user_series.user_entry(series, shown))
    view = absolute_url(f"/compare?indicator={official}" if official else "/compare")
    context = ExportContext(app_url=absolute_url("/"), view_url=view, transform=shown,
                            snapshot=str(snap.vintage.get("snapshot", "")),
                            exported_on=date.today(), notes=(t.EXPORT_NOTE,))
    return dcc.send_bytes(xlsx_bytes(rows, entries, context), name)


def add_to_deck(_clicks: int | None, view: object, mode: str | None, transform: str | None,
                stored: object, deck_data: object) -> tuple:
    """The deck with a slide of the chart as drawn: the comparison view of the page's
    indicator and years for the series' countries, carrying a copy of the series."""
    series, indicator, (start, end) = _chosen(view, stored)
    if series is None:
        raise PreventUpdate
    vocab = snapshot_vocabulary()
    deck, _ = from_stored(deck_data, vocab)
    countries, _ = clean_countries(series.countries, vocab)
    state = CompareState(indicator=indicator or vocab.default_indicator,
                         countries=countries or vocab.default_countries, start=start, end=end)
    # Untitled: a slide shows its series' name, and the deck's link (which the server reads,
    # and may cache a page by) carries titles but none of the user's data.
    slide = Slide(view=View(PageId.COMPARE, state, ChartId.COMPARE_SERIES).url,
                  data=UserSlide(series, _transform(series, transform), mode or "beside"))
    try:
        deck = appended(deck, slide)
    except DeckError:
        return tp.ADD_FULL.format(limit=MAX_SLIDES), no_update
    return ([t.DECK_ADDED.format(number=len(deck.slides)), " ", open_deck_link()],
            to_dict(deck))


def register(app: Dash) -> None:
    series_store = store(MAX_STORED)
    # The form's name, unit, source and licence: read by the check and by the add.
    form = tuple(State(field_id, "value") for field_id in
                 (UserData.NAME, UserData.UNIT, UserData.SOURCE, UserData.LICENCE))
    form_checks = (text(MAX_FIELD),) * len(form)
    callback(
        app,
        Output(UserData.PREVIEW, "children"),
        Output(UserData.PENDING, "data"),
        Output(UserData.ADD, "disabled"),
        Output(UserData.FILENAME, "children"),
        Input(UserData.UPLOAD, "contents"),
        Input(UserData.CHECK, "n_clicks"),
        State(UserData.UPLOAD, "filename"),
        State(UserData.PASTE, "value"),
        *form,
        State(UserData.KIND, "value"),
        inputs=(text(MAX_UPLOAD_TEXT), clicks, text(NAME), text(MAX_PASTE), *form_checks,
                choice(KINDS)),
        prevent_initial_call=True,
    )(check)

    callback(
        app,
        Output(UserData.SERIES, "data"),
        Output(UserData.STATUS, "children"),
        Output(UserData.PICK, "value"),
        Input(UserData.ADD, "n_clicks"),
        State(UserData.PENDING, "data"),
        State(UserData.SERIES, "data"),
        *form,
        inputs=(clicks, store(MAX_STORED // MAX_SERIES), series_store, *form_checks),
        prevent_initial_call=True,
    )(add)

    chart_inputs = (
        Input(UserData.VIEW, "data"),
        Input(UserData.MODE, "value"),
        Input(UserData.TRANSFORM, "value"),
        Input(UserData.SERIES, "data"),
    )
    chart_checks = (store(1024), choice(user_series.MODES), choice(user_series.TRANSFORMS),
                    series_store)
    callback(
        app,
        Output(UserData.CHART, "figure"),
        Output(UserData.SOURCE_LINE, "children"),
        Output(UserData.TRANSFORM, "options"),
        *chart_inputs,
        inputs=chart_checks,
        prevent_initial_call=True,
    )(draw)

    callback(
        app,
        Output(UserData.DOWNLOAD, "data"),
        Input(UserData.CSV, "n_clicks"),
        Input(UserData.XLSX, "n_clicks"),
        *(State(dep.component_id, dep.component_property) for dep in chart_inputs),
        inputs=(clicks, clicks, *chart_checks),
        prevent_initial_call=True,
    )(download)

    callback(
        app,
        Output(UserData.DECK_STATUS, "children"),
        # Like every chart's "Add this view to my deck", through a store of its own that the
        # browser moves into the shell's (callbacks.deck): an output outside the section would
        # make Dash run this each time the section is drawn.
        Output(DECK_RESULT, "data"),
        Input(UserData.DECK_ADD, "n_clicks"),
        *(State(dep.component_id, dep.component_property) for dep in chart_inputs),
        State(Shell.DECK_STORE, "data"),
        inputs=(clicks, *chart_checks, store(MAX_FILE_BYTES)),
        prevent_initial_call=True,
    )(add_to_deck)

    # The chart follows the page's indicator and years only while a series is chosen, so a
    # change of the page's controls costs no request for a chart that is not there. They
    # come through a store, since /data has the section without the comparison's controls.
    app.clientside_callback(
        ClientsideFunction("userdata", "context"),
        Output(UserData.CONTEXT, "data"),
        Input(Compare.INDICATOR, "value"),
        Input(Compare.YEARS, "value"),
    )
    app.clientside_callback(
        ClientsideFunction("userdata", "chartView"),
        Output(UserData.VIEW, "data"),
        Input(UserData.PICK, "value"),
        Input(UserData.CONTEXT, "data"),
        prevent_initial_call=True,
    )

    # The page's indicator picker lists them too (on /compare; choosing one picks it here).
    app.clientside_callback(
        ClientsideFunction("userdata", "indicatorOptions"),
        Output(Compare.INDICATOR, "options"),
        Input(UserData.SERIES, "data"),
        State(Compare.INDICATOR, "options"),
        State(UserData.GROUP, "data"),
    )

    # The picker lists the series kept in this browser; removing one is done there too.
    app.clientside_callback(
        ClientsideFunction("userdata", "pickOptions"),
        Output(UserData.PICK, "options"),
        Output(UserData.PICK, "value", allow_duplicate=True),
        Input(UserData.SERIES, "data"),
        State(UserData.PICK, "value"),
        prevent_initial_call="initial_duplicate",
    )
    app.clientside_callback(
        ClientsideFunction("userdata", "removeSeries"),
        Output(UserData.SERIES, "data", allow_duplicate=True),
        Input(UserData.REMOVE, "n_clicks"),
        State(UserData.PICK, "value"),
        State(UserData.SERIES, "data"),
        prevent_initial_call=True,
    )

