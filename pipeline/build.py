"""Build the snapshot: data/raw/ -> data/snapshot/ (Parquet + vintage.json).

    python -m pipeline.build [--raw DIR] [--out DIR]

Every table is one entry in TABLE_BUILDERS: a name, a function of the build context
returning a DataFrame, and the table's schema and sort key. Readers are shared and
read each raw file once per build. Before anything is written the build checks every
table (pipeline/checks.py: no zero-filled gaps) and every ratio is made by
pipeline/ratios.py, which refuses a numerator and a denominator from different
territories or releases.
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
from pipeline import status as st
from pipeline import territory
from pipeline.checks import check_no_zero_filled_gaps
from pipeline.parquet_io import write_json, write_parquet
from pipeline.ratios import Operand, ratio
from pipeline.sources import (
    abel_cohen,
    remittance_matrix,
    rpw,
    undesa_flows,
    undesa_ims2020,
    undesa_ims2024,
    undesa_wpp2024,
    unhcr,
    wb_countries,
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
        """Region and income group: from the World Bank API's country endpoint when the
        refresh has fetched it (same moment as the WDI aggregates), else from the 2023 WDI
        Excel file."""
        if wb_countries.available(self.raw_dir):
            return wb_countries.read_country_metadata(self.raw_dir)
        return wdi_xls.read_country_metadata(self.raw_dir, COUNTRY_METADATA_XLS)

    @property
    def classification_source(self) -> str:
        """The raw folder the region and income-group columns come from."""
        return wb_countries.FOLDER if wb_countries.available(self.raw_dir) else wdi_xls.FOLDER

    @property
    def classification_release(self) -> str:
        """The release the region and income-group columns come from."""
        return self.release(self.classification_source)

    @cached_property
    def desa_locations(self) -> pd.DataFrame:
        return undesa_ims2024.read_locations(self.raw_dir)

    @cached_property
    def ims_stock(self) -> pd.DataFrame:
        """Every all-ages row of the UN DESA IMS 2024 files (read once)."""
        return undesa_ims2024.read_stock_files(self.raw_dir)

    @cached_property
    def wpp_codes(self) -> pd.Series:
        return undesa_wpp2024.location_codes(self.raw_dir)

    @cached_property
    def wpp_population(self) -> undesa_wpp2024.WppSeries:
        return undesa_wpp2024.read_midyear_population(self.raw_dir)

    @cached_property
    def wpp_net_migration(self) -> undesa_wpp2024.WppSeries:
        return undesa_wpp2024.read_net_migration(self.raw_dir)

    @cached_property
    def unmatched_un_areas(self) -> dict[str, str]:
        """ISO3 -> the WPP location its UN DESA migrant counts may include (territory.py)."""
        stock = self.ims_stock
        ims_loc_ids = {int(x) for x in stock["loc_id"]} | {int(x) for x in stock["loc_id_origin"]}
        return territory.unmatched_un_areas(
            undesa_wpp2024.read_country_locations(self.raw_dir),
            ims_loc_ids,
            undesa_ims2024.read_location_labels(self.raw_dir),
            dict(zip(self.desa_locations["loc_id"], self.desa_locations["country_code"],
                     strict=True)),
        )

    @cached_property
    def wdi_names(self) -> pd.DataFrame:
        """country_code, name from the WDI CSVs (population file first)."""
        frames = [
            ind.values[["country_code", "country_name"]]
            for _, (_, ind) in sorted(self.wdi.items(), key=lambda kv: kv[0] != cat.POPULATION)
        ]
        names = pd.concat(frames).drop_duplicates("country_code")
        return names.rename(columns={"country_name": "name"}).reset_index(drop=True)

    @cached_property
    def wdi_statuses(self) -> dict[str, tuple[pd.Series, str]]:
        """code -> (status of each row of the series' values, the rule in words)."""
        found = {}
        for code, (_, ind) in self.wdi.items():
            by_title = st.wdi_title_rule(ind.title)
            if code == "SM.POP.NETM":
                wpp = undesa_wpp2024.by_country(self.wpp_net_migration, self.wpp_codes)
                found[code] = st.net_migration_status(
                    ind.values, wpp, self.wpp_net_migration.last_estimate_year)
            elif by_title is not None:
                status, rule = by_title
                found[code] = (pd.Series(status, index=ind.values.index, dtype="str"), rule)
            else:
                found[code] = (st.observed(ind.values), st.WDI_OBSERVED_RULE)
        return found

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

    # -- series with their status, as operands of ratios -------------------------------

    def wdi_values(self, code: str) -> pd.DataFrame:
        """country_code, year, value, status of one WDI series."""
        _, ind = self.wdi[code]
        return ind.values[["country_code", "year", "value"]].assign(
            status=self.wdi_statuses[code][0])

    def wdi_operand(self, code: str) -> Operand:
        folder, _ = self.wdi[code]
        return Operand(code, self.wdi_values(code), folder, self.wdi_release(code))

    @cached_property
    def wpp_population_values(self) -> pd.DataFrame:
        """country_code, year, value, status of WPP 2024 mid-year population."""
        values = undesa_wpp2024.by_country(self.wpp_population, self.wpp_codes)
        return values.assign(status=st.wpp_status(values["projected"])).drop(
            columns="projected")

    def wpp_population_operand(self) -> Operand:
        return Operand(cat.WPP_POPULATION, self.wpp_population_values, undesa_wpp2024.FOLDER,
                       self.release(undesa_wpp2024.FOLDER))

    @cached_property
    def emigrants(self) -> pd.DataFrame:
        stock = self.table("migrant_stock")
        emigrants = _sum_by_origin(stock[stock["sex"] == "total"], "value")
        return emigrants.assign(status=st.observed(emigrants))

    @cached_property
    def immigrants(self) -> pd.DataFrame:
        totals = undesa_ims2024.immigrant_totals(self.ims_stock, self.desa_locations)
        return totals.assign(status=st.observed(totals))

    def ims_operand(self, code: str, values: pd.DataFrame) -> Operand:
        folder = undesa_ims2024.FOLDER
        return Operand(code, values, folder, self.release(folder))


# --- bilateral tables -------------------------------------------------------------


def build_migrant_stock(ctx: BuildContext) -> pd.DataFrame:
    return undesa_ims2024.bilateral_stock(ctx.ims_stock, ctx.desa_locations)


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


def build_population_ims2020(ctx: BuildContext) -> pd.DataFrame:
    """The 2020 revision's population: the denominator of the Abel & Cohen flows only."""
    return undesa_ims2020.read_population(ctx.raw_dir)


# --- indicator values -------------------------------------------------------------


def _long(code: str, values: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_code": code,
            "country_code": values["country_code"].astype("str"),
            "year": values["year"].astype("int16"),
            "value": values["value"].astype("float64"),
            "status": values["status"].astype("str"),
        }
    )


