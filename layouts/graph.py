"""The one way to put a chart on a page: a dcc.Graph with the app's offline-safe config."""

from __future__ import annotations

from dash import dcc, get_asset_url, html


def graph_config() -> dict:
    """Plotly config: map shapes from the app's own assets, no Plotly logo, image export."""
    return {
        "topojsonURL": get_asset_url("topojson/"),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }


def graph(graph_id: str | dict, label: str, **kwargs: object) -> html.Div:
    """A Graph (id `graph_id`) with the shared config, in a figure region named `label` for
    screen readers."""
    return html.Div(
        dcc.Graph(id=graph_id, config=graph_config(), className="chart", **kwargs),
        role="figure", className="chart-box", **{"aria-label": label},
    )
