"""Labour-flow tables: UN DESA annual flows (2015 revision) and Abel & Cohen 5-year estimates.

Pinned values come from reading the raw files (data/raw/PROVENANCE.md sections 9 and 10).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.build import RAW_DIR
from pipeline.catalogue import SOURCES
from pipeline.sources import abel_cohen, undesa_flows

REGION_NAMES = {
    "Sub-Saharan Africa", "North Africa", "Europe", "East Europe & Central Asia", "West Asia",
    "South Asia", "East Asia", "South-East Asia", "Oceania", "Latin America and the Caribbean",
    "North America",
}


@pytest.fixture(scope="module")
def estimates() -> pd.DataFrame:
    return abel_cohen.read_flow_estimates(RAW_DIR)


@pytest.fixture(scope="module")
def annual() -> pd.DataFrame:
    return undesa_flows.read_annual_flows(RAW_DIR)


def _emigration(estimates: pd.DataFrame, origin: str, start: int, sex: str = "total"):
    rows = estimates[
        (estimates["origin_code"] == origin)
        & (estimates["period_start"] == start)
        & (estimates["sex"] == sex)
    ]
    return rows.set_index("destination_code")["value"].sort_values(ascending=False)


# --- Abel & Cohen ------------------------------------------------------------------


def test_bangladesh_2015_20_emigration_and_top_destinations(estimates):
    by_destination = _emigration(estimates, "BGD", 2015)
    assert by_destination.sum() == 2_469_077
    assert list(by_destination.index[:2]) == ["IND", "SAU"]
    assert by_destination["IND"] == 407_691


def test_jamaica_2015_20_goes_mostly_to_the_usa(estimates):
    by_destination = _emigration(estimates, "JAM", 2015)
    assert by_destination.sum() == 151_329
    assert by_destination.index[0] == "USA"
    assert by_destination["USA"] / by_destination.sum() > 0.75


def test_moldova_1990_95_and_female_share(estimates):
    assert _emigration(estimates, "MDA", 1990).sum() == 225_902
    assert _emigration(estimates, "MDA", 1990).index[0] == "RUS"
    female = _emigration(estimates, "MDA", 2015, "female").sum()
    assert female / _emigration(estimates, "MDA", 2015).sum() == pytest.approx(0.54, abs=0.005)


def test_periods_are_five_years_keyed_by_start(estimates):
    assert sorted(estimates["period_start"].unique()) == [1990, 1995, 2000, 2005, 2010, 2015]
    assert (estimates["period_end"] - estimates["period_start"]).eq(5).all()
    assert set(estimates["sex"]) == {"total", "female"}


def test_region_rows_are_not_counted(estimates):
    """Country sums equal the file's total_outflow; adding the region cells would exceed it."""
    data = json.loads((RAW_DIR / abel_cohen.FOLDER / abel_cohen.FILES["total"]).read_text())
    names = data["names"]
    # The file rounds each cell to an integer: half a person per country cell at most.
    tolerance = (len(names) - len(data["regions"])) / 2
    totals = abel_cohen.read_totals(RAW_DIR)
    # Regions have no code; two names share SDN (Sudan before and after 2011).
    totals = totals[totals["country_code"].notna() & (totals["country_code"] != "SDN")]
    sums = (
        estimates[estimates["sex"] == "total"]
        .groupby(["origin_code", "period_start"])["value"].sum()
    )
    stated = totals.set_index(["country_code", "period_start"])["total_outflow"]
    country_sums = sums.reindex(stated.index, fill_value=0)
    assert (country_sums - stated).abs().max() <= tolerance
    assert len(stated) > 1300
    for name in ["Bangladesh", "Moldova", "Jamaica"]:
        for start in ("1990", "2015"):
            whole_row = sum(data["matrix"][start][names.index(name)])
            assert whole_row > data["total_outflow"][start][name] * 1.5, (name, start)


def test_no_region_ever_becomes_a_country_code(estimates):
    codes = set(estimates["origin_code"]) | set(estimates["destination_code"])
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert not REGION_NAMES & set(abel_cohen.read_country_codes(RAW_DIR))


