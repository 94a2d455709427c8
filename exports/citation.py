"""The citation string that goes with every download."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from text import downloads as text


def citation(meta: Mapping[str, object], accessed: date, app_url: str) -> str:
    """'World Bank, WDI (2026-07-01). Personal remittances... Accessed 2026-07-14 via ..., URL.'"""
    return text.CITATION.format(
        source=meta.get("source") or "",
        vintage=meta.get("vintage") or "",
        name=meta.get("name") or meta.get("code") or "",
        date=accessed.isoformat(),
        app=text.APP_NAME,
        url=app_url,
    )
