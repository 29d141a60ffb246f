"""The managed Neo4j is real: version, lifecycle, schema."""

from __future__ import annotations

import subprocess

from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.db import Graph
from ipclue.graph.schema import SCHEMA_VERSION, apply_schema, schema_version
from ipclue.settings import Settings


def test_server_is_neo4j_5_26_community(graph: Graph) -> None:
    rows = graph.read("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition")
    assert rows[0]["name"] == "Neo4j Kernel"
    assert rows[0]["versions"][0].startswith("5.26.")
    assert rows[0]["edition"] == "community"


def test_schema_is_idempotent_and_versioned(graph: Graph) -> None:
    before = graph.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    apply_schema(graph)
    apply_schema(graph)
    after = graph.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    assert before == after >= 12
    assert schema_version(graph) == SCHEMA_VERSION


def _java_pids(instance_dir: str) -> list[str]:
    out = subprocess.run(["pgrep", "-f", "--", f"--home-dir={instance_dir}"], capture_output=True, text=True)
    return out.stdout.split()


def test_start_then_stop_leaves_no_java_process(tmp_path_factory: object) -> None:
    server = ManagedNeo4j(Settings(), instance="lifecycle-test")
    state = server.start()
    try:
        assert server.running() == state
        assert _java_pids(str(server.dir)), "a Java process should run while started"
        assert server.start() == state  # a second start reuses the running server
    finally:
        assert server.stop()
    assert server.running() is None
    assert _java_pids(str(server.dir)) == []
    assert not server.stop()  # stopping again is a no-op
    server.destroy()