def test_name_mapping_covers_exactly_the_country_names_of_the_file():
    data = json.loads((RAW_DIR / abel_cohen.FOLDER / abel_cohen.FILES["total"]).read_text())
    regions = {data["names"][i] for i in data["regions"]}
    assert regions == REGION_NAMES
    countries = set(data["names"]) - regions
    name_to_iso3 = abel_cohen.read_country_codes(RAW_DIR)
    assert set(name_to_iso3) == countries
    pilots = {n: name_to_iso3[n] for n in ["Moldova", "Bangladesh", "Jamaica", "Mali"]}
    assert pilots == {"Moldova": "MDA", "Bangladesh": "BGD", "Jamaica": "JAM", "Mali": "MLI"}
    # Only the two spellings of Sudan (before and after 2011) share a code.
    codes = pd.Series(name_to_iso3)
    assert sorted(codes[codes.duplicated(keep=False)].index) == ["Sudan", "Sudan*"]


def test_female_emigration_never_exceeds_both_sexes_in_total(estimates):
    """Female and both-sexes flows are estimated separately: single corridors can show more
    women than people (Bangladesh to Thailand 1990-95), country totals never do."""
    by_origin = estimates.groupby(["origin_code", "period_start", "sex"])["value"].sum().unstack()
    assert (by_origin["female"] <= by_origin["total"]).all()
    cell = estimates[(estimates["origin_code"] == "BGD") & (estimates["destination_code"] == "THA")
                     & (estimates["period_start"] == 1990)].set_index("sex")["value"]
    assert cell["female"] > cell["total"]


def test_unknown_name_fails_loudly(tmp_path):
    folder = tmp_path / abel_cohen.FOLDER
    folder.mkdir()
    for name in abel_cohen.FILES.values():
        shutil.copy(RAW_DIR / abel_cohen.FOLDER / name, folder / name)
    path = folder / abel_cohen.FILES["female"]
    data = json.loads(path.read_text())
    data["names"][data["names"].index("Jamaica")] = "Jamaica (new)"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="Jamaica \\(new\\)"):
        abel_cohen.read_flow_estimates(tmp_path)


def test_corrupt_json_gives_a_clear_error(tmp_path):
    folder = tmp_path / abel_cohen.FOLDER
    folder.mkdir()
    for name in abel_cohen.FILES.values():
        (folder / name).write_text("{not json")
    with pytest.raises(ValueError, match="cannot read"):
        abel_cohen.read_flow_estimates(tmp_path)


# --- UN DESA annual flows ------------------------------------------------------------


def _value(annual: pd.DataFrame, **where: object) -> float:
    mask = pd.Series(True, index=annual.index)
    for column, value in where.items():
        mask &= annual[column] == value
    rows = annual[mask]
    assert len(rows) == 1, where
    return rows["value"].iloc[0]


def test_us_admissions_of_jamaicans(annual):
    usa = dict(reporting_code="USA", origin_code="JAM", type="immigrants", criterion="birth")
    assert _value(annual, **usa, year=2013) == 19_400
    assert _value(annual, **usa, year=1980) == 18_970
    assert _value(annual, **usa, coverage="foreigners", year=2010) == 19_825


def test_pilot_rows_in_other_reporting_countries(annual):
    assert _value(annual, reporting_code="ITA", origin_code="MDA", criterion="citizenship",
                  type="immigrants", year=2010) == 26_591
    assert _value(annual, reporting_code="CAN", origin_code="JAM", year=2013) == 2_479
    assert _value(annual, reporting_code="ESP", origin_code="MLI", criterion="citizenship",
                  year=2005) == 3_278
    # Emigrants reported by Russia: Russia is the origin, Moldova the destination.
    assert _value(annual, reporting_code="RUS", origin_code="RUS", destination_code="MDA",
                  type="emigrants", criterion="residence", year=1991) == 27_052


def test_reporting_country_is_always_one_end_of_the_flow(annual):
    immigrants = annual[annual["type"] == "immigrants"]
    emigrants = annual[annual["type"] == "emigrants"]
    assert (immigrants["destination_code"] == immigrants["reporting_code"]).all()
    assert (emigrants["origin_code"] == emigrants["reporting_code"]).all()
    assert len(immigrants) + len(emigrants) == len(annual)
    assert set(annual["criterion"]) == {"residence", "citizenship", "birth"}
    assert set(annual["coverage"]) == {"foreigners", "citizens", "both"}


