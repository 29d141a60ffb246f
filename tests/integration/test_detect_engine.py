"""The engine against the real Neo4j: picking up files, refusing bad ones, storing and reviewing flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipclue.detect import (
    detector_precision,
    get_flag,
    list_flags,
    load_catalog,
    review_flag,
    run_detectors,
)
from ipclue.errors import Conflict
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.sample import sample_records

NEW_DETECTOR = """// ---
// id: big-claim
// title: 高额诉请 / Large claim
// family: other
// severity: low
// version: 1
// legal_basis: 民事诉讼法 (2023) 第一百一十五条
// description: 诉请金额不低于阈值的案件。
// params: {min_claim: {default: 100000, doc: "yuan"}}
// ---
MATCH (c:Case) WHERE coalesce(c.claimed, 0) >= $min_claim
RETURN [{label: 'Case', key: c.case_no}] AS subjects,
       [{label: 'Case', key: c.case_no, source: c.source}] AS evidence, 0.5 AS score,
       c.case_no + ' 诉请金额较高 / large claim' AS reason
"""


@pytest.fixture()
def extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("IPCLUE_DETECTORS_DIR", str(tmp_path))
    return tmp_path


def test_a_new_file_is_picked_up_and_run_with_no_code_change(graph: Graph, extra: Path) -> None:
    (extra / "big-claim.cypher").write_text(NEW_DETECTOR, encoding="utf-8")
    Loader(graph).load(sample_records())
    assert load_catalog().get("big-claim") is not None
    report = run_detectors(graph, ids=["big-claim"], params={"min_claim": 400000})
    assert report.detectors[0].hits == 1
    assert report.detectors[0].results[0].evidence[0]["path"] == "sample/judgment-1001.txt"


def test_malformed_files_are_reported_by_name_and_the_others_still_run(graph: Graph, extra: Path) -> None:
    (extra / "broken-header.cypher").write_text(
        NEW_DETECTOR.replace("severity: low", "severity: huge"), "utf-8"
    )
    (extra / "wrong-columns.cypher").write_text(
        NEW_DETECTOR.replace("id: big-claim", "id: wrong-columns").replace("AS reason", "AS why"), "utf-8"
    )
    (extra / "no-parse.cypher").write_text(
        NEW_DETECTOR.replace("id: big-claim", "id: no-parse").replace("MATCH (c:Case)", "MATCH (c:Case"),
        "utf-8",
    )
    Loader(graph).load(sample_records())
    report = run_detectors(graph, dry_run=True)
    refused = {Path(e.path).name: e.error for e in report.catalog_errors}
    assert set(refused) == {"broken-header.cypher", "wrong-columns.cypher", "no-parse.cypher"}
    assert "severity" in refused["broken-header.cypher"] and "why" in refused["wrong-columns.cypher"]
    assert {d.detector for d in report.detectors} >= {"linked-opponents", "penalty-not-transferred"}
    assert sum(d.hits for d in report.detectors) >= 2


def test_dry_run_stores_nothing_and_rerun_updates(graph: Graph) -> None:
    Loader(graph).load(sample_records())
    assert run_detectors(graph, dry_run=True).hits >= 2
    assert list_flags(graph).items == []
    first = run_detectors(graph)
    again = run_detectors(graph)
    assert sum(d.created for d in first.detectors) == first.hits
    assert (
        sum(d.created for d in again.detectors) == 0 and sum(d.updated for d in again.detectors) == first.hits
    )
    assert len(list_flags(graph).items) == first.hits


def test_review_keeps_status_across_reruns_and_measures_precision(graph: Graph) -> None:
    Loader(graph).load(sample_records())
    run_detectors(graph)
    flag = list_flags(graph, detector="linked-opponents").items[0]
    review_flag(graph, flag.id, "reviewing", "checking the registry", "tester")
    review_flag(graph, flag.id, "confirmed", "same controller", "tester")
    with pytest.raises(Conflict):
        review_flag(graph, flag.id, "new", "undo", "tester")
    run_detectors(graph)
    detail = get_flag(graph, flag.id)
    assert detail.status == "confirmed" and [r.status for r in detail.reviews] == ["reviewing", "confirmed"]
    other = list_flags(graph, detector="penalty-not-transferred").items[0]
    review_flag(graph, other.id, "dismissed", "already prosecuted elsewhere", "tester")
    assert detector_precision(graph) == {"linked-opponents": 1.0, "penalty-not-transferred": 0.0}


def test_list_flags_filters_and_pages(graph: Graph) -> None:
    Loader(graph).load(sample_records())
    run_detectors(graph)
    first = list_flags(graph, limit=1)
    assert len(first.items) == 1 and first.next_cursor
    second = list_flags(graph, limit=1, cursor=first.next_cursor)
    assert second.items[0].id != first.items[0].id and second.next_cursor is None
    party = first.items[0].subjects[0].key
    assert all(any(s.key == party for s in f.subjects) for f in list_flags(graph, party=party).items)
    assert list_flags(graph, severity="low").items == []


def test_a_severity_pages_like_the_full_list_filtered(graph: Graph) -> None:
    """flags/list_by_severity (its own index) gives the pages flags/list gives with the filter applied."""
    Loader(graph).load(sample_records())
    run_detectors(graph)
    everything = list_flags(graph, limit=1000).items
    for severity in ("low", "medium", "high"):
        paged, cursor = [], None
        while True:
            page = list_flags(graph, severity=severity, limit=1, cursor=cursor)  # type: ignore[arg-type]
            paged += page.items
            if (cursor := page.next_cursor) is None:
                break
        assert paged == [f for f in everything if f.severity == severity]
    assert {f.severity for f in everything} - {"low"}, "the sample should flag some medium or high"
