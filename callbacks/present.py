"""Presentation view callbacks: draw the current slide with its page's own figure builders, in
the projector look; keep the slide number in the address bar; let the presenter change the
countries of a slide. Moving between slides is a browser-side toggle (assets/js/present.js).

A slide is drawn by the builder registered for its kind of view in SLIDE_KINDS; a page joins
by adding one entry (and its view parser in state.deck.VIEW_KINDS).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import plotly.graph_objects as go
from dash import ClientsideFunction, Dash, Input, Output, Patch, State, ctx, dcc, no_update

import query
from callbacks import compare as compare_callbacks
from callbacks import country as country_callbacks
from callbacks import diaspora as diaspora_callbacks
from callbacks import labour as labour_callbacks
from figures import theme
from figures.presentation import projector
from layouts import compare as compare_layout
from layouts import labour as labour_layout
from query.labour import LABOUR_MARKET_SERIES
from query.profile import stock_years
from state.compare import CompareState, Vocabulary, clean_countries, snapshot_vocabulary
from state.deck import VIEW_KINDS, DeckError, ProfileState, View, parse_view
from state.diaspora import DiasporaState
from state.labour import LabourState
from text import country as tcountry
from text import diaspora as tdiaspora
from text import labour as tlabour
from text import present as t


@dataclass(frozen=True)
class SlideKind:
    """How a kind of view becomes a slide: `build(view)` gives the figure (with its chart
    title) and the sources of its data ({"source", "vintage"} each); `default_title(view)`
    names a newly added slide; `graphs` maps the page's graph ids to slide charts, so that
    "Add this view to my deck" under a chart adds that chart."""

    build: Callable[[View], tuple[go.Figure, list[dict]]]
    default_title: Callable[[View], str]
    graphs: Mapping[str, str] = field(default_factory=dict)


def titled(figure: go.Figure, title: str) -> go.Figure:
    return figure.update_layout(title={"text": title})


# ---- comparison view -----------------------------------------------------------------------------

def compare_slide(view: View) -> tuple[go.Figure, list[dict]]:
    """The comparison view's own chart (line or ranked bar) or map, as its tab shows."""
    state: CompareState = view.state
    series_query, map_query = compare_layout.split_state(state)
    if state.tab == "map":
        figure, label = compare_callbacks.build_map(map_query)
        if label:
            titled(figure, label)
    else:
        figure = compare_callbacks.build_series_views(series_query, state.scale)[0]
    return figure, [query.indicator_meta(state.indicator)]


def compare_title(view: View) -> str:
    state: CompareState = view.state
    indicator = query.indicator_meta(state.indicator).get("short_name", state.indicator)
    if state.tab == "map":
        return t.DEFAULT_TITLE_MAP.format(indicator=indicator)
    names = ", ".join(query.country_name(code) for code in state.countries)
    return t.DEFAULT_TITLE_CHART.format(indicator=indicator, countries=names).rstrip(", ")


# ---- country profile -----------------------------------------------------------------------------

def profile_chart_title(view: View) -> str:
    state: ProfileState = view.state
    years = stock_years()
    year = state.page.year or years[-1]
    country = query.country_name(state.iso3)
    chart = {
        "finance": tcountry.FINANCE_TITLE,
        "destinations": tcountry.DIASPORA_TITLE,
        "destinations-map": tcountry.DESTINATIONS_MAP_TITLE.format(country=country, year=year),
        "destinations-trend": tcountry.DESTINATIONS_TREND_TITLE.format(first=years[0],
                                                                       last=years[-1]),
        "senders": tcountry.SENDERS_TITLE,
        "costs": tcountry.COSTS_TITLE,
    }[view.chart]
    return chart if country in chart else t.PROFILE_CHART_TITLE.format(country=country,
                                                                        chart=chart)


