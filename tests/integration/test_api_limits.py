# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""HTTP limits: request target and header sizes, upload size while streaming (nothing left behind),
job retention and ``ipclue jobs prune``, 405 with Allow, jobs visible to their owner only."""

from __future__ import annotations

import os
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ipclue.api import create_app
from ipclue.api.config import ApiSettings, parse_keys
from ipclue.api.jobs import prune_jobs
from ipclue.graph.db import Graph
from tests.integration.test_api_support import KEYS, auth, client  # noqa: F401

OTHER = "other-supervisor-key-0123456789"


@pytest.fixture()
def small(graph: Graph, tmp_path: Path) -> Iterator[TestClient]:
    """A service with a 2 kB upload limit and a second supervisor."""
    settings = ApiSettings(home=tmp_path, audit_path=tmp_path / "audit.jsonl", max_upload_bytes=2000)
    raw = ",".join(f"{key}:{role}:{role}-user" for role, key in KEYS.items()) + f",{OTHER}:supervisor:other"
    with TestClient(create_app(graph=graph, settings=settings, keys=parse_keys(raw))) as c:
        yield c


def test_request_target_and_header_limits(client: TestClient) -> None:
    r = client.get("/api/v1/health?x=" + "a" * 20_000)
    assert r.status_code == 414 and r.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/health", headers={"X-Big": "b" * 20_000}).status_code == 431
    many = {f"X-H{i}": "c" * 4000 for i in range(12)}
    assert client.get("/api/v1/health", headers=many).status_code == 431
    assert client.get("/api/v1/health").status_code == 200


def _folders(home: Path) -> list[Path]:
    return sorted((home / "jobs").glob("job-*")) if (home / "jobs").exists() else []


def test_an_upload_over_the_limit_leaves_nothing_behind(small: TestClient, tmp_path: Path) -> None:
    files = {"files": ("companies.jsonl", b'{"type": "company", "name": "x"}\n' * 200)}
    r = small.post("/api/v1/jobs", files=files, headers=auth("supervisor"))
    assert r.status_code == 413, r.text
    assert _folders(tmp_path) == []
    declared = small.post(
        "/api/v1/jobs", content=b"x", headers={**auth("supervisor"), "Content-Length": str(10**9)}
    )
    assert declared.status_code == 413

    def stream() -> Iterator[bytes]:
        for _ in range(2000):  # 2 MB without a Content-Length: cut off while it streams
            yield b"-" * 1024

    streamed = small.post(
        "/api/v1/jobs",
        content=stream(),
        headers={**auth("supervisor"), "Content-Type": "multipart/form-data; boundary=zz"},
    )
    assert streamed.status_code == 413, streamed.text
    assert _folders(tmp_path) == []


def test_jobs_are_visible_to_their_owner_and_admins(small: TestClient) -> None:
    files = {
        "files": (
            "companies.jsonl",
            b'{"type": "company", "name": "\\u4e00\\u4e8c\\u6709\\u9650\\u516c\\u53f8"}\n',
        )
    }
    job = small.post("/api/v1/jobs", files=files, headers=auth("supervisor")).json()["id"]
    assert small.get(f"/api/v1/jobs/{job}", headers=auth("supervisor")).status_code == 200
    assert small.get(f"/api/v1/jobs/{job}", headers={"X-API-Key": OTHER}).status_code == 404
    assert small.get(f"/api/v1/jobs/{job}", headers=auth("investigator")).status_code == 403
    assert small.get(f"/api/v1/jobs/{job}", headers=auth("admin")).status_code == 200


def test_405_says_what_is_allowed(client: TestClient) -> None:
    r = client.delete("/api/v1/audit", headers=auth("admin"))
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    assert client.put("/api/v1/flags", headers=auth("admin")).headers["allow"]


def test_job_retention_and_prune(tmp_path: Path) -> None:
    from ipclue.cli import app

    root = tmp_path / "jobs"
    old, new = root / "job-00000000000000aa", root / "job-00000000000000bb"
    for folder in (old, new):
        (folder / "in").mkdir(parents=True)
        (folder / "in" / "a.jsonl").write_text("{}\n", encoding="utf-8")
    past = time.time() - 10 * 86400
    for p in (old, old / "in", old / "in" / "a.jsonl"):
        os.utime(p, (past, past))
    assert prune_jobs(root, 7) == [old.name] and not old.exists() and new.exists()
    result = CliRunner().invoke(
        app, ["jobs", "prune", "--older-than-days", "0"], env={"IPCLUE_HOME": str(tmp_path)}
    )
    assert result.exit_code == 0 and "removed 1" in result.output and not new.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _raw(port: int, payload: bytes) -> bytes:
    """Send ``payload`` in chunks, reading the answer as soon as the server gives one (it answers a
    refused request before the client has finished sending, then closes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        for i in range(0, len(payload), 65536):
            if select.select([s], [], [], 0)[0]:
                break
            try:
                s.sendall(payload[i : i + 65536])
            except OSError:
                break
        try:
            return s.recv(200)
        except OSError:
            return b""


def test_the_server_refuses_huge_request_lines_and_headers(graph: Graph, tmp_path: Path) -> None:
    import uvicorn

    from ipclue.cli.serve import server_options

    settings = ApiSettings(home=tmp_path, audit_path=tmp_path / "audit.jsonl")
    app = create_app(graph=graph, settings=settings, keys=parse_keys(f"{KEYS['admin']}:admin"))
    port = _free_port()
    options = {**server_options(settings), "log_level": "warning"}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        line = _raw(port, b"GET /api/v1/health?" + b"a" * 5_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        assert line.startswith(b"HTTP/1.1 4"), line
        header = _raw(
            port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 5_000_000 + b"\r\n\r\n"
        )
        assert header.startswith(b"HTTP/1.1 4"), header
        ok = _raw(port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert ok.startswith(b"HTTP/1.1 200"), ok
    finally:
        server.should_exit = True
        thread.join(timeout=30)
