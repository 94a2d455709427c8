"""The one way to put a chart on a page: a dcc.Graph with the app's offline-safe config and,
under it, the chart's toolbar: data (CSV, XLSX), image (PNG, SVG), copy citation, and optionally
the embed code and "Add this view to my deck".

Every chart's toolbar is served by the same pattern-matching callbacks (callbacks/downloads.py).
Their ids carry `chart`, the chart's key (see `chart_key`); the graph sits in a container with
the id {"type": "chart-figure", "chart": key}, whose children the callbacks read to get the
figure as drawn, so charts keep their own (string or dict) ids and their own callbacks.
"""

from __future__ import annotations

import json

from dash import dcc, get_asset_url, html

from layouts.deck_button import add_to_deck as deck_button
from text import downloads as t

DATA_FORMATS = ("csv", "xlsx")
IMAGE_FORMATS = ("png", "svg")


def graph_config() -> dict:
    """Plotly config: map shapes from the app's own assets, no Plotly logo, image export."""
    return {
        "topojsonURL": get_asset_url("topojson/"),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }


def chart_key(graph_id: str | dict) -> str:
    """The chart's key in the toolbar ids: the graph's DOM id, which the browser finds it by
    (Dash writes a dict id as compact JSON with sorted keys)."""
    if isinstance(graph_id, str):
        return graph_id
    return json.dumps(graph_id, sort_keys=True, separators=(",", ":"))


def graph(
    graph_id: str | dict,
    label: str,
    add_to_deck: bool = True,
    *,
    downloads: bool = True,
    embed: bool = False,
    **kwargs: object,
) -> html.Div:
    """A Graph (id `graph_id`) with the shared config, in a figure region named `label` for
    screen readers. Under it: the downloads toolbar (unless `downloads` is False), the embed
    code (if `embed`: the page's view can be shown at /embed) and "Add this view to my deck"
    (unless `add_to_deck` is False)."""
    chart = dcc.Graph(id=graph_id, config=graph_config(), className="chart", **kwargs)
    key = chart_key(graph_id)
    parts: list = [html.Div(chart, id={"type": "chart-figure", "chart": key},
                            className="chart-frame")]
    if downloads:
        parts.append(toolbar(key, label, embed))
    if add_to_deck:
        parts.append(deck_button(graph_id))
    return html.Div(parts, role="figure", className="chart-box", **{"aria-label": label})


def toolbar(key: str, label: str, embed: bool, *, compact: bool = False) -> html.Div:
    """Compact, keyboard-operable buttons under a chart; hidden in print (.chart-downloads).
    `compact`: one small row for a layout that places the toolbar itself (a slide's footer,
    beside the source line), for the chart whose graph id has this `key`."""

    def button(kind: str, fmt: str, text: str, title: str) -> html.Button:
        return html.Button(text, id={"type": kind, "chart": key, "format": fmt}, type="button",
                           title=title, className="btn btn-outline-secondary btn-sm",
                           **{"aria-label": title})

    buttons = [
        *(button("chart-export", fmt, t.FORMAT_NAMES[fmt], t.DOWNLOAD_TITLES[fmt])
          for fmt in (*DATA_FORMATS, *IMAGE_FORMATS)),
        dcc.Clipboard(
            id={"type": "chart-cite", "chart": key},
            children=html.Button(t.COPY_CITATION, type="button", title=t.COPY_CITATION_TITLE,
                                 className="btn btn-outline-secondary btn-sm"),
            copied_children=html.Button(t.CITATION_COPIED, type="button",
                                        title=t.COPY_CITATION_TITLE,
                                        className="btn btn-outline-secondary btn-sm"),
            className="chart-cite",
        ),
    ]
    embed_box: list = []
    if embed:
        buttons.append(html.Button(
            t.EMBED, id={"type": "chart-embed", "chart": key}, type="button",
            title=t.EMBED_TITLE, className="btn btn-outline-secondary btn-sm",
            **{"aria-expanded": "false", "aria-label": t.EMBED_TITLE}))
        embed_box = [html.Div(
            [
                html.Label(t.EMBED_CODE_LABEL, className="form-label"),
                html.Div([
                    html.Pre(id={"type": "chart-embed-code", "chart": key},
                             className="chart-embed-code", tabIndex="0"),
                    dcc.Clipboard(target_id={"type": "chart-embed-code", "chart": key},
                                  children=html.Button(t.COPY_EMBED, type="button",
                                                       className="btn btn-outline-secondary "
                                                                 "btn-sm"),
                                  className="chart-cite"),
                ], className="chart-embed-row"),
            ],
            id={"type": "chart-embed-box", "chart": key}, hidden=True, className="chart-embed",
        )]
    return html.Div(
        [
            html.Div([html.Span(t.TOOLBAR_LABEL, className="chart-tools-label"), *buttons],
                     role="group", className="chart-tools",
                     **{"aria-label": t.TOOLBAR_ARIA.format(chart=label)}),
            html.Span(id={"type": "chart-export-status", "chart": key}, role="status",
                      className="chart-export-status"),
            *embed_box,
            dcc.Download(id={"type": "chart-download", "chart": key}),
            dcc.Store(id={"type": "chart-image", "chart": key}),
        ],
        className="chart-downloads chart-downloads-compact no-print" if compact
        else "chart-downloads no-print",
    )
