"""Start and stop the app under gunicorn (production config) and redis-server on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_ok(url: str, timeout: float, process: subprocess.Popen | None = None) -> float:
    """Poll `url` until it answers 200; the monotonic time of that answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return time.monotonic()
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not answer 200 within {timeout}s")


@dataclass
class Gunicorn:
    """gunicorn with gunicorn.conf.py (as in the Procfile), bound to 127.0.0.1:`port`."""

    port: int
    log_path: Path
    env: dict[str, str]
    process: subprocess.Popen | None = None
    startup_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> Gunicorn:
        env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(self.port),
               "PYTHONUNBUFFERED": "1", **self.env}
        log = self.log_path.open("a")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py",
             "--no-control-socket"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            self.startup_seconds = first_ok(self.url + "/", timeout, self.process) - started
        except Exception:
            self.stop()
            raise RuntimeError(f"gunicorn failed to start:\n{self.log()}") from None
        self.wait_for_workers()
        return self

    def wait_for_workers(self, timeout: float = 20.0) -> None:
        """The first answer comes from the first worker; wait until the number of workers
        has stopped growing for a second."""
        deadline = time.monotonic() + timeout
        count, stable_since = len(self.worker_pids()), time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - stable_since < 1.0:
            time.sleep(0.1)
            now = len(self.worker_pids())
            if now != count:
                count, stable_since = now, time.monotonic()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def signal(self, sig: int) -> None:
        assert self.process is not None
        self.process.send_signal(sig)

    def worker_pids(self) -> list[int]:
        """Pids of the master's children (the workers), from /proc."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_gunicorn(tmp: Path, env: dict[str, str] | None = None, port: int | None = None,
                   name: str = "gunicorn") -> Gunicorn:
    port = port or free_port()
    return Gunicorn(port, tmp / f"{name}-{port}.log", env or {}).start()


@dataclass
class Redis:
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def start_redis(port: int | None = None) -> Redis:
    port = port or free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return Redis(port, process)
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


def memory(pids: list[int]) -> dict:
    """Proportional set size of the processes (shared pages counted once, split between
    them) and each one's private memory, in MiB, from /proc/<pid>/smaps_rollup."""
    pss, private = 0, {}
    for pid in pids:
        try:
            fields = dict(line.split(":", 1) for line in
                          Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
        except OSError:
            continue
        kb = {name: int(value.split()[0]) for name, value in fields.items()}
        pss += kb["Pss"]
        private[pid] = round((kb["Private_Clean"] + kb["Private_Dirty"]) / 1024, 1)
    return {"pss_mib": round(pss / 1024, 1), "private_mib": private}
