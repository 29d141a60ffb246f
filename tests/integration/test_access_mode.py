"""Every query goes to Neo4j in the access mode a cluster routes by: READ for reads, WRITE for writes.

The driver's own wire log (``neo4j.io`` at DEBUG: ``C: BEGIN {'mode': 'r'}``, ``C: RUN … {'mode': 'r'}``
for an auto-commit read; no mode is WRITE) is read back, for every query of an ingest, a load,
detection, explanation, a user judgement and the API's sync and async routes.
"""

from __future__ import annotations

import ast
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ipclue.api.store import api_query
from ipclue.detect import run_detectors
from ipclue.detect.catalog import load_catalog, validate_catalog
from ipclue.graph.db import Graph, Target, connect
from ipclue.graph.resolution import explain, force_merge
from ipclue.pipeline import ingest
from ipclue.synth import generate
from tests.integration.test_api_support import auth, load_data, make_client, uid_of

WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP)\b")
_LINE = re.compile(r"\[#(?P<conn>\w+)\]\s+C: (?P<msg>BEGIN|RUN|COMMIT|ROLLBACK|ROUTE)(?P<rest>.*)", re.S)
_RUN = re.compile(r"\s*(?P<q>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?P<tail>.*)", re.S)
_READ = re.compile(r"\{[^{}]*'mode': 'r'[^{}]*\}\s*$", re.S)


class WireModes(logging.Handler):
    """(query, 'r' | 'w') for every RUN the driver sends, and the messages seen."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.runs: list[tuple[str, str]] = []
        self.messages: set[str] = set()
        self._tx: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        m = _LINE.search(record.getMessage())
        if m is None:
            return
        conn, msg, rest = m["conn"], m["msg"], m["rest"]
        self.messages.add(msg)
        if msg == "BEGIN":
            self._tx[conn] = "r" if _READ.search(rest) else "w"
        elif msg in ("COMMIT", "ROLLBACK"):
            self._tx.pop(conn, None)
        elif msg == "RUN" and (run := _RUN.match(rest)):
            mode = self._tx.get(conn) or ("r" if _READ.search(run["tail"]) else "w")
            self.runs.append((ast.literal_eval(run["q"]), mode))


def _strip(cypher: str) -> str:
    return "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))


@pytest.fixture()
def wire() -> Iterator[WireModes]:
    handler = WireModes()
    logger = logging.getLogger("neo4j")
    old = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old)


def _api_calls(client: TestClient) -> None:
    h, sup = auth("investigator"), auth("supervisor")
    uid = uid_of(client, "深圳市星河电子有限公司")
    for url in (f"/api/v1/parties/{uid}", f"/api/v1/parties/{uid}/graph", f"/api/v1/parties/{uid}/risk",
                "/api/v1/flags", "/api/v1/detectors", "/api/v1/cases/(2021)粤0305民初1001号",
                "/api/v1/trademarks/30000001", "/api/v1/health"):  # fmt: skip
        assert client.get(url, headers=h).status_code == 200, url
    assert client.get("/api/v1/stats", headers=sup).status_code == 200
    flags = client.get("/api/v1/flags", headers=sup).json()["items"]
    if flags:
        fid = flags[0]["id"]
        assert client.get(f"/api/v1/flags/{fid}", headers=sup).status_code == 200
        review = {"status": "confirmed", "note": "核实"}
        assert client.post(f"/api/v1/flags/{fid}/review", json=review, headers=sup).status_code == 200


def test_every_read_is_sent_in_read_mode_and_every_write_in_write_mode(
    graph: Graph, wire: WireModes, tmp_path: Path
) -> None:
    generate(tmp_path / "corpus", 50, 2, "demo")
    ingest(graph, [tmp_path / "corpus"], quarantine_dir=tmp_path / "q")
    load_data(graph)
    validate_catalog(graph, load_catalog())
    run_detectors(graph)
    with make_client(graph, tmp_path) as client:
        _api_calls(client)
        a, b = (uid_of(client, n) for n in ("深圳市星河电子有限公司", "深圳市银河贸易有限公司"))
    explain(graph, a)
    force_merge(graph, a, b, note="test")
    wrong = [(mode, q[:120]) for q, mode in wire.runs if (mode == "w") != bool(WRITES.search(_strip(q)))]
    assert not wrong, wrong
    sent = {_strip(q).strip() for q, mode in wire.runs if mode == "r"}
    for name in ("party_profile", "graph_expand", "party_flags", "case", "party_search"):
        assert _strip(api_query(name)).strip() in sent, name  # the async and sync API routes were seen
    assert any(mode == "w" for _, mode in wire.runs) and len(wire.runs) > 100


def test_a_routing_uri_reaches_the_managed_server(graph: Graph, wire: WireModes, tmp_path: Path) -> None:
    assert graph.target is not None
    routed = Target(graph.target.uri.replace("bolt://", "neo4j://"), graph.target.user,
                    graph.target.password, graph.target.database, False)  # fmt: skip
    g = Graph(connect(routed), routed.database, 30.0, routed)
    try:
        load_data(g)
        with make_client(g, tmp_path) as client:
            uid = uid_of(client, "深圳市星河电子有限公司")
            r = client.get(f"/api/v1/parties/{uid}", headers=auth("investigator"))  # an async read
            assert r.status_code == 200 and r.json()["uid"] == uid
    finally:
        g.close()
    assert "ROUTE" in wire.messages  # the driver asked the server for its routing table
    assert any(mode == "r" for _, mode in wire.runs) and any(mode == "w" for _, mode in wire.runs)
