"""What a download describes besides its rows: the view it comes from and when it was made."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ExportContext:
    """The view behind a download.

    app_url: the app's base URL ("Exported from"); view_url: the shareable URL that reopens
    the same view (cited); transform: the transform code applied to the values ("none" if
    none); notes: sentences on what the download lacks and why (e.g. a country with no index).

    Both URLs are written into the file: make them with `serving.absolute_url(path)`, which
    uses PUBLIC_URL (or an allowed Host, or a relative link), never the request's Host.
    """

    app_url: str
    view_url: str
    transform: str = "none"
    base: int | None = None  # base year of the "index" transform
    snapshot: str = ""
    exported_on: date = field(default_factory=date.today)
    notes: tuple[str, ...] = ()
