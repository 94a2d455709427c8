"""Build the snapshot: data/raw/ -> data/snapshot/ (Parquet + vintage.json).

    python -m pipeline.build [--raw DIR] [--out DIR]

Every table is one entry in TABLE_BUILDERS: a name, a function of the build context
returning a DataFrame, and the table's schema and sort key. Readers are shared and
read each raw file once per build.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipeline import catalogue as cat
from pipeline.parquet_io import write_json, write_parquet
from pipeline.sources import (
    abel_cohen,
    remittance_matrix,
    rpw,
    undesa_flows,
    undesa_ims2024,
    unhcr,
    wdi,
    wdi_xls,
)
from pipeline.sources.vintages import Vintage, read_vintages
from query.schema import SNAPSHOT_TABLES, SORT_KEYS, VINTAGE_FILE

ROOT = Path(__file__).resolve().parent.parent
RAW_DIR = ROOT / "data" / "raw"
SNAPSHOT_DIR = ROOT / "data" / "snapshot"
PILOTS = ("MDA", "BGD", "JAM", "MLI")
# The xls file whose "Metadata - Countries" sheet gives region and income group.
COUNTRY_METADATA_XLS = "personal-remittances-paid.xls"

log = logging.getLogger("pipeline.build")


class BuildContext:
    """Raw inputs of one build, each read once on first use."""

    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir
        self.vintages: dict[str, Vintage] = read_vintages(raw_dir)

    @cached_property
    def wdi(self) -> dict[str, tuple[str, wdi.WdiIndicator]]:
        """code -> (source folder, indicator) for every WDI per-indicator series used."""
        return {
            code: (folder, wdi.read_wdi_indicator(self.raw_dir, folder, code))
            for folder, series in cat.WDI_SERIES.items()
            for code in series
        }

    @cached_property
    def wdi_xls(self) -> dict[str, wdi_xls.WdiXlsIndicator]:
        return {f: wdi_xls.read_xls_indicator(self.raw_dir, f) for f in cat.WDI_XLS_SERIES}

    @cached_property
    def country_metadata(self) -> pd.DataFrame:
        return wdi_xls.read_country_metadata(self.raw_dir, COUNTRY_METADATA_XLS)

    @cached_property
    def desa_locations(self) -> pd.DataFrame:
        return undesa_ims2024.read_locations(self.raw_dir)

    @cached_property
    def wdi_names(self) -> pd.DataFrame:
        """country_code, name from the WDI CSVs (population file first)."""
        frames = [
            ind.values[["country_code", "country_name"]]
            for _, (_, ind) in sorted(self.wdi.items(), key=lambda kv: kv[0] != cat.POPULATION)
        ]
        names = pd.concat(frames).drop_duplicates("country_code")
        return names.rename(columns={"country_name": "name"}).reset_index(drop=True)

    def table(self, name: str) -> pd.DataFrame:
        """A built table, built once per context (tables may use other tables)."""
        cache = self.__dict__.setdefault("_tables", {})
        if name not in cache:
            cache[name] = BUILDERS_BY_NAME[name].build(self)
        return cache[name]

    def release(self, folder: str) -> str:
        return self.vintages[folder].release

    def wdi_release(self, code: str) -> str:
        folder, _ = self.wdi[code]
        return self.vintages[folder].release_for(code)

    def same_wdi_release(self, *codes: str) -> str:
        """The one release shared by these WDI series; raises if they come from several.

        A ratio of two releases would mix revisions in one series (a partial refresh
        can cause this), so the build stops instead.
        """
        releases = {code: self.wdi_release(code) for code in codes}
        if len(set(releases.values())) != 1:
            raise ValueError(f"series to be combined come from different releases: {releases}")
        return next(iter(releases.values()))


# --- bilateral tables -------------------------------------------------------------


def build_migrant_stock(ctx: BuildContext) -> pd.DataFrame:
    return undesa_ims2024.read_bilateral_stock(ctx.raw_dir)


def build_refugees(ctx: BuildContext) -> pd.DataFrame:
    refugees = unhcr.read_refugees(ctx.raw_dir)
    # Codes that name no country or area in either the WDI or the UN M49 lists
    # (UNHCR's own groupings) cannot be placed on a country page.
    known = set(ctx.wdi_names["country_code"]) | set(ctx.desa_locations["country_code"])
    keep = refugees["origin_code"].isin(known) & refugees["asylum_code"].isin(known)
    dropped = sorted(
        set(refugees.loc[~keep, "origin_code"]) | set(refugees.loc[~keep, "asylum_code"])
    )
    log.info(
        "UNHCR: %d rows with codes outside WDI/M49 left out: %s",
        (~keep).sum(),
        sorted(c for c in dropped if c not in known),
    )
    return refugees[keep].reset_index(drop=True)


def build_remittance_matrix(ctx: BuildContext) -> pd.DataFrame:
    return remittance_matrix.read_matrix(ctx.raw_dir)


def build_remittance_costs(ctx: BuildContext) -> pd.DataFrame:
    return rpw.read_costs(ctx.raw_dir)


def build_annual_flows(ctx: BuildContext) -> pd.DataFrame:
    return undesa_flows.read_annual_flows(ctx.raw_dir)


def build_annual_flow_definitions(ctx: BuildContext) -> pd.DataFrame:
    return undesa_flows.describe_reporting(ctx.table("annual_flows"), ctx.raw_dir)


def build_flow_estimates(ctx: BuildContext) -> pd.DataFrame:
    return abel_cohen.read_flow_estimates(ctx.raw_dir)


# --- indicator values -------------------------------------------------------------


def _long(code: str, values: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_code": code,
            "country_code": values["country_code"].astype("str"),
            "year": values["year"].astype("int16"),
            "value": values["value"].astype("float64"),
        }
    )


def _ratio(numerator: pd.DataFrame, denominator: pd.DataFrame, factor: float) -> pd.DataFrame:
    """numerator / denominator * factor for each country-year present in both."""
    joined = numerator.merge(denominator, on=["country_code", "year"], suffixes=("", "_d"))
    joined = joined[joined["value_d"] != 0]
    return joined.assign(value=joined["value"] / joined["value_d"] * factor)[
        ["country_code", "year", "value"]
    ]


def _sum_by_origin(table: pd.DataFrame, column: str, year_column: str = "year") -> pd.DataFrame:
    summed = (
        table.dropna(subset=[column]).groupby(["origin_code", year_column], sort=True)[column].sum()
    )
    return summed.reset_index().rename(
        columns={"origin_code": "country_code", year_column: "year", column: "value"}
    )


def derived_values(ctx: BuildContext) -> dict[str, pd.DataFrame]:
    """Values of the series computed here, by code."""
    w = {code: ind.values for code, (_, ind) in ctx.wdi.items()}
    ctx.same_wdi_release("BX.TRF.PWKR.CD.DT", cat.GDP, cat.POPULATION, "SM.POP.TOTL")
    stock = ctx.table("migrant_stock")
    emigrants = _sum_by_origin(stock[stock["sex"] == "total"], "value")
    refugees = ctx.table("refugees")
    return {
        cat.REMITTANCES_PCT_GDP: _ratio(w["BX.TRF.PWKR.CD.DT"], w[cat.GDP], 100.0),
        cat.REMITTANCES_PER_CAPITA: _ratio(w["BX.TRF.PWKR.CD.DT"], w[cat.POPULATION], 1.0),
        cat.IMMIGRANTS_PCT_POPULATION: _ratio(w["SM.POP.TOTL"], w[cat.POPULATION], 100.0),
        cat.EMIGRANTS: emigrants,
        cat.EMIGRANTS_PCT_POPULATION: _ratio(emigrants, w[cat.POPULATION], 100.0),
        cat.REFUGEES_BY_ORIGIN: _sum_by_origin(refugees, "refugees"),
        cat.ASYLUM_SEEKERS_BY_ORIGIN: _sum_by_origin(refugees, "asylum_seekers"),
    }


def build_indicator_values(ctx: BuildContext) -> pd.DataFrame:
    frames = [_long(code, ind.values) for code, (_, ind) in ctx.wdi.items()]
    frames += [_long(x.code, x.values) for x in ctx.wdi_xls.values()]
    frames += [_long(code, values) for code, values in derived_values(ctx).items()]
    values = pd.concat(frames, ignore_index=True)
    return values[values["value"].notna()].reset_index(drop=True)


# --- catalogue --------------------------------------------------------------------


def _catalogue_row(code: str, display: cat.Display, **fields: object) -> dict[str, object]:
    return {
        "code": code,
        "short_name": display.short_name,
        "topic": display.topic,
        "unit": display.unit,
        "unit_short": display.unit_short,
        "decimals": display.decimals,
        "formula": None,
        "derived_from": None,
        "derived_transform": None,
        **fields,
    }


def _allowed_transforms(ctx: BuildContext, code: str, display: cat.Display) -> str:
    """Per-capita and % of GDP only when the series, population and GDP share one release."""
    releases = {ctx.wdi_release(c) for c in (code, cat.POPULATION, cat.GDP)}
    return ",".join(display.transforms) if len(releases) == 1 else ""


def _licence(ctx: BuildContext, folder: str) -> str:
    info = cat.SOURCES[folder]
    if info.licence:
        return info.licence
    licences = sorted({ind.licence for f, ind in ctx.wdi.values() if f == folder})
    return "; ".join(licences)


def _joint(*parts: tuple[str, str]) -> str:
    """'A: x; B: y' for values that differ by source, or the single shared value."""
    values = {value for _, value in parts}
    return values.pop() if len(values) == 1 else "; ".join(f"{s}: {v}" for s, v in parts)


def build_indicators(ctx: BuildContext) -> pd.DataFrame:
    rows = []
    for code, (folder, ind) in ctx.wdi.items():
        display = cat.WDI_SERIES[folder][code]
        info = cat.SOURCES[folder]
        rows.append(
            _catalogue_row(
                code,
                display,
                name=ind.title,
                definition=ind.definition,
                source=f"{info.publisher}, {info.name}",
                source_id=folder,
                source_url=cat.wdi_indicator_url(code),
                licence=ind.licence,
                vintage=ctx.vintages[folder].for_indicator(code),
                release=ctx.wdi_release(code),
                transforms=_allowed_transforms(ctx, code, display),
            )
        )
    xls_folder = wdi_xls.FOLDER
    for filename, x in ctx.wdi_xls.items():
        info = cat.SOURCES[xls_folder]
        rows.append(
            _catalogue_row(
                x.code,
                cat.WDI_XLS_SERIES[filename],
                name=x.title,
                definition=x.definition,
                source=f"{info.publisher}, {info.name}; {x.source_organisation}",
                source_id=xls_folder,
                source_url=cat.wdi_indicator_url(x.code),
                licence=info.licence,
                vintage=x.last_updated,
                release=ctx.release(xls_folder),
                transforms="",
            )
        )
    rows += _derived_catalogue_rows(ctx)
    return pd.DataFrame(rows)


def _derived_catalogue_rows(ctx: BuildContext) -> list[dict[str, object]]:
    remit_folder, remit = ctx.wdi["BX.TRF.PWKR.CD.DT"]
    immig_folder, immig = ctx.wdi["SM.POP.TOTL"]
    pop_folder, pop = ctx.wdi[cat.POPULATION]
    wdi_release = ctx.same_wdi_release("BX.TRF.PWKR.CD.DT", cat.GDP, cat.POPULATION, "SM.POP.TOTL")
    desa, refugee_folder = undesa_ims2024.FOLDER, unhcr.FOLDER
    wdi_info, desa_info, unhcr_info = (cat.SOURCES[f] for f in (remit_folder, desa, refugee_folder))
    wdi_source = f"{wdi_info.publisher}, {wdi_info.name}"
    desa_source = f"{desa_info.publisher}, {desa_info.name}"
    wdi_vintage = ctx.vintages[remit_folder].for_indicator("BX.TRF.PWKR.CD.DT")
    desa_vintage = ctx.vintages[desa].vintage
    desa_release = ctx.release(desa)

    def wdi_derived(
        code: str, definition: str, formula: str, source_from: str, transform: str | None
    ) -> dict[str, object]:
        return _catalogue_row(
            code,
            cat.DERIVED_DISPLAY[code],
            name=cat.WDI_DERIVED_NAMES[code],
            definition=definition,
            source=wdi_source,
            source_id=remit_folder,
            source_url=cat.wdi_indicator_url(source_from),
            licence=remit.licence,
            vintage=wdi_vintage,
            release=wdi_release,
            transforms="",
            formula=formula,
            derived_from=source_from,
            derived_transform=transform,
        )

    rows = [
        wdi_derived(
            cat.REMITTANCES_PCT_GDP,
            f"{remit.definition} Expressed as a percentage of GDP (current US$).",
            f"BX.TRF.PWKR.CD.DT / NY.GDP.MKTP.CD × 100, both from WDI release {wdi_release}; "
            "recomputed here, not the World Bank's published BX.TRF.PWKR.DT.GD.ZS",
            "BX.TRF.PWKR.CD.DT",
            cat.PCT_GDP,
        ),
        wdi_derived(
            cat.REMITTANCES_PER_CAPITA,
            f"{remit.definition} Divided by the total population of the receiving country.",
            f"BX.TRF.PWKR.CD.DT / SP.POP.TOTL, both from WDI release {wdi_release}",
            "BX.TRF.PWKR.CD.DT",
            cat.PER_CAPITA,
        ),
        wdi_derived(
            cat.IMMIGRANTS_PCT_POPULATION,
            f"{immig.definition} Expressed as a percentage of the total population.",
            f"SM.POP.TOTL / SP.POP.TOTL × 100, both from WDI release {wdi_release}",
            "SM.POP.TOTL",
            None,
        ),
    ]
    rows[-1]["source_id"] = immig_folder
    name, definition = cat.DESA_UNHCR_TEXT[cat.EMIGRANTS]
    rows.append(
        _catalogue_row(
            cat.EMIGRANTS,
            cat.DERIVED_DISPLAY[cat.EMIGRANTS],
            name=name,
            definition=definition,
            source=desa_source,
            source_id=desa,
            source_url=desa_info.url,
            licence=desa_info.licence,
            vintage=desa_vintage,
            release=desa_release,
            transforms="",
            formula="Sum over all destination countries of the UN DESA IMS 2024 migrant stock "
            "with this country as origin (both sexes, all ages)",
        )
    )
    name, definition = cat.DESA_UNHCR_TEXT[cat.EMIGRANTS_PCT_POPULATION]
    rows.append(
        _catalogue_row(
            cat.EMIGRANTS_PCT_POPULATION,
            cat.DERIVED_DISPLAY[cat.EMIGRANTS_PCT_POPULATION],
            name=name,
            definition=definition,
            source=f"{desa_source}; {wdi_source}",
            source_id=f"{desa},{pop_folder}",
            source_url=desa_info.url,
            licence=_joint(("UN DESA", desa_info.licence), ("World Bank WDI", pop.licence)),
            vintage=_joint(("UN DESA", desa_vintage), ("World Bank WDI", wdi_vintage)),
            release=f"{desa_release}+{wdi_release}",
            transforms="",
            formula=f"{cat.EMIGRANTS} (UN DESA IMS 2024) / SP.POP.TOTL (WDI release "
            f"{wdi_release}) × 100, same year",
        )
    )
    for code in (cat.REFUGEES_BY_ORIGIN, cat.ASYLUM_SEEKERS_BY_ORIGIN):
        name, definition = cat.DESA_UNHCR_TEXT[code]
        column = "refugees" if code == cat.REFUGEES_BY_ORIGIN else "asylum_seekers"
        rows.append(
            _catalogue_row(
                code,
                cat.DERIVED_DISPLAY[code],
                name=name,
                definition=definition,
                source=f"{unhcr_info.publisher}, {unhcr_info.name}",
                source_id=refugee_folder,
                source_url=unhcr_info.url,
                licence=unhcr_info.licence,
                vintage=ctx.vintages[refugee_folder].vintage,
                release=ctx.release(refugee_folder),
                transforms="",
                formula=f"Sum over countries of asylum of UNHCR {column.replace('_', ' ')} "
                "from this origin, end of year; the source's rows labelled 2020 are "
                "end-2019 data and shown as 2019",
            )
        )
    return rows


# --- countries and sources --------------------------------------------------------


def _codes_in_tables(ctx: BuildContext) -> set[str]:
    columns = {
        "migrant_stock": ["origin_code", "destination_code"],
        "refugees": ["origin_code", "asylum_code"],
        "remittance_costs": ["sender_code", "receiver_code"],
        "remittance_matrix": ["sender_code", "receiver_code"],
        "indicator_values": ["country_code"],
        "annual_flows": ["origin_code", "destination_code"],
        "flow_estimates": ["origin_code", "destination_code"],
    }
    return {code for table, cols in columns.items() for c in cols for code in ctx.table(table)[c]}


def build_countries(ctx: BuildContext) -> pd.DataFrame:
    meta = ctx.country_metadata.set_index("country_code")
    m49 = ctx.desa_locations.set_index("country_code")["loc_id"]
    wdi_names = ctx.wdi_names.set_index("country_code")["name"]
    # Names for codes outside WDI: UN DESA's preferred name, else RPW's.
    other_names = pd.concat(
        [
            ctx.desa_locations.set_index("country_code")["name"],
            rpw.read_country_names(ctx.raw_dir).set_index("country_code")["name"],
        ]
    )
    other_names = other_names[~other_names.index.duplicated()]
    codes = sorted(set(wdi_names.index) | _codes_in_tables(ctx))
    unnamed = [c for c in codes if c not in wdi_names.index and c not in other_names.index]
    if unnamed:
        raise ValueError(f"countries without a name in any source: {unnamed}")
    countries = pd.DataFrame({"country_code": codes})
    in_meta = countries["country_code"].isin(meta.index)
    countries["name"] = (
        countries["country_code"].map(wdi_names).fillna(countries["country_code"].map(other_names))
    )
    countries["m49"] = countries["country_code"].map(m49).astype("Int32")
    countries["region"] = countries["country_code"].map(meta["region"])
    countries["income_group"] = countries["country_code"].map(meta["income_group"])
    countries["pilot"] = countries["country_code"].isin(PILOTS)
    countries["aggregate"] = in_meta & countries["country_code"].map(meta["aggregate"]).eq(True)
    return countries


def build_sources(ctx: BuildContext) -> pd.DataFrame:
    tables_by_source: dict[str, set[str]] = {}
    for row in ctx.table("indicators").itertuples():
        for source_id in row.source_id.split(","):
            tables_by_source.setdefault(source_id, set()).add("indicator_values")
    for table, folder in [
        ("migrant_stock", undesa_ims2024.FOLDER),
        ("refugees", unhcr.FOLDER),
        ("remittance_matrix", remittance_matrix.FOLDER),
        ("remittance_costs", rpw.FOLDER),
        ("annual_flows", undesa_flows.FOLDER),
        ("annual_flow_definitions", undesa_flows.FOLDER),
        ("flow_estimates", abel_cohen.FOLDER),
    ]:
        tables_by_source.setdefault(folder, set()).add(table)
    rows = []
    for source_id, info in cat.SOURCES.items():
        vintage = ctx.vintages[source_id]
        rows.append(
            {
                "source_id": source_id,
                "name": info.name,
                "publisher": info.publisher,
                "vintage": vintage.vintage,
                "vintage_note": vintage.determined_by,
                "release": vintage.release,
                "licence": _licence(ctx, source_id),
                "url": info.url,
                "citation": info.citation,
                "tables": ",".join(sorted(tables_by_source.get(source_id, set()))),
            }
        )
    return pd.DataFrame(rows)


# --- registry ---------------------------------------------------------------------


@dataclass(frozen=True)
class TableBuilder:
    name: str
    build: Callable[[BuildContext], pd.DataFrame]
    schema: pa.Schema
    sort_by: list[str]


def core_table(name: str, build: Callable[[BuildContext], pd.DataFrame]) -> TableBuilder:
    """A table whose schema is part of the snapshot contract (query/schema.py)."""
    return TableBuilder(name, build, SNAPSHOT_TABLES[name], SORT_KEYS[name])


TABLE_BUILDERS: list[TableBuilder] = [
    core_table("migrant_stock", build_migrant_stock),
    core_table("refugees", build_refugees),
    core_table("remittance_matrix", build_remittance_matrix),
    core_table("remittance_costs", build_remittance_costs),
    core_table("annual_flows", build_annual_flows),
    core_table("annual_flow_definitions", build_annual_flow_definitions),
    core_table("flow_estimates", build_flow_estimates),
    core_table("indicator_values", build_indicator_values),
    core_table("indicators", build_indicators),
    core_table("countries", build_countries),
    core_table("sources", build_sources),
]
BUILDERS_BY_NAME = {b.name: b for b in TABLE_BUILDERS}


def vintage_record(ctx: BuildContext) -> dict[str, object]:
    """Vintage per source; the snapshot is dated by its newest source."""
    sources = {
        folder: v.vintage for folder, v in sorted(ctx.vintages.items()) if folder in cat.SOURCES
    }
    return {"snapshot": max(sources.values()), "sources": sources}


def build(raw_dir: Path, out_dir: Path) -> None:
    """Build every table from raw_dir into out_dir (created if needed)."""
    ctx = BuildContext(Path(raw_dir))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for builder in TABLE_BUILDERS:
        table = ctx.table(builder.name)
        write_parquet(table, out_dir / f"{builder.name}.parquet", builder.schema, builder.sort_by)
        log.info("%s: %d rows", builder.name, len(table))
    write_json(vintage_record(ctx), out_dir / VINTAGE_FILE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the data snapshot from data/raw/.")
    parser.add_argument("--raw", type=Path, default=RAW_DIR, help="raw data folder")
    parser.add_argument("--out", type=Path, default=SNAPSHOT_DIR, help="snapshot folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.raw, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
