"""UN DESA, International Migration Flows to and from Selected Countries: The 2015 Revision.

One workbook per reporting country. Each "<Country> by <Criterion>" sheet holds annual
flows reported by that country: immigrants by origin, emigrants by destination. The
origin or destination is a country of previous/next residence, of citizenship or of
birth, depending on the sheet's criterion. Definitions differ between reporting
countries, so their flows are never comparable or additive across destinations.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.sources import country_names

FOLDER = "undesa_migflow_2015"
HEADER_ROW = 20  # zero-based row of "Type, Coverage, OdName, ..."; rows above are the UN header
REPORTING_ROW = 16  # zero-based row of "Reporting country: <UN name>"
ID_COLUMNS = ["Type", "Coverage", "OdName", "AREA", "AreaName", "REG", "RegName", "DEV", "DevName"]
REPORTING_PREFIX = "Reporting country: "
CRITERION_PREFIX = "Criterion: "
CRITERIA = {"Residence": "residence", "Citizenship": "citizenship", "Place Of Birth": "birth"}
TYPES = {"Immigrants": "immigrants", "Emigrants": "emigrants"}
COVERAGES = {"Foreigners": "foreigners", "Citizens": "citizens", "Both": "both"}
# ".." is "not available". The US sheet also carries "D" (withheld to avoid disclosure)
# and "-"; the workbook does not define "-", so it is treated as a gap, not as zero.
MISSING_MARKERS = ["..", "D", "-"]
# Rows that are not one country: totals, unknown or stateless partners, and China
# together with Hong Kong (an aggregate of CHN and HKG that some countries report).
NOT_COUNTRIES = frozenset(
    {
        "Total",
        "Unknown",
        "Stateless",
        "China (including Hong Kong Special Administrative Region)",
    }
)
# From PROVENANCE.md section 9; the workbooks themselves name only the criterion.
REPORTING_NOTES = {"USA": "Legal permanent resident admissions."}

PARTNER_PHRASES = {
    ("residence", "immigrants"): "country of previous residence",
    ("residence", "emigrants"): "country of next residence",
    ("citizenship", "immigrants"): "country of citizenship",
    ("citizenship", "emigrants"): "country of citizenship",
    ("birth", "immigrants"): "country of birth",
    ("birth", "emigrants"): "country of birth",
}
COVERAGE_PHRASES = {
    "foreigners": "foreign citizens only",
    "citizens": "own citizens only",
    "both": "citizens and foreigners",
}


def _codes(names: Iterable[str], where: str) -> dict[str, str]:
    """ISO3 of each UN name in the workbooks (the shared lookup places them all)."""
    return country_names.reference().codes(names, f"UN DESA flows, {where}")


def _label(cell: object, prefix: str, where: str) -> str:
    text = str(cell)
    if not text.startswith(prefix):
        raise ValueError(f"UN DESA flows, {where}: expected {prefix!r}, found {text!r}")
    return text.removeprefix(prefix).strip()


def _lookup(table: dict[str, str], values: pd.Series, what: str, where: str) -> pd.Series:
    unknown = sorted(set(values) - set(table))
    if unknown:
        raise ValueError(f"UN DESA flows, {where}: unexpected {what} {unknown}")
    return values.map(table)


def _read_sheet(path: Path, sheet: str) -> pd.DataFrame:
    where = f"{path.name} / {sheet}"
    # Only empty cells are missing: any other text must be a known marker or a number.
    raw = pd.read_excel(
        path, sheet_name=sheet, header=None, dtype=object, keep_default_na=False, na_values=[""],
        engine="calamine",  # several times faster than openpyxl on these workbooks
    )
    reporting_name = _label(raw.iat[REPORTING_ROW, 0], REPORTING_PREFIX, where)
    reporting = _codes([reporting_name], where)[reporting_name]
    criterion_label = _label(raw.iat[17, 0], CRITERION_PREFIX, where)
    if criterion_label not in CRITERIA:
        raise ValueError(f"UN DESA flows, {where}: unknown criterion {criterion_label!r}")
    header = list(raw.iloc[HEADER_ROW])
    if header[: len(ID_COLUMNS)] != ID_COLUMNS:
        raise ValueError(f"UN DESA flows, {where}: unexpected header {header[:len(ID_COLUMNS)]}")
    years = [int(y) for y in header[len(ID_COLUMNS) :] if pd.notna(y)]
    body = raw.iloc[HEADER_ROW + 1 :, : len(ID_COLUMNS) + len(years)]
    body.columns = ID_COLUMNS + years
    body = body.dropna(subset=["Type"])
    body = body[~body["OdName"].isin(NOT_COUNTRIES)]
    long = body.melt(id_vars=["Type", "Coverage", "OdName"], value_vars=years,
                     var_name="year", value_name="value")
    long = long[~long["value"].isin(MISSING_MARKERS)].dropna(subset=["value"])
    values = pd.to_numeric(long["value"], errors="coerce")
    if values.isna().any():
        bad = sorted(set(long.loc[values.isna(), "value"].astype(str)))
        raise ValueError(f"UN DESA flows, {where}: cells that are not numbers: {bad}")
    partner = long["OdName"].map(_codes(long["OdName"], where))
    flow_type = _lookup(TYPES, long["Type"], "type", where)
    immigrants = flow_type == "immigrants"
    return pd.DataFrame(
        {
            "reporting_code": reporting,
            "origin_code": partner.where(immigrants, reporting),
            "destination_code": partner.where(~immigrants, reporting),
            "type": flow_type,
            "criterion": CRITERIA[criterion_label],
            "coverage": _lookup(COVERAGES, long["Coverage"], "coverage", where),
            "year": long["year"].astype("int16"),
            "value": values.astype("float64"),
        }
    )


def country_sheets(path: Path) -> list[str]:
    """The per-country sheets of one workbook (the "Regions by ..." sheets are skipped)."""
    return [s for s in pd.ExcelFile(path, engine="calamine").sheet_names if not s.startswith("Reg")]


def _workbooks(raw_dir: Path) -> list[Path]:
    paths = sorted((raw_dir / FOLDER).glob("*.xlsx"))
    if not paths:
        raise FileNotFoundError(f"no UN DESA flow workbooks in {raw_dir / FOLDER}")
    return paths


def reporting_names(raw_dir: Path) -> dict[str, str]:
    """ISO3 -> the reporting country's name as its workbook writes it."""
    names = {}
    for path in _workbooks(raw_dir):
        sheet = country_sheets(path)[0]
        head = pd.read_excel(
            path, sheet_name=sheet, header=None, nrows=REPORTING_ROW + 1, engine="calamine"
        )
        where = f"{path.name} / {sheet}"
        name = _label(head.iat[REPORTING_ROW, 0], REPORTING_PREFIX, where)
        names[_codes([name], where)[name]] = name
    return names


