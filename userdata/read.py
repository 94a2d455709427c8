"""A table from untrusted bytes: a CSV (any common delimiter), pasted text, or the first sheet
of an XLSX workbook. Cells are returned as they are (text, numbers, empty as None); nothing in
a cell is ever run or used as a path. Anything that is not a table raises NotATable."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

MAX_BYTES = 512 * 1024
MAX_LINES = 6_000  # rows read before giving up (the values are limited again after reading)
MAX_COLUMNS = 200
MAX_CELL = 400  # characters kept of any one cell
MAX_CELLS = 40_000  # filled cells read (a tidy table of the largest series has 25,000)
MAX_UNPACKED = 16 * 1024 * 1024  # bytes a workbook may declare once unzipped
XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = ("\t", ";", ",", "|")

Cell = str | int | float | None
Table = list[list[Cell]]


class NotATable(ValueError):
    """The input cannot be read as a table; `reason` names which problem (a key of the text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_table(data: bytes) -> Table:
    """The rows of a CSV/TSV text or an XLSX workbook's first sheet, blank rows dropped."""
    if not data or not data.strip():
        raise NotATable("no_data")
    if len(data) > MAX_BYTES:
        raise NotATable("too_large")
    rows = _read_xlsx(data) if data.startswith(XLSX_MAGIC) else _read_text(_decode(data))
    table = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if sum(1 for row in table for cell in row if cell not in (None, "")) > MAX_CELLS:
        raise NotATable("too_many_rows")
    if len(table) < 2 or max(len(row) for row in table) < 2:
        raise NotATable("not_a_table")
    return table


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise NotATable("not_a_table")  # UTF-16 or a binary file
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")  # a CSV saved by a spreadsheet in western Europe
        except UnicodeDecodeError:
            raise NotATable("not_a_table") from None


def _delimiter(text: str) -> str:
    """The delimiter that splits the first line into the most fields (tab first: pasted)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    if counts[best] == 0:
        raise NotATable("not_a_table")
    return best


def _read_text(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: Table = []
    try:
        for row in reader:
            rows.append(_bounded([cell.strip() or None for cell in row]))
            if len(rows) > MAX_LINES:
                raise NotATable("too_many_rows")
    except csv.Error:
        raise NotATable("not_a_table") from None
    return rows


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        # A small zip may unpack to gigabytes: its declared sizes bound what is read from it.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise NotATable("too_large")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except NotATable:
        raise
    except Exception:  # a damaged or foreign zip is "not a table", never a 500
        raise NotATable("not_a_table") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise NotATable("not_a_table")
        rows: Table = []
        for row in _sheet_rows(sheet):
            rows.append(_bounded([_xlsx_cell(cell) for cell in row]))
            if len(rows) > MAX_LINES:
                raise NotATable("too_many_rows")
        return rows
    except NotATable:
        raise
    except Exception:  # any malformed part of a workbook is "not a table", never a 500
        raise NotATable("not_a_table") from None
    finally:
        book.close()


def _sheet_rows(sheet: object) -> Iterator[tuple]:
    return sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)  # type: ignore[attr-defined]


def _xlsx_cell(value: object) -> Cell:
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, int | float):
        return value
    text = str(value).strip()
    return text or None


def _bounded(row: list[Cell]) -> list[Cell]:
    while row and row[-1] in (None, ""):
        row = row[:-1]
    if len(row) > MAX_COLUMNS:
        raise NotATable("too_many_columns")
    return [cell[:MAX_CELL] if isinstance(cell, str) else cell for cell in row]