def _sum_by_origin(table: pd.DataFrame, column: str, year_column: str = "year") -> pd.DataFrame:
    summed = (
        table.dropna(subset=[column]).groupby(["origin_code", year_column], sort=True)[column].sum()
    )
    return summed.reset_index().rename(
        columns={"origin_code": "country_code", year_column: "year", column: "value"}
    )


def derived_values(ctx: BuildContext) -> dict[str, pd.DataFrame]:
    """Values (country_code, year, value, status) of the series computed here, by code.

    Every ratio goes through pipeline.ratios.ratio: WDI numbers are divided by WDI
    population or GDP of the same release, UN DESA numbers by UN DESA's WPP 2024 population.
    """
    remittances = ctx.wdi_operand("BX.TRF.PWKR.CD.DT")
    un_population = ctx.wpp_population_operand()
    leave_out = set(ctx.unmatched_un_areas)
    refugees = ctx.table("refugees")
    return {
        cat.REMITTANCES_PCT_GDP: ratio(remittances, ctx.wdi_operand(cat.GDP), 100.0),
        cat.REMITTANCES_PER_CAPITA: ratio(remittances, ctx.wdi_operand(cat.POPULATION), 1.0),
        cat.IMMIGRANTS_PCT_POPULATION: ratio(
            ctx.ims_operand("UN DESA IMS 2024 immigrants", ctx.immigrants), un_population,
            100.0, leave_out),
        cat.EMIGRANTS: ctx.emigrants,
        cat.EMIGRANTS_PCT_POPULATION: ratio(
            ctx.ims_operand(cat.EMIGRANTS, ctx.emigrants), un_population, 100.0, leave_out),
        cat.REFUGEES_BY_ORIGIN: _observed(_sum_by_origin(refugees, "refugees")),
        cat.ASYLUM_SEEKERS_BY_ORIGIN: _observed(_sum_by_origin(refugees, "asylum_seekers")),
        # Over the World Bank population's span, so the two can be set side by side.
        cat.WPP_POPULATION: ctx.wpp_population_values[
            ctx.wpp_population_values["year"] >= ctx.wdi_values(cat.POPULATION)["year"].min()],
    }


