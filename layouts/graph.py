"""The one way to put a chart on a page: a dcc.Graph with the app's offline-safe config."""

from __future__ import annotations

from dash import dcc, get_asset_url, html

from layouts.deck_button import add_to_deck as deck_button


def graph_config() -> dict:
    """Plotly config: map shapes from the app's own assets, no Plotly logo, image export."""
    return {
        "topojsonURL": get_asset_url("topojson/"),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }


def graph(
    graph_id: str | dict, label: str, add_to_deck: bool = True, **kwargs: object
) -> html.Div:
    """A Graph (id `graph_id`) with the shared config, in a figure region named `label` for
    screen readers, with "Add this view to my deck" under it unless `add_to_deck` is False."""
    chart = dcc.Graph(id=graph_id, config=graph_config(), className="chart", **kwargs)
    return html.Div(
        [chart, deck_button(graph_id)] if add_to_deck else chart,
        role="figure", className="chart-box", **{"aria-label": label},
    )
