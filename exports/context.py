"""What a download describes besides its rows: the view it comes from and when it was made."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ExportContext:
    """The view behind a download.

    app_url: the app's base URL (cited); view_url: the absolute shareable URL that reopens
    the same view; transform: the transform code applied to the values ("none" if none).
    """

    app_url: str
    view_url: str
    transform: str = "none"
    base: int | None = None  # base year of the "index" transform
    snapshot: str = ""
    exported_on: date = field(default_factory=date.today)
