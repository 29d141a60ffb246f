# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""A flag's wording through the API: evidence as labelled rows with names, and old flags still readable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ipclue.graph.db import Graph
from tests.integration.test_api_support import auth, client, run_detection  # noqa: F401

H = auth("supervisor")  # dry runs, assignments and bulk reviews are supervisor work (api/roles.py)


def _flag(client: TestClient, detector: str) -> dict[str, Any]:
    items = client.get("/api/v1/flags", params={"detector": detector}, headers=H).json()["items"]
    detail: dict[str, Any] = client.get(f"/api/v1/flags/{items[0]['id']}", headers=H).json()
    return detail


def test_flag_evidence_reads_as_labelled_rows_with_names(graph: Graph, client: TestClient) -> None:
    """Used to be only raw `key: value` cells with internal uids (`defendant: org-9133…`)."""
    assert run_detection(graph) > 0
    detail = _flag(client, "linked-opponents")
    view = detail["evidence_view"]
    assert len(view) == len(detail["evidence"])
    case = next(r for r in view if r["label"]["zh"] == "案件")
    assert case["title"].startswith("(2021)粤0305民初1001号") and case["ref"]["label"] == "Case"
    outcome = next(f for f in case["fields"] if f["key"] == "outcome")
    assert outcome["name"]["zh"] == "裁判结果" and outcome["value"]["zh"] == "调解"
    links = [r for r in view if r["ref"] and " → " in str(r["ref"]["key"])]
    assert links and all("org-" not in r["title"] for r in links), links
    assert any("深圳市星河电子有限公司" in r["title"] for r in links)
    raw = {e["key"] for e in detail["evidence"]}
    assert {r["ref"]["key"] for r in view if r["ref"]} == raw  # the internal keys stay for links


def test_a_flag_stored_with_a_plain_reason_still_reads(graph: Graph, client: TestClient) -> None:
    """A flag written before templates (a sentence, no facts, no reason_en) keeps its reason."""
    assert run_detection(graph) > 0
    detail = _flag(client, "linked-opponents")
    graph.write(
        "MATCH (f:Flag {id: $id}) SET f.reason = $reason REMOVE f.facts, f.reason_en",
        id=detail["id"],
        reason="甲 与 乙 互为对方当事人 / opposing parties are linked",
    )
    old = client.get(f"/api/v1/flags/{detail['id']}", headers=H).json()
    assert old["reason"].startswith("甲 与 乙") and old["facts"] == {} and old["reason_en"] is None
    assert old["evidence_view"]


DRY = "/api/v1/detectors/linked-opponents/dry-run"


def test_dry_run_refuses_a_mistyped_or_out_of_bounds_parameter_naming_it(client: TestClient) -> None:
    """Used to be accepted: "0.9" silently ignored, max_hops 9 run although the doc says at most 3."""
    for params, field in (({"min_score": "0.9"}, "min_score"), ({"max_hops": 9}, "max_hops")):
        r = client.post(DRY, json={"params": params}, headers=H)
        assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
        (err,) = r.json()["errors"]
        assert err["loc"] == ["body", "params", field], err
        assert f"params.{field}" in r.json()["detail"]
    bad = client.post(DRY, json={"params": {"passive_outcomes": ["mediated", "settled"]}}, headers=H)
    assert bad.status_code == 422 and "settled" in bad.json()["errors"][0]["msg"]
    assert client.post(DRY, json={"params": {"max_hops": 3, "min_score": 1}}, headers=H).status_code == 200


FAILING = """// ---
// id: fails-at-run
// title: 运行出错 / Fails at run time
// family: other
// severity: low
// version: 1
// legal_basis: 测试用检测模型
// description: 查询能编译但运行时出错（除以零）。
// params:
//   n: {default: 1, doc: "the divisor plus one", doc_zh: "除数加一"}
// ---
RETURN ['x'] AS subjects, [] AS evidence, 1 / ($n - 1) AS score, 'r' AS reason
"""


def test_dry_run_query_error_is_a_problem_not_a_200(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Used to answer 200 with 0 hits and the error text buried in a field."""
    (tmp_path / "fails-at-run.cypher").write_text(FAILING, "utf-8")
    monkeypatch.setenv("IPCLUE_DETECTORS_DIR", str(tmp_path))
    r = client.post("/api/v1/detectors/fails-at-run/dry-run", json={}, headers=H)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["title"] == "Detector query failed" and "fails-at-run" in r.json()["detail"]


def test_dry_run_is_compared_with_the_stored_flags(graph: Graph, client: TestClient) -> None:
    assert run_detection(graph) > 0
    stored = client.get("/api/v1/flags", params={"detector": "linked-opponents"}, headers=H).json()["items"]
    same = client.post(DRY, json={}, headers=H).json()["compared"]
    assert same["new"] == [] and same["gone"] == [] and same["unchanged"] == sorted(f["id"] for f in stored)
    none = client.post(DRY, json={"params": {"min_score": 1.0}}, headers=H).json()
    assert none["hits"] == [] and [g["id"] for g in none["compared"]["gone"]] == [f["id"] for f in stored]
    assert none["compared"]["gone"][0]["reason"] == stored[0]["reason"]
    graph.write("MATCH (f:Flag) DETACH DELETE f")
    fresh = client.post(DRY, json={}, headers=H).json()["compared"]
    assert fresh["new"] == sorted(f["id"] for f in stored) and fresh["unchanged"] == []
