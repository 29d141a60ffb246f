"""The review queue of possible matches (``GET /possible-matches``, ``ipclue possible``): best score
first, paged by cursor, filtered; a decided match leaves it (real Neo4j)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ipclue.cli import app
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from tests.integration.test_api_support import auth, make_client
from tests.integration.test_cli import cli  # noqa: F401  (fixture)
from tests.integration.test_group_resolution import _company

QUEUE = "/api/v1/possible-matches"


def load(graph: Graph) -> None:
    """Three names, each the legal representative of two companies of one 字号 (2, 3 and 4
    characters long: three possible matches of different scores)."""
    pairs = [("欧阳锋", "飞鸿"), ("令狐冲", "华山剑"), ("黄药师", "桃花岛主")]
    records = [
        _company(f"杭州{trade}{kind}有限公司", rep, f"杭州市西湖区{trade}路{i}号")
        for rep, trade in pairs
        for i, kind in enumerate(("科技", "贸易"))
    ]
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(records)
    derive(graph)


def test_queue_is_best_first_and_pages_by_cursor(graph: Graph, tmp_path: Path) -> None:
    load(graph)
    with make_client(graph, tmp_path) as c:
        first = c.get(QUEUE, params={"limit": 2}, headers=auth("investigator"))
        assert first.status_code == 200, first.text
        body = first.json()
        assert body["total"] == 3 and len(body["items"]) == 2 and body["next_cursor"]
        rest = c.get(QUEUE, params={"limit": 2, "cursor": body["next_cursor"]}, headers=auth("investigator"))
        last = rest.json()
        assert last["total"] == 3 and len(last["items"]) == 1 and last["next_cursor"] is None
    items = body["items"] + last["items"]
    assert [i["a_name"] for i in items] == ["黄药师", "令狐冲", "欧阳锋"]  # the longer the 字号, the higher
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 3
    assert all(i["rule"] == "person:group-trade-name" and i["a"] < i["b"] for i in items)


def test_queue_filters_and_refuses_a_bad_cursor(graph: Graph, tmp_path: Path) -> None:
    load(graph)
    with make_client(graph, tmp_path) as c:
        top = c.get(QUEUE, headers=auth("investigator")).json()["items"][0]
        high = c.get(QUEUE, params={"min_score": top["score"]}, headers=auth("investigator")).json()
        assert high["total"] == 1 and high["items"][0]["a"] == top["a"]
        none = c.get(QUEUE, params={"rule": "person:group-name-roles"}, headers=auth("investigator")).json()
        assert none == {"items": [], "total": 0, "next_cursor": None}
        bad = c.get(QUEUE, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=auth("investigator"))
        assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
        assert "cursor" in bad.json()["detail"]
        assert c.get(QUEUE, headers={"X-API-Key": "not-a-key"}).status_code == 401


def test_a_rejected_match_leaves_the_queue_and_the_cli_pages(
    cli: CliRunner,  # noqa: F811
    graph: Graph,
    tmp_path: Path,
) -> None:
    load(graph)
    with make_client(graph, tmp_path) as c:
        top = c.get(QUEUE, headers=auth("investigator")).json()["items"][0]
        done = c.post(
            f"/api/v1/parties/{top['a']}/possible-matches/{top['b']}/reject",
            json={},
            headers=auth("supervisor"),
        )
        assert done.status_code == 200, done.text
        assert c.get(QUEUE, headers=auth("investigator")).json()["total"] == 2
    shown = cli.invoke(app, ["possible", "--limit", "1"])
    assert shown.exit_code == 0, shown.output
    assert "2 possible matches" in shown.output and "next page: ipclue possible --cursor" in shown.output
    cursor = shown.output.rsplit("--cursor", 1)[1].split()[0]
    tail = cli.invoke(app, ["possible", "--limit", "1", "--cursor", cursor])
    assert tail.exit_code == 0 and "欧阳锋" in tail.output and "next page" not in tail.output, tail.output
