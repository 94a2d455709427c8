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


# What a vintage date is, when the refresh wrote it (the API's update date of the series).
API_VINTAGE_KIND = "World Bank API update date (lastupdated)"
CHANGED_VINTAGE_KIND = "date the series' data file last changed in the copied repository"


@dataclass(frozen=True)
class Vintage:
    vintage: str
    release: str
    determined_by: str
    indicators: dict[str, dict[str, str]]
    vintage_kind: str = ""  # what the vintage date is (a release date, a copy's commit date...)

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

    def kind_for(self, code: str) -> str:
        """What for_indicator(code) is: the folder's kind unless the series has its own date."""
        entry = self._entry(code)
        if entry.get("lastupdated"):
            return API_VINTAGE_KIND
        if entry.get("data_csv_last_changed"):
            return CHANGED_VINTAGE_KIND
        return self.vintage_kind

    def note_for(self, code: str) -> str | None:
        """Why a series' vintage and release name different dates, or None when they agree."""
        changed = self._entry(code).get("data_csv_last_changed")
        if not changed or self._entry(code).get("lastupdated"):
            return None
        return (
            f"The values last changed in the copied repository on {changed}; the copy is the "
            f"repository's state of {self.vintage}, which names the release {self.release}. "
            f"The series was not changed between the two dates."
        )


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
        kind = API_VINTAGE_KIND
    else:
        determined_by = entry.get("determined_by", "")
        kind = entry.get("vintage_kind", "")
    return Vintage(
        vintage=str(entry["vintage"]),
        release=release,
        determined_by=determined_by,
        indicators=indicators,
        vintage_kind=kind,
    )


def read_vintages(raw_dir: Path) -> dict[str, Vintage]:
    data = json.loads((raw_dir / VINTAGES_FILE).read_text(encoding="utf-8"))
    return {folder: _parse(entry) for folder, entry in data.items()}
