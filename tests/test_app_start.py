"""The app refuses to start on an unusable snapshot, with one line naming the file."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

SNAPSHOT = ROOT / "data" / "snapshot"


def run_app(command: list[str], snapshot_dir) -> subprocess.CompletedProcess:
    env = {"SNAPSHOT_DIR": str(snapshot_dir), "PATH": "/usr/bin:/bin", "PORT": "0"}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(("entry", "damage"), [("python", "missing"), ("gunicorn", "corrupt")])
def test_unusable_snapshot_stops_the_app_with_a_message(tmp_path, entry, damage):
    broken = tmp_path / "snapshot"
    shutil.copytree(SNAPSHOT, broken)
    target = broken / "countries.parquet"
    if damage == "missing":
        target.unlink()
    else:
        target.write_bytes(b"PAR1 this is not parquet")
    command = (
        [sys.executable, "app.py"]
        if entry == "python"
        else [sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py",
              "--bind", "127.0.0.1:0", "--no-control-socket"]
    )
    result = run_app(command, broken)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "countries.parquet" in output
    assert ("missing" if damage == "missing" else "Parquet") in output
    assert "Traceback" not in output
