"""A user's table checked row by row: what can be added, and every row rejected with why.

`validate(table, resolver, kind)` reads a tidy table (country, year, value, optional sex and
unit) or a wide one (country, then one column per year) and returns a `Checked`: the accepted
values (country_code, year, sex, value) and the rejected rows, each with its row number in the
file and a sentence saying what is wrong. A problem with the whole table (no country column,
too many values) is `Checked.problem` and nothing is accepted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from text import userdata as t
from text.numbers import format_number
from userdata.countries import CountryResolver, normalise
from userdata.read import MAX_BYTES, MAX_COLUMNS, NotATable, Table, read_table

FIRST_YEAR, LAST_YEAR = 1950, 2030
MAX_VALUES = 5_000
MAX_SUGGESTED = 20  # distinct unknown names given "did you mean" suggestions
KINDS = ("count", "amount", "percent", "signed")
NON_NEGATIVE = ("count", "amount", "percent")
SEXES = ("total", "male", "female")

HEADERS = {
    "country": {"country", "countries", "country code", "country name", "iso3", "iso", "code",
                "pays", "code pays", "tara", "tari", "cod tara"},
    "year": {"year", "years", "annee", "an", "anul", "ani"},
    "value": {"value", "values", "valeur", "valoare", "number", "nombre", "numar"},
    "sex": {"sex", "gender", "sexe", "sexul", "gen"},
    "unit": {"unit", "units", "unite", "unitate", "unitatea"},
}
SEX_WORDS = {
    "total": {"total", "t", "both", "both sexes", "all", "ensemble", "les deux sexes",
              "ambele sexe", "totalul"},
    "male": {"male", "males", "m", "men", "homme", "hommes", "masculin", "barbati", "barbat"},
    "female": {"female", "females", "f", "women", "femme", "femmes", "feminin", "femei", "femeie"},
}
_YEAR = re.compile(r"^\s*(\d{4})(?:\.0+)?\s*$")
_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(,\d{3})+$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


@dataclass(frozen=True)
class Rejected:
    row: int  # the row's number in the file (the header is row 1)
    reason: str  # a key of text.userdata.ROW_REASONS
    message: str
    year: int | None = None  # the column of a wide table's cell


@dataclass
class Checked:
    shape: str = ""
    values: list[tuple[str, int, str, float]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unit: str | None = None  # the table's own unit column, if any
    problem: str | None = None  # a problem with the whole table: nothing is accepted

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(code for code, *_ in self.values))


def check_bytes(data: bytes, resolver: CountryResolver, kind: str) -> Checked:
    """Read and check a file's or a pasted table's bytes; never raises on bad input."""
    try:
        table = read_table(data)
    except NotATable as error:
        return Checked(problem=file_problem(error.reason))
    return validate(table, resolver, kind)


def file_problem(reason: str) -> str:
    messages = {
        "no_data": t.NO_DATA,
        "too_large": t.TOO_LARGE.format(max_kb=MAX_BYTES // 1024),
        "too_many_rows": t.TOO_MANY_ROWS.format(max_rows=format_number(MAX_VALUES)),
        "too_many_columns": t.TOO_MANY_COLUMNS.format(max_columns=MAX_COLUMNS),
        "no_country": t.NO_COUNTRY_COLUMN,
        "no_values": t.NO_VALUES,
    }
    return messages.get(reason, t.NOT_A_TABLE)


def _header_key(cell: object) -> str:
    return normalise(str(cell)) if cell is not None else ""


def _year(cell: object) -> int | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        return int(cell) if math.isfinite(cell) and cell.is_integer() else None
    match = _YEAR.match(str(cell)) if cell is not None else None
    return int(match.group(1)) if match else None


def parse_number(cell: object) -> float | None:
    """A finite number from a cell: 1234.5, "1 234,5", "1,234.5", "1.234,5"; None if not."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int | float):
        number = float(cell)
        return number if math.isfinite(number) else None
    text = _SPACES.sub("", str(cell))
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", "") if _THOUSANDS.match(text) else text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def _sex(cell: object) -> str | None:
    if cell is None or str(cell).strip() == "":
        return "total"
    key = _header_key(cell)
    return next((sex for sex, words in SEX_WORDS.items() if key in words), None)


def _shown(cell: object) -> str:
    return str(cell)[:60]


