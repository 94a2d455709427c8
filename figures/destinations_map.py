"""A world map of where a country's emigrants live, on the shared choropleth with a
logarithmic colour scale (one destination often holds most of a diaspora)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from figures import choropleth


def process_data(df: pd.DataFrame) -> pd.DataFrame:
    """Destinations as choropleth rows: country_code, country_name, value (log10 persons) and
    label (the formatted count, kept for hover)."""
    data = df[df["value"] > 0]
    return pd.DataFrame({
        "country_code": data["destination_code"],
        "country_name": data["destination_name"],
        "value": [math.log10(v) for v in data["value"]],
        "label": data["label"] if "label" in data else data["value"].map(str),
    })


def create_figure(
    df: pd.DataFrame, *, origin: str, colorbar_title: str, tick_labels: dict[int, str],
    no_data_legend: str | None = None, export: Mapping[str, object] | None = None,
) -> go.Figure:
    """`df`: destination_code, destination_name, value (persons), label. `tick_labels` maps
    powers of ten to their formatted labels for the colour bar; `no_data_legend` names the grey
    of countries with no emigrants recorded. `export`: indicator_code, unit,
    year (and extra columns) for the downloads, which hold the persons, not their log10."""
    data = process_data(df)
    # One row per destination with a value, so the shared map keeps these rows in this order.
    persons = df.loc[df["value"] > 0, "value"].tolist()
    fig = choropleth.create_figure(data, colorbar_title=colorbar_title, highlight=[origin],
                                   no_data_legend=no_data_legend,
                                   export={**export, "value": persons} if export else None)
    top = math.ceil(data["value"].max()) if len(data) else 1
    ticks = [power for power in sorted(tick_labels) if power <= top]
    fig.update_traces(
        selector={"name": ""},
        colorbar={"tickvals": ticks, "ticktext": [tick_labels[p] for p in ticks]},
    )
    return fig
