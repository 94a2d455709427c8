"""The text alternative of every chart: a one-paragraph summary and the data as a table, both
made from the figure the server draws (the rows its downloads hold, exports.figure_data), so
they say exactly what the chart shows. `layouts.graph.graph` puts them under the chart in a
<details> element and names and describes the chart with them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from dash import dcc, html

import charts
import query
from exports.figure_data import HIDDEN, export_unit, trace_rows
from ids import ChartTool, block
from serving.cache import memoize
from text import accessibility as t
from text.numbers import format_number, format_value

MAX_DESCRIBED = 6  # series told in the summary; the table holds them all
RANKED_ENDS = 3  # places named at the top of a one-year ranking


def chart_text(dom_id: str, chart_id: str, state: Any) -> list:
    """The children of the chart's <details>: summary and table, for the chart `chart_id` in
    `state`, drawn in the graph whose DOM id is `dom_id`."""
    spec = charts.chart(chart_id)
    return _chart_text(dom_id, str(spec.id), spec.key(state), spec.title_alone(state))


@memoize(as_json=True)
def _chart_text(dom_id: str, chart_id: str, key: Any, title: str) -> list:
    return text_of_figure(dom_id, charts.figure_json(chart_id, key), title)


def text_of_figure(dom_id: str, figure: Mapping[str, Any], title: str) -> list:
    """Summary of `figure` (a plotly figure as JSON) titled `title`, and the place of its data
    table: the table is drawn when the <details> is opened (`table_of_view`), since hundreds of
    cells in every page and answer would slow every redraw."""
    ids = block(dom_id)
    rows = figure_rows(figure)
    kind = chart_kind(figure)
    before, after = t.SUMMARY_OPENING.format(kind=kind, title="\0").split("\0")
    opening = [before, html.Span(title, id=ids.name), after, " "]
    said = summary(rows) if rows else t.SUMMARY_NO_DATA
    return [
        html.Summary(t.DATA_DETAILS, id={"type": ChartTool.DETAILS_SUMMARY, "chart": dom_id}),
        html.P([*opening, said], id=ids.summary, className="chart-summary"),
        dcc.Store(id={"type": ChartTool.TABLE_WANTED, "chart": dom_id}),
        html.Div(id={"type": ChartTool.TABLE, "chart": dom_id}),
    ]


def table_of_view(chart_id: str, state: Any) -> list:
    """The data table of the chart `chart_id` in `state`, as drawn."""
    spec = charts.chart(chart_id)
    return _table(str(spec.id), spec.key(state), spec.title_alone(state))


@memoize(as_json=True)
def _table(chart_id: str, key: Any, title: str) -> list:
    rows = figure_rows(charts.figure_json(chart_id, key))
    return [data_table(rows, title)] if rows else []


# ---- the rows ---------------------------------------------------------------------------------

def figure_rows(figure: Mapping[str, Any]) -> list[dict]:
    """The download rows of every data trace shown, each with its trace's number (`trace`)
    and legend name (`series`, empty for an unnamed trace)."""
    rows: list[dict] = []
    for number, trace in enumerate(figure.get("data") or []):
        meta = trace.get("meta")
        export = meta.get("export") if isinstance(meta, Mapping) else None
        if not isinstance(export, Mapping) or trace.get("visible") in HIDDEN:
            continue
        name = trace.get("name") or ""
        rows.extend({**row, "trace": number, "series": name}
                    for row in trace_rows(trace, export,
                                          export_unit(export, query.indicator_meta)))
    return rows


def chart_kind(figure: Mapping[str, Any]) -> str:
    """What kind of chart it is: a map, flow diagram or bar chart (whatever lines or labels
    are drawn over it), else a line chart."""
    types = [trace.get("type") or "scatter" for trace in figure.get("data") or []]
    for kind in ("choropleth", "sankey", "bar", "scatter"):
        if kind in types:
            return t.KINDS[kind]
    return t.KIND_DEFAULT


def places(values: Iterable[float]) -> int:
    """Decimals that show every value as drawn: none for whole numbers, else 1 or 2."""
    numbers = [abs(v) for v in values]
    if all(float(v).is_integer() for v in numbers):
        return 0
    return 2 if max(numbers, default=0) < 10 else 1


# ---- the summary ------------------------------------------------------------------------------

def summary(rows: list[dict]) -> str:
    """One sentence per series (at most MAX_DESCRIBED): first and last value of a series over
    time, or the highest and lowest places of a one-year ranking."""
    series: dict[tuple[int, str, str], list[dict]] = {}
    for row in rows:
        # Named traces of the same name and indicator are one series (a line and its dotted
        # projection); unnamed traces are each their own.
        key = (-1 if row["series"] else row["trace"], row["series"], row.get("unit") or "")
        series.setdefault(key, []).append(row)
    names = [series_name(points) for points in series.values()]
    repeated = {name for name in names if names.count(name) > 1}
    sentences = [
        series_sentence(t.SERIES_WITH_UNIT.format(name=name, unit=unit)
                        if name in repeated and unit else name, points)
        for name, (_, _, unit), points in list(zip(names, series, series.values(),
                                                   strict=True))[:MAX_DESCRIBED]]
    text = "; ".join(sentences) + "."
    if len(series) > MAX_DESCRIBED:
        text += " " + t.SUMMARY_MORE.format(count=len(series) - MAX_DESCRIBED)
    return text


def place(row: dict) -> str:
    """Where a value is: its destination when the chart shows where people went."""
    return str(row.get("destination_name") or row.get("country_name") or "")


def series_name(points: list[dict]) -> str:
    """A series' legend name; for an unnamed trace, its one place, or "all places"."""
    if points[0]["series"]:
        return points[0]["series"]
    names = {p.get("country_name") or "" for p in points}
    return names.pop() if len(names) == 1 else t.SERIES_UNNAMED


