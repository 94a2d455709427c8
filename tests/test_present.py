"""Presentation slides without a browser: every slide of the ready-made deck draws real data
in the projector look with its source; the page and the route behave (callbacks/present.py,
figures/presentation.py, layouts/present.py)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

import charts
import query
from exports.figure_data import chart_citation
from figures import presentation, theme
from ids import ChartId, PageId
from layouts import present
from pages import PAGES, read_request, resolve
from pages.deck import DeckError, Slide, encode
from pages.views import of_chart, parse_view
from state.compare import snapshot_vocabulary
from state.labour import profile_state
from text import present as t


@pytest.fixture(scope="module", autouse=True)
def dash_app():
    """Pages and chart sections ask the running app for asset URLs."""
    import app

    return app.app


@pytest.fixture(scope="module")
def vocab():
    return snapshot_vocabulary()


@pytest.fixture(scope="module")
def deck(vocab):
    return present.ready_made_deck(vocab)


def slide_figure(view) -> tuple[go.Figure, str]:
    """A view drawn as a slide: its figure in the projector look, and its source line."""
    payload = present.slide_payload(view, Slide(view.url), 1, 1)
    return go.Figure(payload["figure"]), payload["source"]


def test_every_page_with_a_view_in_the_address_bar_has_slide_charts():
    with_view = {page.id for page in PAGES.values() if page.parse is not None}
    with_charts = {chart.page for chart in charts.registry().values() if chart.slide}
    # An embed and a briefing note show charts of other pages (the comparison, the profile).
    assert with_charts == with_view - {PageId.EMBED, PageId.BRIEF}


def test_ready_made_deck_uses_comparison_profile_and_labour_views(vocab, deck):
    kinds = {parse_view(s.view, vocab).page for s in deck.slides}
    assert kinds == {PageId.COMPARE, PageId.PROFILE, PageId.LABOUR}


def test_every_ready_made_slide_draws_data_with_a_title_and_a_source(vocab, deck):
    for number, slide in enumerate(deck.slides, start=1):
        figure, source = slide_figure(parse_view(slide.view, vocab))
        assert figure.layout.title.text, number
        assert not (figure.layout.meta or {}).get("empty"), (number, figure.layout.meta)
        values = [v for trace in figure.to_plotly_json()["data"]
                  for key in ("x", "y", "z", "value") for v in list(trace.get(key) or [])
                  if isinstance(v, int | float)]
        assert values, f"slide {number} has no numbers"
        # The citation its chart's "Copy citation" button copies for the same view.
        view = parse_view(slide.view, vocab)
        cited = chart_citation(charts.figure(view.chart, view.state).to_plotly_json(), view.url,
                               indicator_meta=query.indicator_meta,
                               sources=query.get_snapshot().sources)
        assert source == f"Source: {cited}", (number, source)


def test_a_slide_without_data_cites_the_sources_of_its_chart(vocab):
    view = parse_view("/compare?indicator=SM.POP.NETM&countries=ANT&start=2000&end=2020", vocab)
    _, source = slide_figure(view)
    assert source.startswith("Source: World Bank. World Development Indicators") and \
        "[SM.POP.NETM]" in source and ".." not in source


def test_projector_type_sizes_apply_to_every_axis_and_leave_the_original_alone(vocab):
    view = parse_view("/labour?country=MDA&countries=MDA&chart=market", vocab)
    original = charts.figure(view.chart, view.state)
    before = original.to_plotly_json()
    figure = presentation.projector(original)
    assert original.to_plotly_json() == before  # builders may hand out cached figures
    layout = figure.layout
    assert layout.title.font.size >= 28
    axes = [getattr(layout, name) for name in layout if name.startswith(("xaxis", "yaxis"))]
    assert len(axes) >= 6  # the labour market chart has three panels
    for axis in axes:
        assert axis.tickfont.size >= 20
        assert axis.title.font.size >= 24
    assert layout.height is None and layout.autosize


def test_projector_restyles_maps_and_empty_figures():
    figure = presentation.projector(theme.empty_figure("No data for Mali after 2021"))
    assert figure.layout.annotations[0].font.size >= 28
    choropleth = go.Figure(go.Choropleth(locations=["MDA"], z=[1], colorbar={"title": "x"}))
    styled = presentation.projector(choropleth)
    assert styled.data[0].colorbar.tickfont.size >= 20


@pytest.mark.parametrize("url", [
    "/diaspora?countries=MDA,BGD&measure=pct&chart=trend",
    "/diaspora?countries=JAM,MLI&year=2000&chart=sankey",
    "/country/MDA?chart=destinations-map",
    "/country/MLI?chart=costs",
    "/labour?country=BGD&countries=BGD&chart=annual",
    "/labour?country=JAM&countries=JAM&chart=destinations",
])
def test_other_charts_of_each_page_draw_as_slides(vocab, url):
    figure, source = slide_figure(parse_view(url, vocab))
    assert figure.layout.title.text and figure.data and source.startswith("Source: ")
    assert not (figure.layout.meta or {}).get("empty")


def test_changing_the_country_of_a_one_country_slide(vocab):
    view = parse_view("/country/MDA?measure=pct_gdp&chart=finance", vocab)
    assert view.countries == ("MDA",)
    assert view.with_countries(("MDA", "JAM")).url == (
        "/country/JAM?measure=pct_gdp&chart=finance")
    rate = parse_view("/labour?country=MDA&countries=MDA,BGD&chart=rate", vocab)
    assert rate.with_countries(("MLI",)).url == "/labour?country=MDA&countries=MLI&chart=rate"


def view_link(path: str, chart: ChartId, vocab) -> str:
    """The link of the view a chart on the page at `path` shows (its "Add to deck" slide)."""
    page, params = resolve(path.split("?")[0])
    request = read_request(path.split("?")[0], "?" + path.partition("?")[2], vocab)
    return of_chart(chart, request.state).url


def test_add_button_maps_each_chart_to_its_slide(vocab):
    assert view_link("/compare?indicator=SM.POP.NETM&countries=MDA&start=2000&end=2020",
                     ChartId.COMPARE_MAP, vocab).endswith("&tab=map")
    assert view_link("/country/MLI?year=2020", ChartId.PROFILE_COSTS, vocab) == (
        "/country/MLI?year=2020&chart=costs")
    # The labour charts inside a profile show the labour view of that country.
    assert of_chart(ChartId.LABOUR_MARKET, profile_state("JAM", vocab)).url == (
        "/labour?country=JAM&countries=JAM,MDA,BGD,MLI&chart=market")
    assert view_link("/diaspora?countries=MDA,MLI", ChartId.DIASPORA_SANKEY, vocab) == (
        "/diaspora?countries=MDA,MLI&chart=sankey")
    with pytest.raises(DeckError):
        parse_view("/country/JAM?chart=some-other-graph", vocab)
    with pytest.raises(DeckError):
        parse_view("/data", vocab)


def page_text(component: object) -> str:
    return json.dumps(component.to_plotly_json(), default=lambda c: c.to_plotly_json())


def present_page(search: str) -> object:
    return present.layout(read_request("/present", search, snapshot_vocabulary()))


def test_present_page_opens_the_ready_made_deck_on_the_slide_in_the_url(deck):
    page = present_page("?slide=3")
    text = page_text(page)
    assert '"id": "present-index", "data": 2' in text.replace("\n", "")
    assert t.READY_DECK_TITLE in text


def test_a_damaged_deck_link_is_a_message_not_an_error(vocab, deck):
    text = page_text(present_page("?deck=not-a-deck"))
    assert t.BAD_DECK_TITLE in text and t.DECK_ERRORS["not_readable"] in text
    shared = page_text(present_page(f"?deck={encode(deck)}&slide=99"))
    assert '"data": 11' in shared  # past the end: the last slide


def test_only_the_presentation_is_drawn_without_header_and_footer():
    assert not resolve("/present")[0].chrome and not resolve("/present/")[0].chrome
    assert all(resolve(path)[0].chrome for path in ("/", "/compare", "/deck", "/country/MDA",
                                                   "/x"))
    assert resolve("/deck")[0].nav == "present"


def test_a_slide_of_a_users_series_draws_it_beside_the_view_and_escapes_its_words(vocab):
    from pages.deck import UserSlide
    from userdata import UserSeries

    view = parse_view("/compare?indicator=BX.TRF.PWKR.CD.DT&countries=BGD&start=2010&end=2022",
                      vocab)
    series = UserSeries("s1", "<b>Workers</b> abroad", "persons", "BMET <i>", "Public", "count",
                        (("BGD", 2019, "total", 700159.0), ("BGD", 2020, "total", 217669.0)))
    slide = Slide(view=view.url, data=UserSlide(series, "none", "beside"))
    payload = present.slide_payload(view, slide, 2, 3)
    figure = payload["figure"]
    assert figure["layout"]["title"]["text"] == "&lt;b&gt;Workers&lt;/b&gt; abroad"
    mine = [trace for trace in figure["data"] if trace.get("yaxis") == "y2"]
    assert [list(trace["y"]) for trace in mine] == [[700159.0, 217669.0]]
    assert "<b>" not in mine[0]["name"]
    # Its source names the user's source and the official one; its countries are its own.
    assert "BMET <i>" in payload["source"] and "BX.TRF.PWKR.CD.DT" in payload["source"]
    assert payload["fixed"] and payload["countries"] == ["BGD"]
    assert payload["title"] == "<b>Workers</b> abroad"  # shown as text by the page
    # Its notes give the series' latest value, as drawn, and the citation.
    notes = payload["notes"].splitlines()
    assert notes[1] == "Bangladesh: 217,669 persons (2020)"
    assert notes[-1].startswith("Citation: ") and "BMET <i>" in notes[-1]
