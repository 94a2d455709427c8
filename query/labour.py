"""Labour-flow queries: Abel & Cohen 5-year emigration estimates, UN DESA annual flows as each
destination reports them, the home labour market (WDI) and emigration per 1,000 residents.

Abel & Cohen's flows are model estimates built on UN DESA's 2020 revision: every row carries
`status` "estimate", and the rate per 1,000 residents divides them by the population of that
same revision (UN DESA International Migrant Stock 2020, Table 2), never by the World Bank's.
Rows whose code covers another area in early periods ("Sudan*" with South Sudan, "Serbia &
Montenegro") carry `origin_note` / `destination_note`; such a row is never joined to a later
period's series as if it were the same country, and gets no rate."""

from __future__ import annotations

import pandas as pd

from query.lookup import check_countries
from query.snapshot import get_snapshot
from query.transforms import series

POPULATION = "SP.POP.TOTL"
LABOUR_FORCE = "SL.TLF.TOTL.IN"
PARTICIPATION = {"female": "SL.TLF.CACT.FE.ZS", "male": "SL.TLF.CACT.MA.ZS"}
YOUTH_UNEMPLOYMENT = {"female": "SL.UEM.1524.FE.ZS", "male": "SL.UEM.1524.MA.ZS"}
LABOUR_MARKET_SERIES = (*PARTICIPATION.values(), *YOUTH_UNEMPLOYMENT.values(), LABOUR_FORCE)
PERIOD_YEARS = 5
# The source of the flows (a `sources` row; source_basis says what it is built on).
FLOW_SOURCE = "abel_cohen_flows_2022_migviz"
# The flows' population: UN DESA IMS 2020, Table 2 (mid-year, 1990, 1995, ..., 2020). A
# period runs from mid-year start to mid-year start+5; its mean population is taken as the
# mean of the populations at its two ends.
FLOW_POPULATION_SOURCE = "UN DESA International Migrant Stock 2020, Table 2 (total population)"
# What the source says its flows are: "Values are based on estimates of migrant flows"
# (the source website's method text, vendored with the data).
FLOW_STATUS = "estimate"
RATE_FORMULA = (
    "5-year flow (Abel & Cohen) ÷ 5 ÷ mean population of the period × 1,000; the mean "
    "population is the mean of the mid-year populations at the start and the end of the "
    "period in UN DESA's International Migrant Stock 2020 (Table 2), the revision the flows "
    "are built on. Areas that differ from today's (Sudan with South Sudan before 2010, Serbia "
    "and Montenegro together) get no rate."
)
# When a destination reports several ways, the one with most years is shown; on a tie,
# citizenship, then birth, then residence.
CRITERION_PREFERENCE = ("citizenship", "birth", "residence")


def _names(codes: pd.Series) -> pd.Series:
    return codes.map(get_snapshot().country_names)


def emigration_by_destination(origin: str) -> pd.DataFrame:
    """Abel & Cohen 5-year flows out of `origin`, both sexes, one row per destination and period.

    Columns destination_code, destination_name, period_start, period_end, value, status
    ("estimate"), origin_note, destination_note (set where the code covers another area in
    that period, else None); sorted by period, then largest first.
    """
    check_countries([origin])
    flows = get_snapshot().flow_estimates
    rows = flows[(flows["origin_code"] == origin) & (flows["sex"] == "total")]
    out = rows[["destination_code", "period_start", "period_end", "value"]].copy()
    out.insert(1, "destination_name", _names(out["destination_code"]))
    out["status"] = FLOW_STATUS
    out["origin_note"] = _notes(rows["origin_note"])
    out["destination_note"] = _notes(rows["destination_note"])
    return out.sort_values(["period_start", "value", "destination_code"],
                           ascending=[True, False, True]).reset_index(drop=True)


def emigration_totals(origins: list[str]) -> pd.DataFrame:
    """Emigration per origin and period, summed over destination countries only.

    Columns country_code, country_name, period_start, period_end, total, female,
    female_share_pct, status ("estimate"), origin_note (set where the origin's code covers
    another area in that period). The female share is given for the total only: the female
    and both-sexes estimates are made separately and do not nest corridor by corridor.
    """
    codes = check_countries(origins)
    flows = get_snapshot().flow_estimates
    rows = flows[flows["origin_code"].isin(codes)]
    notes = (rows.dropna(subset=["origin_note"])
             .drop_duplicates(["origin_code", "period_start"])
             .set_index(["origin_code", "period_start"])["origin_note"])
    wide = (rows.groupby(["origin_code", "period_start", "period_end", "sex"])["value"].sum()
            .unstack("sex").reset_index())
    for sex in ("total", "female"):
        if sex not in wide:
            wide[sex] = float("nan")
    out = pd.DataFrame({
        "country_code": wide["origin_code"].astype(str),
        "period_start": wide["period_start"].astype(int),
        "period_end": wide["period_end"].astype(int),
        "total": wide["total"].astype(float),
        "female": wide["female"].astype(float),
    })
    out["female_share_pct"] = out["female"] / out["total"] * 100.0
    out.insert(1, "country_name", _names(out["country_code"]))
    out["status"] = FLOW_STATUS
    out["origin_note"] = [notes.get((c, s)) for c, s in
                          zip(out["country_code"], out["period_start"], strict=True)]
    return out.sort_values(["country_code", "period_start"]).reset_index(drop=True)


