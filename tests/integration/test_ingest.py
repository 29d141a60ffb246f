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


def test_one_bad_input_never_stops_the_batch_and_every_input_is_counted(graph: Graph, tmp_path: Path) -> None:
    """Odd names, deep nesting and links next to good files: the good ones load, each other input is
    quarantined or skipped with its reason, and ``read = loaded + quarantined + skipped``."""
    import os

    root = tmp_path / "in"
    root.mkdir()
    _trademarks(root / "trademarks.jsonl")
    gbk = os.fsencode(root) + b"/" + "企业名单-companies.jsonl".encode("gbk")
    Path(os.fsdecode(gbk)).write_text('{"type": "company", "name": "名单科技有限公司"}\n', encoding="utf-8")
    (root / "deep.json").write_text("[" * 200_000, encoding="utf-8")
    (root / "passwd.jsonl").symlink_to("/etc/passwd")
    (root / "loop").symlink_to(root / "loop")
    (root / "..hidden.jsonl").write_text('{"type": "company", "name": "藏"}\n', encoding="utf-8")
    report = ingest(graph, [root], quarantine_dir=tmp_path / "q")
    assert report.balanced(), report
    assert report.loaded == 3 and report.records == 3
    assert report.quarantined == {"invalid-record": 1, "too-deep": 1}, report.quarantined
    assert report.skipped == {"symlink-outside-roots": 1, "symlink-loop": 1, "hidden": 1}, report.skipped
    names = {r["n"] for r in graph.read("MATCH (p:Party) RETURN p.name AS n")}
    assert {"名单科技有限公司", "杭州青松服饰有限公司"} <= names and "藏" not in names
    stored = graph.read("MATCH (s:Source) RETURN s.path AS p")
    assert any(r["p"].endswith("企业名单-companies.jsonl") for r in stored)
    lines = (tmp_path / "q" / "rejections.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(report.quarantined.values()) + sum(report.skipped.values())
    assert "root:" not in (tmp_path / "q" / "rejections.jsonl").read_text(encoding="utf-8")