def series_sentence(name: str, points: list[dict]) -> str:
    def value(row: dict) -> str:
        return format_value(row["value"], row.get("unit") or "", places([row["value"]]))

    def period(row: dict) -> str:
        return str(row.get("period") or row.get("year") or "")

    times = {period(p) for p in points}
    if len(points) == 1:
        return t.SUMMARY_TREND_ONE.format(name=name, value=value(points[0]),
                                          year=period(points[0]))
    if len(times) > 1:
        ordered = sorted(points, key=lambda p: (p.get("year") or 0, period(p)))
        first, last = ordered[0], ordered[-1]
        return t.SUMMARY_TREND.format(name=name, first=value(first), first_year=period(first),
                                      last=value(last), last_year=period(last))
    ranked = sorted(points, key=lambda p: -p["value"])

    def entries(chosen: list[dict]) -> str:
        return ", ".join(t.SUMMARY_ENTRY.format(place=place(p), value=value(p)) for p in chosen)

    top = ranked[:RANKED_ENDS]
    bottom = [p for p in ranked[-1:] if p not in top]
    if not bottom:
        return t.SUMMARY_RANKED_ONE.format(name=name, year=period(points[0]), top=entries(top))
    return t.SUMMARY_RANKED.format(name=name, year=period(points[0]), top=entries(top),
                                   bottom=entries(bottom))


# ---- the table --------------------------------------------------------------------------------

def data_table(rows: list[dict], title: str) -> html.Div:
    """Every row the chart draws: series (if it is not the place), place, the rows' own
    columns (sex, period, ...), year, value and, if units differ between rows, the unit."""
    extras = [key for key in rows[0] if key not in (
        "trace", "series", "country_code", "country_name", "indicator_code", "year", "value",
        "unit") and not key.endswith("_code")]
    with_series = any(r["series"] and r["series"] != (r.get("country_name") or "")
                      for r in rows)
    units = list(dict.fromkeys(r.get("unit") or "" for r in rows))
    decimals = places(r["value"] for r in rows)
    value_header = (f"{t.COLUMN_VALUE} ({units[0]})" if len(units) == 1 and units[0]
                    else t.COLUMN_VALUE)
    headers = [*([t.COLUMN_SERIES] if with_series else []), t.COLUMN_PLACE,
               *(t.COLUMNS.get(key, key.replace("_", " ").capitalize()) for key in extras),
               t.COLUMN_YEAR, value_header, *([t.COLUMN_UNIT] if len(units) > 1 else [])]

    def cell(key: str, row: dict) -> str:
        item = row.get(key)
        if key == "status":
            return t.STATUS.get(str(item), str(item or ""))
        if isinstance(item, float):
            return "–" if math.isnan(item) else format_number(item, places([item]))
        return "" if item is None else str(item)

    body = [
        html.Tr([
            *([html.Td(row["series"])] if with_series else []),
            html.Th(row.get("country_name") or "", scope="row"),
            *(html.Td(cell(key, row)) for key in extras),
            html.Td("" if row.get("year") is None else str(row["year"])),
            html.Td(format_number(row["value"], decimals), className="num"),
            *([html.Td(row.get("unit") or "")] if len(units) > 1 else []),
        ])
        for row in rows
    ]
    return html.Div(
        html.Table([
            html.Caption(t.TABLE_CAPTION.format(title=title)),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
            html.Tbody(body),
        ], className="table table-sm chart-data-table"),
        className="chart-data-table-wrap", tabIndex="0", role="region",
        **{"aria-label": t.TABLE_CAPTION.format(title=title)},
    )
