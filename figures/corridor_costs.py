"""The cost of sending money into one country, by sending country and quarter, against the
SDG 10.c target of 3 %."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import targets, theme


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """Quarter rows with a value, each placed at the start of its quarter."""
    data = df[df["cost_pct"].notna()].sort_values(["sender_code", "year", "quarter"])
    dates = pd.to_datetime(
        {"year": data["year"], "month": (data["quarter"] - 1) * 3 + 1, "day": 1})
    return data.assign(date=dates.dt.strftime("%Y-%m-%d"))


def create_figure(
    df: pd.DataFrame, *, y_title: str, target_label: str,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df`: sender_code, sender_name, period, year, quarter, cost_pct, and `label`.
    `export`: indicator_code, unit (and extra columns, e.g. receiver_code) for the downloads:
    one row per sending country and quarter, with the quarter in a `period` column."""
    data = process_data(df)
    codes = list(dict.fromkeys(data["sender_code"]))
    styles = theme.country_styles(codes)
    top = max(float(data["cost_pct"].max()) if len(data) else 0.0,
              targets.SDG_10C_TARGET_PCT) * 1.1
    fig = go.Figure(layout=theme.base_layout(
        yaxis={"title": {"text": y_title}, "range": [0, top], "ticksuffix": " %"},
        xaxis={"type": "date", "tickformat": "%Y", "dtick": "M12"},
        hovermode="x unified",
    ))
    for code in codes:
        rows = data[data["sender_code"] == code]
        name = rows["sender_name"].iloc[0]
        labels = rows["label"] if "label" in rows else rows["cost_pct"].map(str)
        fig.add_trace(go.Scatter(
            x=rows["date"].tolist(), y=rows["cost_pct"].tolist(), name=name,
            meta=theme.trace_meta(**theme.with_extra(export, period=rows["period"].tolist()),
                                  country_code=code, country_name=name,
                                  year=rows["year"].tolist(), key=code)
            if export else code,
            mode="lines+markers", connectgaps=False,
            line={"color": styles[code]["color"], "dash": styles[code]["dash"], "width": 2.5},
            marker={"size": 7, "symbol": styles[code]["symbol"]},
            customdata=list(zip(rows["period"], labels, strict=True)),
            hovertemplate=f"{name} (%{{customdata[0]}}): %{{customdata[1]}}<extra></extra>",
        ))
    return targets.add_target(fig, targets.SDG_10C_TARGET_PCT, target_label)