def _observed(values: pd.DataFrame) -> pd.DataFrame:
    return values.assign(status=st.observed(values))


def build_indicator_values(ctx: BuildContext) -> pd.DataFrame:
    frames = [_long(code, ctx.wdi_values(code)) for code in ctx.wdi]
    frames += [_long(x.code, _observed(x.values)) for x in ctx.wdi_xls.values()]
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
        "population_basis": cat.POPULATION_BASIS.get(code),
        "vintage_note": None,
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


def age_note(last: object, source_id: str) -> str:
    """'<last> — latest <publisher> data in this dashboard': what the UI prints beside a
    number."""
    return f"{last} \u2014 latest {cat.SOURCES[source_id].short} data in this dashboard"


def age_detail(ctx: BuildContext, source_id: str, detail: str | None = None) -> str:
    """'<source>; <what the vintage is>: <vintage>[; detail]': the age note's fuller form."""
    vintage = ctx.vintages[source_id]
    when = f"{vintage.vintage_kind}: {vintage.vintage}" if vintage.vintage_kind else vintage.vintage
    return f"{cat.SOURCES[source_id].name}; {when}" + (f"; {detail}" if detail else "")


def build_indicators(ctx: BuildContext) -> pd.DataFrame:
    rows = []
    for code, (folder, ind) in ctx.wdi.items():
        display = cat.WDI_SERIES[folder][code]
        info = cat.SOURCES[folder]
        vintage = ctx.vintages[folder]
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
                vintage=vintage.for_indicator(code),
                vintage_kind=vintage.kind_for(code),
                vintage_note=vintage.note_for(code),
                release=ctx.wdi_release(code),
                transforms=_allowed_transforms(ctx, code, display),
                status_rule=ctx.wdi_statuses[code][1],
            )
        )
    xls_folder = wdi_xls.FOLDER
    newer = ctx.vintages[next(iter(cat.WDI_SERIES))].vintage
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
                vintage_kind=ctx.vintages[xls_folder].vintage_kind,
                vintage_note=(
                    f"An older WDI release ({x.last_updated}) than the other World Bank "
                    f"series here ({newer}): this series is not in the newer copy."
                ),
                release=ctx.release(xls_folder),
                transforms="",
                status_rule=st.XLS_OBSERVED_RULE + (
                    f" (the file names its source \"{x.source_organisation}\")"
                    if x.source_organisation else ""),
            )
        )
    rows += _derived_catalogue_rows(ctx)
    catalogue = pd.DataFrame(rows)
    values = ctx.table("indicator_values")
    last = values.groupby("indicator_code")["year"].max()
    catalogue["last_year"] = catalogue["code"].map(last).astype("Int16")
    catalogue["age_note"] = [
        age_note(int(year), source_id.split(",")[0]) if pd.notna(year) else None
        for source_id, year in zip(catalogue["source_id"], catalogue["last_year"], strict=True)
    ]
    catalogue["age_detail"] = [
        "; ".join(age_detail(ctx, source, AGE_DETAILS.get(code) if i == 0 else None)
                  for i, source in enumerate(source_id.split(",")))
        for code, source_id in zip(catalogue["code"], catalogue["source_id"], strict=True)
    ]
    return catalogue


