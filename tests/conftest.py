"""Test fixtures: one real Neo4j per run (external, testcontainers or managed), data wiped per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipclue.graph.db import Graph, Target, connect
from ipclue.graph.schema import apply_schema, wipe
from ipclue.settings import Settings
from tests.corpus import need

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def _docker_reachable() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        import docker  # type: ignore[import-untyped]

        docker.from_env().ping()
    except Exception:
        return False
    return True


@pytest.fixture(scope="session")
def corpus() -> Path:
    return need(CORPUS)  # a skip on a developer machine, a failure in CI


@pytest.fixture(scope="session")
def neo4j_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    """NEO4J_URI if set; testcontainers when IPCLUE_TEST_DOCKER=1 and Docker answers; else managed."""
    settings = Settings()
    if settings.neo4j_uri and settings.neo4j_password:
        yield Target(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
            False,
        )
        return
    if os.environ.get("IPCLUE_TEST_DOCKER") == "1" and _docker_reachable():
        yield from _container_target()
        return
    yield from _managed_target(settings)


def _container_target() -> Iterator[Target]:
    from testcontainers.neo4j import Neo4jContainer

    with Neo4jContainer("neo4j:5.26-community", password="ipclue-test-pw") as container:
        yield Target(container.get_connection_url(), "neo4j", "ipclue-test-pw", "neo4j", False)


def _managed_target(settings: Settings) -> Iterator[Target]:
    """CI uses the instance ``pytest`` (started by .ci/run); a developer run gets its own instance."""
    from ipclue.dbms.managed import ManagedNeo4j

    shared = os.environ.get("IPCLUE_TEST_INSTANCE") or ("pytest" if os.environ.get("CI") else None)
    server = ManagedNeo4j(settings, instance=shared or f"pytest-{os.getpid()}")
    already = server.running()
    state = already or server.start()
    try:
        yield Target(state.uri, "neo4j", state.password, "neo4j", True)
    finally:
        if not shared:
            server.destroy()
        elif already is None:
            server.stop()


@pytest.fixture(scope="session")
def graph_session(neo4j_target: Target) -> Iterator[Graph]:
    graph = Graph(connect(neo4j_target), neo4j_target.database, timeout=60.0, target=neo4j_target)
    apply_schema(graph)
    yield graph
    graph.close()


@pytest.fixture()
def graph(graph_session: Graph) -> Graph:
    """The real Neo4j, emptied before the test (schema kept): data isolated per test."""
    wipe(graph_session)
    return graph_session
