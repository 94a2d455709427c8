"""Server-side time, measured in this process through the WSGI stack (Flask test client: routing,
request checks, Dash dispatch, the callback, JSON encoding, compression, headers), with no socket
in the way. Run in a child process so the import and the snapshot load are really cold."""

from __future__ import annotations

import copy
import json
import statistics
import sys
import time

from bench.chromium import CALLBACK_PATH
from bench.load import callback_kind, percentile

HEADERS = {"Accept-Encoding": "br, gzip"}


def variants(body: dict, country_sets: list[list[str]]) -> list[dict]:
    """The comparison view's one callback as Chromium sent it, once per country set: the
    requests the page would send for those states, each drawing its chart afresh."""
    out = []
    for countries in country_sets:
        copied = copy.deepcopy(body)
        for item in copied["inputs"]:
            if item["id"] == "compare-countries":
                item["value"] = countries
        for item in copied["state"]:
            if item["id"] == "compare-shown":
                item["value"] = {}  # nothing drawn yet: the chart is built or fetched
        out.append(copied)
    return out


def measure(captured_json: str, country_sets: list[list[str]], warm_repeats: int) -> dict:
    """Import the app (timed), then time each main callback cold (first request for a state,
    empty cache) and warm (the same request again), and the data layer."""
    from query import get_snapshot, series

    started = time.perf_counter()
    get_snapshot()
    snapshot_s = time.perf_counter() - started
    query_ms = []
    for _ in range(20):
        t = time.perf_counter()
        series("BX.TRF.PWKR.CD.DT", ["MDA", "BGD", "JAM", "MLI"], transform="pct_gdp")
        query_ms.append((time.perf_counter() - t) * 1000)

    t = time.perf_counter()
    import app as app_module
    import_s = time.perf_counter() - t
    from serving.cache import cache

    client = app_module.server.test_client()
    captured = json.loads(captured_json)
    update = next(b for change in captured["interactions"] for b in change
                  if callback_kind(b) == "cb:chart")
    bodies = {"cb:chart": variants(update, country_sets)}
    results = {}
    with app_module.server.app_context():
        cache.clear()
    for kind, requests in bodies.items():
        cold, warm, raw, sent = [], [], [], []
        for body in requests:
            for i in range(1 + warm_repeats):
                t = time.perf_counter()
                response = client.post(CALLBACK_PATH, json=body, headers=HEADERS)
                ms = (time.perf_counter() - t) * 1000
                if response.status_code not in (200, 204):
                    raise RuntimeError(f"{kind}: HTTP {response.status_code} {response.data[:200]}")
                (cold if i == 0 else warm).append(ms)
                if i == 0:
                    sent.append(len(response.data))
                    plain = client.post(CALLBACK_PATH, json=body)
                    raw.append(len(plain.data))
        results[kind] = {
            "requests": len(requests),
            "cold_p50_ms": percentile(cold, 50), "cold_p95_ms": percentile(cold, 95),
            "warm_p50_ms": percentile(warm, 50), "warm_p95_ms": percentile(warm, 95),
            "raw_bytes": statistics.median(raw), "compressed_bytes": statistics.median(sent),
        }
    return {
        "snapshot_load_s": snapshot_s,
        "series_pct_gdp_ms": statistics.median(query_ms),
        "app_import_s": import_s,
        "callbacks": results,
    }


if __name__ == "__main__":
    args = json.loads(sys.stdin.read())
    print(json.dumps(measure(args["captured"], args["country_sets"], args["warm_repeats"])))