# Words an age note adds for a series (the source's own facts, restated).
AGE_DETAILS = {
    cat.REFUGEES_BY_ORIGIN: "end-of-year figures; the copied file labels them one year later",
    cat.ASYLUM_SEEKERS_BY_ORIGIN: "end-of-year figures; the copied file labels them one year "
    "later",
    cat.WPP_POPULATION: "values after 2023 are the medium-variant projection",
    cat.EMIGRANTS_PCT_POPULATION: "the 2024 population is a projection of World Population "
    "Prospects 2024",
    cat.IMMIGRANTS_PCT_POPULATION: "the 2024 population is a projection of World Population "
    "Prospects 2024",
    "SM.POP.NETM": "values after 2023 are the medium-variant projection of World Population "
    "Prospects 2024",
}


def _derived_catalogue_rows(ctx: BuildContext) -> list[dict[str, object]]:
    remit_folder, remit = ctx.wdi["BX.TRF.PWKR.CD.DT"]
    wdi_release = ctx.same_wdi_release("BX.TRF.PWKR.CD.DT", cat.GDP, cat.POPULATION)
    desa, wpp, refugee_folder = undesa_ims2024.FOLDER, undesa_wpp2024.FOLDER, unhcr.FOLDER
    wdi_info, desa_info, wpp_info, unhcr_info = (
        cat.SOURCES[f] for f in (remit_folder, desa, wpp, refugee_folder))
    wdi_source = f"{wdi_info.publisher}, {wdi_info.name}"
    desa_source = f"{desa_info.publisher}, {desa_info.name}"
    wpp_source = f"{wpp_info.publisher}, {wpp_info.name}"
    wdi_vintage = ctx.vintages[remit_folder].for_indicator("BX.TRF.PWKR.CD.DT")
    desa_vintage, wpp_vintage = ctx.vintages[desa], ctx.vintages[wpp]
    desa_release, wpp_release = ctx.release(desa), ctx.release(wpp)
    last_estimate = ctx.wpp_population.last_estimate_year
    wpp_status_rule = (
        f"observed to {last_estimate}, projection from {last_estimate + 1}: WPP 2024's "
        f"estimates end on 31 December {last_estimate} (README: \"Historical estimates\"); a "
        f"mid-year population from {last_estimate + 1} on needs a population of 1 January "
        f"{last_estimate + 2} or later, from the medium-variant projection (popprojMed.txt)"
    )
    ratio_status_rule = (
        "the weaker status of numerator and denominator: " + wpp_status_rule.split(":")[0]
        + ", as the WPP 2024 population it is divided by"
    )
    left_out = ", ".join(sorted(ctx.unmatched_un_areas))

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
            vintage_kind=ctx.vintages[remit_folder].kind_for("BX.TRF.PWKR.CD.DT"),
            release=wdi_release,
            transforms="",
            formula=formula,
            derived_from=source_from,
            derived_transform=transform,
            status_rule="the weaker status of numerator and denominator: " + st.WDI_OBSERVED_RULE,
        )

    def un_ratio(code: str, numerator: str) -> dict[str, object]:
        name, definition = cat.DESA_UNHCR_TEXT[code]
        return _catalogue_row(
            code,
            cat.DERIVED_DISPLAY[code],
            name=name,
            definition=definition,
            source=f"{desa_source}; {wpp_source}",
            source_id=f"{desa},{wpp}",
            source_url=desa_info.url,
            licence=_joint(("UN DESA IMS 2024", desa_info.licence),
                           ("UN DESA WPP 2024", wpp_info.licence)),
            vintage=_joint(("IMS", desa_vintage.vintage), ("WPP", wpp_vintage.vintage)),
            vintage_kind=desa_vintage.vintage_kind,
            release=f"{desa_release}+{wpp_release}",
            transforms="",
            formula=f"{numerator} (UN DESA IMS 2024) / {cat.WPP_POPULATION} (UN DESA World "
            "Population Prospects 2024, mid-year) × 100, same year and same UN area; never "
            "divided by the World Bank's SP.POP.TOTL, whose area can differ"
            + (f"; left out for {left_out} (see series_notes)" if left_out else ""),
            status_rule=ratio_status_rule,
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
            f"BX.TRF.PWKR.CD.DT / SP.POP.TOTL, both from WDI release {wdi_release} (the "
            "World Bank's population: a WDI ratio keeps WDI's population)",
            "BX.TRF.PWKR.CD.DT",
            cat.PER_CAPITA,
        ),
        un_ratio(cat.IMMIGRANTS_PCT_POPULATION,
                 "International migrants living in the country (all origins; = WDI "
                 "SM.POP.TOTL)"),
    ]
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
            vintage=desa_vintage.vintage,
            vintage_kind=desa_vintage.vintage_kind,
            release=desa_release,
            transforms="",
            formula="Sum over all destination countries of the UN DESA IMS 2024 migrant stock "
            "with this country as origin (both sexes, all ages)",
            status_rule=st.DESA_OBSERVED_RULE,
        )
    )
    rows.append(un_ratio(cat.EMIGRANTS_PCT_POPULATION, cat.EMIGRANTS))
    name, definition = cat.DESA_UNHCR_TEXT[cat.WPP_POPULATION]
    rows.append(
        _catalogue_row(
            cat.WPP_POPULATION,
            cat.DERIVED_DISPLAY[cat.WPP_POPULATION],
            name=name,
            definition=definition,
            source=wpp_source,
            source_id=wpp,
            source_url=wpp_info.url,
            licence=wpp_info.licence,
            vintage=wpp_vintage.vintage,
            vintage_kind=wpp_vintage.vintage_kind,
            release=wpp_release,
            transforms="",
            formula="(population on 1 January of the year + population on 1 January of the "
            "next year) / 2; 1 January populations from the end-of-year populations "
            "(popprojMed.txt) less the annual population changes (PopChange.txt, "
            "PopChangeprojMed.txt), in persons",
            status_rule=wpp_status_rule,
        )
    )
    for code in (cat.REFUGEES_BY_ORIGIN, cat.ASYLUM_SEEKERS_BY_ORIGIN):
        name, definition = cat.DESA_UNHCR_TEXT[code]
        column = "refugees" if code == cat.REFUGEES_BY_ORIGIN else "asylum_seekers"
        gaps = unhcr.unrecorded_years(unhcr.read_refugees_as_filed(ctx.raw_dir), column)
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
                vintage_kind=ctx.vintages[refugee_folder].vintage_kind,
                release=ctx.release(refugee_folder),
                transforms="",
                formula=f"Sum over countries of asylum of UNHCR {column.replace('_', ' ')} "
                "from this origin, end of year; the source's rows labelled 2020 are "
                "end-2019 data and shown as 2019"
                + (f"; no values for {min(gaps)}-{max(gaps)}: the file records that count "
                   "only without an origin (its zeros by origin are gaps)" if gaps else ""),
                status_rule=st.UNHCR_OBSERVED_RULE,
            )
        )
    return rows


