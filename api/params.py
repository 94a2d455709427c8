"""Query-string parsing for the API: every bad value becomes an ApiError naming what is allowed."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from werkzeug.datastructures import MultiDict

from api.errors import ApiError

FORMATS = ("json", "csv", "xlsx")
MAX_COUNTRIES = 60  # codes written out; the keywords below name more at once
# Words that stand for many codes in `countries=`: every country, every aggregate.
COUNTRY_GROUPS = ("all", "aggregates")
MIN_YEAR, MAX_YEAR = 1800, 2100


def check_known(args: MultiDict, allowed: Iterable[str]) -> None:
    """Reject misspelt parameters (e.g. `country=` for `countries=`) instead of ignoring them."""
    allowed = tuple(allowed)
    unknown = sorted(key for key in args if key not in allowed)
    if unknown:
        raise ApiError(
            f"Unknown parameter(s): {', '.join(unknown)}. "
            f"Allowed parameters: {', '.join(allowed)}."
        )


def single(args: MultiDict, name: str, default: str | None = None) -> str | None:
    """The one value of a parameter; repeating it with different values is an error."""
    values = [value.strip() for value in args.getlist(name)]
    if not values:
        return default
    if len(set(values)) > 1:
        raise ApiError(f"Parameter '{name}' was given more than once; give it once.")
    return values[0] if values[0] != "" else default


def required(args: MultiDict, name: str, hint: str) -> str:
    value = single(args, name)
    if value is None:
        raise ApiError(f"Parameter '{name}' is required: {hint}")
    return value


def choice(args: MultiDict, name: str, allowed: Collection[str], default: str) -> str:
    value = (single(args, name) or default).lower()
    if value not in allowed:
        raise ApiError(
            f"Unknown {name} '{show(value)}'. Allowed values: {', '.join(allowed)}."
        )
    return value


def whole_number(value: str, name: str) -> int:
    """A year written in digits (an optional sign, nothing else)."""
    digits = value[1:] if value[:1] in "+-" else value
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 6):
        raise ApiError(
            f"Parameter '{name}' must be a whole year such as 2005, not '{show(value)}'."
        )
    return int(value)


def year(args: MultiDict, name: str) -> int | None:
    value = single(args, name)
    if value is None:
        return None
    number = whole_number(value, name)
    if not MIN_YEAR <= number <= MAX_YEAR:
        raise ApiError(f"Parameter '{name}' must be a year from {MIN_YEAR} to {MAX_YEAR}.")
    return number


def year_range(args: MultiDict) -> tuple[int | None, int | None]:
    """start and end, in order: a range given backwards (start after end) is read forwards,
    as the comparison page reads it."""
    start, end = year(args, "start"), year(args, "end")
    if start is not None and end is not None and start > end:
        start, end = end, start
    return start, end


def country_codes(
    args: MultiDict, name: str, known: Collection[str], default: list[str],
    groups: Mapping[str, list[str]] | None = None,
) -> list[str]:
    """Comma-separated ISO3 codes (the parameter may repeat), upper-cased, de-duplicated; a
    word of `groups` (e.g. "all") stands for its codes, in the place it is written."""
    raw = [part.strip().upper() for value in args.getlist(name) for part in value.split(",")]
    codes = list(dict.fromkeys(code for code in raw if code))
    if not codes:
        return default
    if len(codes) > MAX_COUNTRIES:
        raise ApiError(
            f"Too many countries ({len(codes)}); at most {MAX_COUNTRIES} codes per request. "
            "countries=all gives every country at once; the full data set is at "
            "/api/v1/bulk.zip."
        )
    words = {word.upper(): members for word, members in (groups or {}).items()}
    unknown = [code for code in codes if code not in known and code not in words]
    if unknown:
        allowed = f" or {' / '.join(groups)}" if groups else ""
        raise ApiError(
            f"Unknown country code(s): {', '.join(show(code) for code in unknown[:10])}. "
            f"Use ISO3 codes such as MDA, BGD, JAM, MLI{allowed}; the list is at "
            "/api/v1/countries."
        )
    return list(dict.fromkeys(
        member for code in codes for member in words.get(code, [code])))


def country_words(args: MultiDict, name: str) -> list[str]:
    """The codes and words of a `countries` parameter as written, normalised (codes upper-case,
    words of COUNTRY_GROUPS lower-case), de-duplicated: for a link to the same request."""
    raw = [part.strip() for value in args.getlist(name) for part in value.split(",")]
    return list(dict.fromkeys(
        part.lower() if part.lower() in COUNTRY_GROUPS else part.upper() for part in raw if part))


def country_code(args: MultiDict, name: str, known: Collection[str]) -> str:
    code = required(args, name, "an ISO3 country code such as MDA.").upper()
    if code not in known:
        raise ApiError(
            f"Unknown country code '{show(code)}' in '{name}'. "
            "Use an ISO3 code such as MDA; the list is at /api/v1/countries."
        )
    return code


def show(value: str, limit: int = 40) -> str:
    """User text echoed in a message: shortened and stripped of control characters."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in value)
    return clean if len(clean) <= limit else clean[:limit] + "..."
