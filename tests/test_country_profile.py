"""Country profile without a browser: facts from the snapshot, the generated summary, the
figure builders and the URL state."""

from __future__ import annotations

import pandas as pd
import pytest

from figures import (
    corridor_costs,
    destinations_bar,
    destinations_map,
    finance_comparison,
    sparkline,
)
from query.profile import (
    REMITTANCES,
    ProfileFacts,
    comparison_year,
    finance_year,
    headline,
    profile_facts,
)
from state.compare import snapshot_vocabulary
from state.country import ProfileState, parse, to_query
from text.numbers import format_prose
from text.profile_summary import compare_with, join_list, summary

YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]


def facts(**changes: object) -> ProfileFacts:
    base = dict(country_code="BGD", country="Bangladesh", emigrants_year=2024,
                emigrants=8_706_947.0, emigrant_share=5.02,
                destinations=(("SAU", "Saudi Arabia", 27.1), ("IND", "India", 26.3),
                              ("ARE", "United Arab Emirates", 11.8)),
                finance_year=2023, remittances=22.0e9, oda=5.5e9, fdi=1.5e9)
    return ProfileFacts(**{**base, **changes})


# ---- summary ----------------------------------------------------------------------------------

def test_summary_states_the_numbers_in_plain_words() -> None:
    text = " ".join(summary(facts()))
    assert text.startswith("About 8.7 million people born in Bangladesh lived in other "
                           "countries in 2024, equal to 5.0 % of the population")
    assert "Saudi Arabia (27 %), India (26 %) and the United Arab Emirates (12 %)" in text
    assert "In 2023, remittances to Bangladesh came to US$ 22.0 billion: 4.0 times net aid " \
           "received (US$ 5.5 billion) and 15 times net foreign direct investment" in text


def test_summary_says_what_is_missing() -> None:
    text = " ".join(summary(facts(emigrants=None, emigrants_year=None, emigrant_share=None,
                                  destinations=(), finance_year=None, remittances=None,
                                  oda=None, fdi=None)))
    assert text == ("UN DESA gives no estimate of emigrants from Bangladesh. No year has both "
                    "remittance data and aid or investment data for Bangladesh.")
    partial = " ".join(summary(facts(oda=None)))
    assert "no figure for net aid received that year" in partial


def test_comparisons_in_words() -> None:
    assert compare_with(100.0, 100.0, "oda").startswith("about the same as net aid received")
    assert compare_with(50.0, 100.0, "oda") == "50 % of net aid received (US$ 100)"
    assert compare_with(100.0, -20.0, "fdi") == ("while net foreign direct investment was "
                                                 "negative (US$ -20)")
    assert join_list(["A"]) == "A" and join_list(["A", "B", "C"]) == "A, B and C"


def test_small_diaspora_is_not_called_about() -> None:
    text = summary(facts(emigrants=1239.0, destinations=(("FJI", "Fiji", 34.6),)))
    assert text[0].startswith("1,239 people born in Bangladesh")
    assert text[1] == "Most live in Fiji (35 %)."


@pytest.mark.parametrize(("code", "count", "first"), [
    ("BGD", "About 8.7 million", "Saudi Arabia"),
    ("MDA", "About 864,000", "Italy"),
    ("JAM", "About 1.2 million", "the United States"),
    ("MLI", "About 1.3 million", "Cote d'Ivoire"),
])
def test_pilot_summaries_from_the_snapshot(code: str, count: str, first: str) -> None:
    sentences = summary(profile_facts(code))
    assert sentences[0].startswith(count)
    assert sentences[1].startswith(f"The largest groups live in {first} (")
    # Aid figures end in 2023, remittances in 2024: the summary says why it compares 2023,
    # then gives the card's latest year and amount, so the two never disagree silently.
    assert sentences[2].startswith("In 2023, the latest year with aid and investment figures "
                                   "to compare, remittances to ")
    card = headline(REMITTANCES, code)
    assert card.year == 2024
    assert sentences[3] == (f"In {card.year}, the latest year with data, they came to "
                            f"US$ {format_prose(card.value)}.")


def test_summary_compares_in_the_latest_common_year_without_a_later_one() -> None:
    same = " ".join(summary(facts(remittances_year=2023, remittances_latest=22.0e9)))
    assert "In 2023, remittances to Bangladesh came to US$ 22.0 billion" in same
    assert "latest year with data" not in same


def test_moldova_summary_and_card_state_the_un_based_share_and_its_status() -> None:
    text = summary(profile_facts("MDA"))[0]
    assert text.endswith("equal to 28.5 % of the population living in Moldova as the UN "
                         "projects it for 2024.")


# ---- facts ------------------------------------------------------------------------------------

def test_comparison_year_takes_the_nearest_year_with_data() -> None:
    assert comparison_year(list(range(2000, 2025)), 2024) == 2019
    assert comparison_year(YEARS, 2024) == 2020  # UN DESA: 2020 stands in for 2019
    assert comparison_year([2012, 2024], 2024) is None
    assert comparison_year([2023, 2024], 2024) is None


