"""schemathesis with every check against the API as deployed (gunicorn with gunicorn.conf.py on
127.0.0.1), driven by its own OpenAPI document: requests valid by the document are answered,
invalid ones are refused, answers match their documented schemas and content types, and
methods, `Allow` and the document agree. Bounded: 50 examples per operation, one seed."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import start_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
DOCUMENTED_OPERATIONS = {
    "GET /api/v1/indicators", "GET /api/v1/countries", "GET /api/v1/data",
    "GET /api/v1/diaspora", "GET /api/v1/bulk.zip", "GET /healthz",
}


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """The Procfile's command (two workers, to leave the two cores room for the client)."""
    command = [sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py",
               "--no-control-socket"]
    server = start_server(tmp_path_factory.mktemp("schemathesis"), command=command,
                          env={"HOST": "127.0.0.1", "WEB_CONCURRENCY": "2"},
                          name="schemathesis")
    yield server
    server.stop()


def test_schemathesis_all_checks_find_nothing(deployed, tmp_path):
    junit = tmp_path / "junit.xml"
    run = subprocess.run(
        [str(SCHEMATHESIS), "run", f"{deployed.url}/api/v1/openapi.json",
         "--checks", "all", "--max-examples", "50", "--seed", "20261129",
         "--workers", "2", "--request-timeout", "20", "--generation-database", "none",
         "--no-color", "--report", "junit", "--report-junit-path", str(junit)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert "No issues found" in output, output[-3000:]
    cases = {case.get("name") for case in ET.parse(junit).getroot().iter("testcase")}
    assert cases == DOCUMENTED_OPERATIONS, cases
