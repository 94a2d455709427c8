"""The chart registry: every chart of the app, declared once, one module per chart.

A chart turns the state of its page into a figure: `process_data(state)` asks the query layer
for what the chart shows, `create_figure(data, state)` hands it to a pure builder in figures/.
Each module declares `CHART = Chart(...)` with what pages, slides, decks and downloads need:
the title, the sources line, the notes printed under the chart, the API links of its data, and
how the slide's country picker reads and sets its countries.

`figure(chart_id, state)` is the one way to get a chart's figure (`figure_json` gives it as the
plain data a page sends): it is cached by the chart's id and the part of the state the chart
depends on (`Chart.key`), so a page, a slide, an embed and a download of the same view share
one build.

To add a chart: write charts/<name>.py with process_data, create_figure and CHART, add its id
to ids.ChartId and its module to CHART_MODULES below; a page shows it with
layouts.blocks.chart_block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from ids import ChartId, PageId
from serving.cache import memoize
from text.numbers import plotly_separators

Sources = list[dict[str, str]]  # {"source", "vintage", "licence"} each
ApiLinks = list[tuple[str, str, dict]]  # (what, API path, query parameters without format)


def no_notes(_state: Any) -> list[str]:
    return []


def no_links(_state: Any) -> ApiLinks:
    return []


def same_state(state: Any) -> Any:
    return state


@dataclass(frozen=True)
class Chart:
    """One chart. `page`: the page whose state drives it; `slug`: its name in that page's
    links (the `chart` parameter); `build(state)`: its figure, uncached (use `figure`);
    `key(state)`: the part of the state the figure depends on (the cache key and the view a
    slide keeps); `countries(state)` / `with_countries(state, codes)`: the countries a slide's
    picker shows and sets (None: the chart has no country choice)."""

    id: ChartId
    page: PageId
    slug: str
    label: Callable[[], str]  # the chart's name for screen readers, in the request's language
    title: Callable[[Any], str]
    build: Callable[[Any], go.Figure]
    sources: Callable[[Any], Sources]
    notes: Callable[[Any], list[str]] = no_notes
    # A heading and (term, definition) pairs printed under the notes, e.g. how each
    # destination counts its arrivals; None: nothing to explain.
    # A heading and (term, definition) pairs, the definitions quoted from the source in English.
    explained: Callable[[Any], tuple[str, list[tuple[str, str]]]] | None = None
    api_links: Callable[[Any], ApiLinks] = no_links
    key: Callable[[Any], Any] = same_state
    countries: Callable[[Any], tuple[str, ...]] | None = None
    with_countries: Callable[[Any, tuple[str, ...]], Any] | None = None
    slide: bool = True
    # The title on a slide or an image, where the page around the chart is missing (names the
    # country of a one-country chart); None: the same as `title`.
    standalone_title: Callable[[Any], str] | None = None

    def title_alone(self, state: Any) -> str:
        return (self.standalone_title or self.title)(state)


def _modules() -> Sequence[Any]:
    from charts import (
        compare_map,
        compare_series,
        diaspora_sankey,
        diaspora_trend,
        labour_annual,
        labour_destinations,
        labour_market,
        labour_rate,
        profile_costs,
        profile_destinations,
        profile_destinations_map,
        profile_destinations_trend,
        profile_finance,
        profile_senders,
    )

    return (compare_series, compare_map, profile_finance, profile_destinations,
            profile_destinations_map, profile_destinations_trend, profile_senders,
            profile_costs, diaspora_trend, diaspora_sankey, labour_destinations, labour_annual,
            labour_market, labour_rate)


_REGISTRY: dict[ChartId, Chart] = {}


def registry() -> dict[ChartId, Chart]:
    """Every chart by id, in the order pages show them."""
    if not _REGISTRY:
        _REGISTRY.update({module.CHART.id: module.CHART for module in _modules()})
    return _REGISTRY


def chart(chart_id: ChartId | str) -> Chart:
    return registry()[ChartId(chart_id)]


def charts_of(page: PageId) -> list[Chart]:
    return [c for c in registry().values() if c.page == page]


def figure_json(chart_id: ChartId | str, state: Any) -> dict:
    """The chart's figure for `state` (a state of its page) as the plain JSON data a page
    sends, built once per view and cached as JSON text: a cached figure costs a decode, not a
    rebuild of plotly objects."""
    spec = chart(chart_id)
    return _cached_json(str(spec.id), spec.key(state))


def figure(chart_id: ChartId | str, state: Any) -> go.Figure:
    """The same figure as a go.Figure (for restyling, e.g. as a slide); built from the cached
    data without validating it again."""
    return go.Figure(figure_json(chart_id, state), _validate=False)


@memoize(as_json=True)
def _cached_json(chart_id: str, key: Any) -> dict:
    figure = registry()[ChartId(chart_id)].build(key)
    figure.layout.separators = plotly_separators()  # decimal and thousands marks of the reader
    return figure.to_plotly_json()
