"""A world map of one year's values; chosen countries are outlined.

The colour scale runs from light (low) to dark (high) (theme.SEQUENTIAL_SCALE); countries
without a value are a neutral grey, named in the legend ("No data"), so a gap never reads as
a low value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from figures import theme


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["value"].notna()].drop_duplicates("country_code", keep="last")


def create_figure(
    df: pd.DataFrame,
    *,
    colorbar_title: str,
    highlight: Sequence[str] = (),
    no_data_label: str = "–",
    no_data_legend: str | None = None,
    export: Mapping[str, object] | None = None,
) -> go.Figure:
    """Values by ISO3 code on the world shapes served from the app's assets. `no_data_label`:
    the hover text of a chosen country without a value; `no_data_legend`: the legend entry of
    the grey of countries without a value (None: no entry). `export`: indicator_code, unit
    (and transform, base, year) for the downloads; the year of each country comes from `df`'s
    year column when it has one."""
    data = process_data(df)
    labels = data["label"] if "label" in data else data["value"].map(str)
    fig = go.Figure(layout=theme.base_layout(
        margin={"l": 0, "r": 0, "t": 8, "b": 0},
        geo={
            "projection": {"type": "natural earth"},
            "showframe": False,
            "showcoastlines": False,
            "showland": True,
            "landcolor": theme.NO_DATA_COLOUR,
            "showcountries": True,
            "countrycolor": theme.MAP_OUTLINE,
            "bgcolor": "rgba(0,0,0,0)",
            "lataxis": {"range": [-58, 85]},
        },
        height=520,
    ))
    fig.add_trace(go.Choropleth(
        locations=data["country_code"].tolist(),
        z=data["value"].tolist(),
        locationmode="ISO-3",
        colorscale=[list(stop) for stop in theme.SEQUENTIAL_SCALE],
        # A few extreme values would paint every other country the same colour: the scale
        # stops at the 95th percentile and higher values take its top colour.
        zmin=float(data["value"].min()) if len(data) else None,
        zmax=float(data["value"].quantile(0.95)) if len(data) >= 20 else None,
        marker={"line": {"color": theme.MAP_OUTLINE, "width": 0.5}},
        colorbar={"title": {"text": colorbar_title, "side": "right"}, "thickness": 14,
                  "len": 0.8},
        text=data["country_name"].tolist(),
        customdata=labels.tolist(),
        hovertemplate="%{text}: %{customdata}<extra></extra>",
        name="",
        meta=theme.trace_meta(**{
            "value": "z", **({"year": data["year"].tolist()} if "year" in data else {}),
            **theme.with_status(export, data), "country_code": data["country_code"].tolist(),
            "country_name": data["country_name"].tolist(),
        }) if export else None,
    ))
    if highlight:
        # A transparent layer on top outlines the chosen countries, with or without data;
        # it repeats their hover text because it sits above the coloured layer.
        label_of = dict(zip(data["country_code"], labels, strict=True))
        name_of = dict(zip(data["country_code"], data["country_name"], strict=True))
        chosen = list(dict.fromkeys(highlight))
        fig.add_trace(go.Choropleth(
            locations=chosen,
            z=[0] * len(chosen),
            locationmode="ISO-3",
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            marker={"line": {"color": theme.HIGHLIGHT_OUTLINE, "width": 2.5}},
            text=[name_of.get(code, code) for code in chosen],
            customdata=[label_of.get(code, no_data_label) for code in chosen],
            hovertemplate="%{text}: %{customdata}<extra></extra>",
            name="highlight",
        ))
    if no_data_legend:
        # A legend entry only: a point-less trace in the grey of countries without a value.
        fig.add_trace(go.Scattergeo(
            lon=[None], lat=[None], mode="markers", name=no_data_legend, showlegend=True,
            hoverinfo="skip", meta={"key": "no-data"},
            marker={"symbol": "square", "size": 14, "color": theme.NO_DATA_COLOUR},
        ))
        fig.update_layout(showlegend=True)
    return fig
