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
from bench.inprocess import variants
from bench.load import percentile

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
PEERS = ROOT / "bench" / "results-peers.json"  # ../shared/bench-peers/measure.py --json
NOTES = "## Notes"
PAGES = ["/compare", "/compare?indicator=SM.POP.TOTL&countries=MDA,ROU,UKR&start=1990&end=2020",
         "/labour", "/country/MDA", "/data"]
# The transform choices clicked, by the start of their label (all allowed for every indicator).
TRANSFORM_LABELS = ["Index", "Annual", "As published"]
COUNTRY_SETS = [["MDA", "BGD", "JAM", "MLI"], ["MDA", "ROU", "UKR"], ["BGD", "IND", "PAK", "NPL"],
                ["JAM", "MEX", "HTI", "DOM"], ["MLI", "SEN", "BFA", "NER"], ["MDA", "JAM"],
                ["BGD", "MLI"], ["MDA", "BGD", "JAM"], ["JAM", "MLI", "MDA"], ["MLI"],
                ["BGD"], ["MDA", "UKR", "BLR", "GEO"]]
PACKAGES = ["dash", "dash-ag-grid", "plotly", "pandas", "pyarrow", "flask", "flask-caching",
            "flask-compress", "gunicorn", "gevent", "redis", "playwright"]
# The targets of the interaction-architecture work: ratios against peer A in one run of
# ../shared/bench-peers/measure.py, and absolute ones measured here.
TARGETS = {
    "repaint_p50_ratio": 0.7, "repaint_p95_ratio": 0.8, "first_chart_ratio": 0.6,
    "cpu_ratio": 0.3, "page_bytes": 1.0e6, "page_requests": 24, "profile_text_ms": 1000.0,
    "profile_charts_ms": 2500.0, "slide_p95_ms": 250.0, "worker_private_mib": 150.0,
}


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
    r["memory_start"] = server.memory([app.process.pid, *app.worker_pids()])

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

            section("country profile loads in Chromium")
            r["profile"] = [chromium.profile_load(browser, app.url + "/country/MDA")
                            for _ in range(2 if quick else 5)]

            section("presenter: key press to the next slide")
            r["slide_ms"] = chromium.presenter_keys(browser, app.url + "/present",
                                                    1 if quick else 2)

            section("server restart with a page open")
            r["restart"] = faults.restarted_with_page_open(browser, tmp, TRANSFORM_LABELS)
    finally:
        app.stop()

    section("server time per callback (in-process, cold and warm)")
    r["inprocess"] = in_process(captured, COUNTRY_SETS, 5 if quick else 30)

    app = server.start_gunicorn(tmp, name="load")
    try:
        section("comparison callback throughput (wrk)")
        update = next(b for change in captured.interactions for b in change
                      if load.callback_kind(b) == "cb:chart")
        bodies = [json.dumps(b) for b in variants(update, COUNTRY_SETS)]
        if throughput.wrk_available():
            throughput.run_wrk(app.url, bodies, 3, 8)  # fill every worker's cache
            r["wrk"] = throughput.run_wrk(app.url, bodies, wrk_seconds, 32)
        section(f"50 users for {load_seconds} s")
        r["load"] = load.run(app.url, captured, users=50, seconds=load_seconds).summary()
        r["memory_after"] = server.memory([app.process.pid, *app.worker_pids()])
        r["memory_after_workers"] = len(app.worker_pids())
    finally:
        app.stop()

    section("Redis killed under load")
    r["redis_fault"] = faults.redis_killed(tmp, captured, 50, fault_seconds)
    section("graceful reload (HUP) under load")
    r["hup"] = faults.reloaded(tmp, captured, 50, fault_seconds)
    section("worker killed under load")
    r["worker_kill"] = faults.worker_killed(tmp, captured, 50, fault_seconds)
    r["load_after"] = loadavg()
    r["peers"] = json.loads(PEERS.read_text()) if PEERS.exists() else None

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


