"""Values pinned from the raw sources (see data/raw/PROVENANCE.md), read through the query layer."""

from __future__ import annotations

import pytest

from query import (
    get_snapshot,
    latest,
    remittance_corridors,
    remittance_costs,
    series,
    top_destinations,
)

PILOTS = ["MDA", "BGD", "JAM", "MLI"]


def value(indicator: str, country: str, year: int) -> float:
    rows = series(indicator, [country], start=year, end=year)
    assert len(rows) == 1, f"{indicator} {country} {year}: {len(rows)} rows"
    return float(rows["value"].iloc[0])


def test_remittances_share_of_gdp_recomputed_from_the_2026_release():
    assert value("BX.TRF.PWKR.DT.GD.ZS", "MDA", 2005) == pytest.approx(30.6, abs=0.05)
    assert value("BX.TRF.PWKR.DT.GD.ZS", "JAM", 2021) == pytest.approx(23.2, abs=0.05)
    assert value("BX.TRF.PWKR.DT.GD.ZS", "MLI", 2015) == pytest.approx(5.2, abs=0.05)


def test_pct_gdp_transform_equals_the_derived_indicator():
    direct = series("BX.TRF.PWKR.CD.DT", PILOTS, transform="pct_gdp")
    derived = series("BX.TRF.PWKR.DT.GD.ZS", PILOTS)
    assert direct.equals(derived)


def test_bangladesh_emigrants_2024_and_top_destinations():
    assert value("DESA.EMIG.TOTL", "BGD", 2024) == pytest.approx(8_706_947)
    top = top_destinations("BGD", 2024, n=2)
    assert top["destination_code"].tolist() == ["SAU", "IND"]
    assert top["value"].iloc[0] == pytest.approx(2_362_680)


@pytest.mark.parametrize(
    ("origin", "destination"), [("MLI", "CIV"), ("MDA", "ITA"), ("JAM", "USA")]
)
def test_largest_diaspora_destination_2024(origin, destination):
    assert top_destinations(origin, 2024, n=1)["destination_code"].iloc[0] == destination


def test_moldova_2020_emigrants_come_from_the_2024_revision_only():
    # IMS 2024 gives 812,653 for 2020; the 2020 revision said 1.16 million.
    assert value("DESA.EMIG.TOTL", "MDA", 2020) == pytest.approx(812_653)


def test_immigrant_stock_moldova_2024():
    assert latest("SM.POP.TOTL", "MDA") == (2024, 188_207.0)


def test_remittance_matrix_top_senders_to_moldova():
    corridors = remittance_corridors("MDA", n=2)
    assert corridors["sender_code"].tolist() == ["RUS", "ITA"]
    assert corridors["value_usd_million"].tolist() == [535.0, 352.0]


def test_unhcr_refugees_relabelled_to_2019():
    assert value("UNHCR.REFG.OR", "MLI", 2019) == pytest.approx(164_461)
    assert value("UNHCR.REFG.OR", "MLI", 2012) == pytest.approx(149_930)
    refugees = get_snapshot().refugees
    assert 2020 not in set(refugees["year"])
    assert refugees["year"].min() == 1995 and refugees["year"].max() == 2019


def test_rpw_russia_to_moldova_2020q3():
    costs = remittance_costs("MDA")
    row = costs[(costs["sender_code"] == "RUS") & (costs["period"] == "2020Q3")]
    assert row["cost_pct"].iloc[0] == pytest.approx(1.40, abs=0.005)
    assert set(costs["sender_code"]) >= {"RUS", "ITA", "DEU"}


def test_older_release_series_keep_their_vintage():
    snap = get_snapshot()
    meta = snap.indicators.set_index("code")
    assert meta.loc["BM.TRF.PWKR.CD.DT", "vintage"] == "2023-05-10"
    assert meta.loc["SI.RMT.COST.IB.ZS", "vintage"] == "2023-05-10"
    assert latest("SI.RMT.COST.IB.ZS", "MDA")[1] == pytest.approx(5.61, abs=0.005)


def test_every_pilot_present_in_every_country_indicator():
    values = get_snapshot().values
    for code in get_snapshot().indicators["code"]:
        present = set(values.loc[values["indicator_code"] == code, "country_code"])
        missing = [p for p in PILOTS if p not in present]
        assert not missing, f"{code} has no values for {missing}"


def test_stale_wdi_refugee_series_are_not_in_the_snapshot():
    codes = set(get_snapshot().indicators["code"])
    assert not {"SM.POP.REFG", "SM.POP.REFG.OR"} & codes
