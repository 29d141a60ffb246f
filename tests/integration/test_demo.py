"""``ipclue demo`` end to end on the test server: its counts agree with the ingest report it prints."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from ipclue.cli import app
from ipclue.graph.db import Graph, Target
from ipclue.settings import get_settings


def test_demo_counts_agree_and_name_the_server(
    graph: Graph, neo4j_target: Target, cli_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPCLUE_INSTANCE", "pytest-demo-test")  # restored after the demo changes it
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--parties", "60"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    generated = re.search(r"\(([\d,]+) records\) in ([\d,]+) files", text)
    assert generated, text[:500]
    records, files = (int(g.replace(",", "")) for g in generated.groups())
    assert re.search(rf"│ files │ {files:,} │", text), "the ingest report counts the same files"
    assert re.search(rf"│ records read │ {records:,} │", text), "and the same records"
    assert f"the demo's data is in the Neo4j at {neo4j_target.uri}" in text
    assert graph.read("MATCH (f:Flag) RETURN count(f) AS n")[0]["n"] > 0
