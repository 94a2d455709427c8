"""Lines over time, one per country, in each country's own colour.

When the rows carry a `status` (query.series gives one: observed, estimate or projection),
values the source does not present as observed are drawn apart: a dotted segment and open
markers, with the status in the hover text and in each exported row. A country with such
values gets three traces in one legend group: its observed points (solid line, legend
entry), a dotted line through the other points and the observed points next to them
(drawing only: no hover, no export), and open markers on the other points. Each country
has its own marker symbol (theme.country_styles), so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

COLUMNS = ["country_code", "country_name", "year", "value"]
STATUS = "status"
OBSERVED = "observed"
OTHER_DASH = "dot"


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a value, sorted for drawing; `label` (the formatted value) and `status` kept
    if present."""
    keep = COLUMNS + [c for c in ("label", STATUS) if c in df.columns]
    return df.loc[df["value"].notna(), keep].sort_values(["country_code", "year"])


def status_text(status: str, labels: Mapping[str, str] | None = None) -> str:
    """How a hover names a status: '' for observed, else ' (projection)' etc."""
    if status == OBSERVED:
        return ""
    return f" ({(labels or {}).get(status, status)})"


def create_figure(
    df: pd.DataFrame, *, y_title: str, log: bool = False, country_order: list[str] | None = None,
    export: Mapping[str, object] | None = None, status_labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """One line per country; `country_order` sets the legend order (default: first seen).
    `export`: indicator_code, unit (and transform, base) for the downloads (theme.trace_meta);
    with a `status` column every exported row carries its status. `status_labels`: the words
    a hover uses for each status (default: the status itself)."""
    data = process_data(df)
    codes = country_order or list(dict.fromkeys(data["country_code"]))
    styles = theme.country_styles(codes)
    fig = go.Figure(layout=theme.base_layout(
        yaxis={"title": {"text": y_title}, "type": "log" if log else "linear"},
        xaxis={"tickformat": "d"},
        hovermode="x unified",
    ))
    by_country = dict(tuple(data.groupby("country_code", sort=False)))
    for code in codes:
        rows = by_country.get(code)
        if rows is None:
            continue
        name = rows["country_name"].iloc[0]
        labels = (rows["label"] if "label" in rows else rows["value"].map(str)).tolist()
        statuses = rows[STATUS].astype(str).tolist() if STATUS in rows else None
        style = styles[code]
        if statuses is None or all(s == OBSERVED for s in statuses):
            fig.add_trace(_line(rows["year"].tolist(), rows["value"].tolist(), labels, name,
                                code, style, _meta(export, code, name, statuses)))
            continue
        _add_with_status(fig, rows, labels, statuses, name, code, style, export, status_labels)
    return fig


def _meta(export: Mapping[str, object] | None, code: str, name: str,
          statuses: list[str] | None) -> object:
    if not export:
        return code
    fields = theme.with_extra(export, status=statuses) if statuses is not None else export
    return theme.trace_meta(**fields, country_code=code, country_name=name, key=code)


def _line(years: list, values: list, labels: list, name: str, code: str, style: dict,
          meta: object) -> go.Scatter:
    return go.Scatter(
        x=years,
        y=values,
        name=name,
        legendgroup=code,
        meta=meta,
        mode="lines+markers",
        line={"color": style["color"], "dash": style["dash"], "width": 3},
        marker={"size": 8, "symbol": style["symbol"]},
        customdata=labels,
        hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
    )


def _add_with_status(
    fig: go.Figure, rows: pd.DataFrame, labels: list, statuses: list[str], name: str, code: str,
    style: dict, export: Mapping[str, object] | None, status_labels: Mapping[str, str] | None,
) -> None:
    years, values = rows["year"].tolist(), rows["value"].tolist()
    seen = [s == OBSERVED for s in statuses]
    # 1. Observed points: the legend entry; other years are gaps in this trace.
    observed_values = [v if ok else None for v, ok in zip(values, seen, strict=True)]
    fig.add_trace(_line(years, observed_values, labels, name, code, style,
                        _meta(export, code, name, statuses)))
    # 2. A dotted line through the other points, joined to the observed points beside them.
    joined = [i for i in range(len(years))
              if not seen[i] or (i > 0 and not seen[i - 1])
              or (i + 1 < len(years) and not seen[i + 1])]
    line_values = [values[i] if i in joined else None for i in range(len(years))]
    fig.add_trace(go.Scatter(
        x=years, y=line_values, name=name, legendgroup=code, showlegend=False,
        mode="lines", connectgaps=False, hoverinfo="skip", meta={"key": code},
        line={"color": style["color"], "dash": OTHER_DASH, "width": 3},
    ))
    # 3. Open markers on the other points, with their status in the hover and the export.
    others = [i for i in range(len(years)) if not seen[i]]
    other_statuses = [statuses[i] for i in others]
    fig.add_trace(go.Scatter(
        x=[years[i] for i in others],
        y=[values[i] for i in others],
        name=name,
        legendgroup=code,
        showlegend=False,
        mode="markers",
        meta=_meta(export, code, name, other_statuses) if export else code,
        marker={"size": 9, "symbol": theme.open_marker(style["symbol"]), "color": style["color"],
                "line": {"width": 2, "color": style["color"]}},
        customdata=[f"{labels[i]}{status_text(statuses[i], status_labels)}" for i in others],
        hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
    ))
