"""Facts for a country profile: headline values with their five-year change, and the numbers
behind the profile's plain-language summary. Every number comes from the snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from query.lookup import check_countries, country_name
from query.queries import top_destinations
from query.transforms import series

REMITTANCES = "BX.TRF.PWKR.CD.DT"
ODA = "DT.ODA.ODAT.CD"
FDI = "BX.KLT.DINV.CD.WD"
EMIGRANTS = "DESA.EMIG.TOTL"
EMIGRANT_SHARE = "DESA.EMIG.TOTL.ZS"
CHANGE_SPAN = 5  # years between a headline value and the value it is compared with


@dataclass(frozen=True)
class Headline:
    """An indicator's latest value for one country, the value about `CHANGE_SPAN` years before
    (None if that year has no value), and the whole series for a sparkline."""

    indicator: str
    year: int | None
    value: float | None
    base_year: int | None
    base_value: float | None
    years: tuple[int, ...]
    values: tuple[float, ...]
    # observed / estimate / projection of each value in `values`, and of the latest one.
    statuses: tuple[str, ...] = ()
    status: str | None = None


@dataclass(frozen=True)
class ProfileFacts:
    """The numbers a profile summary may state; None where the data has a gap."""

    country_code: str
    country: str
    emigrants_year: int | None
    emigrants: float | None
    emigrant_share: float | None  # % of the home population, same year as `emigrants`
    destinations: tuple[tuple[str, str, float], ...]  # (code, name, share %), largest first
    finance_year: int | None
    remittances: float | None  # US$, in finance_year
    oda: float | None
    fdi: float | None
    # observed / estimate / projection of emigrant_share (a projection when its UN population
    # is WPP 2024's medium-variant projection, as for 2024).
    emigrant_share_status: str | None = None
    # The latest year with remittances and its value: later than finance_year when aid or
    # investment figures end earlier (the headline card shows this one).
    remittances_year: int | None = None
    remittances_latest: float | None = None


def comparison_year(years: list[int], latest: int, span: int = CHANGE_SPAN) -> int | None:
    """The year with data nearest to `span` years before `latest` (within one year either way,
    earlier preferred); None if there is none. UN DESA's 2020 stands in for 2019 before 2024."""
    target = latest - span
    for year in (target, target + 1, target - 1):
        if year in years and year < latest:
            return year
    return None


def headline(indicator: str, country: str) -> Headline:
    df = series(indicator, [country])
    df = df[df["value"].notna()]
    if df.empty:
        return Headline(indicator, None, None, None, None, (), ())
    years = [int(y) for y in df["year"]]
    values = [float(v) for v in df["value"]]
    statuses = tuple(str(s) for s in df["status"])
    by_year = dict(zip(years, values, strict=True))
    latest = years[-1]
    base = comparison_year(years, latest)
    return Headline(indicator, latest, by_year[latest], base,
                    by_year[base] if base is not None else None, tuple(years), tuple(values),
                    statuses, statuses[-1])


def _values_by_year(indicator: str, country: str) -> dict[int, float]:
    df = series(indicator, [country])
    return {int(y): float(v) for y, v in zip(df["year"], df["value"], strict=True) if v == v}


def finance_year(remittances: dict[int, float], oda: dict[int, float],
                 fdi: dict[int, float]) -> int | None:
    """The latest year with remittances and both aid and investment; failing that, with
    remittances and one of them; None if remittances never meet either."""
    both = set(remittances) & set(oda) & set(fdi)
    if both:
        return max(both)
    either = set(remittances) & (set(oda) | set(fdi))
    return max(either) if either else None


def profile_facts(country: str, destinations: int = 3) -> ProfileFacts:
    check_countries([country])
    emigrants = headline(EMIGRANTS, country)
    share_rows = series(EMIGRANT_SHARE, [country])
    share_rows = share_rows[share_rows["year"] == emigrants.year]
    share = float(share_rows["value"].iloc[0]) if not share_rows.empty else None
    share_status = str(share_rows["status"].iloc[0]) if not share_rows.empty else None
    top = top_destinations(country, year=emigrants.year, n=destinations) if emigrants.year else None
    places = () if top is None else tuple(
        (str(row.destination_code), str(row.destination_name), float(row.share_pct))
        for row in top.itertuples(index=False)
    )
    rem, oda, fdi = (_values_by_year(code, country) for code in (REMITTANCES, ODA, FDI))
    year = finance_year(rem, oda, fdi)
    return ProfileFacts(
        country_code=country,
        country=country_name(country),
        emigrants_year=emigrants.year,
        emigrants=emigrants.value,
        emigrant_share=share,
        destinations=places,
        finance_year=year,
        remittances=rem.get(year) if year else None,
        oda=oda.get(year) if year else None,
        fdi=fdi.get(year) if year else None,
        emigrant_share_status=share_status,
        remittances_year=max(rem) if rem else None,
        remittances_latest=rem[max(rem)] if rem else None,
    )


def stock_years() -> list[int]:
    """The years of the UN DESA migrant stock estimates, oldest first."""
    from query.snapshot import get_snapshot

    return sorted(int(y) for y in get_snapshot().migrant_stock["year"].unique())
