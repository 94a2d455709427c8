"""Views: one chart of one page in one state, named by a link ("/country/MLI?chart=costs").

A view is what a slide shows, what "Add this view to my deck" adds and what a chart's
downloads rebuild. Links are read strictly by `parse_view`: an unknown page, an unknown chart
or any parameter the page's own parser would drop is an error, so a deck or a download never
shows something other than what was asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import charts
from charts import Chart
from ids import ChartId, PageId
from pages import PAGES, resolve
from state.compare import CompareState, Vocabulary

MAX_VIEW = 600  # characters of a view's link


class DeckError(ValueError):
    """A view or deck that cannot be used; `reason` names the problem (a key into the page
    text), `details` fill its message."""

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, details)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class View:
    page: PageId
    state: Any
    chart: ChartId

    @property
    def spec(self) -> Chart:
        return charts.chart(self.chart)

    @property
    def url(self) -> str:
        """The canonical link: the page's own link for the state, naming the chart (the
        comparison view names its chart by its tab)."""
        link = PAGES[self.page].to_url(self.state)  # type: ignore[misc]
        if self.page == PageId.COMPARE:
            return link
        return link + ("&" if "?" in link else "?") + f"chart={self.spec.slug}"

    @property
    def countries(self) -> tuple[str, ...]:
        reader = self.spec.countries
        return reader(self.state) if reader else ()

    def with_countries(self, codes: tuple[str, ...]) -> View:
        writer = self.spec.with_countries
        return replace(self, state=writer(self.state, codes)) if writer else self

    @property
    def title(self) -> str:
        return self.spec.title_alone(self.state)


def of_chart(chart: ChartId, state: Any) -> View:
    """The view of `chart` in `state` (a state of the chart's page)."""
    spec = charts.chart(chart)
    if spec.page == PageId.COMPARE:
        state = replace(state, tab=spec.slug)
    return View(spec.page, state, spec.id)


def _compare_chart(state: CompareState) -> ChartId:
    return ChartId.COMPARE_MAP if state.tab == "map" else ChartId.COMPARE_SERIES


def parse_view(url: object, vocab: Vocabulary, number: int = 1) -> View:
    """A view from a link (absolute or relative), strictly: an unknown page or chart, or any
    parameter its page would drop, is an error naming slide `number`."""
    if not isinstance(url, str) or not url.strip():
        raise DeckError("bad_slide", number=number)
    if len(url) > MAX_VIEW:
        raise DeckError("view_too_long", number=number, limit=MAX_VIEW)
    parts = urlsplit(url.strip())
    page, path_params = resolve(parts.path)
    slides = [c for c in charts.charts_of(page.id) if c.slide]
    if not slides or page.parse is None:
        raise DeckError("unknown_view", number=number, path=parts.path[:80])
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    slug = params.pop("chart", "").strip().lower()
    if page.id == PageId.COMPARE:
        if slug:
            raise DeckError("bad_parameters", number=number, param="chart", value=slug[:40])
        chosen = None
    else:
        chosen = next((c for c in slides if c.slug == (slug or slides[0].slug)), None)
        if chosen is None:
            raise DeckError("bad_parameters", number=number, param="chart", value=slug[:40])
    state, notices = page.parse({**params, **path_params}, vocab)
    if notices:
        first = notices[0]
        raise DeckError("bad_parameters", number=number, param=first.param,
                        value=first.value[:40])
    chart = _compare_chart(state) if chosen is None else chosen.id
    return View(page.id, state, chart)
