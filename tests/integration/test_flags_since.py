"""The ``since`` cursor follows ``updated_at``: a reviewed flag reappears for a polling consumer; a rerun that
changes nothing does not make every flag reappear."""

from __future__ import annotations

import importlib.util
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ipclue.graph.db import Graph
from tests.integration.test_api_support import auth, load_data, make_client, run_detection

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipclue.detect") is None, reason="no ipclue.detect")


def _poll(client, since: datetime) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    r = client.get("/api/v1/flags", params={"since": since.isoformat()}, headers=auth("consumer"))
    assert r.status_code == 200, r.text
    items: list[dict[str, object]] = r.json()["items"]
    return items


def test_reviewed_flag_reappears_for_a_polling_consumer(graph: Graph, tmp_path: Path) -> None:
    load_data(graph)
    assert run_detection(graph) > 0
    with make_client(graph, tmp_path) as client:
        time.sleep(0.05)
        mark = datetime.now(UTC)
        assert _poll(client, mark) == []
        run_detection(graph)  # nothing changed: nothing reappears
        assert _poll(client, mark) == []
        flag = client.get("/api/v1/flags", headers=auth("investigator")).json()["items"][0]
        r = client.post(
            f"/api/v1/flags/{flag['id']}/review", json={"status": "reviewing"}, headers=auth("supervisor")
        )
        assert r.status_code == 200, r.text
        polled = _poll(client, mark)
        assert [(f["id"], f["status"]) for f in polled] == [(flag["id"], "reviewing")]
        assert datetime.fromisoformat(str(polled[0]["updated_at"])) >= mark
        assert datetime.fromisoformat(str(polled[0]["created_at"])) < mark
