# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""Flags (list, ETag, cursor, detail, review), risk, detectors and dry runs, stats; and upload jobs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ipclue.graph.db import Graph
from tests.integration.test_api_support import auth, client, make_client, run_detection, uid_of  # noqa: F401

H = auth("investigator")
S = auth("supervisor")  # reviews, dry runs and jobs


@pytest.fixture()
def flagged(graph: Graph, client: TestClient) -> TestClient:
    assert run_detection(graph) > 0
    return client


def test_flags_list_etag_and_cursor(flagged: TestClient) -> None:
    r = flagged.get("/api/v1/flags", params={"limit": 1}, headers=H)
    assert r.status_code == 200 and r.json()["items"]
    again = flagged.get(
        "/api/v1/flags", params={"limit": 1}, headers={**H, "If-None-Match": r.headers["etag"]}
    )
    assert again.status_code == 304 and not again.content
    if r.json()["next_cursor"]:
        nxt = flagged.get("/api/v1/flags", params={"limit": 1, "cursor": r.json()["next_cursor"]}, headers=H)
        assert nxt.json()["items"][0]["id"] != r.json()["items"][0]["id"]
    future = flagged.get("/api/v1/flags", params={"since": "2999-01-01T00:00:00Z"}, headers=H).json()
    assert future["items"] == []
    assert flagged.get("/api/v1/flags", params={"severity": "huge"}, headers=H).status_code == 422


def test_flags_list_matches_the_engine(graph: Graph, flagged: TestClient) -> None:
    """The API lists flags with its own summary-only query: same items, order and cursors as the engine."""
    from ipclue.detect import list_flags

    for params in ({"limit": 2}, {"limit": 50, "severity": "high"}, {"limit": 1, "status": "new"}):
        api = flagged.get("/api/v1/flags", params=params, headers=H).json()
        assert api == list_flags(graph, **params).model_dump(mode="json")  # type: ignore[arg-type]
        if api["next_cursor"]:
            nxt = flagged.get("/api/v1/flags", params={**params, "cursor": api["next_cursor"]}, headers=H)
            engine = list_flags(graph, **params, cursor=api["next_cursor"])  # type: ignore[arg-type]
            assert nxt.json() == engine.model_dump(mode="json")
    assert flagged.get("/api/v1/flags", params={"cursor": "bm9wZQ"}, headers=H).status_code == 422


def test_flag_detail_review_and_audit(flagged: TestClient) -> None:
    first = flagged.get("/api/v1/flags", headers=H).json()["items"][0]
    detail = flagged.get(f"/api/v1/flags/{first['id']}", headers=H).json()
    assert detail["detector_version"] >= 1 and detail["evidence"]
    assert detail["subgraph"]["nodes"] and "provenance" in detail
    r = flagged.post(
        f"/api/v1/flags/{first['id']}/review", json={"status": "reviewing", "note": "看一下"}, headers=S
    )
    assert r.status_code == 200 and r.json()["status"] == "reviewing"
    bad = flagged.post(f"/api/v1/flags/{first['id']}/review", json={"status": "referred"}, headers=S)
    assert bad.status_code == 409 and bad.headers["content-type"].startswith("application/problem+json")
    log = flagged.get("/api/v1/audit", headers=auth("supervisor")).json()["items"]
    assert any(e["action"] == "review-flag" and e["subject"] == first["id"] for e in log)
    assert flagged.get("/api/v1/flags/flg-none", headers=H).status_code == 404


def test_party_risk_and_stats(flagged: TestClient) -> None:
    flag = flagged.get("/api/v1/flags", headers=H).json()["items"][0]
    uid = next(s["key"] for s in flag["subjects"] if s["label"] == "Party")
    risk = flagged.get(f"/api/v1/parties/{uid}/risk", headers=H).json()
    assert risk["score"] > 0 and sum(risk["flags_by_severity"].values()) >= 1
    prof = flagged.get(f"/api/v1/parties/{uid}", headers=H).json()
    assert prof["flags"]
    stats = flagged.get("/api/v1/stats", headers=H).json()
    assert sum(stats["flags_by_detector"].values()) == stats["totals"]["flags"]
    assert "广东" in stats["flags_by_region"]
    hit = flagged.get("/api/v1/parties", params={"q": "深圳市星河电子有限公司"}, headers=H).json()["items"][0]
    assert "flags" in hit


def test_detectors_and_dry_run(graph: Graph, client: TestClient) -> None:
    cat = client.get("/api/v1/detectors", headers=H).json()
    ids = {d["id"] for d in cat["items"]}
    assert "linked-opponents" in ids
    d = next(d for d in cat["items"] if d["id"] == "linked-opponents")
    assert d["legal_basis"] and d["params"] and "precision" in d
    r = client.post(
        "/api/v1/detectors/linked-opponents/dry-run", json={"params": {"min_score": 0.1}}, headers=S
    )
    assert r.status_code == 200, r.text
    assert r.json()["dry_run"] is True and r.json()["hits"]
    assert graph.read("MATCH (f:Flag) RETURN count(f) AS n")[0]["n"] == 0
    assert client.post("/api/v1/detectors/nope/dry-run", json={}, headers=S).status_code == 404
    bad = client.post("/api/v1/detectors/linked-opponents/dry-run", json={"params": {"zzz": 1}}, headers=S)
    assert bad.status_code == 422
    assert (
        client.post(
            "/api/v1/detectors/linked-opponents/dry-run", json={}, headers=auth("consumer")
        ).status_code
        == 403
    )


def test_upload_job_ingests(client: TestClient) -> None:
    line = (
        '{"type": "company", "name": "上传测试科技有限公司", "address": "北京市海淀区中关村1号", '
        '"source": {"path": "x", "sha256": "' + "a" * 64 + '"}}\n'
    )
    files = [
        ("files", ("companies.jsonl", line.encode(), "application/json")),
        ("files", ("../../evil name.jsonl", b"not json\n", "application/json")),
    ]
    r = client.post("/api/v1/jobs", files=files, headers=S)
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]
    job = {}
    for _ in range(100):
        job = client.get(f"/api/v1/jobs/{job_id}", headers=S).json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    assert job["status"] == "done", job
    assert job["report"]["files"] == 2 and all("/" not in f for f in job["files"])
    assert uid_of(client, "上传测试科技有限公司")
    assert client.get("/api/v1/jobs/job-0000000000000000", headers=S).status_code == 404
    assert client.get(f"/api/v1/jobs/{job_id}", headers=auth("investigator")).status_code == 403
    assert client.get(f"/api/v1/jobs/{job_id}", headers=auth("admin")).status_code == 200


def test_shutdown_leaves_no_job_writing(graph: Graph, tmp_path: Path) -> None:
    """Jobs run one at a time; stopping the service cancels the queued ones and waits for the running one."""
    line = '{"type": "company", "name": "停机测试有限公司"}\n'.encode()
    with make_client(graph, tmp_path) as client:
        uploads = [[("files", (f"c{i}.jsonl", line, "application/json"))] for i in range(4)]
        ids = [client.post("/api/v1/jobs", files=f, headers=S).json()["id"] for f in uploads]
        jobs = client.app.state.jobs  # type: ignore[attr-defined]
    statuses = [jobs.get(i).status for i in ids]
    finished = [s for s in statuses if s != "cancelled"]
    assert set(finished) <= {"done", "failed"}, statuses  # nothing queued or running is left behind
    assert statuses == finished + ["cancelled"] * (len(statuses) - len(finished)), statuses  # in order
    before = graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    time.sleep(0.5)
    assert graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == before
