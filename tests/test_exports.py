"""Export builders on small frames: formula injection, numbers kept, metadata complete, ZIP."""

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
    xlsx_bytes,
)
from exports.safety import FORMULA_TRIGGERS
from text import downloads as text

META = {
    "code": "SM.POP.NETM",
    "name": "Net migration",
    "definition": "Immigrants minus emigrants.",
    "unit": "persons",
    "source": "World Bank, World Development Indicators",
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
    assert fields[text.TRANSFORM_LABEL] == text.TRANSFORM_NAMES["none"]
    assert fields[text.VIEW_URL_LABEL] == CONTEXT.view_url
    assert fields[text.EXPORT_DATE_LABEL] == "2026-07-20"
    assert fields[text.CITATION_LABEL] == citation(META, date(2026, 7, 20), CONTEXT.app_url)


def test_xlsx_metadata_text_is_neutralised():
    meta = {**META, "definition": "=1+1 is not a definition"}
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_frame(), [meta], CONTEXT)))
    values = [row[1] for row in book[text.METADATA_SHEET].iter_rows(values_only=True)]
    assert "'=1+1 is not a definition" in values


def test_citation_names_source_vintage_access_date_and_app_url():
    line = citation(META, date(2026, 7, 20), "http://127.0.0.1:8050/")
    for part in (META["source"], "2026-07-01", "2026-07-20", "http://127.0.0.1:8050/", "Net"):
        assert part in line


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
    return {
        "indicators": pd.DataFrame([META]),
        "indicator_values": hostile_frame(),
        "sources": pd.DataFrame(
            {
                "source_id": ["wdi"],
                "name": ["World Bank WDI"],
                "licence": ["CC BY 4.0"],
                "vintage": ["2026-07-01"],
                "tables": ["indicators,indicator_values"],
            }
        ),
    }


def test_bulk_zip_holds_every_table_catalogue_and_readme():
    payload = build_zip(small_tables(), {"snapshot": "2026-07-14", "sources": {"wdi": "x"}})
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert names == {
            "indicators.csv", "indicator_values.csv", "sources.csv",
            "catalogue.csv", "vintage.json", "README.txt",
        }
        catalogue = pd.read_csv(archive.open("catalogue.csv"))
        values = pd.read_csv(archive.open("indicator_values.csv"))
        readme = archive.read("README.txt").decode()
    row = catalogue.set_index("file").loc["indicator_values.csv"]
    assert row["rows"] == 3 and row["licence"] == "World Bank WDI: CC BY 4.0"
    assert values["value"].iloc[0] == -29766.0
    assert values["country_name"].iloc[1].startswith("'=")
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
