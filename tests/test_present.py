"""Presentation slides without a browser: every slide of the ready-made deck draws real data
in the projector look with its source; the page and the route behave (callbacks/present.py,
figures/presentation.py, layouts/present.py)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from callbacks.present import SLIDE_KINDS, slide_figure, view_of_graph
from figures import presentation, theme
from layouts import present, resolve, shows_chrome
from state.compare import snapshot_vocabulary
from state.deck import VIEW_KINDS, DeckError, encode, parse_view
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


def test_every_view_kind_has_a_slide_builder():
    assert set(SLIDE_KINDS) == set(VIEW_KINDS)


def test_ready_made_deck_uses_comparison_profile_and_labour_views(vocab, deck):
    kinds = {parse_view(s.view, vocab).kind for s in deck.slides}
    assert kinds == {"compare", "country", "labour"}


def test_every_ready_made_slide_draws_data_with_a_title_and_a_source(vocab, deck):
    for number, slide in enumerate(deck.slides, start=1):
        figure, source = slide_figure(parse_view(slide.view, vocab))
        assert figure.layout.title.text, number
        assert not (figure.layout.meta or {}).get("empty"), (number, figure.layout.meta)
        values = [v for trace in figure.to_plotly_json()["data"]
                  for key in ("x", "y", "z", "value") for v in list(trace.get(key) or [])
                  if isinstance(v, int | float)]
        assert values, f"slide {number} has no numbers"
        assert source.startswith("Source: ") and "vintage" in source, (number, source)


def test_projector_type_sizes_apply_to_every_axis_and_leave_the_original_alone(vocab):
    view = parse_view("/labour?country=MDA&countries=MDA&chart=market", vocab)
    original, _ = SLIDE_KINDS["labour"].build(view)
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


def test_add_button_maps_each_chart_to_its_slide(vocab):
    assert view_of_graph("/compare?indicator=SM.POP.NETM&countries=MDA&start=2000&end=2020",
                         "compare-map", vocab).url.endswith("&tab=map")
    assert view_of_graph("/country/MLI?year=2020", "country-costs", vocab).url == (
        "/country/MLI?year=2020&chart=costs")
    # The labour charts inside a profile become the labour view of that country.
    assert view_of_graph("/country/JAM", "labour-profile-market", vocab).url == (
        "/labour?country=JAM&countries=JAM,MDA,BGD,MLI&chart=market")
    assert view_of_graph("/diaspora?countries=MDA,MLI", "diaspora-sankey", vocab).url == (
        "/diaspora?countries=MDA,MLI&chart=sankey")
    with pytest.raises(DeckError):
        view_of_graph("/country/JAM", "some-other-graph", vocab)
    with pytest.raises(DeckError):
        view_of_graph("/data", "compare-chart", vocab)


def page_text(component: object) -> str:
    return json.dumps(component.to_plotly_json(), default=lambda c: c.to_plotly_json())


def test_present_page_opens_the_ready_made_deck_on_the_slide_in_the_url(deck):
    page = present.layout(slide="3")
    text = page_text(page)
    assert '"id": "present-index", "data": 2' in text.replace("\n", "")
    assert t.READY_DECK_TITLE in text


def test_a_damaged_deck_link_is_a_message_not_an_error(vocab, deck):
    text = page_text(present.layout(deck="not-a-deck"))
    assert t.BAD_DECK_TITLE in text and t.DECK_ERRORS["not_readable"] in text
    shared = page_text(present.layout(deck=encode(deck), slide="99"))
    assert '"data": 11' in shared  # past the end: the last slide


def test_only_the_presentation_is_drawn_without_header_and_footer():
    assert not shows_chrome("/present") and not shows_chrome("/present/")
    assert all(shows_chrome(path) for path in ("/", "/compare", "/deck", "/country/MDA", "/x"))
    assert resolve("/deck")[2] == "present"
