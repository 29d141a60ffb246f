"""The batched loader against the real Neo4j: idempotent, provenance, bad rows isolated."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ipclue.extractors.quarantine import Quarantine
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader, graph_lookup
from ipclue.graph.resolve import KeyResolver
from ipclue.graph.schema import counts, wipe
from ipclue.models import Company, Judgment, PartyMention, SourceRef
from ipclue.normalize import uscc_check_char
from ipclue.sample import sample_records


def _judgment(case_no: str, n: int) -> Judgment:
    src = SourceRef(path=f"t/{n}.txt", sha256=hashlib.sha256(str(n).encode()).hexdigest())
    parties = [
        PartyMention(name=f"甲{n}科技有限公司", role="plaintiff", role_text="原告", kind="org"),
        PartyMention(name=f"乙{n}贸易有限公司", role="defendant", role_text="被告", kind="org"),
    ]
    return Judgment(
        case_no=case_no, case_no_raw=case_no, court="某市中级人民法院", parties=parties, source=src
    )


def test_loading_twice_leaves_identical_counts(graph: Graph) -> None:
    loader = Loader(graph, batch_size=3)
    first = loader.load(sample_records())
    after_first = counts(graph)
    second = loader.load(sample_records())
    assert not first.rejections and not second.rejections
    assert counts(graph) == after_first
    assert after_first["node:Party"] == 6 and after_first["rel:PARTY_TO"] == 2


def test_concurrent_node_writers_load_the_same_graph(graph: Graph) -> None:
    records = [_judgment(f"(2020)测{n}号", n) for n in range(40)] + sample_records()
    Loader(graph, batch_size=7).load(records)
    serial = counts(graph)
    wipe(graph)
    report = Loader(graph, batch_size=7, workers=2).load(records)
    assert not report.rejections
    assert counts(graph) == serial
    assert serial["node:Party"] == 86 and serial["rel:PARTY_TO"] == 82


def test_every_node_names_its_source(graph: Graph) -> None:
    Loader(graph).load(sample_records())
    # A mention has exactly one source, its IN_SOURCE relationship; every other node lists its sources.
    orphans = graph.read(
        "MATCH (n) WHERE NOT n:Source AND NOT n:SchemaMeta "
        "WITH n, CASE WHEN n:Mention THEN COLLECT { MATCH (n)-[:IN_SOURCE]->(s:Source) RETURN s.sha256 } "
        "ELSE n.sources END AS shas "
        "WHERE shas IS NULL OR size(shas) = 0 "
        "OR any(s IN shas WHERE s IS NULL OR NOT EXISTS { MATCH (:Source {sha256: s}) }) "
        "RETURN labels(n) AS labels, properties(n) AS props LIMIT 5"
    )
    assert orphans == []


def test_a_refused_record_is_reported_and_the_rest_load(graph: Graph) -> None:
    records = [_judgment(f"(2020)测民初{i}号", i) for i in range(9)]
    records.insert(4, _judgment("(2020)测民初" + "9" * 40000 + "号", 99))  # too large for the index
    report = Loader(graph, batch_size=100).load(records)
    assert len(report.rejections) == 1
    bad = report.rejections[0]
    assert bad.path == "t/99.txt" and bad.stage == "load" and bad.reason == "refused-by-database:case"
    assert graph.read("MATCH (c:Case) RETURN count(c) AS n")[0]["n"] == 9
    assert graph.read("MATCH (:Party)-[r:PARTY_TO]->(:Case) RETURN count(r) AS n")[0]["n"] == 18


def test_refers_to_keeps_rule_and_evidence(graph: Graph) -> None:
    Loader(graph).load(sample_records())
    rows = graph.read(
        "MATCH (m:Mention)-[r:REFERS_TO]->(p:Party {uid: $uid}) RETURN r.rule AS rule, "
        "r.evidence AS evidence",
        uid="org-" + "91440300MA5D00001" + _check("91440300MA5D00001"),
    )
    assert rows and all(r["rule"] in {"org:uscc", "org:name-exact"} for r in rows)


def _check(body: str) -> str:
    from ipclue.normalize import uscc_check_char

    return uscc_check_char(body) or ""


LINKS = "MATCH (m:Mention)-[:REFERS_TO]->(p:Party) RETURN m.id AS m, p.uid AS p ORDER BY m"


class _AfterEachChunk(KeyResolver):
    """The same resolver, declared as reading the whole previous chunk: no resolving ahead."""

    reads_only_nodes = False


def test_resolving_ahead_links_like_resolving_after_each_chunk(graph: Graph) -> None:
    """The next chunk is resolved while this one's relationships load; a name-only mention of a company
    registered in the chunk before must still find that company (its Party is written first)."""
    src = SourceRef(path="t/company.json", sha256=hashlib.sha256(b"company").hexdigest())
    company = Company(name="丙科技有限公司", uscc=_uscc(), legal_representative="王伟", source=src)
    records = [company, *(_judgment(f"(2021)测{n}号", n) for n in range(3))]
    records[1].parties[0].name = "丙科技有限公司"  # type: ignore[attr-defined]
    links = []
    for resolver in (_AfterEachChunk(graph_lookup(graph)), KeyResolver(graph_lookup(graph))):
        wipe(graph)
        Loader(graph, batch_size=1, resolver=resolver).load(records)
        links.append(
            graph.read("MATCH (m:Mention)-[:REFERS_TO]->(p:Party) RETURN m.id AS m, p.uid AS p ORDER BY m")
        )
    assert links[0] == links[1]
    sha = records[1].source.sha256[:20]  # type: ignore[attr-defined]
    plaintiff = [r["p"] for r in links[1] if r["m"].startswith(sha)]
    assert f"org-{_uscc()}" in plaintiff


def _uscc() -> str:
    body = "91440300MA5D00001"
    return body + (uscc_check_char(body) or "0")


def test_a_record_the_database_refuses_is_quarantined_with_its_file_and_line(
    graph: Graph, tmp_path: Path
) -> None:
    """A name too long for the name index: the database refuses that party's row; the rejection names
    the input file and line (not a mention id), and the other lines load."""
    from ipclue.pipeline import ingest

    data = tmp_path / "in" / "companies.jsonl"
    data.parent.mkdir()
    huge = "巨" * 12_000 + "有限公司"
    lines = [{"type": "company", "name": "正常科技有限公司"}, {"type": "company", "name": huge}]
    data.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    report = ingest(graph, [data.parent], quarantine_dir=tmp_path / "q")
    refused = [r for r in Quarantine(tmp_path / "q").read() if r.stage == "load"]
    assert refused and all(r.path == str(data) and r.line == 2 for r in refused), refused
    assert report.balanced()
    names = {r["n"] for r in graph.read("MATCH (p:Party) RETURN p.name AS n")}
    assert "正常科技有限公司" in names and huge not in names
