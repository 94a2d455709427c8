"""URL state of the comparison view: parsing with notices, canonical form, round trips."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from state.compare import (
    CompareState,
    Notice,
    Vocabulary,
    canonical,
    parse,
    to_query,
    vocabulary_from_tables,
)

VOCAB = Vocabulary(
    transforms={
        "BX.TRF.PWKR.CD.DT": ("per_capita", "pct_gdp"),
        "BX.TRF.PWKR.DT.GD.ZS": (),
        "BX.TRF.PWKR.CD.DT.PC": (),
        "SP.POP.TOTL": (),
    },
    countries=frozenset({"MDA", "BGD", "JAM", "MLI", "ROU", "WLD", "UKR"}),
    first_year=1960,
    last_year=2024,
    derived={
        ("BX.TRF.PWKR.CD.DT", "pct_gdp"): "BX.TRF.PWKR.DT.GD.ZS",
        ("BX.TRF.PWKR.CD.DT", "per_capita"): "BX.TRF.PWKR.CD.DT.PC",
    },
)


def qs(query: str) -> dict[str, str]:
    return dict(parse_qsl(query.lstrip("?"), keep_blank_values=True))


def test_the_documented_example_opens_exactly_that_view_and_round_trips():
    query = "?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=MDA,JAM&start=2000&end=2022&tab=table"
    state, notices = parse(qs(query), VOCAB)
    assert notices == []
    assert state == CompareState("BX.TRF.PWKR.DT.GD.ZS", ("MDA", "JAM"), 2000, 2022, tab="table")
    assert to_query(state) == query


def test_empty_query_gives_pilots_and_default_indicator():
    state, notices = parse({}, VOCAB)
    assert notices == []
    assert state.countries == ("MDA", "BGD", "JAM", "MLI")
    assert state.indicator == "BX.TRF.PWKR.DT.GD.ZS"
    assert (state.start, state.end, state.tab, state.transform, state.scale) == (
        2000, 2024, "chart", "none", "linear"
    )


def test_bad_values_are_dropped_and_named():
    state, notices = parse(qs("?countries=XXX,MDA&start=abc"), VOCAB)
    assert state.countries == ("MDA",)
    assert state.start == 2000
    assert Notice("countries", "XXX", "unknown") in notices
    assert Notice("start", "abc", "invalid") in notices


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("?indicator=NOPE", "indicator"),
        ("?tab=pie", "tab"),
        ("?scale=cubic", "scale"),
        ("?transform=sqrt", "transform"),
        ("?indicator=SP.POP.TOTL&transform=pct_gdp", "transform"),
        ("?end=3000", "end"),
        ("?start=1800", "start"),
        ("?year=20x0", "year"),
        ("?transform=index&base=nope", "base"),
    ],
)
def test_each_bad_parameter_yields_a_notice_naming_it(query, param):
    state, notices = parse(qs(query), VOCAB)
    assert [n.param for n in notices] == [param]
    assert parse(qs(to_query(state)), VOCAB) == (state, [])


def test_countries_are_upper_cased_deduplicated_and_capped():
    state, notices = parse(qs("?countries=mda,MDA, jam ,wld"), VOCAB)
    assert state.countries == ("MDA", "JAM", "WLD") and notices == []
    many = replace(VOCAB, countries=frozenset(f"C{i:02d}" for i in range(30)))
    state, notices = parse({"countries": ",".join(f"C{i:02d}" for i in range(30))}, many)
    assert len(state.countries) == 20 and {n.reason for n in notices} == {"too_many"}


def test_only_unknown_countries_fall_back_to_pilots_but_explicit_empty_is_kept():
    state, notices = parse({"countries": "XXX,YYY"}, VOCAB)
    assert state.countries == ("MDA", "BGD", "JAM", "MLI") and len(notices) == 2
    state, notices = parse({"countries": ""}, VOCAB)
    assert state.countries == () and notices == []
    assert parse(qs(to_query(state)), VOCAB)[0] == state


def test_reversed_years_are_swapped_with_a_notice():
    state, notices = parse({"start": "2020", "end": "2005"}, VOCAB)
    assert (state.start, state.end) == (2005, 2020)
    assert [n.reason for n in notices] == ["swapped"]


def test_remittances_as_pct_gdp_is_the_derived_indicator_with_one_canonical_url():
    via_transform, _ = parse(qs("?indicator=BX.TRF.PWKR.CD.DT&transform=pct_gdp"), VOCAB)
    direct, _ = parse(qs("?indicator=BX.TRF.PWKR.DT.GD.ZS"), VOCAB)
    assert via_transform == direct
    assert to_query(via_transform) == to_query(direct)
    assert "transform" not in to_query(direct)
    per_capita, _ = parse(qs("?indicator=BX.TRF.PWKR.CD.DT&transform=per_capita"), VOCAB)
    assert per_capita.indicator == "BX.TRF.PWKR.CD.DT.PC" and per_capita.transform == "none"


def test_index_base_defaults_to_start_and_stays_in_range():
    state, _ = parse(qs("?transform=index&start=2005&end=2020"), VOCAB)
    assert state.base == 2005
    state, _ = parse(qs("?transform=index&base=2010"), VOCAB)
    assert state.base == 2010 and "base=2010" in to_query(state)
    state, _ = parse(qs("?transform=index&base=1990&start=2000"), VOCAB)
    assert state.base == 2000
    state, _ = parse(qs("?transform=pct_change&base=2010"), VOCAB)
    assert state.base is None and "base" not in to_query(state)


def test_map_year_outside_range_is_cleared():
    state = canonical(CompareState("SP.POP.TOTL", ("MDA",), 2000, 2010, year=2015), VOCAB)
    assert state.year is None


def test_vocabulary_from_tables_reads_transforms_derivations_and_years():
    indicators = pd.DataFrame({
        "code": ["BX.TRF.PWKR.CD.DT", "BX.TRF.PWKR.DT.GD.ZS"],
        "transforms": ["per_capita,pct_gdp", ""],
        "derived_from": [None, "BX.TRF.PWKR.CD.DT"],
        "derived_transform": [None, "pct_gdp"],
    })
    countries = pd.DataFrame({"country_code": ["MDA", "JAM", "WLD"]})
    values = pd.DataFrame({"year": [1970, 2023]})
    vocab = vocabulary_from_tables(indicators, countries, values)
    assert vocab.allowed_transforms("BX.TRF.PWKR.CD.DT") == (
        "none", "per_capita", "pct_gdp", "index", "pct_change"
    )
    assert vocab.derived == {("BX.TRF.PWKR.CD.DT", "pct_gdp"): "BX.TRF.PWKR.DT.GD.ZS"}
    assert (vocab.first_year, vocab.last_year) == (1970, 2023)
    assert vocab.default_countries == ("MDA", "JAM")


def test_a_view_without_years_opens_on_the_years_the_indicator_has():
    vocab = replace(VOCAB, indicator_years={"SP.POP.TOTL": (1960, 2024),
                                            "BX.TRF.PWKR.DT.GD.ZS": (2011, 2020)})
    state, notices = parse(qs("indicator=BX.TRF.PWKR.DT.GD.ZS"), vocab)
    assert (state.start, state.end) == (2011, 2020) and notices == []
    state, _ = parse(qs("indicator=SP.POP.TOTL"), vocab)
    assert (state.start, state.end) == (2000, 2024)
    state, _ = parse(qs("indicator=BX.TRF.PWKR.DT.GD.ZS&start=1990&end=2024"), vocab)
    assert (state.start, state.end) == (1990, 2024)


@given(st.dictionaries(
    st.sampled_from(["indicator", "countries", "start", "end", "tab", "transform", "base",
                     "scale", "year", "other"]),
    st.text(max_size=30),
))
def test_any_query_parses_to_a_fixed_point(params):
    state, _ = parse(params, VOCAB)
    again, notices = parse(qs(to_query(state)), VOCAB)
    assert again == state and notices == []
