"""What a printable view adds for paper: the print button, and the print frame holding the
running header and footer (the view's title; the sources, the snapshot's vintage and the link
that reopens the view) with, at the end of the document, the same as a colophon with a
clickable link.

The frame's text is in data attributes: assets/js/print.js writes it into the page margins
(@page margin boxes, with the page numbers) and draws the charts at the paper's width just
before the browser prints (assets/styles/print.css hides everything interactive).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dash import get_asset_url, html

import charts
import query
from exports.metadata import entries_of
from ids import ChartId, Printing
from serving import absolute_url
from text import printing as t

# Widths (CSS px) the charts are drawn at on paper: the printable width of A4 and of US
# Letter with the margins of print.css, whichever is narrower.
PORTRAIT_WIDTH = 700
LANDSCAPE_WIDTH = 960
PPTX_SCRIPT = "vendor/pptxgenjs/pptxgen.bundle.js"


def print_height(component: Any, height: int) -> html.Div:
    """`component` with its charts drawn `height` CSS px high on paper (else their own)."""
    return html.Div(component, **{"data-print-height": str(height)})


def print_button() -> html.Button:
    return html.Button(t.PRINT, id=Printing.BUTTON, type="button", title=t.PRINT_TITLE,
                       className="btn btn-outline-primary no-print print-button")


def deck_buttons(*, builder: bool = False) -> list:
    """"Download as PowerPoint" and "Download as PDF" for the deck, with a status line; the
    PowerPoint's code (PptxGenJS) is loaded only when one is asked for
    (assets/js/take_away.js). `builder`: the deck builder's, which open the presenter with
    the deck and the file asked for."""
    button = "btn btn-outline-secondary no-print deck-take-away"
    if builder:
        return [html.Button(t.DECK_PPTX, id=Printing.BUILDER_PPTX, type="button",
                            title=t.DECK_PPTX_TITLE, className=button),
                html.Button(t.DECK_PDF, id=Printing.BUILDER_PDF, type="button",
                            title=t.DECK_PDF_TITLE, className=button)]
    return [
        html.Button(t.DECK_PPTX, id=Printing.DECK_PPTX, type="button", title=t.DECK_PPTX_TITLE,
                    className=f"{button} btn-sm",
                    **{"data-script": get_asset_url(PPTX_SCRIPT),
                       "data-building": t.DECK_BUILDING, "data-built": t.DECK_BUILT,
                       "data-failed": t.DECK_FAILED, "data-file": t.DECK_FILE,
                       "data-author": t.DECK_AUTHOR}),
        html.Button(t.DECK_PDF, id=Printing.DECK_PDF, type="button", title=t.DECK_PDF_TITLE,
                    className=f"{button} btn-sm"),
        html.Span(id=Printing.DECK_STATUS, role="status", className="deck-take-away-status"),
    ]


def source_names(shown: Iterable[tuple[ChartId, Any]]) -> list[str]:
    """The publishers of the charts shown, each once, in order (each chart names its data
    set, vintage and licence under it)."""
    sources = query.get_snapshot().sources
    publishers = dict(zip(sources["name"], sources["publisher"], strict=True))
    names: list[str] = []
    for chart_id, state in shown:
        for entry in entries_of(charts.chart(chart_id).sources(state), query.indicator_meta,
                                sources):
            named = entry.get("publisher") or publishers.get(entry.get("source"),
                                                             entry.get("source"))
            for name in str(named or "").split("; "):
                if name.strip() and name.strip() not in names:
                    names.append(name.strip())
    return names


def print_frame(title: str, view_url: str, shown: Iterable[tuple[ChartId, Any]], *,
                landscape: bool = False) -> html.Div:
    """The print header, footer and colophon of a view titled `title` whose link is
    `view_url`, showing the charts `shown` as (chart id, state) pairs."""
    names = source_names(shown)
    sources = t.SOURCES.format(sources="; ".join(names)) if names else ""
    vintage = t.VINTAGE.format(vintage=query.get_snapshot().vintage.get("snapshot", "–"))
    link = absolute_url(view_url)
    return html.Div(
        [
            html.P(" · ".join(part for part in (sources, vintage) if part),
                   className="print-colophon-sources"),
            html.P([t.REOPEN_LABEL, " ", html.A(link, href=link, className="print-link")]),
            html.P(t.PRINTED_BY),
        ],
        id=Printing.FRAME,
        className="print-frame print-only",
        **{"data-print-title": title, "data-print-sources": sources,
           "data-print-vintage": vintage, "data-print-link": link,
           "data-print-reopen": t.REOPEN,
           "data-print-width": str(LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH),
           "data-print-orientation": "landscape" if landscape else "portrait"},
    )
