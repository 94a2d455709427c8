"""Numbers a minister can quote: one territory per ratio, gaps never zeros, age and status on
every series. Pinned against the raw files, read here without the pipeline's readers."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

import query
from pipeline import catalogue as cat
from pipeline.build import RAW_DIR, BuildContext, build
from pipeline.checks import ZeroFilledGapError, check_no_zero_filled_gaps
from pipeline.ratios import Operand, RatioError, ratio
from pipeline.sources import unhcr
from query import labour

WPP = RAW_DIR / "undesa_wpp2024"


def wpp_row(file_name: str, m49: int) -> dict[str, str]:
    with (WPP / file_name).open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if int(row["country_code"]) == m49:
                return row
    raise KeyError(m49)


def wpp_midyear_2024(m49: int) -> float:
    """Mid-2024 population (persons) straight from the WPP 2024 files: 1 January 2025 is the
    package's end-of-2024 population, 1 January 2024 that less the 2024 change."""
    jan1_2025 = float(wpp_row("popprojMed.txt", m49)["2024"]) * 1000
    jan1_2024 = jan1_2025 - float(wpp_row("PopChangeprojMed.txt", m49)["2024"]) * 1000
    return (jan1_2024 + jan1_2025) / 2


def value(indicator: str, country: str, year: int) -> pd.Series:
    rows = query.series(indicator, [country], start=year, end=year)
    assert len(rows) == 1, (indicator, country, year)
    return rows.iloc[0]


# --- 1. one territory per ratio ----------------------------------------------------------


def test_world_mid_2024_population_is_the_published_figure():
    assert wpp_midyear_2024(900) == pytest.approx(8_161_972_572, abs=1)


def test_moldova_emigrant_share_uses_the_un_population():
    row = value("DESA.EMIG.TOTL.ZS", "MDA", 2024)
    assert value("DESA.EMIG.TOTL", "MDA", 2024)["value"] == 864_257
    assert row["value"] == pytest.approx(864_257 / wpp_midyear_2024(498) * 100)
    assert row["value"] == pytest.approx(28.5, abs=0.05)
    # Mid-2024 needs WPP's 1 January 2025, a projection.
    assert row["status"] == "projection"
    # The old ratio on the World Bank's smaller Moldova is gone.
    wdi_pop = value("SP.POP.TOTL", "MDA", 2024)["value"]
    assert row["value"] < 864_257 / wdi_pop * 100 - 7


def test_bangladesh_emigrant_share():
    row = value("DESA.EMIG.TOTL.ZS", "BGD", 2024)
    assert row["value"] == pytest.approx(8_706_947 / wpp_midyear_2024(50) * 100)
    assert row["value"] == pytest.approx(5.0, abs=0.05)


def test_immigrant_share_is_un_stock_over_un_population():
    row = value("SM.POP.TOTL.ZS", "JAM", 2024)
    immigrants = value("SM.POP.TOTL", "JAM", 2024)["value"]  # WDI carries the UN's numbers
    assert row["value"] == pytest.approx(immigrants / wpp_midyear_2024(388) * 100)
    assert "WPP.POP.TOTL" in query.indicator_meta("SM.POP.TOTL.ZS")["formula"]


def test_un_population_series_follows_the_files():
    row = value("WPP.POP.TOTL", "MLI", 2024)
    assert row["value"] == pytest.approx(wpp_midyear_2024(466))
    assert row["status"] == "projection"
    assert value("WPP.POP.TOTL", "MLI", 2023)["status"] == "observed"


def test_a_ratio_across_territories_or_releases_is_refused():
    ctx = BuildContext(RAW_DIR)
    emigrants = ctx.ims_operand(cat.EMIGRANTS, ctx.emigrants)
    with pytest.raises(RatioError, match="different territories"):
        ratio(emigrants, ctx.wdi_operand(cat.POPULATION), 100.0)
    # Same territory, another revision: IMS 2024 emigrants over the 2020 revision's population.
    population_2020 = Operand("population 2020", ctx.table("population_ims2020").rename(
        columns={"population": "value"}).assign(status="observed"), "undesa_ims2020",
        ctx.release("undesa_ims2020"))
    with pytest.raises(RatioError, match="different releases"):
        ratio(emigrants, population_2020, 100.0)
    # A WDI series over WDI population of another release (a partial refresh).
    remittances = ctx.wdi_operand("BX.TRF.PWKR.CD.DT")
    other = Operand(cat.POPULATION, remittances.values, remittances.source_id, "wdi-2099-01-01")
    with pytest.raises(RatioError, match="different releases"):
        ratio(remittances, other, 1.0)


