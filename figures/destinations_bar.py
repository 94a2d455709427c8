"""A country's largest diaspora destinations: horizontal bars, largest on top, split into
women and men where the data has the split."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import theme

COLUMNS = ["destination_code", "destination_name", "total", "female", "male"]
SEX_COLOURS = {"female": "#882255", "male": "#117733"}  # Paul Tol's wine and green


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """Largest first; a row is split by sex only if both parts are known and add up."""
    data = df[df["total"].notna() & (df["total"] > 0)].sort_values("total", ascending=False)
    split = data["female"].notna() & data["male"].notna() & (
        (data["female"] + data["male"] - data["total"]).abs() <= 1)
    return data.assign(split=split)


def _gaps_as_none(values: pd.Series) -> list:
    return [None if pd.isna(v) else float(v) for v in values]


def create_figure(
    df: pd.DataFrame, *, x_title: str, sex_names: dict[str, str],
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df` has COLUMNS and `label` (formatted total with share) for the bar ends.
    `sex_names` names the female, male and total traces. `export`: indicator_code, unit, year
    (and extra columns, e.g. origin_code) for the downloads (theme.trace_meta): one row per
    destination and sex, the totals first (from the bar-end labels, which every destination
    has), then women and men where the bars split."""
    data = process_data(df)
    codes = data["destination_code"].tolist()
    names = data["destination_name"].tolist()
    labels = (data["label"] if "label" in data else data["total"].map(str)).tolist()

    def meta(key: str) -> dict | str:
        if not export:
            return key
        sex = "total" if key == "labels" else key
        return theme.trace_meta(**theme.with_extra(export, sex=sex), value="x",
                                country_code=codes, country_name=names, key=key)

    fig = go.Figure(layout=theme.base_layout(
        barmode="stack",
        xaxis={"title": {"text": x_title}, "showgrid": True, "gridcolor": theme.GRID_COLOUR},
        yaxis={"autorange": "reversed", "gridcolor": "rgba(0,0,0,0)"},
        height=max(260, 90 + 40 * len(data)),
        margin={"r": 120},
    ))
    # The total and share at the end of each bar, in a text-only trace; it carries each
    # destination's total for the downloads (scatter is drawn above bars whatever its place).
    fig.add_trace(go.Scatter(
        x=data["total"].tolist(), y=names, mode="text", text=labels, textposition="middle right",
        showlegend=False, hoverinfo="skip", cliponaxis=False, meta=meta("labels"),
        customdata=codes,
    ))
    for sex in ("female", "male"):
        values = data[sex].where(data["split"])
        if values.notna().any():
            fig.add_trace(go.Bar(
                x=_gaps_as_none(values), y=names, orientation="h", name=sex_names[sex],
                meta=meta(sex), marker={"color": SEX_COLOURS[sex]},
                hovertemplate=f"%{{y}}, {sex_names[sex]}: %{{x:,.0f}}<extra></extra>",
            ))
    unsplit = data["total"].where(~data["split"])
    if unsplit.notna().any():
        fig.add_trace(go.Bar(
            x=_gaps_as_none(unsplit), y=names, orientation="h", name=sex_names["total"],
            meta="total",  # decoration: its values are in the labels trace's rows already
            marker={"color": theme.MUTED_COLOUR},
            hovertemplate=f"%{{y}}, {sex_names['total']}: %{{x:,.0f}}<extra></extra>",
        ))
    return fig
