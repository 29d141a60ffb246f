from collections.abc import Iterator
from pathlib import Path

import pytest

from ipclue.graph.db import Target
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
