"""Export builders on small frames: formula injection, numbers kept, metadata complete, ZIP,
the one tidy schema, the one citation and the provenance line."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import openpyxl
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from exports import (
    ExportContext,
    build_zip,
    citation,
    content_disposition,
    csv_bytes,
    json_records,
    neutralise_text,
    safe_filename,
    schema,
    xlsx_bytes,
)
from exports.safety import FORMULA_TRIGGERS
from text import downloads as text

META = {
    "indicator_code": "SM.POP.NETM",
    "name": "Net migration",
    "definition": "Immigrants minus emigrants.",
    "unit": "persons",
    "source": "World Bank, World Development Indicators",
    "publisher": "World Bank",
    "dataset": "World Development Indicators.",
    "source_url": "https://data.worldbank.org/indicator/SM.POP.NETM",
    "licence": "CC BY 4.0",
    "vintage": "2026-07-01",
    "release": "wdi-2026-07",
    "formula": None,
}
CONTEXT = ExportContext(
    app_url="http://127.0.0.1:8050/",
    view_url="http://127.0.0.1:8050/compare?indicator=SM.POP.NETM&countries=MDA",
    transform="none",
    snapshot="2026-07-14",
    exported_on=date(2026, 7, 20),
)


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "country_code": ["MDA", "XXX", "YYY"],
            "country_name": ["Moldova", "=HYPERLINK(\"http://x\")", "@SUM(A1)"],
            "year": pd.Series([2020, 2021, 2022], dtype="int16"),
            "value": [-29766.0, float("nan"), 12.5],
            "note": ["+1", "-minus", "\tTab"],
        }
    )


def test_csv_neutralises_text_and_keeps_negative_numbers():
    raw = csv_bytes(hostile_frame()).decode("utf-8")
    lines = raw.splitlines()
    assert lines[0] == "country_code,country_name,year,value,note"
    assert lines[1] == "MDA,Moldova,2020,-29766.0,'+1"
    assert "'=HYPERLINK" in raw and "'@SUM" in raw and "'-minus" in raw and "'\tTab" in raw
    back = pd.read_csv(io.BytesIO(raw.encode()))
    assert back["value"].iloc[0] == -29766.0
    assert pd.isna(back["value"].iloc[1])
    for cell in back["country_name"].tolist() + back["note"].tolist():
        assert not str(cell).startswith(FORMULA_TRIGGERS)


def test_xlsx_data_sheet_is_safe_and_numeric():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_frame(), [META], CONTEXT)))
    assert book.sheetnames == [text.DATA_SHEET, text.METADATA_SHEET]
    sheet = book[text.DATA_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("country_code", "country_name", "year", "value", "note")
    assert rows[1] == ("MDA", "Moldova", 2020, -29766, "'+1")
    assert rows[2][1] == "'=HYPERLINK(\"http://x\")" and rows[2][3] is None
    for cell in sheet.iter_rows(min_row=2):
        for item in cell:
            assert item.data_type != "f"
    assert isinstance(rows[1][3], (int, float)) and rows[1][3] < 0


def test_xlsx_metadata_sheet_is_complete():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_frame(), [META], CONTEXT)))
    fields = {
        row[0]: row[1]
        for row in book[text.METADATA_SHEET].iter_rows(min_row=2, values_only=True)
        if row[0]
    }
    assert fields["Definition"] == META["definition"]
    assert fields["Unit"] == "persons"
    assert fields["Source"] == META["source"]
    assert fields["Source URL"] == META["source_url"]
    assert fields["Licence"] == "CC BY 4.0"
    assert fields["Vintage"] == "2026-07-01"
    assert fields[text.PROVENANCE_LABEL] == text.PROVENANCE_PUBLISHED
    assert fields[text.VIEW_URL_LABEL] == CONTEXT.view_url
    assert fields[text.EXPORT_DATE_LABEL] == "2026-07-20"
    assert fields[text.CITATION_LABEL] == citation([META], date(2026, 7, 20), CONTEXT.view_url)


def test_xlsx_metadata_text_is_neutralised():
    meta = {**META, "definition": "=1+1 is not a definition"}
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_frame(), [meta], CONTEXT)))
    values = [row[1] for row in book[text.METADATA_SHEET].iter_rows(values_only=True)]
    assert "'=1+1 is not a definition" in values


def test_citation_names_publisher_title_code_vintage_url_and_access_date():
    url = "http://127.0.0.1:8050/compare?indicator=SM.POP.NETM&countries=MDA"
    assert citation([META], date(2026, 7, 20), url) == (
        "World Bank. World Development Indicators: Net migration [SM.POP.NETM], vintage "
        f"2026-07-01. Migration & Development Indicators, {url} (accessed 2026-07-20)."
    )


def test_series_of_one_source_share_a_sentence_and_other_sources_get_their_own():
    other = {**META, "indicator_code": "SP.POP.TOTL", "name": "Population, total."}
    un = {"indicator_code": "WPP.POP.TOTL", "name": "Population (UN)", "publisher": "UN DESA.",
          "dataset": "World Population Prospects 2024", "vintage": "2024"}
    lines = citation([META, other, un, META], date(2026, 7, 20), "/x").split("\n")
    assert lines == [
        "World Bank. World Development Indicators: Net migration [SM.POP.NETM]; Population, "
        "total [SP.POP.TOTL], vintage 2026-07-01. Migration & Development Indicators, /x "
        "(accessed 2026-07-20).",
        "UN DESA. World Population Prospects 2024: Population (UN) [WPP.POP.TOTL], vintage 2024. "
        "Migration & Development Indicators, /x (accessed 2026-07-20).",
    ]


def test_no_citation_or_source_line_of_the_snapshot_has_a_double_full_stop():
    """Every series and every table a chart draws from, cited and named in a source line: the
    sources' own full stops (\"...balance of payments data.\", \"J.E. (2022).\") never
    double up with the citation's."""
    import query
    from exports.citation import source_line
    from exports.metadata import entry_of, source_entry

    snap = query.get_snapshot()
    entries = [entry_of(code, query.indicator_meta, snap.sources)
               for code in [*snap.indicators["code"], *text.TABLE_DESCRIPTIONS]]
    entries += [source_entry(row) for row in snap.sources.to_dict("records")]
    for entry in entries:
        cited = citation([entry], date(2026, 7, 20), "http://127.0.0.1:8050/compare")
        assert ".." not in cited and ". ." not in cited and ".:" not in cited, cited
        assert cited.endswith("(accessed 2026-07-20).") and text.APP_NAME in cited, cited
        shown = source_line([entry])
        assert ".." not in shown and ". (" not in shown, shown