# --- territories: populations compared, notes per series --------------------------


def build_population_differences(ctx: BuildContext) -> pd.DataFrame:
    """Countries whose WDI and WPP 2024 populations differ by more than the threshold."""
    countries = set(ctx.country_metadata.loc[~ctx.country_metadata["aggregate"],
                                             "country_code"])
    table = territory.population_differences(
        ctx.wdi_values(cat.POPULATION), ctx.wpp_population_values, countries)
    log.info("WDI and WPP 2024 populations differ by more than %g %%: %s",
             cat.POPULATION_DIFFERENCE_PCT, ", ".join(table["country_code"]))
    return table


def build_series_notes(ctx: BuildContext) -> pd.DataFrame:
    """One note per series and country: a population that differs between WDI and WPP 2024
    (every series counted against either population), and UN ratios left out because their
    numerator may cover an area their denominator leaves out."""
    names = ctx.wdi_names.set_index("country_code")["name"].to_dict()
    names.update({c: n for c, n in zip(ctx.desa_locations["country_code"],
                                      ctx.desa_locations["name"], strict=True)
                  if c not in names})
    rows = []
    differences = ctx.table("population_differences")
    with_basis = sorted(cat.POPULATION_BASIS)
    for row in differences.to_dict("records"):
        note = territory.population_note(row, names.get(row["country_code"], row["country_code"]))
        rows += [{"indicator_code": code, "country_code": row["country_code"],
                  "kind": "population_differs", "note": note} for code in with_basis]
    un_ratios = [code for code, basis in cat.POPULATION_BASIS.items()
                 if basis == cat.WPP_POPULATION and code != cat.WPP_POPULATION]
    for code, area in sorted(ctx.unmatched_un_areas.items()):
        note = territory.unmatched_note(names.get(code, code), area)
        rows += [{"indicator_code": indicator, "country_code": code,
                  "kind": "territory_left_out", "note": note} for indicator in sorted(un_ratios)]
    flows = ctx.table("flow_estimates")
    for column in ("origin_note", "destination_note"):
        noted = flows.dropna(subset=[column]).drop_duplicates(
            ["origin_code" if column == "origin_note" else "destination_code", column])
        for code, note in zip(noted["origin_code" if column == "origin_note"
                                    else "destination_code"], noted[column], strict=True):
            rows.append({"indicator_code": "flow_estimates", "country_code": code,
                         "kind": "former_territory", "note": note})
    notes = pd.DataFrame(rows, columns=["indicator_code", "country_code", "kind", "note"])
    return notes.drop_duplicates(["indicator_code", "country_code", "kind"]).reset_index(
        drop=True)


