"""The whole ingest path against the real Neo4j: extract, quarantine, resolve, load."""

from __future__ import annotations

import json
from pathlib import Path

from ipclue.extractors.quarantine import Quarantine
from ipclue.graph.db import Graph
from ipclue.graph.schema import counts
from ipclue.pipeline import ingest


def _trademarks(path: Path) -> None:
    lines = [
        {
            "type": "trademark",
            "reg_no": "41000001",
            "mark": "青松",
            "classes": [25],
            "applicant": "杭州青松服饰有限公司",
        },
        {
            "type": "trademark",
            "mark": "无号",
            "classes": [9],
            "applicant": "杭州无号科技有限公司",
        },  # no reg_no
        {
            "type": "trademark",
            "reg_no": "41000003",
            "mark": "白杨",
            "classes": [30],
            "applicant": "杭州青松服饰有限公司",
        },
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")


def test_a_malformed_line_is_quarantined_with_its_position_and_the_rest_load(
    graph: Graph, tmp_path: Path
) -> None:
    data = tmp_path / "in" / "trademarks.jsonl"
    data.parent.mkdir()
    _trademarks(data)
    report = ingest(graph, [data.parent], quarantine_dir=tmp_path / "q")
    assert report.loaded == 2
    rejected = Quarantine(tmp_path / "q").read()
    assert len(rejected) == 1
    assert (
        rejected[0].line == 2 and rejected[0].stage == "validate" and "reg_no" in (rejected[0].detail or "")
    )
    assert counts(graph)["node:Trademark"] == 2
    owners = graph.read("MATCH (p:Party)-[:OWNS]->(t:Trademark) RETURN count(DISTINCT p) AS n")
    assert owners[0]["n"] == 1  # one applicant for both marks


def test_ingesting_the_same_input_twice_changes_nothing(graph: Graph, tmp_path: Path) -> None:
    data = tmp_path / "in" / "trademarks.jsonl"
    data.parent.mkdir()
    _trademarks(data)
    ingest(graph, [data.parent], quarantine_dir=tmp_path / "q1")
    first = counts(graph)
    uids = graph.read("MATCH (p:Party) RETURN p.uid AS uid ORDER BY uid")
    ingest(graph, [data.parent], quarantine_dir=tmp_path / "q2")
    assert counts(graph) == first
    assert graph.read("MATCH (p:Party) RETURN p.uid AS uid ORDER BY uid") == uids


def test_real_civil_judgments_load_or_are_quarantined_with_a_reason(
    graph: Graph, corpus: Path, tmp_path: Path
) -> None:
    civil = corpus / "judgments" / "civil"
    report = ingest(graph, [civil], quarantine_dir=tmp_path / "q")
    judgments = len(list(civil.glob("*.txt")))
    rejected = Quarantine(tmp_path / "q").read()
    not_judgments = [r for r in rejected if r.path.endswith("index.csv")]
    assert report.loaded + len(rejected) - len(not_judgments) == judgments
    assert all(r.reason for r in rejected)
    assert report.loaded >= 0.98 * judgments
    cases = graph.read("MATCH (c:Case) WHERE NOT coalesce(c.stub, false) RETURN count(c) AS n")[0]["n"]
    assert cases == report.loaded
    thin = graph.read(
        "MATCH (c:Case) WHERE NOT coalesce(c.stub, false) AND (c.court IS NULL OR c.court = '' "
        "OR COUNT { (:Party)-[:PARTY_TO]->(c) } < 2) RETURN c.case_no AS case_no"
    )
    assert thin == []


def test_real_registry_copyrights_join_the_owner_of_the_trademarks(
    graph: Graph, corpus: Path, tmp_path: Path
) -> None:
    """Qichacha software and works copyrights load as Copyright nodes owned by the resolved party."""
    registry = corpus / "registry"
    names = (
        "qcc_trademark_records.json",
        "qcc_software_copyright_records.json",
        "qcc_works_copyright_records.json",
    )
    files = [registry / n for n in names]
    report = ingest(graph, files, quarantine_dir=tmp_path / "q")
    assert report.loaded == 23 and Quarantine(tmp_path / "q").read() == []
    assert counts(graph)["node:Copyright"] == 20
    owners = graph.read(
        "MATCH (p:Party)-[r:OWNS]->(c:Copyright) "
        "RETURN p.name AS name, c.kind AS kind, count(c) AS n, "
        "  COUNT { (p)-[:OWNS]->(:Trademark) } AS marks, collect(r.on)[0] IS NOT NULL AS dated "
        "ORDER BY name, kind"
    )
    # 北京小米科技有限责任公司 became 小米科技有限责任公司: a dropped region prefix resolves to one party
    assert sorted((r["kind"], r["n"]) for r in owners) == [("software", 10), ("work", 10)]
    software, works = sorted(owners, key=lambda r: r["kind"])
    assert software["name"] == "苏州朗动网络科技有限公司" and software["marks"] == 3  # across both registers
    assert "小米科技有限责任公司" in works["name"] and all(r["dated"] for r in owners)
    sources = graph.read("MATCH (c:Copyright)-[:FROM_SOURCE]->(s:Source) RETURN count(DISTINCT s) AS n")
    assert sources[0]["n"] == 2