def read_annual_flows(raw_dir: Path) -> pd.DataFrame:
    """Annual flows with a value, one row per reporting country, partner, criterion and year.

    Columns reporting_code, origin_code, destination_code, type (immigrants/emigrants),
    criterion (residence/citizenship/birth), coverage (foreigners/citizens/both), year,
    value. For immigrants the destination is the reporting country; for emigrants the
    origin is. "Citizens" rows name the reporting country itself as the partner.
    """
    frames = [
        _read_sheet(path, sheet) for path in _workbooks(raw_dir) for sheet in country_sheets(path)
    ]
    flows = pd.concat(frames, ignore_index=True)
    key = ["reporting_code", "origin_code", "destination_code", "type", "criterion",
           "coverage", "year"]
    if flows.duplicated(key).any():
        raise ValueError("UN DESA flows: more than one value for the same flow and year")
    return flows.sort_values(key, kind="mergesort").reset_index(drop=True)


def describe_reporting(flows: pd.DataFrame, raw_dir: Path) -> pd.DataFrame:
    """How each reporting country counts: one row per reporting_code, type, criterion, coverage.

    Columns reporting_code, type, criterion, coverage, first_year, last_year, definition
    (the definition names the country as the workbooks do).
    """
    names = reporting_names(raw_dir)
    key = ["reporting_code", "type", "criterion", "coverage"]
    spans = flows.groupby(key, as_index=False).agg(
        first_year=("year", "min"), last_year=("year", "max")
    )

    def definition(row: pd.Series) -> str:
        country = names[row["reporting_code"]]
        direction = "to" if row["type"] == "immigrants" else "from"
        text = (
            f"{row['type'].capitalize()} {direction} {country}, counted by {country} "
            f"by {PARTNER_PHRASES[(row['criterion'], row['type'])]}; "
            f"{COVERAGE_PHRASES[row['coverage']]}."
        )
        note = REPORTING_NOTES.get(row["reporting_code"])
        return f"{text} {note}" if note else text

    spans["definition"] = spans.apply(definition, axis=1)
    spans["first_year"] = spans["first_year"].astype("int16")
    spans["last_year"] = spans["last_year"].astype("int16")
    return spans.reset_index(drop=True)