# --- ages of the tables -----------------------------------------------------------


def build_data_ages(ctx: BuildContext) -> pd.DataFrame:
    """How old each bilateral table is: its first and last period, and the note to print."""
    refugees = ctx.table("refugees")
    costs = ctx.table("remittance_costs")
    flows = ctx.table("flow_estimates")
    annual = ctx.table("annual_flows")
    ends = annual.groupby("reporting_code")["year"].max()
    earlier = ends[ends < ends.max()]
    entries = [
        ("migrant_stock", undesa_ims2024.FOLDER, ctx.table("migrant_stock")["year"], None),
        ("refugees", unhcr.FOLDER, refugees["year"], AGE_DETAILS[cat.REFUGEES_BY_ORIGIN]),
        ("annual_flows", undesa_flows.FOLDER, annual["year"],
         f"annual flows as each reporting country counts them; {len(earlier)} of "
         f"{len(ends)} reporting countries stop earlier"),
        ("population_ims2020", undesa_ims2020.FOLDER, ctx.table("population_ims2020")["year"],
         "used only as the population of the Abel & Cohen flows"),
    ]
    rows = [
        {"table": table, "source_id": source, "first_period": str(int(years.min())),
         "last_period": str(int(years.max())), "last_year": int(years.max()),
         "release": ctx.release(source), "age_note": age_note(int(years.max()), source),
         "age_detail": age_detail(ctx, source, detail)}
        for table, source, years, detail in entries
    ]
    ordered = costs.sort_values(["year", "quarter"])
    rows.append({
        "table": "remittance_costs", "source_id": rpw.FOLDER,
        "first_period": ordered["period"].iloc[0], "last_period": ordered["period"].iloc[-1],
        "last_year": int(ordered["year"].iloc[-1]), "release": ctx.release(rpw.FOLDER),
        "age_note": age_note(ordered["period"].iloc[-1], rpw.FOLDER),
        "age_detail": age_detail(ctx, rpw.FOLDER, "average total cost by corridor and quarter"),
    })
    year = remittance_matrix.YEAR
    rows.append({
        "table": "remittance_matrix", "source_id": remittance_matrix.FOLDER,
        "first_period": str(year), "last_period": str(year), "last_year": year,
        "release": ctx.release(remittance_matrix.FOLDER),
        "age_note": age_note(year, remittance_matrix.FOLDER),
        "age_detail": age_detail(ctx, remittance_matrix.FOLDER,
                                 "flows of one year only, the year the file name states"),
    })
    first, last = flows["period_start"].min(), flows["period_start"].max()
    span = abel_cohen.PERIOD_YEARS
    rows.append({
        "table": "flow_estimates", "source_id": abel_cohen.FOLDER,
        "first_period": f"{first}-{first + span}", "last_period": f"{last}-{last + span}",
        "last_year": int(last + span), "release": ctx.release(abel_cohen.FOLDER),
        "age_note": age_note(f"{last}\u2013{last + span}", abel_cohen.FOLDER),
        "age_detail": age_detail(ctx, abel_cohen.FOLDER,
                                 "model estimates built on UN DESA's 2020 revision"),
    })
    return pd.DataFrame(rows)


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
        "population_ims2020": ["country_code"],
    }
    return {code for table, cols in columns.items() for c in cols for code in ctx.table(table)[c]}


