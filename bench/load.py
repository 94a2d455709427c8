"""Simulated users on loopback: each replays what Chromium sent for a page view (page, layout,
dependencies, the page's callbacks) and then switches controls (the callback requests Chromium
sent for each change), with think time between actions. Bounded by a deadline.

A request fails when it gets no answer, or an answer other than 200/204 (callbacks: 204 is
Dash's "nothing to update"). Like a browser, a request that finds its kept-alive connection
closed by the server before any answer is sent once more on a new connection; such resends
are counted, not hidden.
"""

from __future__ import annotations

import http.client
import json
import random
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.chromium import CALLBACK_PATH, Captured

HEADERS = {"Accept-Encoding": "br, gzip", "User-Agent": "bench-load"}
STALE_CONNECTION = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                    http.client.BadStatusLine)


def callback_kind(body: dict) -> str:
    """A short name for a callback request, from its outputs."""
    output = body.get("output", "")
    if "page.children" in output:
        return "cb:page"
    if "compare-history.data" in output:
        return "cb:chart"  # the comparison view's one callback: chart, map, table, controls
    return "cb:other"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


@dataclass
class Stats:
    started: float = field(default_factory=time.monotonic)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[tuple[float, str, str]] = field(default_factory=list)  # (t, kind, why)
    resent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    seconds: float = 0.0

    def ok(self, kind: str, ms: float) -> None:
        with self.lock:
            self.latencies[kind].append(ms)

    def fail(self, kind: str, why: str) -> None:
        with self.lock:
            self.failures.append((time.monotonic() - self.started, kind, why))

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values()) + len(self.failures)

    def all_ms(self) -> list[float]:
        return [ms for values in self.latencies.values() for ms in values]

    def summary(self) -> dict:
        every = self.all_ms()
        return {
            "requests": self.requests,
            "failed": len(self.failures),
            "resent": self.resent,
            "seconds": round(self.seconds, 1),
            "rps": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(percentile(every, 50), 1),
            "p95_ms": round(percentile(every, 95), 1),
            "by_kind": {
                kind: {"n": len(v), "p50_ms": round(percentile(v, 50), 1),
                       "p95_ms": round(percentile(v, 95), 1)}
                for kind, v in sorted(self.latencies.items())
            },
            "first_failures": [f"{t:.1f}s {kind}: {why}" for t, kind, why in self.failures[:5]],
        }


class Client:
    """One user's keep-alive connection."""

    def __init__(self, base_url: str, stats: Stats, timeout: float = 30.0) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.stats = stats
        self.timeout = timeout
        self.conn: http.client.HTTPConnection | None = None
        self.used = False  # whether the open connection has carried a request already

    def _connect(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.used = False
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, kind: str, method: str, path: str, body: dict | None = None,
                referer: str | None = None) -> bool:
        data = None if body is None else json.dumps(body).encode()
        headers = dict(HEADERS)
        if referer is not None:
            headers["Referer"] = referer
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            conn = self._connect()
            reused = self.used
            started = time.perf_counter()
            try:
                conn.request(method, path, body=data, headers=headers)
                response = conn.getresponse()
                payload = response.read()
            except STALE_CONNECTION as error:
                self.close()
                if reused and attempt == 1:
                    with self.stats.lock:
                        self.stats.resent += 1
                    continue
                self.stats.fail(kind, type(error).__name__)
                return False
            except OSError as error:  # refused, timed out
                self.close()
                self.stats.fail(kind, type(error).__name__)
                return False
            ms = (time.perf_counter() - started) * 1000
            self.used = True
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            if response.status not in (200, 204):
                self.stats.fail(kind, f"HTTP {response.status}")
                return False
            if kind.startswith("cb:") and response.status == 200 and not payload:
                self.stats.fail(kind, "empty callback answer")
                return False
            self.stats.ok(kind, ms)
            return True
        return False


def user(base_url: str, captured: Captured, stats: Stats, deadline: float, seed: int,
         think: tuple[float, float]) -> None:
    rng = random.Random(seed)
    client = Client(base_url, stats)
    paths = list(captured.page_loads)
    # Most visits are to the comparison view, the main page.
    weights = [4 if path.startswith("/compare") or path == "/" else 1 for path in paths]

    def pause() -> bool:
        wait = rng.uniform(*think)
        if time.monotonic() + wait >= deadline:
            return False
        time.sleep(wait)
        return True

    try:
        while time.monotonic() < deadline:
            path = rng.choices(paths, weights)[0]
            client.request("page", "GET", path)
            # The browser asks for the layout from the page: the Referer names the page drawn.
            client.request("layout", "GET", "/_dash-layout", referer=base_url + path)
            client.request("deps", "GET", "/_dash-dependencies")
            for body in captured.page_loads[path]:
                client.request(callback_kind(body), "POST", CALLBACK_PATH, body)
            for _ in range(rng.randint(2, 6)):
                if not pause() or not captured.interactions:
                    break
                for body in rng.choice(captured.interactions):
                    client.request(callback_kind(body), "POST", CALLBACK_PATH, body)
            if not pause():
                break
    finally:
        client.close()


def run(base_url: str, captured: Captured, users: int, seconds: float,
        think: tuple[float, float] = (0.3, 1.2), seed: int = 8) -> Stats:
    """`users` simulated users for `seconds`; returns the collected stats."""
    stats = Stats()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=user, args=(base_url, captured, stats, deadline, seed + i, think),
                         daemon=True)
        for i in range(users)
    ]
    for thread in threads:
        thread.start()
        time.sleep(min(0.02, seconds / users / 10))  # a ramp of a second at most
    for thread in threads:
        thread.join(timeout=seconds + 60)
    stats.seconds = time.monotonic() - stats.started
    return stats