def in_process(captured: Captured, country_sets: list[list[str]], warm_repeats: int) -> dict:
    payload = json.dumps({"captured": captured.to_json(), "country_sets": country_sets,
                          "warm_repeats": warm_repeats})
    result = subprocess.run([sys.executable, "-m", "bench.inprocess"], input=payload, text=True,
                            capture_output=True, cwd=ROOT, check=True, timeout=600)
    return json.loads(result.stdout.strip().splitlines()[-1])


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def peer_ratios(peers: dict | None) -> dict | None:
    """The project against peer A in one run of ../shared/bench-peers/measure.py (its JSON):
    the same statistics as its table."""
    if not peers:
        return None
    results = peers["results"]
    ours = results.get("project")
    peer = next((v for k, v in results.items() if k.startswith("A")), None)
    if not ours or not peer:
        return None

    def stats(run: dict) -> dict:
        latency = [x["latency_ms"] for x in run["interactions"]]
        n = len(run["interactions"])
        return {"p50": percentile(latency, 50), "p95": percentile(latency, 95),
                "first_chart": statistics.median(x["ttfc_ms"] for x in run["loads"]),
                "cpu_ms": run["cpu_loop_s"] / n * 1000,
                "bytes": run["loads"][0]["http_bytes"],
                "requests": run["loads"][0]["http_requests"]}

    a, b = stats(peer), stats(ours)
    return {"peer": a, "ours": b, "started": peers.get("started", ""),
            "ratio": {key: b[key] / a[key] for key in a if a[key]}}