def test_the_build_refuses_a_ratio_on_the_world_banks_population(monkeypatch, tmp_path):
    def un_over_wdi(self):  # the old, wrong emigrant share
        return Operand(cat.POPULATION, self.wdi_values(cat.POPULATION), "wdi_datasets",
                       self.wdi_release(cat.POPULATION))

    monkeypatch.setattr(BuildContext, "wpp_population_operand", un_over_wdi)
    with pytest.raises(RatioError, match="different territories"):
        build(RAW_DIR, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_countries_where_the_two_populations_differ_are_listed_and_noted():
    diffs = query.population_differences().set_index("country_code")
    assert "MDA" in diffs.index and "BGD" not in diffs.index
    moldova = diffs.loc["MDA"]
    wdi_pop = value("SP.POP.TOTL", "MDA", int(moldova["max_diff_year"]))["value"]
    un_pop = value("WPP.POP.TOTL", "MDA", int(moldova["max_diff_year"]))["value"]
    assert moldova["max_diff_pct"] == pytest.approx((wdi_pop - un_pop) / un_pop * 100)
    assert (diffs["max_diff_pct"].abs() > cat.POPULATION_DIFFERENCE_PCT).all()
    notes = query.series_notes("DESA.EMIG.TOTL.ZS", ["MDA"])
    assert notes["kind"].tolist() == ["population_differs"]
    assert "Moldova" in notes["note"].iloc[0]
    for code in ("SP.POP.TOTL", "BX.TRF.PWKR.CD.DT.PC", "SM.POP.TOTL.ZS", "WPP.POP.TOTL"):
        assert len(query.series_notes(code, "MDA")) == 1, code


def test_serbia_un_ratios_are_left_out_with_a_note():
    # IMS 2024 has no Kosovo; WPP 2024 counts it apart from Serbia.
    assert query.series("DESA.EMIG.TOTL.ZS", ["SRB"]).empty
    assert not query.series("DESA.EMIG.TOTL", ["SRB"]).empty
    notes = query.series_notes("DESA.EMIG.TOTL.ZS", "SRB")
    assert "territory_left_out" in set(notes["kind"])
    assert "Kosovo" in notes.loc[notes["kind"] == "territory_left_out", "note"].iloc[0]


# --- 2. gaps are gaps --------------------------------------------------------------------


def _raw_unhcr() -> pd.DataFrame:
    return pd.read_csv(RAW_DIR / "unhcr_stepladder" / "unhcr_2020.csv", keep_default_na=False,
                       na_values={"orig": [""], "dest": [""], "asylum_seekers": ["", "NA"]})


def test_unhcr_1995_asylum_seekers_are_a_gap_not_zeros():
    raw = _raw_unhcr()
    in_1995 = raw[raw["year"] == 1995]
    with_origin = in_1995[in_1995["orig"].notna()]
    assert len(with_origin) > 1000 and (with_origin["asylum_seekers"] == 0).all()
    assert in_1995.loc[in_1995["orig"].isna(), "asylum_seekers"].max() > 900_000
    assert query.series("UNHCR.ASYL.OR", ["AFG"], start=1995, end=1999).empty
    assert query.series("UNHCR.ASYL.OR", ["AFG"], start=2000, end=2000)["value"].iloc[0] > 0
    refugees = query.get_snapshot().refugees
    assert refugees.loc[refugees["year"] == 1995, "asylum_seekers"].isna().all()
    assert refugees.loc[refugees["year"] == 1995, "refugees"].notna().all()
    values = query.get_snapshot().values
    asylum = values[values["indicator_code"] == "UNHCR.ASYL.OR"]
    assert asylum["year"].min() == 2000


def test_a_zero_filled_gap_fails_the_check():
    as_filed = unhcr.read_refugees_as_filed(RAW_DIR)
    with pytest.raises(ZeroFilledGapError, match=r"refugees\.asylum_seekers.*1995"):
        check_no_zero_filled_gaps({"refugees": as_filed})
    check_no_zero_filled_gaps({"refugees": unhcr.blank_unrecorded_years(as_filed)})
    values = pd.DataFrame({"indicator_code": "X", "country_code": list("ABCDEF"),
                           "year": 2000, "value": 0.0})
    with pytest.raises(ZeroFilledGapError, match="indicator_values"):
        check_no_zero_filled_gaps({"indicator_values": values})


def test_the_build_fails_on_a_zero_filled_gap(monkeypatch, tmp_path):
    monkeypatch.setattr(unhcr, "blank_unrecorded_years", lambda table: table)
    with pytest.raises(ZeroFilledGapError, match="asylum_seekers"):
        build(RAW_DIR, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_matrix_columns_of_zeros_are_gaps():
    raw = pd.read_csv(RAW_DIR / "wb_bilateral_remittance_matrix_2018"
                      / "Bilateralremittancematrix2018Oct2019.csv", encoding="utf-8-sig",
                      index_col=0)
    assert (raw["Somalia"].fillna(0) == 0).all()
    matrix = query.get_snapshot().remittance_matrix
    assert "SOM" not in set(matrix["receiver_code"])
    assert query.remittance_corridors("SOM").empty
    assert (matrix.groupby("receiver_code")["value_usd_million"].max() > 0).all()


# --- 3. age and status -------------------------------------------------------------------


def test_net_migration_2025_is_a_projection_in_the_source():
    row = wpp_row("migrationprojMed.txt", 498)
    assert value("SM.POP.NETM", "MDA", 2025)["value"] == float(row["2025"]) * 1000
    assert value("SM.POP.NETM", "MDA", 2025)["status"] == "projection"
    estimates = wpp_row("migration.txt", 498)
    assert estimates["last.observed"] == "2023"
    assert value("SM.POP.NETM", "MDA", 2023)["value"] == float(estimates["2023"]) * 1000
    assert value("SM.POP.NETM", "MDA", 2023)["status"] == "observed"
    # The World Bank's aggregates sum the projections too.
    assert value("SM.POP.NETM", "EUU", 2025)["status"] == "projection"
    assert "migrationprojMed.txt" in query.indicator_meta("SM.POP.NETM")["status_rule"]


def test_modelled_ilo_series_are_estimates_and_statuses_are_known():
    assert set(query.series("SL.UEM.TOTL.ZS", ["MDA"])["status"]) == {"estimate"}
    assert "(modeled ILO estimate)" in query.indicator_meta("SL.UEM.TOTL.ZS")["name"]
    values = query.get_snapshot().values
    assert set(values["status"]) <= {"observed", "estimate", "projection"}
    assert set(query.series("BX.TRF.PWKR.CD.DT", ["JAM"])["status"]) == {"observed"}


def test_transforms_carry_the_weakest_status():
    change = query.series("SM.POP.NETM", ["MDA"], start=2023, end=2025, transform="index",
                          base=2023)
    assert change.set_index("year")["status"].to_dict() == {
        2023: "observed", 2024: "projection", 2025: "projection"}
    year_on_year = query.series("WPP.POP.TOTL", ["MDA"], start=2024, end=2024,
                                transform="pct_change")
    assert year_on_year["status"].tolist() == ["projection"]
    assert query.latest_with_status("SM.POP.NETM", "MDA")[2] == "projection"


def test_every_series_and_table_says_how_old_it_is():
    assert query.indicator_age("UNHCR.REFG.OR")["age_note"] == (
        "2019 \u2014 latest UNHCR data in this dashboard")
    assert query.indicator_age("UNHCR.REFG.OR")["last_year"] == 2019
    assert query.table_age("remittance_costs")["last_period"] == "2020Q3"
    assert query.table_age("remittance_matrix")["last_year"] == 2018
    assert query.table_age("annual_flows")["last_year"] == 2013
    assert query.table_age("refugees")["last_year"] == 2019
    assert query.table_age("flow_estimates")["last_period"] == "2015-2020"
    paid, received = (query.indicator_age(c) for c in ("BM.TRF.PWKR.CD.DT", "BX.TRF.PWKR.CD.DT"))
    assert paid["release"] == "wdi-2023-05-10" and received["release"] == "wdi-2026-07-01"
    assert paid["vintage_note"] and "2023-05-10" in paid["vintage_note"]
    with pytest.raises(query.QueryError):
        query.table_age("nothing")


def test_unhcr_vintage_is_named_as_a_copy_date():
    age = query.indicator_age("UNHCR.REFG.OR")
    assert age["vintage"] == "2021-04-30"
    assert "not a UNHCR release" in age["vintage_kind"]
    sources = query.get_snapshot().sources.set_index("source_id")
    assert "not a UNHCR release" in sources.loc["unhcr_stepladder", "vintage_kind"]


def test_labour_force_vintage_and_release_are_explained():
    meta = query.indicator_meta("SL.TLF.TOTL.IN")
    assert (meta["vintage"], meta["release"]) == ("2026-04-01", "wdi-2026-07-01")
    assert "2026-04-01" in meta["vintage_note"] and "wdi-2026-07-01" in meta["vintage_note"]
    vintages = json.loads((RAW_DIR / "vintages.json").read_text())
    assert vintages["wdi_datasets"]["indicators"]["SL.TLF.TOTL.IN"] == {
        "data_csv_last_changed": "2026-04-01"}


# --- 4. territories and classifications ------------------------------------------------


def test_afghanistan_region_and_the_classification_vintage():
    meta = pd.read_excel(RAW_DIR / "wb_wdi_xls_2023" / "personal-remittances-paid.xls",
                         sheet_name="Metadata - Countries", engine="calamine")
    region = meta.set_index("Country Code").loc["AFG", "Region"]
    countries = query.get_snapshot().countries.set_index("country_code")
    assert countries.loc["AFG", "region"] == region == "South Asia"
    assert countries.loc["AFG", "classification_release"] == "wdi-2023-05-10"
    assert query.classification_release() == "wdi-2023-05-10"
    assert query.classification_release("AFG") == "wdi-2023-05-10"


def test_former_territories_are_flagged_and_never_continue_a_series():
    flows = labour.emigration_by_destination("SDN")
    early = flows[flows["period_start"] < 2010]
    assert early["origin_note"].notna().all() and "Sudan*" in early["origin_note"].iloc[0]
    assert flows.loc[flows["period_start"] >= 2010, "origin_note"].isna().all()
    totals = labour.emigration_totals(["SDN", "MDA"]).set_index(["country_code", "period_start"])
    assert "Sudan*" in totals.loc[("SDN", 1990), "origin_note"]
    assert pd.isna(totals.loc[("MDA", 1990), "origin_note"])
    rates = labour.emigration_rate(["SDN"])
    assert rates["period_start"].min() == 2010  # no rate on another territory's population
    yug = labour.emigration_totals(["YUG"])
    assert yug["origin_note"].str.contains("Serbia & Montenegro").all()
    assert set(labour.emigration_by_destination("MDA")["status"]) == {"estimate"}


def test_flow_estimates_name_the_revision_they_are_built_on():
    basis = query.source_basis("abel_cohen_flows_2022_migviz")
    assert "2020 revision" in basis["based_on"]
    stock = query.source_basis("undesa_ims2024_migrantstock_app")
    assert stock["based_on"] is None and stock["vintage"] == "2024"


# --- 5. licences as stated -----------------------------------------------------------------


def test_licences_are_quoted_from_vendored_files():
    sources = query.get_snapshot().sources.set_index("source_id")
    readme = (WPP / "README.md").read_text()
    assert "Licensed under [Creative Commons license CC BY 3.0 IGO]" in readme
    assert sources.loc["undesa_wpp2024", "licence"].endswith(
        "Licensed under Creative Commons license CC BY 3.0 IGO")
    workbook = pd.read_excel(RAW_DIR / "undesa_ims2020"
                             / "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
                             sheet_name="Table 2", header=None, nrows=7, engine="openpyxl")
    stated = {str(cell) for cell in workbook[4].dropna()}
    assert sources.loc["undesa_ims2020", "licence"] in stated