def emigration_rate(origins: list[str]) -> pd.DataFrame:
    """Emigrants per 1,000 residents per year, by origin and period (RATE_FORMULA).

    rate = 5-year flow / 5 / mean population of the period × 1,000, where the mean
    population is the mean of the populations at period_start and period_end in UN DESA's
    International Migrant Stock 2020 (Table 2): the revision the flows are built on, on the
    same UN area. Periods without both populations, and periods where the origin's code
    covers another area than its population (origin_note), are left out. Columns
    country_code, country_name, period_start, period_end, flow, population, rate_per_1000,
    status ("estimate"), population_source.
    """
    totals = emigration_totals(origins)
    population = get_snapshot().population_ims2020.set_index(["country_code", "year"])
    pop = population["population"]
    means = []
    for row in totals.itertuples(index=False):
        ends = [pop.get((row.country_code, year)) for year in (row.period_start, row.period_end)]
        same_area = row.origin_note is None or pd.isna(row.origin_note)
        complete = all(v is not None and not pd.isna(v) for v in ends)
        means.append(sum(ends) / 2 if same_area and complete else None)
    out = totals[["country_code", "country_name", "period_start", "period_end"]].copy()
    out["flow"] = totals["total"]
    out["population"] = pd.to_numeric(pd.Series(means, index=totals.index), errors="coerce")
    out["rate_per_1000"] = out["flow"] / PERIOD_YEARS / out["population"] * 1000.0
    out["status"] = FLOW_STATUS
    out["population_source"] = FLOW_POPULATION_SOURCE
    return out.dropna(subset=["rate_per_1000"]).reset_index(drop=True)


def _notes(column: pd.Series) -> list[str | None]:
    return [None if pd.isna(v) else str(v) for v in column]


def _preferred_series(rows: pd.DataFrame) -> pd.DataFrame:
    """One series per reporting country: most years, then CRITERION_PREFERENCE."""
    counts = rows.groupby(["reporting_code", "criterion", "coverage"]).size().rename("years")
    counts = counts.reset_index()
    counts["rank"] = counts["criterion"].map(
        {c: i for i, c in enumerate(CRITERION_PREFERENCE)})
    best = (counts.sort_values(["reporting_code", "years", "rank"], ascending=[True, False, True])
            .drop_duplicates("reporting_code"))
    return rows.merge(best[["reporting_code", "criterion", "coverage"]])


def annual_inflows(origin: str, n: int = 5) -> pd.DataFrame:
    """Annual immigration from `origin` as reported by its main destination countries.

    One series per destination (never summed across destinations: each counts its own way).
    Up to `n` destinations, those with the largest mean yearly value. Columns
    reporting_code, reporting_name, criterion, coverage, definition, year, value.
    """
    check_countries([origin])
    snap = get_snapshot()
    flows = snap.annual_flows
    rows = flows[(flows["origin_code"] == origin) & (flows["type"] == "immigrants")
                 & (flows["coverage"] != "citizens") & (flows["reporting_code"] != origin)]
    if rows.empty:
        return pd.DataFrame(columns=["reporting_code", "reporting_name", "criterion", "coverage",
                                     "definition", "year", "value"])
    rows = _preferred_series(rows)
    top = rows.groupby("reporting_code")["value"].mean().sort_values(ascending=False).head(n)
    rows = rows[rows["reporting_code"].isin(top.index)]
    definitions = snap.annual_flow_definitions
    rows = rows.merge(definitions[definitions["type"] == "immigrants"][
        ["reporting_code", "criterion", "coverage", "definition"]])
    rows = rows.assign(
        reporting_name=_names(rows["reporting_code"]),
        order=rows["reporting_code"].map({c: i for i, c in enumerate(top.index)}),
    ).sort_values(["order", "year"])
    return rows[["reporting_code", "reporting_name", "criterion", "coverage", "definition",
                 "year", "value"]].reset_index(drop=True)


def reporting_countries() -> set[str]:
    """Countries that report annual flows by origin (UN DESA 2015 revision)."""
    return set(get_snapshot().annual_flows["reporting_code"])


def annual_flow_last_year() -> int | None:
    """The last year of any annual flow in the snapshot."""
    flows = get_snapshot().annual_flows
    return None if flows.empty else int(flows["year"].max())


def labour_market(country: str) -> pd.DataFrame:
    """WDI labour-market series of one country: indicator_code, year, value, status (rows with
    a value)."""
    check_countries([country])
    frames = [series(code, [country]).assign(indicator_code=code)
              for code in LABOUR_MARKET_SERIES]
    out = pd.concat(frames, ignore_index=True)
    return out[["indicator_code", "year", "value", "status"]]