def validate(table: Table, resolver: CountryResolver, kind: str) -> Checked:
    """Check every row of `table` (its first row is the header)."""
    header = [_header_key(cell) for cell in table[0]]
    columns = {role: next((i for i, name in enumerate(header) if name in names), None)
               for role, names in HEADERS.items()}
    if columns["country"] is None:
        return Checked(problem=file_problem("no_country"))
    year_columns = {i: year for i, cell in enumerate(table[0])
                    if i != columns["country"] and (year := _year(cell)) is not None}
    if columns["year"] is not None and columns["value"] is not None:
        shape = "tidy"
        cells = [(number, row, row[columns["year"]] if columns["year"] < len(row) else None,
                  row[columns["value"]] if columns["value"] < len(row) else None, None)
                 for number, row in enumerate(table[1:], start=2)]
    elif year_columns:
        shape = "wide"
        cells = [(number, row, year, row[i] if i < len(row) else None, year)
                 for number, row in enumerate(table[1:], start=2)
                 for i, year in year_columns.items()
                 if i < len(row) and row[i] not in (None, "")]
    else:
        return Checked(problem=file_problem("no_values"))
    if len(cells) > MAX_VALUES:
        return Checked(problem=file_problem("too_many_rows"))
    return _check_cells(cells, columns, shape, resolver, kind)


def _check_cells(cells: list, columns: dict, shape: str, resolver: CountryResolver,
                 kind: str) -> Checked:
    checked = Checked(shape=shape)
    seen: dict[tuple[str, int, str], int] = {}
    suggested: dict[str, str] = {}
    unit_column = columns["unit"]
    units: Counter[str] = Counter()

    def cell_of(row: list, role: str) -> object:
        index = columns[role]
        return row[index] if index is not None and index < len(row) else None

    def reject(number: int, reason: str, column_year: int | None, suffix: str = "",
               **fields: object) -> None:
        message = t.ROW_REASONS[reason].format(first=FIRST_YEAR, last=LAST_YEAR, **fields)
        checked.rejected.append(Rejected(number, reason, message + suffix, column_year))

    for number, row, year_cell, value_cell, column_year in cells:
        written = cell_of(row, "country")
        code = resolver.resolve(str(written)) if written is not None else None
        if code is None:
            name = _shown(written or "")
            if name not in suggested:
                suggested[name] = (_did_you_mean(resolver, name)
                                   if len(suggested) < MAX_SUGGESTED else "")
            reject(number, "unknown_country", column_year, suggested[name], value=name)
            continue
        year = _year(year_cell)
        if year is None:
            reject(number, "bad_year", column_year, value=_shown(year_cell or ""))
            continue
        if not FIRST_YEAR <= year <= LAST_YEAR:
            reject(number, "year_out_of_range", column_year, value=year)
            continue
        sex = _sex(cell_of(row, "sex"))
        if sex is None:
            reject(number, "bad_sex", column_year, value=_shown(cell_of(row, "sex")))
            continue
        if value_cell is None or str(value_cell).strip() == "":
            reject(number, "missing_value", column_year)
            continue
        value = parse_number(value_cell)
        if value is None:
            reject(number, "not_a_number", column_year, value=_shown(value_cell))
            continue
        if value < 0 and kind in NON_NEGATIVE:
            reject(number, "negative", column_year, value=_shown(value_cell),
                   kind=t.KINDS.get(kind, kind))
            continue
        if unit_column is not None:
            unit = str(cell_of(row, "unit") or "").strip()[:80]
            if units and unit not in units:
                reject(number, "mixed_unit", column_year, value=unit,
                       unit=units.most_common(1)[0][0])
                continue
            units[unit] += 1
        key = (code, year, sex)
        if key in seen:
            reject(number, "duplicate", column_year, country=code, year=year,
                   sex="" if sex == "total" else f" ({t.SEXES[sex]})", first_row=seen[key])
            continue
        seen[key] = number
        checked.values.append((code, year, sex, value))
    checked.unit = units.most_common(1)[0][0] if units else None
    return checked


def _did_you_mean(resolver: CountryResolver, written: str) -> str:
    codes = resolver.suggestions(written)
    if not codes:
        return ""
    named = [t.SUGGESTION.format(name=resolver.names[c], code=c) for c in codes]
    return t.DID_YOU_MEAN.format(suggestions=t.OR.join(named))
