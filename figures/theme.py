"""The shared look of every chart: one colour per country, fonts, the empty-figure message, and
the trace `meta` convention that lets every chart be downloaded as data.

Trace meta convention (every builder follows it): each trace that draws data sets
`meta=trace_meta(...)`, naming the indicator (a catalogue code such as "SM.POP.TOTL", or the
snapshot table a series comes from, such as "migrant_stock"), the unit of the values as shown,
the country of each point, and where the year and the value of each point are found. Values are
read from the trace itself (its x, y or z, or a nested property such as a Sankey's
"link.value"), so a download holds exactly what the chart shows.
Traces without it (outlines, labels, reference lines) are decoration and are left out of
downloads. A builder's own tag for a trace goes in `key`. The per-chart downloads
(exports/figure_data.py) rebuild tidy rows from this meta.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence

import plotly.graph_objects as go

# Pilot countries keep these Okabe–Ito colours everywhere (all reach 3:1 against white).
PILOT_COLOURS: dict[str, str] = {
    "MDA": "#0072B2",  # blue
    "BGD": "#009E73",  # bluish green
    "JAM": "#D55E00",  # vermillion
    "MLI": "#CC79A7",  # reddish purple
}
# Other countries and aggregates: dark tones, each >= 3:1 on white and far (CIEDE2000 >= 15,
# also under simulated red-green colour blindness >= 5) from every pilot colour and from each
# other; never black, and never grey (grey means "all other").
PEER_COLOURS: tuple[str, ...] = ("#332288", "#7F2704", "#01665E", "#882255", "#4D6B00",
                                 "#8400CD")
# Colour is never the only cue: each pilot has its own marker, in the chart and the legend;
# other countries take one of the rest. An open variant ("circle-open") marks a value the
# source does not present as observed.
PILOT_MARKERS: dict[str, str] = {"MDA": "circle", "BGD": "square", "JAM": "diamond",
                                 "MLI": "triangle-up"}
PEER_MARKERS: tuple[str, ...] = ("pentagon", "star", "hexagon", "triangle-down", "cross", "x")
# Line dashes that tell apart two countries which happen to share a colour (never "dot":
# dotted means an estimate or a projection).
DASHES: tuple[str, ...] = ("solid", "dash", "dashdot", "longdash", "longdashdot")
# Ranked categories that are not the app's countries (a country's largest destinations): the
# peer tones in turn, and one light grey for everything else together.
CATEGORY_COLOURS: tuple[str, ...] = PEER_COLOURS
OTHER_COLOUR = "#b8bec6"

FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
FONT_SIZE = 16
TEXT_COLOUR = "#1f2328"
MUTED_COLOUR = "#57606a"  # 6.4:1 on white
GRID_COLOUR = "#e3e6ea"
MAP_OUTLINE = "#ffffff"
HIGHLIGHT_OUTLINE = "#111111"
# Sequential colour scale for maps, light (low) to dark (high): ColorBrewer YlGnBu without
# its near-white first class, so the lowest values still read as land.
SEQUENTIAL_SCALE: tuple[tuple[float, str], ...] = tuple(
    (i / 7, colour) for i, colour in enumerate(
        ("#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494",
         "#081d58")))
# Countries without a value: a neutral grey, 3.7:1 against white and 3.3:1 against the
# lowest class, so "no data" never reads as "very little".
NO_DATA_COLOUR = "#858585"


def _peer_index(code: str, size: int) -> int:
    return zlib.crc32(code.encode("ascii", "replace")) % size


def country_colour(code: str) -> str:
    """The colour of one country in every chart: pilots fixed, others by a stable hash of ISO3."""
    code = code.upper()
    if code in PILOT_COLOURS:
        return PILOT_COLOURS[code]
    return PEER_COLOURS[_peer_index(code, len(PEER_COLOURS))]


def country_marker(code: str) -> str:
    """The marker symbol of one country in every chart: pilots fixed, others by hash."""
    code = code.upper()
    if code in PILOT_MARKERS:
        return PILOT_MARKERS[code]
    return PEER_MARKERS[_peer_index(code[::-1], len(PEER_MARKERS))]


def open_marker(symbol: str) -> str:
    """The open variant of a marker symbol: a value that is an estimate or a projection."""
    return symbol if symbol.endswith("-open") else f"{symbol}-open"


def country_styles(codes: Iterable[str]) -> dict[str, dict[str, str]]:
    """Colour, marker symbol and dash per country. All three are the country's own, whatever
    else a chart shows (a chart of fewer countries is the same chart with the others' lines
    left out): pilots are solid with their own markers; for other countries colour and dash
    are two digits of one stable hash, so two that share a colour share a dash only when
    their hashes agree on both. No dash is dotted: dotted means estimate or projection."""
    styles: dict[str, dict[str, str]] = {}
    for code in codes:
        upper = code.upper()
        digest = zlib.crc32(upper.encode("ascii", "replace"))
        dash = DASHES[0] if upper in PILOT_COLOURS else DASHES[
            digest // len(PEER_COLOURS) % len(DASHES)]
        styles[code] = {"color": country_colour(code), "dash": dash,
                        "symbol": country_marker(code)}
    return styles


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def base_layout(**overrides: object) -> dict:
    """Layout shared by every chart: large readable type, light grid, no clutter."""
    layout: dict = {
        "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": TEXT_COLOUR},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": {"l": 64, "r": 24, "t": 24, "b": 56},
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": FONT_SIZE}},
        "separators": ".,",
        # The legend sits at the foot of the figure (container coordinates), so Plotly keeps the
        # axis labels above it at any height or width; a fraction of the plot would overlap
        # them on a phone or on paper.
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0,
                   "title": {"text": ""}},
        "xaxis": {"showgrid": False, "linecolor": MUTED_COLOUR, "ticks": "outside",
                  "tickcolor": MUTED_COLOUR, "automargin": True},
        "yaxis": {"gridcolor": GRID_COLOUR, "zerolinecolor": MUTED_COLOUR, "automargin": True,
                  "exponentformat": "B", "separatethousands": True},
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            layout[key] = {**layout[key], **value}
        else:
            layout[key] = value
    return layout


def empty_figure(message: str) -> go.Figure:
    """A blank chart that says why it is blank, so a gap is never silent."""
    fig = go.Figure(layout=base_layout(
        xaxis={"visible": False},
        yaxis={"visible": False},
        margin={"l": 16, "r": 16, "t": 16, "b": 16},
    ))
    fig.add_annotation(
        text=message, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
        font={"size": FONT_SIZE + 2, "color": MUTED_COLOUR},
    )
    fig.update_layout(meta={"empty": True, "message": message})
    return fig


def trace_meta(
    *,
    indicator_code: str,
    unit: str,
    country_code: str | Sequence[str],
    country_name: str | Sequence[str],
    year: int | Sequence[int] | None = None,
    value: str | Sequence[float | None] = "y",
    transform: str = "none",
    base: int | None = None,
    extra: Mapping[str, object] | None = None,
    key: str | None = None,
) -> dict:
    """The `meta` of a data trace (see the module docstring).

    country_code, country_name: one for the whole trace, or one per point.
    year: one for the whole trace, one per point, or None when the years are the trace's other
    axis (x when the values are on y, y when they are on x).
    value: the trace property holding the values drawn ("x", "y", "z" or a dotted path such as
    "link.value"), or the values themselves, one per point, when the drawn numbers are a
    stand-in (e.g. log10 for a colour scale).
    transform, base: the transform applied to the values (query.transforms) and its base year.
    extra: further columns of the download, each one value or one per point (e.g. sex, period).
    """
    export: dict = {
        "indicator_code": indicator_code,
        "unit": unit,
        "country_code": _plain(country_code),
        "country_name": _plain(country_name),
        "year": _plain(year),
        "value": _plain(value),
        "transform": transform,
        "base": base,
    }
    if extra:
        export["extra"] = {name: _plain(item) for name, item in extra.items()}
    meta: dict = {"export": export}
    if key is not None:
        meta["key"] = key
    return meta


def with_extra(export: Mapping[str, object], **columns: object) -> dict:
    """`export` (a caller's trace_meta fields) with a builder's own extra columns added after
    the caller's."""
    extra = export.get("extra")
    return {**export, "extra": {**(extra if isinstance(extra, Mapping) else {}), **columns}}


def with_status(export: Mapping[str, object], rows: object) -> dict:
    """`export` with each row's `status` (observed, estimate, projection) as an extra column,
    when `rows` (a DataFrame, one row per point) has one."""
    if "status" not in getattr(rows, "columns", ()):
        return dict(export)
    return with_extra(export, status=rows["status"].astype(str).tolist())


def _plain(item: object) -> object:
    """JSON-ready: sequences become lists of Python scalars."""
    if isinstance(item, str) or item is None:
        return item
    if hasattr(item, "tolist"):
        return item.tolist()
    if isinstance(item, Sequence):
        return [x.item() if hasattr(x, "item") else x for x in item]
    return item.item() if hasattr(item, "item") else item