def profile_slide(view: View) -> tuple[go.Figure, list[dict]]:
    """The profile page's own memoised figure for the chart (copied before restyling)."""
    state: ProfileState = view.state
    code, year = state.iso3, state.page.year or stock_years()[-1]
    figure, sources = {
        "finance": lambda: (country_callbacks.finance_figure(code, state.page.measure),
                            country_callbacks.indicator_sources(list(country_callbacks.FINANCE))),
        "destinations": lambda: (country_callbacks.destinations_bar_figure(code, year),
                                 country_callbacks.table_sources("migrant_stock")),
        "destinations-map": lambda: (country_callbacks.destinations_map_figure(code, year),
                                     country_callbacks.table_sources("migrant_stock")),
        "destinations-trend": lambda: (country_callbacks.destinations_trend_figure(code),
                                       country_callbacks.table_sources("migrant_stock")),
        "senders": lambda: (country_callbacks.senders_figure(code),
                            country_callbacks.table_sources("remittance_matrix")),
        "costs": lambda: (country_callbacks.costs_figure(code),
                          country_callbacks.table_sources("remittance_costs")),
    }[view.chart]()
    return titled(go.Figure(figure), profile_chart_title(view)), sources


# ---- labour flows --------------------------------------------------------------------------------

def _section_figure(section: object) -> go.Figure:
    """The figure inside a labour chart section (the labour view builds charts as sections)."""
    stack = [section]
    while stack:
        node = stack.pop()
        if isinstance(node, dcc.Graph):
            return go.Figure(node.figure)
        children = getattr(node, "children", None)
        stack.extend(children if isinstance(children, list | tuple) else
                     [children] if children is not None else [])
    return theme.empty_figure("")


def labour_slide(view: View) -> tuple[go.Figure, list[dict]]:
    state: LabourState = view.state
    name = query.country_name(state.country)
    if view.chart == "destinations":
        section = labour_callbacks.destinations_section("slide", state.country, name)
        title, sources = tlabour.DESTINATIONS_TITLE.format(country=name), ["flow_estimates"]
    elif view.chart == "annual":
        section = labour_callbacks.annual_section("slide", state.country, name)
        title, sources = tlabour.ANNUAL_TITLE.format(country=name), ["annual_flows"]
    elif view.chart == "market":
        section = labour_callbacks.market_section("slide", state.country, name)
        return (titled(_section_figure(section), tlabour.MARKET_TITLE.format(country=name)),
                country_callbacks.indicator_sources(list(LABOUR_MARKET_SERIES)))
    else:
        section = labour_callbacks.rate_section("slide", list(state.countries))
        title, sources = tlabour.RATE_TITLE, ["flow_estimates"]
    found = [s for table in sources for s in country_callbacks.table_sources(table)]
    return titled(_section_figure(section), title), found


def labour_title(view: View) -> str:
    state: LabourState = view.state
    name = query.country_name(state.country)
    return {
        "destinations": tlabour.DESTINATIONS_TITLE.format(country=name),
        "annual": tlabour.ANNUAL_TITLE.format(country=name),
        "market": tlabour.MARKET_TITLE.format(country=name),
        "rate": tlabour.RATE_TITLE,
    }[view.chart]


# ---- diaspora comparison -------------------------------------------------------------------------

def diaspora_title(view: View) -> str:
    state: DiasporaState = view.state
    years = stock_years()
    if view.chart == "sankey":
        return tdiaspora.SANKEY_TITLE.format(top=diaspora_callbacks.SANKEY_DESTINATIONS,
                                             year=state.year or years[-1])
    return tdiaspora.TREND_TITLE.format(first=years[0], last=years[-1])


def diaspora_slide(view: View) -> tuple[go.Figure, list[dict]]:
    state: DiasporaState = view.state
    codes = list(state.countries)
    if view.chart == "sankey":
        figure = diaspora_callbacks.sankey_figure(codes, state.year or stock_years()[-1])
        sources = country_callbacks.table_sources("migrant_stock")
    else:
        figure = diaspora_callbacks.trend_figure(codes, state.measure)
        sources = country_callbacks.indicator_sources([tdiaspora.MEASURE_INDICATORS[
            state.measure]])
    return titled(go.Figure(figure), diaspora_title(view)), sources


def _labour_graphs(prefix: str) -> dict[str, str]:
    return {f"{prefix}-{chart}": chart for chart in VIEW_KINDS["labour"].charts}


SLIDE_KINDS: dict[str, SlideKind] = {
    "compare": SlideKind(compare_slide, compare_title,
                         {"compare-chart": "chart", "compare-map": "map"}),
    "country": SlideKind(profile_slide, profile_chart_title, {
        "country-finance": "finance", "country-destinations-bar": "destinations",
        "country-destinations-map": "destinations-map",
        "country-destinations-trend": "destinations-trend", "country-senders": "senders",
        "country-costs": "costs"}),
    "labour": SlideKind(labour_slide, labour_title, _labour_graphs("labour")),
    "diaspora": SlideKind(diaspora_slide, diaspora_title,
                          {"diaspora-trend": "trend", "diaspora-sankey": "sankey"}),
}


