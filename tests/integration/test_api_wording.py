# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""A flag's wording through the API: evidence as labelled rows with names, and old flags still readable."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from ipclue.graph.db import Graph
from tests.integration.test_api_support import auth, client, run_detection  # noqa: F401

H = auth("investigator")


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
