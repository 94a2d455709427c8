"""Query layer behaviour on the real snapshot: transforms, gaps, errors, look-ups."""

from __future__ import annotations

import pandas as pd
import pytest

from query import (
    QueryError,
    TransformNotAllowedError,
    UnknownCountryError,
    UnknownIndicatorError,
    allowed_transforms,
    country_name,
    get_snapshot,
    indicator_meta,
    latest,
    series,
    top_destinations,
)


def raw(indicator: str, country: str) -> pd.Series:
    rows = series(indicator, [country])
    return rows.set_index("year")["value"]


def test_series_shape_and_order():
    rows = series("SP.POP.TOTL", ["MLI", "MDA"], start=2000, end=2002)
    assert list(rows.columns) == ["country_code", "country_name", "year", "value", "status"]
    assert set(rows["status"]) == {"observed"}
    assert rows["country_code"].tolist() == ["MDA"] * 3 + ["MLI"] * 3
    assert rows["year"].tolist() == [2000, 2001, 2002] * 2
    assert rows["country_name"].iloc[0] == "Moldova"


def test_per_capita_divides_by_population_of_the_same_year():
    remit, pop = raw("BX.TRF.PWKR.CD.DT", "JAM"), raw("SP.POP.TOTL", "JAM")
    per_capita = series("BX.TRF.PWKR.CD.DT", "JAM", transform="per_capita")
    got = per_capita.set_index("year")["value"]
    assert got.loc[2015] == pytest.approx(remit.loc[2015] / pop.loc[2015])
    derived = raw("BX.TRF.PWKR.CD.DT.PC", "JAM")
    pd.testing.assert_series_equal(got, derived)


def test_transform_not_allowed_across_releases():
    assert allowed_transforms("BM.TRF.PWKR.CD.DT") == ["none", "index", "pct_change"]
    with pytest.raises(TransformNotAllowedError, match="BM.TRF.PWKR.CD.DT"):
        series("BM.TRF.PWKR.CD.DT", ["MDA"], transform="pct_gdp")
    with pytest.raises(TransformNotAllowedError):
        series("DESA.EMIG.TOTL", ["MDA"], transform="per_capita")
    assert issubclass(TransformNotAllowedError, ValueError)


def test_index_uses_base_year_and_drops_countries_without_it():
    # SM.POP.TOTL has values only for 1990, 1995, ..., 2020, 2024.
    rows = series("SM.POP.TOTL", ["MDA", "BGD"], transform="index", base=2000)
    by_country = rows.groupby("country_code")
    assert set(by_country.groups) == {"MDA", "BGD"}
    assert rows.loc[rows["year"] == 2000, "value"].tolist() == [100.0, 100.0]
    assert series("SM.POP.TOTL", ["MDA"], transform="index", base=2001).empty
    with pytest.raises(QueryError, match="base year"):
        series("SM.POP.TOTL", ["MDA"], transform="index")


def test_index_base_outside_the_requested_range_still_counts():
    rows = series("SP.POP.TOTL", ["MDA"], start=2010, end=2012, transform="index", base=2000)
    pop = raw("SP.POP.TOTL", "MDA")
    assert rows["value"].iloc[0] == pytest.approx(pop.loc[2010] / pop.loc[2000] * 100)


def test_pct_change_only_between_consecutive_years():
    # Five-yearly series: no two consecutive years, so no year-on-year change exists.
    assert series("SM.POP.TOTL", ["MDA"], transform="pct_change").empty
    rows = series("SP.POP.TOTL", ["MDA"], start=2011, end=2011, transform="pct_change")
    pop = raw("SP.POP.TOTL", "MDA")
    assert rows["value"].iloc[0] == pytest.approx((pop.loc[2011] / pop.loc[2010] - 1) * 100)


def test_pct_change_skips_the_year_after_a_gap():
    # Burundi's FDI inflows have gaps in WDI; a change is only given after a present year.
    values = raw("BX.KLT.DINV.CD.WD", "BDI")
    years = values.index.tolist()
    gaps_after = [y for prev, y in zip(years, years[1:], strict=False) if y - prev > 1]
    assert gaps_after, "test needs a series with gaps"
    changes = series("BX.KLT.DINV.CD.WD", ["BDI"], transform="pct_change")
    expected = [y for prev, y in zip(years, years[1:], strict=False) if y - prev == 1]
    assert changes["year"].tolist() == [y for y in expected if values.loc[y - 1] != 0]
    assert not set(gaps_after) & set(changes["year"])