def test_one_app_name_everywhere():
    from text import common

    assert text.APP_NAME == common.SITE_TITLE == "Migration & Development Indicators"


def test_json_records_are_plain_python():
    records = json_records(hostile_frame())
    assert records[0] == {
        "country_code": "MDA", "country_name": "Moldova", "year": 2020,
        "value": -29766.0, "note": "+1",
    }
    assert records[1]["value"] is None
    json.dumps(records, allow_nan=False)


def test_safe_filename_uses_only_code_characters():
    assert safe_filename("migration", "BX.TRF.PWKR.CD.DT", "MDA-BGD", "2000-2024",
                         extension="csv") == "migration_BX.TRF.PWKR.CD.DT_MDA-BGD_2000-2024.csv"
    name = safe_filename("../../etc/passwd", 'x"; evil=1\r\n', extension="xl/sx")
    assert "/" not in name and '"' not in name and "\r" not in name and " " not in name
    assert name.endswith(".xlsx") and not name.startswith(".")
    assert content_disposition("a.csv") == 'attachment; filename="a.csv"'


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_neutralised_text_never_starts_a_formula(value):
    safe = neutralise_text(value)
    assert not safe.startswith(FORMULA_TRIGGERS)
    assert safe in (value, "'" + value)


def small_tables() -> dict[str, pd.DataFrame]:
    """Snapshot tables as the snapshot names their columns (`code`, `name`, `aggregate`)."""
    hostile = hostile_frame()
    return {
        "indicators": pd.DataFrame([{**META, "code": META["indicator_code"]}]).drop(
            columns=["indicator_code"]),
        "countries": pd.DataFrame({"country_code": hostile["country_code"],
                                   "name": hostile["country_name"], "pilot": [True, False, False],
                                   "aggregate": [False, False, True]}),
        "indicator_values": pd.DataFrame({
            "indicator_code": "SM.POP.NETM", "country_code": hostile["country_code"],
            "year": hostile["year"], "value": hostile["value"],
            "status": ["observed", "estimate", "projection"]}),
        "sources": pd.DataFrame(
            {
                "source_id": ["wdi"],
                "name": ["World Bank WDI"],
                "licence": ["CC BY 4.0"],
                "vintage": ["2026-07-01"],
                "tables": ["indicators,indicator_values,countries"],
            }
        ),
    }


