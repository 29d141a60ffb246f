"""Real judgments: the same company across civil judgments is one Party; same-name people are not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.models import Record

PAIRS = Path(__file__).resolve().parents[1] / "data" / "linkage_pairs.json"


@pytest.fixture()
def loaded(graph: Graph, corpus: Path) -> tuple[Graph, dict[str, Any]]:
    judgment = pytest.importorskip("ipclue.extractors.judgment")
    text = pytest.importorskip("ipclue.extractors.text")
    spec = json.loads(PAIRS.read_text(encoding="utf-8"))
    files = sorted(
        {f for group in spec.values() if isinstance(group, list) for e in group for f in e["files"]}
    )
    root = corpus / "judgments" / "civil"
    records: list[Record] = [judgment.extract_judgment(text.read_document(root / f)) for f in files]
    Loader(graph, resolver=GraphResolver(graph), batch_size=4).load(records)
    derive(graph)
    return graph, spec


def _uids(graph: Graph, name: str, files: list[str]) -> set[str]:
    rows = graph.read(
        "MATCH (m:Mention)-[:REFERS_TO]->(p:Party) MATCH (m)-[:IN_SOURCE]->(s:Source) "
        "WHERE m.name_key = $name RETURN s.path AS path, p.uid AS uid",
        name=name.replace("（", "(").replace("）", ")"),
    )
    return {r["uid"] for r in rows if Path(r["path"]).name in files}


def test_same_company_is_one_party(loaded: tuple[Graph, dict[str, Any]]) -> None:
    graph, spec = loaded
    for entry in spec["same_org"] + spec["same_person"]:
        assert len(_uids(graph, entry["name"], entry["files"])) == 1, entry


def test_same_name_different_people_stay_apart(loaded: tuple[Graph, dict[str, Any]]) -> None:
    graph, spec = loaded
    for entry in spec["different_person"] + spec["anonymised"]:
        assert len(_uids(graph, entry["name"], entry["files"])) == len(entry["files"]), entry
