"""What a download says about its values: one entry per series (definition, unit, source,
publisher and data set, licence, vintage, formula), and the one Provenance sentence of each.

An entry is a catalogue row with public names (`indicator_code`) and the publisher and data set
of its sources added, or, for a snapshot table a chart draws from (e.g. migrant_stock), the
same fields taken from the sources that feed the table. Citations (exports.citation) and
metadata sheets (exports.tables) are written from entries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from exports.schema import public_record, series_unit
from text import downloads as text

IndicatorMeta = Callable[[str], Mapping[str, object]]
SOURCE_FIELDS = ("source_id", "name", "publisher", "licence", "vintage", "url", "citation")
CHART_TABLE = "chart_table"  # an entry for a table a chart draws from (not a catalogue series)
SUPPLIED_BY_USER = "supplied_by_user"  # an entry for a user's own series (kept in the browser)


def sources_of_table(table: str, sources: pd.DataFrame | None) -> list[dict[str, str]]:
    """Sources whose `tables` field names this table (comma- or semicolon-separated)."""
    if sources is None or sources.empty or "tables" not in sources.columns:
        return []
    found = []
    for src in sources.to_dict(orient="records"):
        names = {
            part.strip().removesuffix(".parquet")
            for part in re.split(r"[,;\s]+", str(src.get("tables") or ""))
        }
        if table in names:
            found.append(source_fields(src))
    return found


def source_fields(src: Mapping[str, object]) -> dict[str, str]:
    """A source's SOURCE_FIELDS as text ("" where empty)."""
    return {key: "" if pd.isna(src.get(key)) else str(src.get(key)) for key in SOURCE_FIELDS}


def sources_by_id(ids: Iterable[str], sources: pd.DataFrame | None) -> list[dict[str, str]]:
    """The sources with these ids, in the order given."""
    if sources is None or sources.empty or "source_id" not in sources.columns:
        return []
    by_id = {str(src["source_id"]): src for src in sources.to_dict(orient="records")}
    return [source_fields(by_id[i]) for i in ids if i in by_id]


def source_entry(source: Mapping[str, object]) -> dict[str, object]:
    """An entry naming one source as a whole (no series): publisher, data set, vintage."""
    fields = source_fields(source)
    return {"source": fields["name"], "publisher": fields["publisher"],
            "dataset": fields["name"], "licence": fields["licence"],
            "vintage": fields["vintage"], "source_url": fields["url"]}


def indicator_entry(code: str, indicator_meta: IndicatorMeta,
                    sources: pd.DataFrame | None) -> dict[str, object]:
    """The entry of a catalogue series (KeyError/ValueError if the catalogue has no such code)."""
    meta = {key: plain_scalar(value) for key, value in dict(indicator_meta(code)).items()}
    feeding = sources_by_id(_split(meta.get("source_id")), sources)
    return {**public_record("indicators", meta), **_publisher(feeding, meta)}


def table_entry(table: str, sources: pd.DataFrame | None) -> dict[str, object]:
    """The entry of a snapshot table a chart draws from, from the sources that feed it."""
    feeding = sources_of_table(table, sources)
    described = text.TABLE_DESCRIPTIONS.get(table, table)
    return {
        "indicator_code": table,
        "name": described,
        "definition": described,
        "source": "; ".join(s["name"] for s in feeding),
        "source_url": "; ".join(s["url"] for s in feeding),
        "licence": "; ".join(s["licence"] for s in feeding),
        "vintage": "; ".join(dict.fromkeys(s["vintage"] for s in feeding)),
        **_publisher(feeding, {}),
        CHART_TABLE: True,
    }


def entry_of(code: str, indicator_meta: IndicatorMeta,
             sources: pd.DataFrame | None) -> dict[str, object]:
    """A catalogue series' entry, or else a snapshot table's."""
    try:
        return indicator_entry(code, indicator_meta, sources)
    except (KeyError, ValueError):
        return table_entry(code, sources)


def entries_of(declared: Iterable[Mapping[str, object]], indicator_meta: IndicatorMeta,
               sources: pd.DataFrame | None) -> list[dict[str, object]]:
    """Entries for the sources a chart declares (charts.Chart.sources): a catalogue row becomes
    its series' entry, a source named as a whole stays as it is."""
    return [indicator_entry(str(item["code"]), indicator_meta, sources) if item.get("code")
            else dict(item) for item in declared]


def describe(rows: pd.DataFrame, indicator_meta: IndicatorMeta,
             sources: pd.DataFrame | None) -> list[dict[str, object]]:
    """The entry of each series in tidy rows, in order, with the unit the rows give."""
    described = []
    for code, unit in rows[["indicator_code", "unit"]].drop_duplicates(
            "indicator_code").itertuples(index=False):
        entry = entry_of(str(code), indicator_meta, sources)
        described.append({**entry, "unit": unit or entry.get("unit")})
    return described


def with_transform(entry: Mapping[str, object], transform: str,
                   base: int | None) -> dict[str, object]:
    """A catalogue entry whose `unit` and `unit_short` say what the values are after
    `transform`."""
    if transform == "none" or entry.get(CHART_TABLE):
        return dict(entry)
    return {**entry, "unit": series_unit(entry, transform, base),
            "unit_short": series_unit(entry, transform, base, short=True)}


def provenance(entry: Mapping[str, object], transform: str, base: int | None) -> str:
    """One sentence on where the values come from: as published, computed here from the
    source's data (the entry has a formula), and the transform applied on top, if any."""
    if entry.get(CHART_TABLE):
        return text.PROVENANCE_CHART_TABLE.format(table=entry.get("indicator_code"))
    if entry.get(SUPPLIED_BY_USER):
        if transform == "none":
            return text.PROVENANCE_USER
        return text.PROVENANCE_USER_TRANSFORMED.format(
            transform=text.USER_TRANSFORM_NAMES.get(transform, transform))
    computed = bool(entry.get("formula"))
    if transform == "none":
        return text.PROVENANCE_COMPUTED if computed else text.PROVENANCE_PUBLISHED
    name = text.TRANSFORM_NAMES.get(transform, transform).replace("{base}", str(base))
    return text.PROVENANCE_TRANSFORMED.format(
        transform=name,
        of=text.PROVENANCE_OF_COMPUTED if computed else text.PROVENANCE_OF_PUBLISHED)


def _publisher(feeding: list[dict[str, str]], meta: Mapping[str, object]) -> dict[str, str]:
    """Publisher and data set of the sources (each named once), else the entry's source."""
    if not feeding:
        return {"publisher": str(meta.get("source") or ""), "dataset": ""}
    return {"publisher": "; ".join(dict.fromkeys(s["publisher"] or s["name"] for s in feeding)),
            "dataset": "; ".join(dict.fromkeys(s["name"] for s in feeding))}


def _split(ids: object) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", str(ids or "")) if part.strip()]


def plain_scalar(value: object) -> object:
    """A plain, JSON-safe scalar: NaN/NA become None, numpy scalars become Python ones."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value