def test_bulk_zip_holds_every_table_catalogue_and_readme():
    payload = build_zip(small_tables(), {"snapshot": "2026-07-14", "sources": {"wdi": "x"}})
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert names == {
            "indicators.csv", "countries.csv", "indicator_values.csv", "sources.csv",
            "catalogue.csv", "vintage.json", "README.txt",
        }
        catalogue = pd.read_csv(archive.open("catalogue.csv"))
        values = pd.read_csv(archive.open("indicator_values.csv"))
        countries = pd.read_csv(archive.open("countries.csv"))
        indicators = pd.read_csv(archive.open("indicators.csv"))
        readme = archive.read("README.txt").decode()
    row = catalogue.set_index("file").loc["indicator_values.csv"]
    assert row["rows"] == 3 and row["licence"] == "World Bank WDI: CC BY 4.0"
    # The tidy schema, with each country's name and the series' unit.
    assert list(values.columns) == list(schema.COLUMNS)
    assert row["columns"] == ", ".join(schema.COLUMNS)
    assert values["value"].iloc[0] == -29766.0 and set(values["unit"]) == {"persons"}
    assert values["country_name"].iloc[1].startswith("'=")
    assert list(values["status"]) == ["observed", "estimate", "projection"]
    # Public names: no `name` beside `country_name`, no `aggregate` column (a pandas method).
    assert list(countries.columns) == ["country_code", "country_name", "is_pilot",
                                       "is_aggregate"]
    assert countries["is_aggregate"].tolist() == [False, False, True]
    assert "indicator_code" in indicators.columns and "code" not in indicators.columns
    assert "2026-07-14" in readme and "indicator_values.csv" in readme
    assert build_zip(small_tables(), {"snapshot": "2026-07-14"}) == build_zip(
        small_tables(), {"snapshot": "2026-07-14"}
    )


def test_snapshot_zip_carries_status_gaps_and_the_new_tables():
    from exports import snapshot_zip
    from query import get_snapshot

    with zipfile.ZipFile(io.BytesIO(snapshot_zip(get_snapshot()))) as archive:
        names = set(archive.namelist())
        values = pd.read_csv(archive.open("indicator_values.csv"), keep_default_na=False,
                             na_values=[""])
        catalogue = pd.read_csv(archive.open("catalogue.csv")).set_index("file")
    assert {"series_notes.csv", "population_differences.csv", "data_ages.csv",
            "population_ims2020.csv"} <= names
    assert "status" in values.columns
    assert set(values["status"]) == {"observed", "estimate", "projection"}
    netm = values[(values["indicator_code"] == "SM.POP.NETM") & (values["country_code"] == "MDA")]
    assert netm.set_index("year").loc[2025, "status"] == "projection"
    asylum = values[values["indicator_code"] == "UNHCR.ASYL.OR"]
    assert asylum["year"].min() == 2000  # 1995-1999: not recorded by origin, no zeros
    assert catalogue.loc["series_notes.csv", "description"]


