"""Possible matches over the API: listed on the party, confirmed or rejected by an investigator;
a flag's detail carries its dependencies and the 线索依赖 line."""

from __future__ import annotations

from pathlib import Path

from ipclue.graph.db import Graph
from tests.integration.test_api_support import auth, make_client
from tests.integration.test_flag_dependencies import detect, load
from tests.integration.test_group_resolution import persons


def _pair(graph: Graph) -> tuple[str, str]:
    a, b = sorted({str(r["uid"]) for r in persons(graph, "欧阳锋")})
    return a, b


def test_list_confirm_and_roles(graph: Graph, tmp_path: Path) -> None:
    load(graph)
    a, b = _pair(graph)
    with make_client(graph, tmp_path) as c:
        r = c.get(f"/api/v1/parties/{a}/possible-matches", headers=auth("investigator"))
        assert r.status_code == 200, r.text
        (item,) = r.json()["items"]
        assert item["uid"] == b and item["rule"] == "person:group-trade-name" and 0.6 <= item["score"] < 0.85
        denied = c.post(
            f"/api/v1/parties/{a}/possible-matches/{b}/confirm", json={}, headers=auth("consumer")
        )
        assert denied.status_code == 403
        ok = c.post(
            f"/api/v1/parties/{a}/possible-matches/{b}/confirm",
            json={"note": "核实"},
            headers=auth("supervisor"),
        )
        assert ok.status_code == 200 and ok.json()["uid"] == a, ok.text
        again = c.post(
            f"/api/v1/parties/{a}/possible-matches/{b}/reject", json={}, headers=auth("supervisor")
        )
        assert again.status_code in (404, 422), again.text  # b is gone: nothing left to decide
    assert {r["uid"] for r in persons(graph, "欧阳锋")} == {a}


def test_reject_and_flag_dependencies(graph: Graph, tmp_path: Path) -> None:
    load(graph)
    fid = detect(graph)
    a, b = _pair(graph)
    with make_client(graph, tmp_path) as c:
        flag = c.get(f"/api/v1/flags/{fid}", headers=auth("investigator")).json()
        assert flag["dependency_summary"].startswith("线索依赖：") and "飞鸿" in flag["dependency_summary"]
        assert any(d["kind"] == "possible" for d in flag["dependencies"]) and flag["stale"] is False
        r = c.post(
            f"/api/v1/parties/{b}/possible-matches/{a}/reject",
            json={"note": "x"},
            headers=auth("supervisor"),
        )
        assert r.status_code == 200, r.text
        assert (
            c.get(f"/api/v1/parties/{a}/possible-matches", headers=auth("investigator")).json()["items"] == []
        )
        assert c.get(f"/api/v1/flags/{fid}", headers=auth("investigator")).json()["stale"] is True
