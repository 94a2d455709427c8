"""Remittances, net aid (ODA) and foreign direct investment over time: the classic
development-finance comparison, one line per flow."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

COLUMNS = ["series", "series_name", "year", "value"]
# One colour and dash per flow (Okabe–Ito / Tol tones, >= 3:1 on white), the same in every
# profile; dashes keep the lines apart in a black-and-white print.
SERIES_STYLES: dict[str, dict[str, str]] = {
    "BX.TRF.PWKR.CD.DT": {"color": "#0072B2", "dash": "solid"},  # remittances
    "DT.ODA.ODAT.CD": {"color": "#D55E00", "dash": "dash"},  # net ODA received
    "BX.KLT.DINV.CD.WD": {"color": "#555555", "dash": "dot"},  # FDI, net inflows
}


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    keep = COLUMNS + [c for c in ("label", "status") if c in df.columns]
    return df.loc[df["value"].notna(), keep].sort_values(["series", "year"])


def create_figure(
    df: pd.DataFrame, *, y_title: str, order: list[str] | None = None,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df`: one row per flow and year; `label` (formatted value) used for hover if present.
    `export`: country_code, country_name, unit (and transform) for the downloads; each flow's
    indicator code is its series code (theme.trace_meta), with each value's status where `df`
    has one."""
    data = process_data(df)
    fig = go.Figure(layout=theme.base_layout(
        yaxis={"title": {"text": y_title}},
        xaxis={"tickformat": "d"},
        hovermode="x unified",
    ))
    for code in order or list(dict.fromkeys(data["series"])):
        rows = data[data["series"] == code]
        if rows.empty:
            continue
        name = rows["series_name"].iloc[0]
        style = SERIES_STYLES.get(code, {"color": theme.TEXT_COLOUR, "dash": "solid"})
        labels = rows["label"] if "label" in rows else rows["value"].map(str)
        fig.add_trace(go.Scatter(
            x=rows["year"].tolist(), y=rows["value"].tolist(), name=name,
            meta=theme.trace_meta(**theme.with_status(export, rows), indicator_code=code,
                                  key=code) if export else code,
            mode="lines", line={"color": style["color"], "dash": style["dash"], "width": 3},
            customdata=labels.tolist(), hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
        ))
    return fig
