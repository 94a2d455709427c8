"""Export builders shared by every download: CSV, XLSX, JSON, citation, the bulk ZIP."""

from exports.bulk import build_zip, snapshot_zip
from exports.citation import citation
from exports.context import ExportContext
from exports.safety import (
    content_disposition,
    neutralise_cell,
    neutralise_frame,
    neutralise_text,
    safe_filename,
)
from exports.tables import csv_bytes, json_records, metadata_rows, xlsx_bytes

__all__ = [
    "ExportContext",
    "build_zip",
    "citation",
    "content_disposition",
    "csv_bytes",
    "json_records",
    "metadata_rows",
    "neutralise_cell",
    "neutralise_frame",
    "neutralise_text",
    "safe_filename",
    "snapshot_zip",
    "xlsx_bytes",
]