def test_finance_year_prefers_all_three_flows() -> None:
    assert finance_year({2020: 1, 2023: 1}, {2020: 1}, {2020: 1, 2023: 1}) == 2020
    assert finance_year({2023: 1}, {}, {2023: 1}) == 2023
    assert finance_year({2023: 1}, {2020: 1}, {}) is None


def test_headline_of_a_sparse_series() -> None:
    refugees = headline("UNHCR.REFG.OR", "TUV")
    assert (refugees.year, refugees.value) == (2012, 0.0)
    assert refugees.base_year == 2006 and refugees.years[0] == 1995
    assert headline("DESA.EMIG.TOTL", "WLD").year is None


# ---- figures ----------------------------------------------------------------------------------

def test_finance_figure_draws_each_flow_in_its_style() -> None:
    df = pd.DataFrame({"series": ["BX.TRF.PWKR.CD.DT"] * 2 + ["DT.ODA.ODAT.CD"],
                       "series_name": ["Remittances"] * 2 + ["Net ODA"],
                       "year": [2020, 2021, 2021], "value": [1.0, 2.0, None]})
    fig = finance_comparison.create_figure(df, y_title="US$")
    assert [t.name for t in fig.data] == ["Remittances"]  # a flow with no value is left out
    assert list(fig.data[0].y) == [1.0, 2.0]
    assert fig.data[0].line.color == finance_comparison.SERIES_STYLES["BX.TRF.PWKR.CD.DT"]["color"]


def test_destinations_bar_splits_by_sex_where_parts_add_up() -> None:
    df = pd.DataFrame({"destination_code": ["ITA", "RUS"], "destination_name": ["Italy", "Russia"],
                       "total": [100.0, 300.0], "female": [60.0, None], "male": [40.0, None]})
    fig = destinations_bar.create_figure(
        df, x_title="persons", sex_names={"female": "W", "male": "M", "total": "T"})
    by_meta = {t.meta: t for t in fig.data}
    assert list(by_meta["labels"].y) == ["Russia", "Italy"]  # largest first
    assert list(by_meta["female"].x) == [None, 60.0]
    assert list(by_meta["total"].x) == [300.0, None]


def test_destinations_map_uses_a_log_colour_scale_and_outlines_the_origin() -> None:
    df = pd.DataFrame({"destination_code": ["USA", "GBR"],
                       "destination_name": ["United States", "United Kingdom"],
                       "value": [1_000_000.0, 1000.0], "label": ["1,000,000", "1,000"]})
    fig = destinations_map.create_figure(df, origin="JAM", colorbar_title="persons",
                                         tick_labels={p: str(10 ** p) for p in range(9)})
    assert list(fig.data[0].z) == [6.0, 3.0]
    assert list(fig.data[0].customdata) == ["1,000,000", "1,000"]
    assert list(fig.data[0].colorbar.tickvals) == list(range(7))
    assert list(fig.data[1].locations) == ["JAM"]


def test_corridor_costs_have_the_sdg_target_line() -> None:
    df = pd.DataFrame({"sender_code": ["USA", "USA"], "sender_name": ["United States"] * 2,
                       "period": ["2011Q1", "2020Q3"], "year": [2011, 2020], "quarter": [1, 3],
                       "cost_pct": [8.0, 5.5]})
    fig = corridor_costs.create_figure(df, y_title="%", target_label="SDG 10.c")
    assert list(fig.data[0].x) == ["2011-01-01", "2020-07-01"]
    assert [shape.y0 for shape in fig.layout.shapes] == [3.0]
    assert fig.layout.annotations[0].text == "SDG 10.c"


def test_sparkline_breaks_at_gaps() -> None:
    fig = sparkline.create_figure(pd.DataFrame({"year": [2000, 2001, 2004],
                                                "value": [1.0, 2.0, 3.0]}))
    assert list(fig.data[0].y) == [1.0, 2.0, None, 3.0]
    assert list(fig.data[1].x) == [2004]
    # Five-yearly estimates are a line, not isolated points.
    fig = sparkline.create_figure(pd.DataFrame({"year": [2015, 2020, 2024],
                                                "value": [1.0, 2.0, 3.0]}))
    assert list(fig.data[0].y) == [1.0, 2.0, 3.0]


# ---- URL state --------------------------------------------------------------------------------

def test_country_state_round_trip_and_notices() -> None:
    vocab = snapshot_vocabulary()
    assert tuple(YEARS) == vocab.stock_years
    state, notices = parse({"iso3": "MDA", "measure": "pct_gdp", "year": "1990"}, vocab)
    assert state == ProfileState("MDA", "pct_gdp", 1990) and notices == []
    assert to_query(state) == "?measure=pct_gdp&year=1990"
    state, notices = parse({"iso3": "MDA", "measure": "euros", "year": "1991"}, vocab)
    assert state == ProfileState("MDA") and to_query(state) == ""
    assert [(n.param, n.reason) for n in notices] == [("measure", "invalid"),
                                                      ("year", "out_of_range")]
    # the default stays out of links
    assert parse({"iso3": "MDA", "year": "2024"}, vocab)[0].year is None
    assert [n.reason for n in parse({"iso3": "XXX"}, vocab)[1]] == ["unknown"]