def build_countries(ctx: BuildContext) -> pd.DataFrame:
    meta = ctx.country_metadata.set_index("country_code")
    m49 = ctx.desa_locations.set_index("country_code")["loc_id"]
    wpp_m49 = pd.Series(ctx.wpp_codes.index.astype("int32"), index=ctx.wpp_codes.to_numpy())
    wdi_names = ctx.wdi_names.set_index("country_code")["name"]
    wpp_locations = undesa_wpp2024.read_country_locations(ctx.raw_dir)
    wpp_names = pd.Series(wpp_locations["name"].to_numpy(),
                          index=wpp_locations["loc_id"].map(ctx.wpp_codes).to_numpy())
    # Names for codes outside WDI: UN DESA's preferred name, else RPW's, else WPP's.
    other_names = pd.concat(
        [
            ctx.desa_locations.set_index("country_code")["name"],
            rpw.read_country_names(ctx.raw_dir).set_index("country_code")["name"],
            wpp_names[wpp_names.index.notna()],
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
    countries["m49"] = (countries["country_code"].map(m49)
                        .fillna(countries["country_code"].map(wpp_m49)).astype("Int32"))
    countries["region"] = countries["country_code"].map(meta["region"])
    countries["income_group"] = countries["country_code"].map(meta["income_group"])
    countries["pilot"] = countries["country_code"].isin(PILOTS)
    countries["aggregate"] = in_meta & countries["country_code"].map(meta["aggregate"]).eq(True)
    countries["classification_release"] = in_meta.map({True: ctx.classification_release,
                                                       False: None})
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
        ("population_ims2020", undesa_ims2020.FOLDER),
        ("population_differences", undesa_wpp2024.FOLDER),
        ("population_differences", next(iter(cat.WDI_SERIES))),
        ("countries", ctx.classification_source),
    ]:
        tables_by_source.setdefault(folder, set()).add(table)
    rows = []
    for source_id, info in cat.SOURCES.items():
        if source_id in cat.OPTIONAL_SOURCES and source_id not in ctx.vintages:
            continue  # not fetched yet
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
                "vintage_kind": vintage.vintage_kind,
                "territory": info.territory,
                "based_on": info.based_on,
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
    core_table("population_ims2020", build_population_ims2020),
    core_table("indicator_values", build_indicator_values),
    core_table("indicators", build_indicators),
    core_table("countries", build_countries),
    core_table("sources", build_sources),
    core_table("population_differences", build_population_differences),
    core_table("series_notes", build_series_notes),
    core_table("data_ages", build_data_ages),
]
BUILDERS_BY_NAME = {b.name: b for b in TABLE_BUILDERS}


def vintage_record(ctx: BuildContext) -> dict[str, object]:
    """Vintage per source; the snapshot is dated by its newest source."""
    sources = {
        folder: v.vintage for folder, v in sorted(ctx.vintages.items()) if folder in cat.SOURCES
    }
    return {"snapshot": max(sources.values()), "sources": sources}


def build(raw_dir: Path, out_dir: Path) -> None:
    """Build and check every table from raw_dir, then write them into out_dir (created if
    needed). A failed check writes nothing."""
    ctx = BuildContext(Path(raw_dir))
    tables = {builder.name: ctx.table(builder.name) for builder in TABLE_BUILDERS}
    check_no_zero_filled_gaps(tables)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for builder in TABLE_BUILDERS:
        table = tables[builder.name]
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
