"""The human-readable API page, rendered from the OpenAPI document (no external assets)."""

from __future__ import annotations

from html import escape

from text.downloads import TIDY_EXTRA_COLUMNS as _EXTRA_COLUMNS

EXAMPLES = (
    "/api/v1/indicators",
    "/api/v1/countries",
    "/api/v1/data?indicator=SM.POP.NETM&countries=MDA,BGD,JAM,MLI&start=2000&end=2024",
    "/api/v1/data?indicator=SM.POP.NETM&countries=MDA,BGD&format=csv",
    "/api/v1/data?indicator=BX.TRF.PWKR.DT.GD.ZS&countries=all&start=2020&end=2024&format=csv",
    "/api/v1/data?indicator=SM.POP.TOTL&countries=MDA,MLI&start=2000&base=1985",
    "/api/v1/data?indicator=SM.POP.NETM&countries=MDA&format=xlsx",
    "/api/v1/diaspora?origin=MDA&year=2024",
    "/api/v1/diaspora?origin=BGD&format=csv",
    "/api/v1/bulk.zip",
    "/healthz",
)

LONG_LIST = 12  # longer enumerations are described, not listed
LONG_LIST_PLACES = {
    "#/components/schemas/IndicatorCode": "/api/v1/indicators",
    "#/components/schemas/CountryCode": "/api/v1/countries",
}

STYLE = """
body{font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:0.9em;background:#f3f3f3;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
h2{border-top:2px solid #ddd;padding-top:1rem;margin-top:2rem}
h1,h2,p,li,th,td,code{overflow-wrap:anywhere}
table{table-layout:fixed}
@media (max-width:40rem){body{font-size:16px;margin:1rem auto;padding:0 .5rem}
th,td{padding:.2rem .25rem}}
"""


def docs_html(spec: dict[str, object]) -> str:
    info = spec["info"]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{escape(info['title'])}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{escape(info['title'])}</h1>",
        f"<p>{escape(info['description'])}</p>",
        "<p>Machine-readable description: "
        "<a href='/api/v1/openapi.json'><code>/api/v1/openapi.json</code></a> (OpenAPI 3.1).</p>",
        "<h2 id='examples'>Examples</h2><ul>",
        *(f"<li><a href='{escape(url)}'><code>{escape(url)}</code></a></li>" for url in EXAMPLES),
        "</ul>",
        *_tidy_rows(spec),
    ]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            parts.append(f"<h2 id='{escape(operation.get('operationId', path))}'>"
                         f"{method.upper()} <code>{escape(path)}</code></h2>")
            parts.append(f"<p><strong>{escape(operation.get('summary', ''))}</strong></p>")
            if operation.get("description"):
                parts.append(f"<p>{escape(operation['description'])}</p>")
            parameters = operation.get("parameters", [])
            if parameters:
                parts.append(
                    "<table><tr><th>parameter</th><th>required</th><th>values</th>"
                    "<th>meaning</th></tr>"
                )
                for param in parameters:
                    values = _values(param.get("schema", {}), spec)
                    parts.append(
                        f"<tr><td><code>{escape(param['name'])}</code></td>"
                        f"<td>{'yes' if param.get('required') else 'no'}</td>"
                        f"<td>{escape(str(values))}</td>"
                        f"<td>{escape(param.get('description', ''))}</td></tr>"
                    )
                parts.append("</table>")
            codes = ", ".join(
                f"{code} ({escape(_describe(response, spec))})"
                for code, response in operation.get("responses", {}).items()
            )
            parts.append(f"<p>Responses: {codes}</p>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _tidy_rows(spec: dict[str, object]) -> list[str]:
    """The one tidy schema of every table of values, column by column (the DataRow schema)."""
    row = spec["components"]["schemas"]["DataRow"]
    return [
        "<h2 id='tidy-rows'>Tidy rows: the columns of every table of values</h2>",
        "<p>/api/v1/data, /api/v1/diaspora, the CSV and XLSX under every chart and "
        "indicator_values.csv in the ZIP have these columns, in this order.</p>",
        "<table><tr><th>column</th><th>meaning</th></tr>",
        *(f"<tr><td><code>{escape(name)}</code></td>"
          f"<td>{escape(str(column.get('description', '')))}</td></tr>"
          for name, column in row["properties"].items()),
        "</table>",
        f"<p>{escape(_EXTRA_COLUMNS)}</p>",
    ]


def _values(schema: dict[str, object], spec: dict[str, object]) -> str:
    """What a parameter takes, in words: its values, or a pointer to where a long list is."""
    if "anyOf" in schema:
        return " or ".join(_values(option, spec) for option in schema["anyOf"])
    ref = schema.get("$ref")
    if isinstance(ref, str):
        schema = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    if schema.get("type") == "array":
        limit = f", at most {schema['maxItems']}" if "maxItems" in schema else ""
        return f"{_values(schema.get('items', {}), spec)}, comma-separated{limit}"
    enum = schema.get("enum", [])
    if len(enum) > LONG_LIST:
        return f"one of {len(enum)} codes (see {LONG_LIST_PLACES.get(ref, 'the catalogue')})"
    if enum:
        return ", ".join(str(v) for v in enum)
    if schema.get("type") == "integer" and "minimum" in schema:
        return f"integer, {schema['minimum']} to {schema.get('maximum', '')}"
    return str(schema.get("type", ""))


def _describe(response: dict[str, object], spec: dict[str, object]) -> str:
    ref = response.get("$ref")
    if isinstance(ref, str):
        response = spec["components"]["responses"][ref.rsplit("/", 1)[-1]]
    return str(response.get("description", ""))
