"""Per-source vintage record, data/raw/vintages.json (rewritten for WDI by the refresh)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

VINTAGES_FILE = "vintages.json"


@dataclass(frozen=True)
class Vintage:
    vintage: str
    release: str
    determined_by: str
    indicators: dict[str, str]

    def for_indicator(self, code: str) -> str:
        """Vintage of one WDI indicator file (its own last change if recorded)."""
        return self.indicators.get(code.lower(), self.vintage)


def read_vintages(raw_dir: Path) -> dict[str, Vintage]:
    data = json.loads((raw_dir / VINTAGES_FILE).read_text(encoding="utf-8"))
    return {
        folder: Vintage(
            vintage=entry["vintage"],
            release=entry["release"],
            determined_by=entry["determined_by"],
            indicators=dict(entry.get("indicators", {})),
        )
        for folder, entry in data.items()
    }