def test_csv_header_is_neutralised_like_the_cells():
    """A column name can come from a figure the browser sent back (a chart's extra columns):
    a formula there must not reach the CSV header."""
    frame = hostile_frame().rename(columns={"note": '=HYPERLINK("http://x","y")', "year": "@y"})
    header = csv_bytes(frame).decode("utf-8").splitlines()[0]
    assert header == (
        "country_code,country_name,'@y,value,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    )
    read_back = pd.read_csv(io.BytesIO(csv_bytes(frame)))
    assert list(read_back.columns) == [
        "country_code", "country_name", "'@y", "value", "'=HYPERLINK(\"http://x\",\"y\")",
    ]
    assert read_back["value"].iloc[0] == -29766.0


def test_chart_csv_from_a_forged_figure_has_a_safe_header():
    from exports.figure_data import chart_file

    figure = {"data": [{
        "x": [2020, 2021], "y": [1.5, -2.0],
        "meta": {"export": {
            "indicator_code": "SM.POP.NETM", "country_code": "MDA", "country_name": "Moldova",
            "unit": "persons", "extra": {"+cmd|' /C calc'!A0": ["a", "b"]},
        }},
    }]}
    made = chart_file(figure, "csv", "/compare", indicator_meta=lambda code: META, sources=None)
    header = made.payload.decode("utf-8").splitlines()[0].split(",")
    assert header[4] == "'+cmd|' /C calc'!A0"
    assert not any(name.startswith(FORMULA_TRIGGERS) for name in header)


def test_the_tidy_columns_are_described_once_in_order():
    assert tuple(text.TIDY_COLUMNS) == schema.COLUMNS
    assert schema.columns(["sex", "value", "origin_code", "sex"]) == [
        *schema.LEADING, "sex", "origin_code", *schema.TRAILING]


def provenance_of(code: str, transform: str, base: int | None = None) -> tuple[str, list[str]]:
    """The metadata sheet of a real series' download: every value cell."""
    import query
    from exports.metadata import indicator_entry

    entry = indicator_entry(code, query.indicator_meta, query.get_snapshot().sources)
    context = ExportContext(app_url="/", view_url="/compare", transform=transform, base=base)
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_frame(), [entry], context)))
    fields = {row[0]: row[1] for row in book[text.METADATA_SHEET].values if row[0]}
    return fields[text.PROVENANCE_LABEL], [str(row[1]) for row in book[text.METADATA_SHEET].values]


def test_the_provenance_line_says_one_true_thing():
    # Recomputed here from WDI's remittances and GDP: never "as published".
    line, cells = provenance_of("BX.TRF.PWKR.DT.GD.ZS", "none")
    assert line == text.PROVENANCE_COMPUTED
    assert not any("as published" in cell for cell in cells)
    assert any("recomputed here" in cell for cell in cells)  # the formula it points to
    # A series as the World Bank publishes it.
    assert provenance_of("SM.POP.NETM", "none")[0] == text.PROVENANCE_PUBLISHED
    # A transform on top says what it was applied to.
    assert provenance_of("SM.POP.NETM", "index", 2010)[0] == (
        "Index (base year 2010 = 100), computed by this dashboard from the values as published "
        "by the source.")
    line, cells = provenance_of("BX.TRF.PWKR.DT.GD.ZS", "pct_change")
    assert line.startswith("Annual % change") and "values it computes" in line
    assert not any("as published" in cell for cell in cells)


def test_the_readme_documents_the_tidy_columns_in_the_same_words():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    rows = [line for line in readme.splitlines() if line.startswith("| `")
            and line.split("`")[1] in text.TIDY_COLUMNS]
    assert rows == [f"| `{name}` | {meaning} |" for name, meaning in text.TIDY_COLUMNS.items()]
    assert text.TIDY_EXTRA_COLUMNS in readme
