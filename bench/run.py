"""The benchmark: `.venv/bin/python -m bench.run` (about 8 minutes; `--quick` for a short
smoke run that does not write RESULTS.md). Prints a table and writes bench/RESULTS.md.

Everything runs on 127.0.0.1: gunicorn with gunicorn.conf.py (as in the Procfile), Debian's
Chromium through Playwright, wrk (`apt-get install -y wrk`) and redis-server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from bench import chromium, faults, load, server, throughput
from bench.chromium import Captured
from bench.inprocess import stores_for, variants
from bench.load import callback_kind, percentile

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
NOTES = "## Notes"
PAGES = ["/compare", "/compare?indicator=SM.POP.TOTL&countries=MDA,ROU,UKR&start=1990&end=2020",
         "/labour", "/country/MDA", "/data"]
# The transform choices clicked, by the start of their label (all allowed for every indicator).
TRANSFORM_LABELS = ["Index", "Annual", "As published"]
INDICATORS = ["BX.TRF.PWKR.CD.DT", "BX.TRF.PWKR.DT.GD.ZS", "SM.POP.TOTL", "DESA.EMIG.TOTL",
              "SL.UEM.TOTL.ZS", "NY.GDP.PCAP.CD", "DT.ODA.ODAT.CD", "BX.KLT.DINV.CD.WD"]
COUNTRY_SETS = ["MDA,BGD,JAM,MLI", "MDA,ROU,UKR", "BGD,IND,PAK,NPL", "JAM,MEX,HTI,DOM",
                "MLI,SEN,BFA,NER"]
TRANSFORMS = ["none", "index", "pct_change"]
PACKAGES = ["dash", "plotly", "pandas", "pyarrow", "flask", "flask-caching", "flask-compress",
            "gunicorn", "redis", "playwright"]
TARGETS = {
    "warm_p95_ms": 10.0, "page_bytes": 1.5e6, "first_paint_ms": 1200.0,
    "repaint_p95_ms": 100.0, "rps": 300.0,
}


def queries(n: int) -> list[str]:
    """`n` distinct comparison states (indicator x countries x transform)."""
    out = []
    for i in range(n):
        out.append(f"?indicator={INDICATORS[i % len(INDICATORS)]}"
                   f"&countries={COUNTRY_SETS[i % len(COUNTRY_SETS)]}"
                   f"&start=2000&end=2022&transform={TRANSFORMS[(i // 8) % len(TRANSFORMS)]}")
    return out


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
    os_name = platform.platform()
    release = Path("/etc/os-release")
    if release.exists():
        fields = dict(line.split("=", 1) for line in release.read_text().splitlines()
                      if "=" in line)
        os_name = fields.get("PRETTY_NAME", os_name).strip('"') + f" (kernel {platform.release()})"
    chromium_version = subprocess.run([chromium.CHROMIUM, "--version"], capture_output=True,
                                      text=True).stdout.strip()
    wrk_version = (subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
                   .split("[")[0].strip() if throughput.wrk_available() else "not installed")
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "os": os_name, "python": platform.python_version(),
        "packages": {name: metadata.version(name) for name in PACKAGES},
        "chromium": chromium_version, "wrk": wrk_version,
        "redis": subprocess.run([server.REDIS_SERVER, "--version"], capture_output=True,
                                text=True).stdout.split()[2],
    }


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def section(name: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {name} (load {loadavg()})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="short runs to check the bench itself; RESULTS.md is not written")
    args = parser.parse_args()
    quick = args.quick
    load_seconds, fault_seconds, wrk_seconds = (10, 9, 5) if quick else (60, 30, 20)
    changes = 6 if quick else 40
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    r: dict = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
               "machine": machine(), "load_before": loadavg(), "quick": quick}

    section("cold start")
    starts = []
    for i in range(1 if quick else 3):
        app = server.start_gunicorn(tmp, name=f"cold-{i}")
        starts.append(app.startup_seconds)
        if i < (0 if quick else 2):
            app.stop()
    r["cold_start_s"] = statistics.median(starts)
    r["workers"] = len(app.worker_pids())

    try:
        with chromium.chromium() as browser:
            section("capturing callback requests in Chromium")
            captured = chromium.capture(browser, app.url, PAGES, TRANSFORM_LABELS)
            (tmp / "captured.json").write_text(captured.to_json())

            section("page loads in Chromium")
            loads = [chromium.page_load(browser, app.url + "/compare")
                     for _ in range(3 if quick else 7)]
            r["first_paint_ms"] = [x["first_paint_ms"] for x in loads]
            r["page_bytes"] = statistics.median(x["bytes"] for x in loads)
            r["page_requests"] = statistics.median(x["requests"] for x in loads)
            r["page_largest"] = sorted(loads[-1]["by_url"].items(), key=lambda kv: -kv[1])[:6]

            section(f"{changes} control changes in Chromium")
            r["repaint_ms"], r["repaint_parts"] = chromium.repaints(
                browser, app.url + "/compare", TRANSFORM_LABELS, changes)

            section("server restart with a page open")
            r["restart"] = faults.restarted_with_page_open(browser, tmp, TRANSFORM_LABELS)
    finally:
        app.stop()

    section("server time per callback (in-process, cold and warm)")
    r["inprocess"] = in_process(captured, queries(8 if quick else 24), 5 if quick else 30)

    app = server.start_gunicorn(tmp, name="load")
    try:
        section("chart callback throughput (wrk)")
        chart = next(b for b in captured.page_loads[PAGES[0]] if callback_kind(b) == "cb:chart")
        series_stores, _ = stores_for(queries(24))
        bodies = [json.dumps(b) for b in variants(chart, series_stores)]
        if throughput.wrk_available():
            throughput.run_wrk(app.url, bodies, 3, 8)  # fill every worker's cache
            r["wrk"] = throughput.run_wrk(app.url, bodies, wrk_seconds, 32)
        section(f"50 users for {load_seconds} s")
        r["load"] = load.run(app.url, captured, users=50, seconds=load_seconds).summary()
    finally:
        app.stop()

    section("Redis killed under load")
    r["redis_fault"] = faults.redis_killed(tmp, captured, 50, fault_seconds)
    section("graceful reload (HUP) under load")
    r["hup"] = faults.reloaded(tmp, captured, 50, fault_seconds)
    section("worker killed under load")
    r["worker_kill"] = faults.worker_killed(tmp, captured, 50, fault_seconds)
    r["load_after"] = loadavg()

    (tmp / "results.json").write_text(json.dumps(r, indent=1, default=str))
    text = report(r)
    print(text)
    if not quick:
        # The hand-written analysis below the measured tables survives a rerun.
        old = RESULTS.read_text() if RESULTS.exists() else ""
        notes = old[old.index(NOTES):] if NOTES in old else ""
        RESULTS.write_text(text + ("\n" + notes if notes else ""))
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    print(f"raw results: {tmp / 'results.json'}")


def in_process(captured: Captured, state_queries: list[str], warm_repeats: int) -> dict:
    payload = json.dumps({"captured": captured.to_json(), "queries": state_queries,
                          "warm_repeats": warm_repeats})
    result = subprocess.run([sys.executable, "-m", "bench.inprocess"], input=payload, text=True,
                            capture_output=True, cwd=ROOT, check=True, timeout=600)
    return json.loads(result.stdout.strip().splitlines()[-1])


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def report(r: dict) -> str:
    m = r["machine"]
    cb = r["inprocess"]["callbacks"]
    fp = r["first_paint_ms"]
    rp = r["repaint_ms"]
    fp50, fp95 = percentile(fp, 50), percentile(fp, 95)
    rp50, rp95 = percentile(rp, 50), percentile(rp, 95)
    parts = r["repaint_parts"]
    warm95 = max(cb["cb:chart"]["warm_p95_ms"], cb["cb:map"]["warm_p95_ms"])
    wrk = r.get("wrk")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {r['date']} with `.venv/bin/python -m bench.run`"
        + (" (quick run)" if r["quick"] else "") + ".",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; {m['os']}",
        f"- Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()),
        f"- {m['chromium']}; wrk {m['wrk']}; redis-server {m['redis']}",
        f"- Load average (1/5/15 min) before: {r['load_before']}; after: {r['load_after']} "
        "(the machine is shared; other work was running)",
        f"- Server: gunicorn with gunicorn.conf.py ({r['workers']} gthread workers), local "
        "in-process cache unless REDIS_URL is set",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        f"| warm callback p95 < 10 ms server-side | chart {cb['cb:chart']['warm_p95_ms']:.1f} ms, "
        f"map {cb['cb:map']['warm_p95_ms']:.1f} ms | {verdict(warm95 < TARGETS['warm_p95_ms'])} |",
        f"| first page load < 1.5 MB transferred | {r['page_bytes'] / 1e6:.2f} MB in "
        f"{r['page_requests']:.0f} requests | {verdict(r['page_bytes'] < TARGETS['page_bytes'])} |",
        f"| first chart painted < 1.2 s | p50 {fp50:.0f} ms, p95 {fp95:.0f} ms "
        f"({len(fp)} fresh loads) | {verdict(fp50 < TARGETS['first_paint_ms'])} |",
        f"| control change to repaint p95 < 100 ms | p50 {rp50:.0f} ms, p95 {rp95:.0f} ms "
        f"({len(rp)} changes) | {verdict(rp95 < TARGETS['repaint_p95_ms'])} |",
    ]
    if wrk:
        lines.append(
            f"| >= 300 chart updates/s, zero errors | {wrk['rps']:.0f}/s, {wrk['errors']} errors "
            f"| {verdict(wrk['rps'] >= TARGETS['rps'] and wrk['errors'] == 0)} |")
    else:
        lines.append("| >= 300 chart updates/s, zero errors | wrk not installed | not measured |")
    lines += [
        "",
        "## Server",
        "",
        f"- Cold start (gunicorn process start to first 200 on /): {r['cold_start_s']:.2f} s "
        "(median of 3)",
        f"- Data layer: snapshot load (get_snapshot) {r['inprocess']['snapshot_load_s']:.3f} s; "
        "series(BX.TRF.PWKR.CD.DT, 4 pilots, pct_gdp) "
        f"{r['inprocess']['series_pct_gdp_ms']:.1f} ms "
        "(median of 20)",
        f"- App import (create_app, all pages): {r['inprocess']['app_import_s']:.2f} s",
        "",
        "Server time per callback, through the whole WSGI stack in one process (Flask test "
        "client, Brotli on): cold = first request for a state with an empty cache, warm = the "
        "same request again. Bodies are those Chromium sent, with the store value set to each of "
        "the distinct states.",
        "",
        "| callback | states | cold p50 | cold p95 | warm p50 | warm p95 | response raw | "
        "compressed |",
        "|---|---|---|---|---|---|---|---|",
    ]
    names = {"cb:chart": "chart + table + coverage + sources (series store)",
             "cb:map": "map (map store)", "cb:controls": "controls <-> URL (sync)",
             "cb:page": "router (page layout)"}
    for kind, row in cb.items():
        lines.append(
            f"| {names.get(kind, kind)} | {row['requests']} | {row['cold_p50_ms']:.1f} ms | "
            f"{row['cold_p95_ms']:.1f} ms | {row['warm_p50_ms']:.1f} ms | "
            f"{row['warm_p95_ms']:.1f} ms | {row['raw_bytes'] / 1000:.1f} kB | "
            f"{row['compressed_bytes'] / 1000:.1f} kB |")
    if wrk:
        lines += ["", f"Chart callback throughput (wrk, {wrk['connections']} connections, "
                      f"{wrk['seconds']} s, 24 distinct warm states): "
                      f"{wrk['requests']} requests, {wrk['rps']:.0f}/s, "
                      f"p50 {wrk['p50_ms']:.1f} ms, "
                      f"p95 {wrk['p95_ms']:.1f} ms, p99 {wrk['p99_ms']:.1f} ms, "
                      f"{wrk['errors']} errors."]
    lines += [
        "",
        "## Browser (Chromium, fresh context each load)",
        "",
        f"- First chart painted on /compare: {', '.join(f'{x:.0f}' for x in fp)} ms",
        f"- Transferred: {r['page_bytes'] / 1e6:.2f} MB, {r['page_requests']:.0f} requests; "
        "largest: " + ", ".join(f"{url.split('/')[-1].split('?')[0]} {size / 1000:.0f} kB"
                                for url, size in r["page_largest"]),
        f"- Control change (transform choice) to chart repainted: p50 {rp50:.0f} ms, "
        f"p95 {rp95:.0f} ms over {len(rp)} changes. Median after the click: first callback "
        f"answer (controls <-> URL) {parts['first_answer_ms']:.0f} ms, last callback answer "
        f"before the paint (chart, map) {parts['last_answer_ms']:.0f} ms; the rest is the "
        "browser applying the answers and Plotly drawing.",
        "",
        "## Load and faults (simulated users replaying Chromium's requests, think time "
        "0.3-1.2 s)",
        "",
        "| run | requests | req/s | p50 | p95 | failed | resent on a closed keep-alive |",
        "|---|---|---|---|---|---|---|",
    ]
    runs = [(f"50 users, {r['load']['seconds']} s", r["load"]),
            ("Redis killed at 1/3, back at 2/3", r["redis_fault"]),
            ("gunicorn HUP (graceful reload) at 1/2", r["hup"]),
            ("one worker SIGKILLed at 1/2", r["worker_kill"])]
    for name, s in runs:
        lines.append(f"| {name} | {s['requests']} | {s['rps']} | {s['p50_ms']} ms | "
                     f"{s['p95_ms']} ms | {s['failed']} | {s['resent']} |")
    rs = r["restart"]
    lines += [
        "",
        f"Redis fault: the app logged Redis unreachable: {r['redis_fault']['redis_down_logged']}, "
        f"reachable again: {r['redis_fault']['redis_back_logged']}.",
        "",
        f"Server stopped and started again ({rs['restart_s']} s) with a Chromium page open: "
        f"control changes afterwards repainted the chart in {rs['repaint_ms_after_restart']} ms, "
        f"page not reloaded: {rs['no_reload']}.",
    ]
    failures = [f"- {name}: {f}" for name, s in runs for f in s["first_failures"]]
    if failures:
        lines += ["", "First failures:", "", *failures]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
