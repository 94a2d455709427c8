"""The one citation of the app, and the one short source line.

`citation(entries, accessed, url)` is what the "Copy citation" buttons copy, what the XLSX
metadata sheet, the API and a slide's source line carry, and what the Data & sources page
shows as its example: publisher, data set, each series as "title [code]", vintage, the app's
name, the URL of the view, and the date of access. Entries (exports.metadata) of one publisher,
data set and vintage share one sentence; several sentences are one line each.

`source_line(entries)` is the short line printed under a chart, in its images and its embed:
"Source: <source> (<vintage>), licence: <licence>".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from text import downloads as text

Entry = Mapping[str, object]


def citation(entries: Iterable[Entry], accessed: date, url: str) -> str:
    """'World Bank. World Development Indicators (per-indicator CSV): Personal remittances,
    received (current US$) [BX.TRF.PWKR.CD.DT], vintage 2026-07-01. Migration & Development
    Indicators, https://…/compare?… (accessed 2026-07-14).'"""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for entry in entries:
        publisher = _clause(entry.get("publisher") or entry.get("source"))
        key = (publisher, _clause(entry.get("dataset")), _clause(entry.get("vintage")))
        titles = groups.setdefault(key, [])
        code = _clause(entry.get("indicator_code") or entry.get("code"))
        if code:
            title = text.CITATION_TITLE.format(title=_clause(entry.get("name")) or code,
                                               code=code)
            if title not in titles:
                titles.append(title)
    sentences = []
    for (publisher, dataset, vintage), titles in groups.items():
        head = text.CITATION_HEAD.format(publisher=publisher, dataset=dataset) if (
            publisher and dataset) else publisher or dataset or text.PUBLISHER_NOT_STATED
        if titles:
            head += text.CITATION_SERIES.format(
                titles=text.CITATION_TITLE_SEPARATOR.join(titles))
        sentences.append(text.CITATION.format(head=head, vintage=vintage or "–",
                                              app=text.APP_NAME, url=url,
                                              date=accessed.isoformat()))
    return text.CITATION_SEPARATOR.join(sentences)


def source_line(entries: Iterable[Entry]) -> str:
    """'Source: <source> (<vintage>), licence: <licence>' for each distinct source, in order."""
    found = list(dict.fromkeys(
        text.SOURCE_ENTRY.format(source=_clause(e.get("source")), vintage=e.get("vintage") or "–",
                                 licence=_clause(e.get("licence")) or "–")
        for e in entries if e.get("source")))
    if not found:
        return text.SOURCE_NOT_STATED
    template = text.SOURCE_LINE if len(found) == 1 else text.SOURCE_LINE_MANY
    return template.format(entries=text.SOURCE_ENTRY_SEPARATOR.join(found))


def _clause(value: object) -> str:
    """Text that a citation ends with a full stop of its own: stripped of its final stops, so
    no sentence ends with two."""
    return str(value or "").strip().rstrip(".").strip()
