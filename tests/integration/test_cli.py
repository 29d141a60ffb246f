"""The ``ipclue`` command end to end against the real Neo4j (NEO4J_URI pointed at the test server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipclue.cli import app
from ipclue.graph.db import Graph

TRADEMARKS = [
    {
        "type": "trademark",
        "reg_no": "42000001",
        "mark": "青松",
        "classes": [25],
        "applicant": "杭州青松服饰有限公司",
        "applicant_address": "杭州市西湖区文三路1号",
    },
    {
        "type": "trademark",
        "reg_no": "42000002",
        "mark": "青松",
        "classes": [18],
        "applicant": "杭州青松服饰有限责任公司",
        "applicant_address": "杭州市西湖区文三路1号",
    },
]


@pytest.fixture()
def cli(graph: Graph, cli_env: None) -> CliRunner:
    return CliRunner()


def _ingest(cli: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "in" / "trademarks.jsonl"
    data.parent.mkdir()
    data.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in TRADEMARKS) + "\n", encoding="utf-8")
    result = cli.invoke(app, ["ingest", str(data.parent)])
    assert result.exit_code == 0, result.output
    assert "records loaded" in result.output


def _party_uids(graph: Graph) -> list[str]:
    return [r["uid"] for r in graph.read("MATCH (p:Party {kind: 'org'}) RETURN p.uid AS uid ORDER BY uid")]


def test_ingest_explain_split_and_merge_through_the_cli(cli: CliRunner, graph: Graph, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    [uid] = _party_uids(graph)  # the two spellings of one company at one address are one party
    explained = cli.invoke(app, ["explain", uid])
    assert explained.exit_code == 0 and "org:" in explained.output
    mention = graph.read(
        "MATCH (m:Mention)-[:REFERS_TO]->(:Party {uid: $uid}) WHERE m.name ENDS WITH '有限责任公司' "
        "RETURN m.id AS id",
        uid=uid,
    )[0]["id"]
    split = cli.invoke(app, ["split", uid, "--mention", mention, "--note", "different company"])
    assert split.exit_code == 0, split.output
    assert len(_party_uids(graph)) == 2
    _ingest_again = cli.invoke(app, ["ingest", str(tmp_path / "in")])
    assert _ingest_again.exit_code == 0 and len(_party_uids(graph)) == 2  # the split survives re-ingestion
    other = next(u for u in _party_uids(graph) if u != uid)
    merged = cli.invoke(app, ["merge", uid, other, "--note", "same company after all"])
    assert merged.exit_code == 0, merged.output
    assert _party_uids(graph) == [uid]


def test_detect_and_flags_through_the_cli(cli: CliRunner, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    listed = cli.invoke(app, ["detectors"], env={"COLUMNS": "300"})
    assert listed.exit_code == 0 and "linked-opponents" in listed.output
    ran = cli.invoke(app, ["detect"])
    assert ran.exit_code == 0, ran.output
    flags = cli.invoke(app, ["flags", "--json"])
    assert flags.exit_code == 0
    json.loads(flags.stdout)  # machine-readable even when empty
