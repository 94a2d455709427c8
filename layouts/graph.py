"""The one way to put a chart on a page: a dcc.Graph with the app's offline-safe config and,
under it, the chart's toolbar: data (CSV, XLSX), image (PNG, SVG), copy citation, optionally
the embed code, and "Add this view to my deck".

Every toolbar is served by the same pattern-matching callbacks (callbacks/downloads.py,
callbacks/deck.py), whose ids carry the chart's id. Beside the toolbar a store holds the link of
the view the chart shows ({"type": "chart-view", "chart": id}): the server rebuilds the chart
from that link for a download, a citation or a slide, and never trusts a figure sent by the
browser.
"""

from __future__ import annotations

from dash import dcc, get_asset_url, html

from ids import ChartTool, block
from text import downloads as t
from text import present as tp
from text.i18n import current, plotly_words

# What a graph shows until it is drawn (a hidden tab): nothing, not even axes.
NOT_DRAWN = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}
DATA_FORMATS = ("csv", "xlsx")
IMAGE_FORMATS = ("png", "svg")
PLOTLY_HEIGHT = 450  # what plotly draws a figure without a height at


def graph_config() -> dict:
    """Plotly config: map shapes from the app's own assets, no Plotly logo, image export, and
    Plotly's own words in the page's language."""
    config = {
        "topojsonURL": get_asset_url("topojson/"),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }
    words = plotly_words(current())
    if words:
        config |= {"locale": current(), "locales": {current(): words}}
    return config


def frame_height(figure: object) -> int | None:
    """The height (px) the figure will be drawn at: its layout's, or plotly's default; None
    for a figure not drawn yet."""
    if figure is None or figure is NOT_DRAWN:
        return None
    layout = figure.get("layout") if isinstance(figure, dict) else getattr(figure, "layout", None)
    height = layout.get("height") if isinstance(layout, dict) else getattr(layout, "height", None)
    return int(height) if height else PLOTLY_HEIGHT


def graph(
    chart_id: str,
    label: str,
    figure: object = None,
    *,
    text: list | None = None,
    title_id: str | None = None,
    view_url: str | None = None,
    add_to_deck: bool = True,
    downloads: bool = True,
    embed: bool = False,
    fill: bool = False,
    **kwargs: object,
) -> html.Div:
    """A Graph (id `chart_id`, drawn with `figure`) in a figure region. Under it: the toolbar
    (unless `downloads` is False), the embed code (if `embed`), "Add this view to my deck"
    (unless `add_to_deck` is False) and, if given, `text`: the chart's summary and data table
    (layouts.chart_text), in a <details>. The region is named by the element `title_id` (or
    the title in `text`, else `label`) and described by the summary. `view_url` is the link
    of the view the chart shows. The frame keeps the figure's height before it is drawn, so
    nothing under it moves; `fill`: the graph fills a box the page sizes instead."""
    ids = block(chart_id)
    chart = dcc.Graph(id=chart_id, figure=NOT_DRAWN if figure is None else figure,
                      config=graph_config(), className="chart",
                      **kwargs)
    height = None if fill else frame_height(figure)
    parts: list = [html.Div(chart, id={"type": ChartTool.FIGURE, "chart": chart_id},
                            className="chart-frame",
                            style={"minHeight": f"{height}px"} if height else None),
                   dcc.Store(id=ids.view, data=view_url)]
    if downloads:
        parts.append(toolbar(chart_id, label, embed))
    if add_to_deck:
        parts.append(deck_button(chart_id))
    if text is None:
        return html.Div(parts, role="figure", className="chart-box", **{"aria-label": label})
    parts.append(html.Details(text, id=ids.text, className="chart-data no-print"))
    return html.Div(parts, role="figure", className="chart-box",
                    **{"aria-labelledby": title_id or ids.name, "aria-describedby": ids.summary})


def toolbar(key: str, label: str, embed: bool, *, compact: bool = False) -> html.Div:
    """Compact, keyboard-operable buttons under a chart; hidden in print (.chart-downloads).
    `compact`: one small row for a layout that places the toolbar itself (a slide's footer,
    beside the source line)."""

    def button(kind: str, fmt: str, text: str, title: str) -> html.Button:
        # Named by its text (what a speech-input user says), described by its title.
        return html.Button(text, id={"type": kind, "chart": key, "format": fmt}, type="button",
                           title=title, className="btn btn-outline-secondary btn-sm")

    buttons = [
        *(button(ChartTool.EXPORT, fmt, t.FORMAT_NAMES[fmt], t.DOWNLOAD_TITLES[fmt])
          for fmt in (*DATA_FORMATS, *IMAGE_FORMATS)),
        dcc.Clipboard(
            id={"type": ChartTool.CITE, "chart": key},
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
            t.EMBED, id={"type": ChartTool.EMBED, "chart": key}, type="button",
            title=t.EMBED_TITLE, className="btn btn-outline-secondary btn-sm",
            **{"aria-expanded": "false"}))
        embed_box = [html.Div(
            [
                html.Label(t.EMBED_CODE_LABEL, className="form-label"),
                html.Div([
                    html.Pre(id={"type": ChartTool.EMBED_CODE, "chart": key},
                             className="chart-embed-code", tabIndex="0"),
                    dcc.Clipboard(target_id={"type": ChartTool.EMBED_CODE, "chart": key},
                                  children=html.Button(t.COPY_EMBED, type="button",
                                                       className="btn btn-outline-secondary "
                                                                 "btn-sm"),
                                  className="chart-cite"),
                ], className="chart-embed-row"),
            ],
            id={"type": ChartTool.EMBED_BOX, "chart": key}, hidden=True,
            className="chart-embed",
        )]
    return html.Div(
        [
            html.Div([html.Span(t.TOOLBAR_LABEL, className="chart-tools-label"), *buttons],
                     role="group", className="chart-tools",
                     **{"aria-label": t.TOOLBAR_ARIA.format(chart=label)}),
            html.Span(id={"type": ChartTool.STATUS, "chart": key}, role="status",
                      className="chart-export-status"),
            *embed_box,
            dcc.Download(id={"type": ChartTool.DOWNLOAD, "chart": key}),
            dcc.Store(id={"type": ChartTool.IMAGE, "chart": key}),
        ],
        className="chart-downloads chart-downloads-compact no-print" if compact
        else "chart-downloads no-print",
    )


def deck_button(key: str) -> html.Div:
    """“Add this view to my deck”: adds the view the chart shows (its view store) as a slide
    to the deck kept in this browser (callbacks/deck.py), and says so beside the button."""
    return html.Div(
        [
            html.Button(tp.ADD_TO_DECK, id={"type": ChartTool.DECK_ADD, "chart": key},
                        type="button", className="btn btn-outline-secondary btn-sm deck-add"),
            html.Span(id={"type": ChartTool.DECK_ADD_STATUS, "chart": key}, role="status",
                      className="deck-add-status"),
            dcc.Store(id={"type": ChartTool.DECK_ADD_RESULT, "chart": key}),
        ],
        className="deck-add-box",
    )
