"""The review workflow: assignee and due date, comment thread, bulk status changes; flags by month dated by
the decisions they rest on."""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ipclue.graph.db import Graph
from tests.integration.test_api_support import auth, load_data, make_client, run_detection

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipclue.detect") is None, reason="no ipclue.detect")
H = auth("supervisor")  # dry runs, assignments and bulk reviews are supervisor work (api/roles.py)


@pytest.fixture()
def flagged(graph: Graph, tmp_path: Path) -> Iterator[TestClient]:
    load_data(graph)
    assert run_detection(graph) > 0
    with make_client(graph, tmp_path) as client:
        yield client


def _ids(client: TestClient) -> list[str]:
    return [f["id"] for f in client.get("/api/v1/flags", headers=H).json()["items"]]


def test_assignment_due_date_and_comment_thread(flagged: TestClient) -> None:
    fid = _ids(flagged)[0]
    past = (datetime.now(UTC).date() - timedelta(days=3)).isoformat()
    r = flagged.put(
        f"/api/v1/flags/{fid}/assignment", json={"assignee": "张检察官", "due_on": past}, headers=H
    )
    assert r.status_code == 200, r.text
    assert r.json()["assignee"] == "张检察官" and r.json()["due_on"] == past and r.json()["overdue"] is True
    r = flagged.post(
        f"/api/v1/flags/{fid}/comments", json={"text": "请补充工商登记材料"}, headers=auth("supervisor")
    )
    thread = r.json()["comments"]
    assert [c["kind"] for c in thread] == ["assignment", "comment"]
    assert thread[1] == {**thread[1], "by": "supervisor-user", "text": "请补充工商登记材料"}
    assert "张检察官" in thread[0]["text"] and past in thread[0]["text"]
    assert flagged.get(f"/api/v1/flags/{fid}/workflow", headers=auth("consumer")).status_code == 403
    assert flagged.post(f"/api/v1/flags/{fid}/comments", json={"text": ""}, headers=H).status_code == 422
    assert flagged.put("/api/v1/flags/flg-none/assignment", json={}, headers=H).status_code == 404
    cleared = flagged.put(f"/api/v1/flags/{fid}/assignment", json={"assignee": None}, headers=H).json()
    assert cleared["assignee"] is None and cleared["due_on"] is None and not cleared["overdue"]


def test_bulk_review_moves_the_allowed_and_says_why_not(flagged: TestClient) -> None:
    ids = _ids(flagged)[:2]
    assert len(ids) == 2
    r = flagged.post(
        "/api/v1/reviews/bulk", json={"flags": ids, "status": "reviewing", "note": "批量"}, headers=H
    )
    assert r.status_code == 200 and r.json() == {"reviewed": ids, "refused": {}}
    for fid in ids:
        detail = flagged.get(f"/api/v1/flags/{fid}", headers=H).json()
        assert detail["status"] == "reviewing" and detail["reviews"][-1]["note"] == "批量"
    body = {"flags": [ids[0], "flg-none"], "status": "referred"}
    out = flagged.post("/api/v1/reviews/bulk", json=body, headers=H).json()
    assert out["reviewed"] == [] and set(out["refused"]) == {ids[0], "flg-none"}
    assert "cannot go from reviewing to referred" in out["refused"][ids[0]]
    assert flagged.get(f"/api/v1/flags/{ids[0]}", headers=H).json()["status"] == "reviewing"
    assert flagged.post("/api/v1/reviews/bulk", json=body, headers=auth("consumer")).status_code == 403


def test_flags_by_month_follow_the_decision_dates(graph: Graph, flagged: TestClient) -> None:
    expected: Counter[str] = Counter()
    for fid in _ids(flagged):
        detail = flagged.get(f"/api/v1/flags/{fid}", headers=H).json()
        keys = [e["key"] for e in detail["evidence"] if e.get("label") in ("Case", "Penalty")]
        keys += [s["key"] for s in detail["subjects"] if s["label"] in ("Case", "Penalty")]
        rows = graph.read(
            "MATCH (x) WHERE (x:Case AND x.case_no IN $k) OR (x:Penalty AND x.decision_no IN $k) "
            "RETURN max(x.decided_on) AS d",
            k=keys,
        )
        decided = rows[0]["d"]
        expected[str(decided)[:7] if decided else detail["created_at"][:7]] += 1
    assert any(m != date.today().isoformat()[:7] for m in expected), "the sample's cases are all in the past"
    assert flagged.get("/api/v1/stats", headers=auth("supervisor")).json()["flags_by_month"] == dict(expected)


def test_thread_and_report_history_keep_time_order_below_a_second(graph: Graph, flagged: TestClient) -> None:
    """Neo4j writes 25.7 s as "…25.7Z" and 25.71 s as "…25.71Z": as text the later one sorts first. The
    thread and the report's history order by the instant, also across reviews and comments."""
    from ipclue.detect.review import workflow
    from ipclue.reports.collect import _history

    fid = _ids(flagged)[0]
    times = ["2026-03-01T08:00:25.7Z", "2026-03-01T08:00:25.71Z", "2026-03-01T08:00:26Z"]
    graph.write(
        "MATCH (x:Flag {id: $id}) UNWIND range(0, size($t) - 1) AS i "
        "CREATE (x)-[:COMMENTED]->(:Comment {at: datetime($t[i]), by: 'a', kind: 'comment', "
        "text: toString(i)})",
        id=fid,
        t=times,
    )
    graph.write(
        "MATCH (x:Flag {id: $id}) CREATE (x)-[:REVIEWED]->(:Review {at: datetime($at), by: 'b', "
        "status: 'reviewing', note: 'r'})",
        id=fid,
        at="2026-03-01T08:00:25.705Z",
    )
    assert [c.text for c in workflow(graph, fid).comments] == ["0", "1", "2"]
    detail = flagged.get(f"/api/v1/flags/{fid}", headers=H).json()
    assert [line.note for line in _history(graph, detail)] == ["0", "r", "1", "2"]
