"""Faults under load, on loopback: Redis killed (and brought back), gunicorn reloaded (HUP), a
worker killed, and the whole server restarted while a Chromium page stays open."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench import chromium, load, server
from bench.chromium import Captured


def under_load(base_url: str, captured: Captured, users: int, seconds: float,
               events: list[tuple[float, Callable[[], None]]]) -> load.Stats:
    """Run the simulated users; call each event at its offset (seconds) into the run."""
    result: dict[str, load.Stats] = {}
    runner = threading.Thread(
        target=lambda: result.__setitem__("stats", load.run(base_url, captured, users, seconds)))
    started = time.monotonic()
    runner.start()
    for offset, action in sorted(events, key=lambda e: e[0]):
        time.sleep(max(0.0, started + offset - time.monotonic()))
        action()
    runner.join()
    return result["stats"]


def redis_killed(tmp: Path, captured: Captured, users: int, seconds: float) -> dict:
    """The shared cache is Redis; it is killed a third of the way in and started again (empty,
    same port) at two thirds."""
    redis = server.start_redis()
    port = redis.port
    app = server.start_gunicorn(tmp, env={"REDIS_URL": redis.url}, name="redis-fault")
    revived: list[server.Redis] = []
    try:
        stats = under_load(app.url, captured, users, seconds, [
            (seconds / 3, redis.kill),
            (2 * seconds / 3, lambda: revived.append(server.start_redis(port))),
        ])
        log = app.log()
    finally:
        app.stop()
        redis.kill()
        for extra in revived:
            extra.kill()
    return {**stats.summary(), "redis_down_logged": "unreachable" in log,
            "redis_back_logged": "reachable again" in log}


def reloaded(tmp: Path, captured: Captured, users: int, seconds: float) -> dict:
    """gunicorn's graceful reload (SIGHUP: new workers, old ones finish their requests)."""
    app = server.start_gunicorn(tmp, name="hup")
    try:
        stats = under_load(app.url, captured, users, seconds,
                           [(seconds / 2, lambda: app.signal(signal.SIGHUP))])
    finally:
        app.stop()
    return stats.summary()


def worker_killed(tmp: Path, captured: Captured, users: int, seconds: float) -> dict:
    """One worker SIGKILLed mid-run (a crash); the master starts a replacement."""
    app = server.start_gunicorn(tmp, name="worker-kill")

    def kill_one() -> None:
        pids = app.worker_pids()
        if pids:
            os.kill(pids[0], signal.SIGKILL)

    try:
        stats = under_load(app.url, captured, users, seconds, [(seconds / 2, kill_one)])
    finally:
        app.stop()
    return stats.summary()


def restarted_with_page_open(browser, tmp: Path, labels: list[str]) -> dict:
    """A page is open; the server is stopped and started again on the same port; a control
    change afterwards repaints the chart with no page reload."""
    app = server.start_gunicorn(tmp, name="restart")
    context, page = chromium.new_page(browser)
    try:
        page.goto(app.url + "/compare")
        chromium.poll(page, "() => window.__bench.firstPaint")
        page.wait_for_load_state("networkidle")
        page.evaluate("() => { window.__benchNoReload = true; }")
        app.stop()
        down_at = time.monotonic()
        app.start()
        restart_s = time.monotonic() - down_at
        repainted = []
        for label in labels[:2]:
            before = page.evaluate("() => window.__bench.paints.length")
            clicked = chromium.click_choice(page, label)
            painted = chromium.poll(
                page, "n => window.__bench.paints.length > n && "
                      "window.__bench.paints[window.__bench.paints.length - 1]", before)
            repainted.append(round(float(painted) - float(clicked)))
        same_document = page.evaluate("() => window.__benchNoReload === true")
    finally:
        context.close()
        app.stop()
    return {"restart_s": round(restart_s, 1), "repaint_ms_after_restart": repainted,
            "no_reload": bool(same_document)}
