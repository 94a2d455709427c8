"""CSV, XLSX and JSON builders for a tidy DataFrame: every download in the app uses these."""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from exports.citation import citation
from exports.context import ExportContext
from exports.metadata import provenance
from exports.safety import neutralise_cell, neutralise_frame
from text import downloads as text

Metadata = Mapping[str, object]


def csv_bytes(data: pd.DataFrame) -> bytes:
    """UTF-8 CSV: header and rows only; text cells and column names neutralised, numbers
    written as numbers."""
    safe = neutralise_frame(data)
    header = [neutralise_cell(str(column)) for column in safe.columns]
    return safe.to_csv(index=False, header=header, lineterminator="\n").encode("utf-8")


def json_records(data: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as plain dicts (numpy scalars unboxed, NaN as None), ready for json.dumps."""
    columns = [_plain_values(data[column]) for column in data.columns]
    names = [str(column) for column in data.columns]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def metadata_rows(
    indicators: Sequence[Metadata], context: ExportContext
) -> list[tuple[str, str]]:
    """(label, value) rows describing each series of a download (exports.metadata entries) with
    its provenance, then the view: citation, notes, link, dates."""
    rows: list[tuple[str, str]] = []
    for meta in indicators:
        for key, label in text.INDICATOR_FIELDS.items():
            if key.endswith("_en") and meta.get(key) == meta.get(key.removesuffix("_en")):
                continue  # no translation to stand beside
            rows.append((label, _text(meta.get(key))))
        rows.append((text.PROVENANCE_LABEL,
                     provenance(meta, context.transform, context.base)))
        rows.append(("", ""))
    rows.append(
        (text.CITATION_LABEL, citation(indicators, context.exported_on, context.view_url))
    )
    rows.extend((text.NOTE_LABEL, note) for note in context.notes)
    rows.extend(
        [
            (text.VIEW_URL_LABEL, context.view_url),
            (text.EXPORT_DATE_LABEL, context.exported_on.isoformat()),
            (text.APP_URL_LABEL, context.app_url),
        ]
    )
    if context.snapshot:
        rows.append((text.SNAPSHOT_LABEL, context.snapshot))
    return rows


def xlsx_bytes(
    data: pd.DataFrame,
    indicators: Sequence[Metadata],
    context: ExportContext,
) -> bytes:
    """A workbook with a data sheet (the rows as shown) and a metadata sheet (sources, licence,
    vintage, provenance, citation, notes, view URL, export date). Text is neutralised, numbers
    stay numbers."""
    book = Workbook(write_only=True)
    _write_sheet(
        book,
        text.DATA_SHEET,
        [str(column) for column in data.columns],
        zip(*[_plain_values(data[column]) for column in data.columns], strict=True),
    )
    _write_sheet(
        book, text.METADATA_SHEET, list(text.METADATA_HEADER), metadata_rows(indicators, context)
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_sheet(book: Workbook, title: str, header: list[str], rows: object) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(name) + 4, 40))
    if title == text.METADATA_SHEET:
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 100
    bold = Font(bold=True)
    header_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=neutralise_cell(name))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        if title == text.METADATA_SHEET:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=neutralise_cell(value))
                cell.alignment = wrap
                cells.append(cell)
            sheet.append(cells)
        else:
            sheet.append([neutralise_cell(value) for value in row])


def _plain_values(column: pd.Series) -> list[object]:
    """Python scalars for one column; NaN/NA become None (an empty cell, JSON null)."""
    values = column.astype(object).where(column.notna(), None).tolist()
    return [None if isinstance(v, float) and math.isnan(v) else v for v in values]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)