def test_gaps_stay_gaps(annual):
    """'..', 'D' and '-' cells are missing rows, never zeros; data end in 2013."""
    assert annual["value"].notna().all()
    assert annual["year"].max() == 2013
    # The US sheet marks American Samoa 2011 'D' (withheld) and 2012 '-'.
    samoa = annual[(annual["reporting_code"] == "USA") & (annual["origin_code"] == "ASM")]
    assert not samoa["year"].isin([2011, 2012, 2013]).any()
    assert samoa["year"].isin([2010]).any()
    # No totals or 'Unknown' rows: every partner is a country code.
    assert annual["origin_code"].str.fullmatch(r"[A-Z]{3}").all()


def test_definitions_say_how_each_country_counts(annual):
    definitions = undesa_flows.describe_reporting(annual, RAW_DIR)
    usa = definitions[definitions["reporting_code"] == "USA"]
    assert len(usa) == 1
    assert "country of birth" in usa["definition"].iloc[0]
    assert "Legal permanent resident admissions" in usa["definition"].iloc[0]
    italy = definitions[(definitions["reporting_code"] == "ITA")
                        & (definitions["type"] == "immigrants")]
    assert {"residence", "citizenship"} <= set(italy["criterion"])
    assert not definitions.duplicated(["reporting_code", "type", "criterion", "coverage"]).any()
    assert set(definitions["reporting_code"]) == set(annual["reporting_code"])


def test_licence_is_quoted_from_every_workbook():
    licence = SOURCES[undesa_flows.FOLDER].licence
    for path in sorted((RAW_DIR / undesa_flows.FOLDER).glob("*.xlsx")):
        sheet = pd.read_excel(path, sheet_name=undesa_flows.country_sheets(path)[0],
                              header=None, nrows=14, engine="calamine")
        assert any(licence in str(cell) for cell in sheet[0]), path.name
    # Abel & Cohen's licence is the footer of the vendored page of the source website.
    quoted = SOURCES[abel_cohen.FOLDER].licence.split('"')[1]
    page = (RAW_DIR / abel_cohen.FOLDER / "site" / "flows_by_sex.html").read_text()
    footer = " ".join(page.split("<footer>")[1].split("</footer>")[0].split())
    plain = footer.replace('<a href="http://creativecommons.org/licenses/by-nc/3.0/">', "")
    assert quoted in plain.replace("</a>", "")
    assert quoted == ("This work is licensed under a Creative Commons Attribution-NonCommercial "
                      "3.0 Unported License.")


def _small_workbook(folder: Path, partner: str, cell: object) -> None:
    """A workbook laid out like the UN's: labels on rows 17-18, header on row 21."""
    folder.mkdir(parents=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Canada by Citizenship"
    sheet.cell(17, 1, "Reporting country: Canada")
    sheet.cell(18, 1, "Criterion: Citizenship")
    for column, name in enumerate([*undesa_flows.ID_COLUMNS, 2012, 2013], start=1):
        sheet.cell(21, column, name)
    row = ["Immigrants", "Foreigners", partner, 904, "LAC", 915, "Caribbean", 902, "Less", 5, cell]
    for column, value in enumerate(row, start=1):
        sheet.cell(22, column, value)
    book.save(folder / "Canada.xlsx")


def test_small_workbook_reads_into_tidy_rows(tmp_path):
    _small_workbook(tmp_path / undesa_flows.FOLDER, "Jamaica", "..")
    flows = undesa_flows.read_annual_flows(tmp_path)
    assert flows.to_dict("records") == [
        {"reporting_code": "CAN", "origin_code": "JAM", "destination_code": "CAN",
         "type": "immigrants", "criterion": "citizenship", "coverage": "foreigners",
         "year": 2012, "value": 5.0}
    ]


def test_unknown_partner_name_fails_loudly(tmp_path):
    _small_workbook(tmp_path / undesa_flows.FOLDER, "Atlantis", 7)
    with pytest.raises(ValueError, match="Atlantis"):
        undesa_flows.read_annual_flows(tmp_path)


def test_unexpected_cell_text_fails_loudly(tmp_path):
    _small_workbook(tmp_path / undesa_flows.FOLDER, "Jamaica", "n/a")
    with pytest.raises(ValueError, match="n/a"):
        undesa_flows.read_annual_flows(tmp_path)
