"""Per-source vintage record, data/raw/vintages.json.

One entry per raw folder: `vintage` (date or revision), `determined_by` (how it was
found) and, for non-WDI sources, `release`. WDI releases are named from the World Bank
update date: `wdi-<lastupdated>` when the refresh recorded the API's `lastupdated`,
else `wdi-<vintage>`. Per-series entries under `indicators` (keyed by code) hold either
the API's `lastupdated` (written by the refresh) or `data_csv_last_changed` (the date a
vendored file last changed, which dates the series but names no release).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

VINTAGES_FILE = "vintages.json"
WDI_RELEASE_PREFIX = "wdi-"


@dataclass(frozen=True)
class Vintage:
    vintage: str
    release: str
    determined_by: str
    indicators: dict[str, dict[str, str]]

    def _entry(self, code: str) -> dict[str, str]:
        return self.indicators.get(code.upper(), {})

    def for_indicator(self, code: str) -> str:
        """Vintage of one series: its own update date if recorded, else the folder's."""
        entry = self._entry(code)
        return entry.get("lastupdated") or entry.get("data_csv_last_changed") or self.vintage

    def release_for(self, code: str) -> str:
        """Release of one series: differs from the folder's after a partial refresh."""
        lastupdated = self._entry(code).get("lastupdated")
        return f"{WDI_RELEASE_PREFIX}{lastupdated}" if lastupdated else self.release


def _parse(entry: dict) -> Vintage:
    indicators = {
        code.upper(): value if isinstance(value, dict) else {"data_csv_last_changed": value}
        for code, value in (entry.get("indicators") or {}).items()
    }
    release = entry.get("release") or WDI_RELEASE_PREFIX + (
        entry.get("lastupdated") or entry["vintage"]
    )
    if "retrieved" in entry:
        determined_by = f"World Bank API lastupdated, retrieved {entry['retrieved']}" + (
            f" from {entry['retrieved_from']}" if entry.get("retrieved_from") else ""
        )
    else:
        determined_by = entry.get("determined_by", "")
    return Vintage(
        vintage=str(entry["vintage"]),
        release=release,
        determined_by=determined_by,
        indicators=indicators,
    )


def read_vintages(raw_dir: Path) -> dict[str, Vintage]:
    data = json.loads((raw_dir / VINTAGES_FILE).read_text(encoding="utf-8"))
    return {folder: _parse(entry) for folder, entry in data.items()}