def report(r: dict) -> str:
    m = r["machine"]
    cb = r["inprocess"]["callbacks"]["cb:chart"]
    fp = r["first_paint_ms"]
    rp = r["repaint_ms"]
    rp50, rp95 = percentile(rp, 50), percentile(rp, 95)
    parts = r["repaint_parts"]
    wrk = r.get("wrk")
    text_ms = statistics.median(x["text_ms"] for x in r["profile"])
    charts_ms = statistics.median(x["charts_ms"] for x in r["profile"])
    slide50, slide95 = percentile(r["slide_ms"], 50), percentile(r["slide_ms"], 95)
    worst_private = max(r["memory_after"]["private_mib"].values())
    peers = peer_ratios(r.get("peers"))
    light_enough = (r["page_bytes"] <= TARGETS["page_bytes"]
                    and r["page_requests"] <= TARGETS["page_requests"])
    lines = [
        "# Benchmark results",
        "",
        f"Measured {r['date']} with `.venv/bin/python -m bench.run`"
        + (" (quick run)" if r["quick"] else "") + ".",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; {m['os']}",
        f"- Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()),
        f"- {m['chromium']}; wrk {m['wrk']}; redis-server {m['redis']}",
        f"- Load average (1/5/15 min) before: {r['load_before']}; after: {r['load_after']}",
        f"- Server: gunicorn with gunicorn.conf.py ({r['workers']} gevent workers), local "
        "in-process cache unless REDIS_URL is set",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    if peers:
        ratio = peers["ratio"]
        lines += [
            f"| control change -> repaint p50 <= {TARGETS['repaint_p50_ratio']}x peer A | "
            f"{ratio['p50']:.2f}x ({peers['ours']['p50']:.0f} vs {peers['peer']['p50']:.0f} ms)"
            f" | {verdict(ratio['p50'] <= TARGETS['repaint_p50_ratio'])} |",
            f"| control change -> repaint p95 <= {TARGETS['repaint_p95_ratio']}x peer A | "
            f"{ratio['p95']:.2f}x ({peers['ours']['p95']:.0f} vs {peers['peer']['p95']:.0f} ms)"
            f" | {verdict(ratio['p95'] <= TARGETS['repaint_p95_ratio'])} |",
            f"| time to first chart on /compare <= {TARGETS['first_chart_ratio']}x peer A | "
            f"{ratio['first_chart']:.2f}x ({peers['ours']['first_chart']:.0f} vs "
            f"{peers['peer']['first_chart']:.0f} ms) | "
            f"{verdict(ratio['first_chart'] <= TARGETS['first_chart_ratio'])} |",
            f"| server CPU per interaction <= {TARGETS['cpu_ratio']}x peer A | "
            f"{ratio['cpu_ms']:.2f}x ({peers['ours']['cpu_ms']:.1f} vs "
            f"{peers['peer']['cpu_ms']:.1f} ms) | "
            f"{verdict(ratio['cpu_ms'] <= TARGETS['cpu_ratio'])} |",
        ]
    else:
        lines.append("| ratios against peer A | bench/results-peers.json not found | "
                     "not measured |")
    lines += [
        f"| first load <= 1.0 MB and <= {TARGETS['page_requests']} requests | "
        f"{r['page_bytes'] / 1e6:.2f} MB, {r['page_requests']:.0f} requests | "
        f"{verdict(light_enough)} |",
        f"| /country/MDA summary and cards <= 1.0 s after navigation | median {text_ms:.0f} ms "
        f"({len(r['profile'])} fresh loads) | "
        f"{verdict(text_ms <= TARGETS['profile_text_ms'])} |",
        f"| /country/MDA every chart drawn <= 2.5 s | median {charts_ms:.0f} ms "
        f"({r['profile'][0]['charts']} charts) | "
        f"{verdict(charts_ms <= TARGETS['profile_charts_ms'])} |",
        f"| presenter key -> next slide p95 <= 250 ms | p95 {slide95:.0f} ms, p50 "
        f"{slide50:.0f} ms ({len(r['slide_ms'])} key presses) | "
        f"{verdict(slide95 <= TARGETS['slide_p95_ms'])} |",
        f"| each worker's private memory <= 150 MiB after the load run | largest "
        f"{worst_private:.0f} MiB | {verdict(worst_private <= TARGETS['worker_private_mib'])} |",
        "",
        "## Memory (gunicorn master and its workers)",
        "",
        f"- At start ({r['workers']} workers): proportional set size (shared pages counted "
        f"once) {r['memory_start']['pss_mib']:.0f} MiB; private per process: "
        + ", ".join(f"{v:.0f}" for v in r["memory_start"]["private_mib"].values()) + " MiB",
        f"- After the 50-user load run ({r['memory_after_workers']} workers): PSS "
        f"{r['memory_after']['pss_mib']:.0f} MiB; private per process: "
        + ", ".join(f"{v:.0f}" for v in r["memory_after"]["private_mib"].values()) + " MiB",
        "",
        "## Server",
        "",
        f"- Cold start (gunicorn process start to first 200 on /): {r['cold_start_s']:.2f} s "
        "(median of 3)",
        f"- Data layer: snapshot load (get_snapshot) {r['inprocess']['snapshot_load_s']:.3f} s; "
        "series(BX.TRF.PWKR.CD.DT, 4 pilots, pct_gdp) "
        f"{r['inprocess']['series_pct_gdp_ms']:.1f} ms (median of 20)",
        f"- App import (create_app, all pages): {r['inprocess']['app_import_s']:.2f} s",
        f"- The comparison view's one callback through the whole WSGI stack in one process "
        f"(Flask test client, Brotli on), {cb['requests']} country sets: cold (chart built) "
        f"p50 {cb['cold_p50_ms']:.1f} ms, p95 {cb['cold_p95_ms']:.1f} ms; warm (cached) "
        f"p50 {cb['warm_p50_ms']:.1f} ms, p95 {cb['warm_p95_ms']:.1f} ms; answer "
        f"{cb['raw_bytes'] / 1000:.1f} kB, {cb['compressed_bytes'] / 1000:.1f} kB compressed.",
    ]
    if wrk:
        lines.append(f"- Throughput of that callback (wrk, {wrk['connections']} connections, "
                     f"{wrk['seconds']} s, {len(COUNTRY_SETS)} warm states): {wrk['requests']} "
                     f"requests, {wrk['rps']:.0f}/s, p50 {wrk['p50_ms']:.1f} ms, "
                     f"p95 {wrk['p95_ms']:.1f} ms, {wrk['errors']} errors.")
    lines += [
        "",
        "## Browser (Chromium, fresh context each load)",
        "",
        f"- First chart painted on /compare: {', '.join(f'{x:.0f}' for x in fp)} ms",
        f"- Transferred: {r['page_bytes'] / 1e6:.2f} MB, {r['page_requests']:.0f} requests; "
        "largest: " + ", ".join(f"{url.split('/')[-1].split('?')[0]} {size / 1000:.0f} kB"
                                for url, size in r["page_largest"]),
        f"- Control change (transform choice) to chart repainted: p50 {rp50:.0f} ms, "
        f"p95 {rp95:.0f} ms over {len(rp)} changes; the one callback answered after "
        f"{parts['last_answer_ms']:.0f} ms (median), the rest is the browser applying the "
        "answer and Plotly drawing.",
        "- /country/MDA, summary and cards / every chart drawn (ms after navigation start): "
        + "; ".join(f"{x['text_ms']:.0f} / {x['charts_ms']:.0f}" for x in r["profile"]),
        f"- Presenter at 1920x1080, arrow key to the next slide drawn: p50 {slide50:.0f} ms, "
        f"p95 {slide95:.0f} ms, max {max(r['slide_ms']):.0f} ms",
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
    if peers:
        lines += ["", f"Peer comparison: bench/RESULTS-peers.md (run {peers['started'][:16]}), "
                      "written by ../shared/bench-peers/measure.py."]
    failures = [f"- {name}: {f}" for name, s in runs for f in s["first_failures"]]
    if failures:
        lines += ["", "First failures:", "", *failures]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