def default_title(view: View) -> str:
    return SLIDE_KINDS[view.kind].default_title(view)


def view_of_graph(url: str, graph: str, vocab: Vocabulary) -> View:
    """The slide view for "Add this view to my deck" pressed under chart `graph` on the page
    at `url`: the page's view showing that chart. The labour charts inside a country profile
    become the labour view of that country."""
    view = parse_view(url, vocab)
    if view.kind == "country" and graph in _labour_graphs(labour_layout.PROFILE_PREFIX):
        iso3 = view.state.iso3
        labour = LabourState(iso3, tuple(dict.fromkeys([iso3, *vocab.default_countries])))
        return View("labour", labour, _labour_graphs(labour_layout.PROFILE_PREFIX)[graph])
    chart = SLIDE_KINDS[view.kind].graphs.get(graph)
    if chart is None:
        raise DeckError("unknown_view", number=1, path=graph)
    if view.kind == "compare":  # the comparison view names its chart by its tab
        return replace(view, state=replace(view.state, tab=chart))
    return replace(view, chart=chart)


def source_line(sources: list[dict]) -> str:
    """'Source: <source> · vintage <vintage>' for each source of the slide's data."""
    lines = [t.SOURCE_LINE.format(source=s["source"], vintage=s.get("vintage") or "–")
             for s in sources if s.get("source")]
    return " | ".join(dict.fromkeys(lines)) or t.SOURCE_UNKNOWN


def slide_figure(view: View) -> tuple[go.Figure, str]:
    """The slide's figure in the projector look, and its source line."""
    figure, sources = SLIDE_KINDS[view.kind].build(view)
    return projector(figure), source_line(sources)


def show_slide(index: int | None, countries: list[str] | None, deck: dict) -> tuple:
    """Draw slide `index` of `deck`. When the presenter changes the countries, the slide's view
    in the deck changes with them, so going back to it shows what was chosen."""
    slides = deck["slides"]
    index = min(max(int(index or 0), 0), len(slides) - 1)
    slide = slides[index]
    deck_patch = no_update
    picker = no_update
    try:
        view = parse_view(slide["view"], snapshot_vocabulary(), index + 1)
        if ctx.triggered_id == "present-countries":
            codes, _ = clean_countries(countries or [], snapshot_vocabulary())
            view = view.with_countries(codes)
            deck_patch = Patch()
            deck_patch["slides"][index]["view"] = view.url
        else:
            picker = list(view.countries)
        figure, source = slide_figure(view)
        title = slide.get("title") or default_title(view)
        leave = view.url
    except DeckError:
        # The deck was validated when it was opened; this only guards a tampered store.
        figure, source, title, leave = projector(theme.empty_figure(t.SOURCE_UNKNOWN)), "", "", "/"
    total = len(slides)
    return (
        figure,
        title,
        slide.get("caption", ""),
        source,
        t.SLIDE_COUNTER.format(number=index + 1, total=total),
        t.SLIDE_COUNTER_LABEL.format(number=index + 1, total=total),
        picker,
        leave,
        deck_patch,
    )


def register(app: Dash) -> None:
    app.callback(
        Output("present-graph", "figure"),
        Output("present-title", "children"),
        Output("present-caption", "children"),
        Output("present-source", "children"),
        Output("present-counter", "children"),
        Output("present-counter-label", "children"),
        Output("present-countries", "value"),
        Output("present-leave", "href"),
        Output("present-deck", "data"),
        Input("present-index", "data"),
        Input("present-countries", "value"),
        State("present-deck", "data"),
    )(show_slide)

    # Moving between slides and writing the slide number into the address bar are pure UI.
    app.clientside_callback(
        ClientsideFunction("present", "step"),
        Output("present-index", "data"),
        Input("present-first", "n_clicks"),
        Input("present-previous", "n_clicks"),
        Input("present-next", "n_clicks"),
        Input("present-last", "n_clicks"),
        State("present-index", "data"),
        State("present-deck", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("present", "writeSlideNumber"),
        Output("present-index", "modified_timestamp"),
        Input("present-index", "data"),
        prevent_initial_call=True,
    )
