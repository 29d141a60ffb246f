import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipclue.graph.db import Graph, Target
from ipclue.pipeline import ingest
from ipclue.settings import get_settings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture()
def cli_env(neo4j_target: Target, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The ``ipclue`` command pointed at the test server (NEO4J_URI …) with its home under ``tmp_path``;
    the cached settings are dropped before and after, so the test reads this environment and later
    tests do not."""
    monkeypatch.setenv("NEO4J_URI", neo4j_target.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_target.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_target.password)
    monkeypatch.setenv("IPCLUE_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def people_spec(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The hand-checked list of real people the test module names in its ``SPEC``."""
    return dict(json.loads(Path(request.module.SPEC).read_text(encoding="utf-8")))


@pytest.fixture()
def people_loaded(graph: Graph, corpus: Path, people_spec: dict[str, Any], tmp_path: Path) -> Graph:
    """The real Neo4j holding every file the list's entries name (registry JSON, else civil judgments)."""
    groups = ("same_person", "different_person")
    files = sorted({f for group in groups for e in people_spec[group] for f in e["files"]})
    paths = [corpus / ("registry" if f.endswith(".json") else "judgments/civil") / f for f in files]
    ingest(graph, paths, quarantine_dir=tmp_path / "q")
    return graph
