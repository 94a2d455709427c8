"""Throughput of the chart callback under gunicorn, driven by wrk (Debian package `wrk`) with a
Lua script that POSTs the captured chart requests in turn over keep-alive connections."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

LUA = """
local bodies = {%s}
local i = 0
local failed = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "/_dash-update-component",
    {["Content-Type"] = "application/json", ["Accept-Encoding"] = "br, gzip"}, bodies[i])
end
response = function(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH p50_us=%%d p95_us=%%d p99_us=%%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(base_url: str, bodies: list[str], seconds: int, connections: int,
            threads: int = 1) -> dict:
    """Requests/s, latency percentiles and errors (socket errors + non-200 answers)."""
    quoted = ", ".join(f"[==[{body}]==]" for body in bodies)
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "post.lua"
        script.write_text(LUA % quoted)
        result = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", str(script), base_url],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        )
    out = result.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    socket_errors = sum(int(n) for n in socket.groups()) if socket else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    bench = dict(re.findall(r"(\w+)_us=(\d+)", out))
    return {
        "requests": requests, "rps": rps, "connections": connections, "seconds": seconds,
        "errors": socket_errors + (int(non_2xx.group(1)) if non_2xx else 0),
        "p50_ms": int(bench.get("p50", 0)) / 1000, "p95_ms": int(bench.get("p95", 0)) / 1000,
        "p99_ms": int(bench.get("p99", 0)) / 1000,
    }
