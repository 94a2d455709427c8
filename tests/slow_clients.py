"""Slow clients on loopback, for load tests: connections that send a request one byte at a
time and never finish it (the "slowloris" pattern: in the head, or in the body after a complete
head), and a prober that asks /healthz on a fresh connection now and then. Both run in one
background thread each and stop by themselves.
"""

from __future__ import annotations

import http.client
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field

# A request head that never ends: after the request line and Host, one endless header.
ENDLESS_HEAD = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1_000_000
# A complete head announcing a body that then comes one byte at a time.
SLOW_BODY_HEAD = (b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
SLOW_BODY = b"[" * 100_000


@dataclass
class SlowConnection:
    sock: socket.socket
    opened: float
    next_send: float
    sent: int = 0
    answered: bytes = b""


@dataclass
class SlowClients:
    """Keeps `count` connections to 127.0.0.1:`port` open, each sending `head` at once and then
    one more byte of `trickle` every `interval` seconds. A connection the server closes is
    counted, with how long it lived and what answer came, and replaced at once by a new one."""

    port: int
    count: int
    interval: float = 2.0
    head: bytes = b""
    trickle: bytes = ENDLESS_HEAD
    deadline_seconds: float = 120.0  # stops by itself even if never stopped
    lifetimes: list[float] = field(default_factory=list)
    answers: list[bytes] = field(default_factory=list)
    opened: int = 0
    bytes_sent: int = 0

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._selector = selectors.DefaultSelector()
        self._open: dict[socket.socket, SlowConnection] = {}

    def __enter__(self) -> SlowClients:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    @property
    def open_now(self) -> int:
        return len(self._open)

    def _connect(self, now: float) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", self.port))
        # Spread the first bytes over one interval so the sends do not come in bursts.
        offset = (self.opened % self.count) / self.count * self.interval
        self._open[sock] = SlowConnection(sock, now, now + offset, sent=-1 if self.head else 0)
        self._selector.register(sock, selectors.EVENT_READ)
        self.opened += 1

    def _close(self, sock: socket.socket, now: float, by_server: bool) -> None:
        conn = self._open.pop(sock)
        self._selector.unregister(sock)
        sock.close()
        if by_server:
            self.lifetimes.append(now - conn.opened)
            if conn.answered:
                self.answers.append(conn.answered[:200])

    def _run(self) -> None:
        stop_at = time.monotonic() + self.deadline_seconds
        now = time.monotonic()
        for _ in range(self.count):
            self._connect(now)
        while not self._stop.is_set() and time.monotonic() < stop_at:
            for key, _ in self._selector.select(timeout=0.05):
                sock = key.fileobj
                try:
                    data = sock.recv(4096)
                except OSError:
                    data = b""
                if data:
                    self._open[sock].answered += data
                    continue
                self._close(sock, time.monotonic(), by_server=True)
            now = time.monotonic()
            for sock, conn in list(self._open.items()):
                if now < conn.next_send:
                    continue
                try:
                    if conn.sent < 0:  # the head, in one go
                        sock.sendall(self.head)
                        conn.sent = 0
                    else:
                        conn.sent += sock.send(self.trickle[conn.sent:conn.sent + 1])
                        self.bytes_sent += 1
                except (BlockingIOError, InterruptedError):
                    pass  # still connecting
                except OSError:
                    self._close(sock, now, by_server=True)
                    continue
                conn.next_send = now + self.interval
            while len(self._open) < self.count:
                self._connect(now)
        for sock in list(self._open):
            self._close(sock, time.monotonic(), by_server=False)
        self._selector.close()


@dataclass
class HealthProber:
    """Asks `path` on a new connection every `every` seconds; records each answer's time (s)
    or the reason it failed."""

    port: int
    every: float = 1.0
    timeout: float = 5.0
    path: str = "/healthz"
    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> HealthProber:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=self.timeout + 5)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                conn.request("GET", self.path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    self.seconds.append(time.perf_counter() - started)
                else:
                    self.failures.append(f"HTTP {response.status}")
            except OSError as error:
                self.failures.append(type(error).__name__)
            finally:
                conn.close()
            self._stop.wait(self.every)


def slow_header_clients(port: int, count: int, interval: float = 2.0) -> SlowClients:
    return SlowClients(port, count, interval)


def slow_body_clients(port: int, count: int, interval: float = 2.0) -> SlowClients:
    return SlowClients(port, count, interval, head=SLOW_BODY_HEAD, trickle=SLOW_BODY)
