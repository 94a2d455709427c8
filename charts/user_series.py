"""A user's own series, alone or beside an official indicator, and its rows for downloads.

Not a registered chart: its values live in the user's browser and arrive with each request,
so nothing here is cached (serving.cache would keep them) or rebuilt from a view link.
Per-person values divide by the snapshot's World Bank population (SP.POP.TOTL) where the
kind of values allows it; an index divides each line by its first year shown.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import query
from charts.indicator_units import axis_title
from exports.metadata import SUPPLIED_BY_USER
from exports.schema import tidy
from figures import theme, user_series
from text import userdata as t
from userdata import PER_CAPITA_KINDS, UserSeries

POPULATION = "SP.POP.TOTL"
TRANSFORMS = ("none", "per_capita", "index")
MODES = ("beside", "alone")
USER_CODE = "user-data"  # the indicator_code of a user's rows in downloads
COLUMNS = ["country_code", "country_name", "year", "sex", "value"]


def allowed_transforms(series: UserSeries) -> list[str]:
    return [name for name in TRANSFORMS
            if name != "per_capita" or series.kind in PER_CAPITA_KINDS]


def user_rows(series: UserSeries, start: int, end: int, transform: str) -> pd.DataFrame:
    """The series' values in [start, end] (a line per country and sex), transformed."""
    frame = pd.DataFrame(list(series.rows), columns=["country_code", "year", "sex", "value"])
    frame = frame[(frame["year"] >= start) & (frame["year"] <= end)]
    if transform == "per_capita" and series.kind in PER_CAPITA_KINDS and not frame.empty:
        population = query.series(POPULATION, sorted(set(frame["country_code"])), start, end)
        frame = frame.merge(population[["country_code", "year", "value"]].rename(
            columns={"value": "population"}), on=["country_code", "year"])
        frame = frame.assign(value=frame["value"] / frame["population"])
        frame = frame[frame["population"] > 0]
    elif transform == "index" and not frame.empty:
        frame = frame.sort_values("year")
        first = frame.groupby(["country_code", "sex"])["value"].transform("first")
        frame = frame.assign(value=frame["value"] / first * 100)[first != 0]
    names = {code: query.country_name(code) for code in set(frame["country_code"])}
    frame = frame.assign(country_name=frame["country_code"].map(names))
    return frame[COLUMNS].sort_values(["country_code", "sex", "year"]).reset_index(drop=True)


def line_name(country: str, sex: str) -> str:
    """A line of the series: its country, and its sex where the series gives one."""
    return country if sex == "total" else f"{country} ({t.SEXES[sex]})"


def user_unit(series: UserSeries, transform: str) -> str:
    return t.TRANSFORM_UNITS.get(transform, "{unit}").format(unit=series.unit)


def official_rows(indicator: str | None, countries: list[str], start: int,
                  end: int) -> pd.DataFrame:
    """The official indicator, as published, for the user's countries."""
    if not indicator or not countries:
        return pd.DataFrame(columns=["country_code", "country_name", "year", "value", "status"])
    return query.series(indicator, countries, start, end)


def figure(series: UserSeries, indicator: str | None, start: int, end: int, transform: str,
           mode: str) -> go.Figure:
    rows = user_rows(series, start, end, transform)
    if rows.empty:
        return theme.empty_figure(t.CHART_NO_ROWS)
    lines = rows.assign(country_name=[
        line_name(name, sex) for name, sex in zip(rows["country_name"], rows["sex"], strict=True)])
    # Beside nothing (no indicator on the page, e.g. /data), the series is drawn alone.
    official = (official_rows(indicator, series.countries, start, end)
                if mode == "beside" and indicator else None)
    meta = query.indicator_meta(indicator) if official is not None else {}
    return user_series.create_figure(
        lines, official,
        user_title=user_unit(series, transform),
        official_title=axis_title(meta, "none", None) if meta else "",
        user_suffix="{name}" + t.LEGEND_SUFFIX.format(name=series.name.replace("{", "{{")
                                                       .replace("}", "}}")))


def download_rows(series: UserSeries, indicator: str | None, start: int, end: int,
                  transform: str, mode: str) -> pd.DataFrame:
    """Tidy rows of what the chart shows: the official indicator's, then the user's, marked
    "supplied by the user" with the source and licence the user stated in their status."""
    rows = user_rows(series, start, end, transform)
    mine = rows.assign(indicator_code=USER_CODE, unit=user_unit(series, transform),
                       status=t.SUPPLIED_STATUS.format(supplied=t.SUPPLIED_BY_USER,
                                                       source=series.source,
                                                       licence=series.licence))
    frames = []
    if mode == "beside" and indicator:
        official = official_rows(indicator, series.countries, start, end)
        unit = axis_title(query.indicator_meta(indicator), "none", None)
        frames.append(tidy(official.assign(indicator_code=indicator, unit=unit, sex=None),
                           extra=("sex",)))
    frames.append(tidy(mine, extra=("sex",)))
    return pd.concat([f for f in frames if not f.empty] or frames, ignore_index=True)


def source_line(series: UserSeries) -> str:
    """What a chart of the series says of it: name, unit, source, licence, supplied by the
    user."""
    return t.SOURCE_LINE.format(name=series.name, unit=series.unit, source=series.source,
                                licence=series.licence, supplied=t.SUPPLIED_BY_USER)


def user_entry(series: UserSeries, transform: str) -> dict[str, object]:
    """What a download says about the user's series (exports.metadata entries)."""
    definition = t.ENTRY_DEFINITION
    # The user's own words have no translation to stand beside (exports.tables skips the _en
    # rows that equal their field).
    return {"indicator_code": USER_CODE, "name": series.name, "name_en": series.name,
            "definition": definition, "definition_en": definition,
            "unit": user_unit(series, transform),
            "source": series.source, "publisher": series.source, "dataset": series.name,
            "licence": series.licence, "vintage": "", SUPPLIED_BY_USER: True}

