"""What goes under a chart: one sources line (source, vintage, licence) and download links to
the data behind it, served by the HTTP API."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlencode

from dash import html

from exports.citation import source_line
from text import chart_sources as t

FORMATS = ("csv", "xlsx", "json")


def sources_line(sources: Iterable[Mapping[str, object]]) -> html.P:
    """'Source: <name> (<vintage>), licence: <licence>' for each distinct source, in order: the
    line the chart's images and embeds print too (exports.citation.source_line)."""
    return html.P(source_line(sources), className="chart-sources")


def api_url(path: str, params: Mapping[str, object]) -> str:
    return f"{path}?{urlencode({k: v for k, v in params.items() if v is not None})}"


def download_links(downloads: Sequence[tuple[str, str, Mapping[str, object]]]) -> html.Div:
    """One line per data set: its name, then a link per format. `downloads` holds
    (name, API path, query parameters without format)."""
    lines = []
    for what, path, params in downloads:
        links: list = []
        for fmt in FORMATS:
            if links:
                links.append(" · ")
            links.append(html.A(
                t.DOWNLOAD_FORMATS[fmt], href=api_url(path, {**params, "format": fmt}),
                download="", title=t.DOWNLOAD_TITLE.format(what=what,
                                                           format=t.DOWNLOAD_FORMATS[fmt]),
            ))
        lines.append(html.Li([html.Span(what, className="download-what"), ": ", *links]))
    return html.Div([html.Span(t.DOWNLOAD_LABEL, className="download-label"),
                     html.Ul(lines, className="download-list")],
                    className="chart-api-downloads no-print")


def chart_footer(sources: Iterable[Mapping[str, object]],
                 downloads: Sequence[tuple[str, str, Mapping[str, object]]] = ()) -> list:
    """The sources line, then the download links if the data has an API route."""
    return [sources_line(sources), *([download_links(downloads)] if downloads else [])]
