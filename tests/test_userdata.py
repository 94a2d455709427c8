"""A user's own series: reading files and pasted text, every validation message on
real-shaped files, the series read back from the browser, the chart and the downloads.

The Bangladesh rows are the Bureau of Manpower, Employment and Training's yearly counts of
workers going abroad (docs/example-user-data.csv)."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import query
from charts import user_series
from exports import ExportContext, csv_bytes, xlsx_bytes
from text import userdata as t
from text.numbers import format_number
from userdata import (
    MAX_BYTES,
    MAX_VALUES,
    CountryResolver,
    UserSeries,
    check_bytes,
    from_store,
    to_store,
    validate,
)
from userdata.validate import parse_number

BMET = [(2017, 1008525), (2018, 734181), (2019, 700159), (2020, 217669), (2021, 617209),
        (2022, 1135873)]
EXAMPLE = "docs/example-user-data.csv"


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
    countries = query.get_snapshot().countries
    return CountryResolver(zip(countries["country_code"], countries["name"], strict=True))


@pytest.fixture(scope="module")
def known() -> frozenset[str]:
    return frozenset(query.get_snapshot().country_names)


def tidy_csv(rows: list[tuple], header: str = "country,year,value") -> bytes:
    lines = [header, *(",".join("" if c is None else str(c) for c in row) for row in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def reasons(checked) -> list[str]:
    return [r.reason for r in checked.rejected]


# ---- real-shaped files -------------------------------------------------------------------------

def test_the_example_file_is_a_tidy_table_read_whole(resolver):
    with open(EXAMPLE, "rb") as handle:
        checked = check_bytes(handle.read(), resolver, "count")
    assert checked.problem is None and checked.rejected == []
    assert checked.shape == "tidy"
    assert checked.values == [("BGD", year, "total", float(v)) for year, v in BMET]


def test_a_tidy_csv_with_names_sex_and_a_semicolon_and_decimal_comma(resolver):
    data = ("Pays;Année;Valeur;Sexe\nBangladesh;2019;1,5;femmes\nMoldavie;2019;2,25;hommes\n"
            "Republica Moldova;2020;3;\n").encode("cp1252", errors="replace")
    checked = check_bytes(data, resolver, "percent")
    assert checked.rejected == [] and checked.shape == "tidy"
    assert checked.values == [("BGD", 2019, "female", 1.5), ("MDA", 2019, "male", 2.25),
                              ("MDA", 2020, "total", 3.0)]


def test_a_wide_xlsx_in_english_french_and_romanian_with_gaps(resolver):
    data = xlsx([["Country", *(year for year, _ in BMET)],
                 ["Bangladesh", *(value for _, value in BMET)],
                 ["Moldavie", None, 2.5, None, None, None, 4],
                 ["Jamaica", "", "", "", "", "", ""],
                 ["Mali", 1, 2, 3, 4, 5, 6]])
    checked = check_bytes(data, resolver, "count")
    assert checked.problem is None and checked.rejected == []
    assert checked.shape == "wide"
    assert [v for v in checked.values if v[0] == "BGD"] == [
        ("BGD", year, "total", float(v)) for year, v in BMET]
    assert [(c, y) for c, y, _, _ in checked.values if c == "MDA"] == [("MDA", 2018),
                                                                       ("MDA", 2022)]
    assert checked.countries == ["BGD", "MDA", "MLI"]


def test_pasted_spreadsheet_rows_are_tab_separated(resolver):
    pasted = "ISO3\tYear\tValue\nBGD\t2019\t700 159\nJAM\t2019\t1.234,5\n"
    checked = check_bytes(pasted.encode(), resolver, "count")
    assert checked.values == [("BGD", 2019, "total", 700159.0), ("JAM", 2019, "total", 1234.5)]


@pytest.mark.parametrize(("written", "number"), [
    ("1,234", 1234.0), ("1,234,567.5", 1234567.5), ("0,5", 0.5), ("1.234,5", 1234.5),
    ("12,5", 12.5), ("-3", -3.0), ("1e3", 1000.0), ("abc", None), ("nan", None), ("inf", None),
    ("1..2", None), ("", None), (7, 7.0), (float("nan"), None), (True, None),
])
def test_numbers_as_people_write_them(written, number):
    assert parse_number(written) == number


# ---- every message, one file each ---------------------------------------------------------------

def test_unknown_country_suggests_the_closest_names(resolver):
    checked = check_bytes(tidy_csv([("Bangldesh", 2019, 1), ("Moldva", 2019, 2)]), resolver,
                          "count")
    assert reasons(checked) == ["unknown_country", "unknown_country"]
    assert [r.row for r in checked.rejected] == [2, 3]
    assert "Did you mean Bangladesh (BGD)?" in checked.rejected[0].message
    assert "Moldova (MDA)" in checked.rejected[1].message
    assert checked.values == []


def test_a_near_miss_of_a_code_suggests_the_code(resolver):
    checked = check_bytes(tidy_csv([("BGX", 2019, 1)]), resolver, "count")
    assert "Bangladesh (BGD)" in checked.rejected[0].message


def test_non_numeric_and_missing_values(resolver):
    checked = check_bytes(tidy_csv([("BGD", 2019, "n/a"), ("BGD", 2020, None)]), resolver,
                          "count")
    assert reasons(checked) == ["not_a_number", "missing_value"]
    assert checked.rejected[0].message == t.ROW_REASONS["not_a_number"].format(value="n/a")


def test_negative_values_only_where_the_kind_allows_them(resolver):
    data = tidy_csv([("BGD", 2019, -5), ("BGD", 2020, 3)])
    counted = check_bytes(data, resolver, "count")
    assert reasons(counted) == ["negative"] and len(counted.values) == 1
    assert "a count (people, workers)" in counted.rejected[0].message
    assert check_bytes(data, resolver, "signed").rejected == []


def test_duplicate_country_years_name_the_first_row(resolver):
    checked = check_bytes(tidy_csv([("BGD", 2019, 1), ("Bangladesh", 2019, 2),
                                    ("BGD", 2019, 3)], "country,year,value"), resolver, "count")
    assert reasons(checked) == ["duplicate", "duplicate"]
    assert "row 2" in checked.rejected[0].message and checked.values[0][3] == 1.0


def test_the_same_year_by_sex_is_not_a_duplicate(resolver):
    checked = check_bytes(tidy_csv([("BGD", 2019, 1, "male"), ("BGD", 2019, 2, "female"),
                                    ("BGD", 2019, 3, "bogus")], "country,year,value,sex"),
                          resolver, "count")
    assert len(checked.values) == 2 and reasons(checked) == ["bad_sex"]


def test_years_outside_1950_2030_and_non_years(resolver):
    checked = check_bytes(tidy_csv([("BGD", 1949, 1), ("BGD", 2031, 1), ("BGD", "soon", 1),
                                    ("BGD", 1950, 1), ("BGD", 2030, 1)]), resolver, "count")
    assert reasons(checked) == ["year_out_of_range", "year_out_of_range", "bad_year"]
    assert "1950–2030" in checked.rejected[0].message
    assert [y for _, y, _, _ in checked.values] == [1950, 2030]


def test_years_outside_the_range_in_a_wide_table(resolver):
    checked = check_bytes(xlsx([["country", 1900, 2019], ["BGD", 1, 2]]), resolver, "count")
    assert reasons(checked) == ["year_out_of_range"]
    assert checked.rejected[0].year == 1900 and checked.rejected[0].row == 2


def test_mixed_units_are_rejected_after_the_first(resolver):
    checked = check_bytes(tidy_csv([("BGD", 2019, 1, "persons"), ("BGD", 2020, 2, "thousands"),
                                    ("BGD", 2021, 3, "persons")], "country,year,value,unit"),
                          resolver, "count")
    assert reasons(checked) == ["mixed_unit"] and checked.unit == "persons"
    assert "“thousands” differs from “persons”" in checked.rejected[0].message


def test_too_many_values_states_the_limit(resolver):
    rows = [("BGD", 1950 + i % 81, i) for i in range(MAX_VALUES + 1)]
    checked = check_bytes(tidy_csv(rows), resolver, "count")
    assert checked.problem == t.TOO_MANY_ROWS.format(max_rows=format_number(MAX_VALUES))
    assert f"{MAX_VALUES:,}" in checked.problem and checked.values == []


def test_a_file_too_large_states_the_limit(resolver):
    checked = check_bytes(b"country,year,value\n" + b"BGD,2019,1\n" * (MAX_BYTES // 10),
                          resolver, "count")
    assert checked.problem == t.TOO_LARGE.format(max_kb=MAX_BYTES // 1024)


@pytest.mark.parametrize("data", [
    b"", b"   \n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"just one line of words",
    b"PK\x03\x04 not really a workbook", b"only\none\ncolumn\n", b"\xff\xfe\x00a\x00b",
])
def test_a_file_that_is_not_a_table(resolver, data):
    checked = check_bytes(data, resolver, "count")
    assert checked.problem in (t.NOT_A_TABLE, t.NO_DATA) and checked.values == []


def test_a_table_without_a_country_or_a_value_column(resolver):
    assert check_bytes(b"place,year,value\nBGD,2019,1\n", resolver, "count").problem == (
        t.NO_COUNTRY_COLUMN)
    assert check_bytes(b"country,note\nBGD,hello\n", resolver, "count").problem == t.NO_VALUES


def test_too_many_columns(resolver):
    header = ",".join(["country", *(f"c{i}" for i in range(300))])
    checked = check_bytes(f"{header}\nBGD{',1' * 300}\n".encode(), resolver, "count")
    assert checked.problem == t.TOO_MANY_COLUMNS.format(max_columns=200)


def test_cell_text_is_never_run(resolver):
    checked = check_bytes(tidy_csv([("=HYPERLINK(\"http://x\")", 2019, 1),
                                    ("BGD", 2019, "=1+1")]), resolver, "count")
    assert reasons(checked) == ["unknown_country", "not_a_number"]


# ---- the series the browser keeps --------------------------------------------------------------

META = {"name": "Workers going abroad", "unit": "persons", "source": "BMET",
        "licence": "Public"}


def test_a_stored_series_reads_back(known):
    rows = [("BGD", year, "total", float(v)) for year, v in BMET]
    stored = json.loads(json.dumps(to_store("abc123", META, "count", rows)))
    series = from_store(stored, known)
    assert series is not None and series.rows == tuple(rows) and series.name == META["name"]


@pytest.mark.parametrize("tamper", [
    {"rows": [["XXX", 2019, "total", 1]]}, {"rows": [["BGD", 2019, "total", -1]]},
    {"rows": [["BGD", 1900, "total", 1]]}, {"rows": [["BGD", 2019, "total", 1]] * 2},
    {"rows": [["BGD", 2019, "both", 1]]}, {"rows": [["BGD", "2019", "total", 1]]},
    {"rows": []}, {"kind": "other"}, {"source": ""}, {"name": "x" * 201}, {"id": 5},
])
def test_a_tampered_series_is_refused(known, tamper):
    stored = {**to_store("abc", META, "count", [("BGD", 2019, "total", 1.0)]), **tamper}
    assert from_store(stored, known) is None


# ---- never an unhandled error ------------------------------------------------------------------

CELLS = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**6, 10**6),
                  st.floats(allow_nan=True, allow_infinity=True),
                  st.sampled_from(["BGD", "Moldova", "Moldavie", "2019", "1,5", "male", "year",
                                   "country", "value", "sex", "unit"]))
TABLES = st.lists(st.lists(CELLS, min_size=1, max_size=8), min_size=1, max_size=30)
HEADERS = st.lists(st.sampled_from(["country", "year", "value", "sex", "unit", "2019", "2020",
                                    "pays", "x"]), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2_000))
def test_random_bytes_never_raise(resolver, data):
    checked = check_bytes(data, resolver, "count")
    assert checked.problem is not None or checked.shape in ("tidy", "wide")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADERS, TABLES, st.sampled_from(["count", "amount", "percent", "signed"]))
def test_random_tables_never_raise_and_keep_only_valid_values(resolver, header, body, kind):
    checked = validate([header, *body], resolver, kind)
    keys = [(c, y, s) for c, y, s, _ in checked.values]
    assert len(keys) == len(set(keys))
    assert all(1950 <= y <= 2030 for _, y, _, _ in checked.values)
    assert all(v >= 0 for *_, v in checked.values) or kind == "signed"
    text_table = "\n".join(",".join("" if c is None else str(c).replace(",", " ")
                                    for c in row) for row in [header, *body])
    check_bytes(text_table.encode(), resolver, kind)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADERS, TABLES)
def test_random_workbooks_never_raise(resolver, header, body):
    safe = [[c if not isinstance(c, str) else "".join(ch for ch in c if ch.isprintable())
             for c in row] for row in [header, *body]]
    check_bytes(xlsx(safe), resolver, "count")


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=5)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=8), max_leaves=40))
def test_random_stored_json_never_raises(stored):
    from_store(stored, frozenset(["BGD"]))


# ---- chart and downloads -----------------------------------------------------------------------

def bangladesh(name: str = META["name"]) -> object:
    rows = [("BGD", year, "total", float(v)) for year, v in BMET]
    return from_store(to_store("abc", {**META, "name": name}, "count", rows),
                      frozenset(query.get_snapshot().country_names))


def test_the_series_beside_an_official_indicator_is_on_a_second_axis():
    figure = user_series.figure(bangladesh(), "BX.TRF.PWKR.CD.DT", 2010, 2022, "none", "beside")
    axes = {trace.yaxis for trace in figure.data}
    assert axes == {"y", "y2"} and figure.layout.yaxis2.overlaying == "y"
    mine = [trace for trace in figure.data if trace.yaxis == "y2"]
    assert list(mine[0].y) == [float(v) for _, v in BMET]
    alone = user_series.figure(bangladesh(), "BX.TRF.PWKR.CD.DT", 2010, 2022, "none", "alone")
    assert {trace.yaxis for trace in alone.data} == {"y"} and len(alone.data) == 1


def test_names_are_escaped_in_the_figure():
    figure = user_series.figure(bangladesh("<b onclick=x>Mine</b>"), None, 2010, 2022, "none",
                                "alone")
    assert "<b" not in figure.data[0].name and "&lt;b onclick=x&gt;" in figure.data[0].name


def test_per_person_divides_by_the_snapshot_population():
    rows = user_series.user_rows(bangladesh(), 2019, 2019, "per_capita")
    population = query.series("SP.POP.TOTL", ["BGD"], 2019, 2019)["value"].iloc[0]
    assert rows["value"].iloc[0] == pytest.approx(700159 / population)
    index = user_series.user_rows(bangladesh(), 2018, 2022, "index")
    assert index["value"].iloc[0] == 100 and index["value"].iloc[1] == pytest.approx(
        700159 / 734181 * 100)


def test_downloads_mark_the_series_supplied_by_the_user():
    series = bangladesh("=HYPERLINK(\"http://evil\")")
    rows = user_series.download_rows(series, "BX.TRF.PWKR.CD.DT", 2017, 2022, "none", "beside")
    mine = rows[rows["indicator_code"] == user_series.USER_CODE]
    assert list(mine["value"]) == [float(v) for _, v in BMET]
    assert set(mine["status"]) == {"supplied by the user; source: BMET; licence: Public"}
    assert set(rows[rows["indicator_code"] != user_series.USER_CODE]["status"]) <= {
        "observed", "estimate", "projection"}
    context = ExportContext(app_url="http://127.0.0.1/", view_url="http://127.0.0.1/compare",
                            exported_on=date(2026, 7, 20))
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(
        rows, [user_series.user_entry(series, "none")], context)))
    metadata = [[c for c in row if c] for row in book["metadata"].iter_rows(values_only=True)]
    text = " ".join(str(c) for row in metadata for c in row)
    assert "supplied by the user" in text.lower() and "BMET" in text and "Public" in text
    assert ["Indicator", "'=HYPERLINK(\"http://evil\")"] in metadata
    assert not any(str(c).startswith("=") for row in metadata for c in row)
    hostile = rows.assign(unit="=cmd|' /C calc'!A0")
    assert b"\n=cmd" not in csv_bytes(hostile) and b",'=cmd" in csv_bytes(hostile)


def test_an_empty_range_draws_a_message_not_an_error():
    figure = user_series.figure(bangladesh(), None, 1990, 2000, "none", "alone")
    assert t.CHART_NO_ROWS in json.dumps(figure.to_plotly_json()["layout"])
    frame = user_series.download_rows(bangladesh(), None, 1990, 2000, "none", "alone")
    assert isinstance(frame, pd.DataFrame) and frame.empty


def test_a_series_beside_no_indicator_is_drawn_alone():
    """A page without an indicator of its own (/data), or a client sending none, draws the
    series alone rather than failing."""
    from charts import user_series

    series = UserSeries("s1", "Workers", "persons", "BMET", "Public", "count",
                        (("BGD", 2019, "total", 700159.0),))
    figure = user_series.figure(series, None, 2000, 2022, "none", "beside")
    assert [list(trace.y) for trace in figure.data] == [[700159.0]]
    assert "yaxis2" not in figure.to_plotly_json()["layout"]