def test_unknown_codes_raise_clear_value_errors():
    with pytest.raises(UnknownIndicatorError, match="NOPE"):
        series("NOPE", ["MDA"])
    with pytest.raises(UnknownCountryError, match="XXX"):
        series("SP.POP.TOTL", ["MDA", "XXX"])
    with pytest.raises(QueryError, match="unknown transform"):
        series("SP.POP.TOTL", ["MDA"], transform="log")
    with pytest.raises(UnknownCountryError):
        country_name("ZZZ")


def test_latest_returns_last_year_with_data_or_none():
    year, value = latest("BM.TRF.PWKR.CD.DT", "MLI")
    assert year == 2021 and value == pytest.approx(2.35e8, rel=0.01)
    # Taiwan is in the UN DESA tables but not in WDI.
    assert latest("SP.POP.TOTL", "TWN") is None


def test_catalogue_records_canonical_forms_of_transforms():
    meta = indicator_meta("BX.TRF.PWKR.DT.GD.ZS")
    assert (meta["derived_from"], meta["derived_transform"]) == ("BX.TRF.PWKR.CD.DT", "pct_gdp")
    assert "NY.GDP.MKTP.CD" in meta["formula"]
    meta = indicator_meta("BX.TRF.PWKR.CD.DT.PC")
    assert (meta["derived_from"], meta["derived_transform"]) == ("BX.TRF.PWKR.CD.DT", "per_capita")
    formula = indicator_meta("DESA.EMIG.TOTL.ZS")["formula"]
    assert formula.startswith("DESA.EMIG.TOTL (UN DESA IMS 2024) / WPP.POP.TOTL (UN DESA World "
                              "Population Prospects 2024")
    assert indicator_meta("DESA.EMIG.TOTL.ZS")["population_basis"] == "WPP.POP.TOTL"
    assert indicator_meta("BX.TRF.PWKR.CD.DT.PC")["population_basis"] == "SP.POP.TOTL"


def test_catalogue_licences_are_quoted_or_not_stated():
    indicators = get_snapshot().indicators.set_index("code")
    assert indicators.loc["SP.POP.TOTL", "licence"] == "CC-BY-4.0"
    assert indicators.loc["DESA.EMIG.TOTL", "licence"] == "not stated by the source"
    assert indicators.loc["UNHCR.REFG.OR", "licence"] == "not stated by the source"
    assert set(indicators["topic"]) == {"remittances", "diaspora", "labour", "context"}
    assert indicators["definition"].str.len().min() > 40


def test_countries_table_flags():
    countries = get_snapshot().countries.set_index("country_code")
    assert countries.loc[["MDA", "BGD", "JAM", "MLI"], "pilot"].all()
    assert countries["pilot"].sum() == 4
    assert countries.loc["WLD", "aggregate"] and not countries.loc["MDA", "aggregate"]
    assert countries.loc["MDA", "m49"] == 498 and countries.loc["CIV", "m49"] == 384
    assert countries.loc["MLI", "income_group"] == "Low income"
    # Every code used in a bilateral table has a row.
    snap = get_snapshot()
    used = set(snap.migrant_stock["origin_code"]) | set(snap.refugees["asylum_code"])
    used |= set(snap.remittance_costs["sender_code"]) | set(snap.remittance_matrix["sender_code"])
    assert used <= set(countries.index)


def test_top_destinations_shares_and_sex():
    top = top_destinations("JAM", 2024, n=None)
    assert top["share_pct"].sum() == pytest.approx(100.0)
    women = top_destinations("JAM", 2024, n=1, sex="female")
    assert women["destination_code"].iloc[0] == "USA"
    with pytest.raises(QueryError):
        top_destinations("JAM", sex="both")


def test_last_year_of_an_indicator_overall_and_within_a_range():
    from query import last_year

    assert last_year("SI.RMT.COST.IB.ZS") == 2020  # the cost series ends in 2020
    assert last_year("SI.RMT.COST.IB.ZS", 2000, 2015) == 2015
    assert last_year("SI.RMT.COST.IB.ZS", 1960, 1970) is None
    assert last_year("NO.SUCH.CODE") is None
