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
    """Four names, each the legal representative of two companies of one 字号 (2, 3, 4 and 2
    characters long: four possible matches, two of them of one score)."""
    pairs = [("欧阳锋", "飞鸿"), ("令狐冲", "华山剑"), ("黄药师", "桃花岛主"), ("洪七公", "丐帮")]
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
        assert body["total"] == 4 and len(body["items"]) == 2 and body["next_cursor"]
        items, cursor = list(body["items"]), body["next_cursor"]
        while cursor:  # one at a time through the tie
            page = c.get(QUEUE, params={"limit": 1, "cursor": cursor}, headers=auth("investigator")).json()
            assert page["total"] == 4 and len(page["items"]) == 1
            items += page["items"]
            cursor = page["next_cursor"]
    assert len(items) == 4 and len({(i["a"], i["b"]) for i in items}) == 4  # nothing twice, nothing left out
    assert [i["a_name"] for i in items[:2]] == ["黄药师", "令狐冲"]  # the longer the 字号, the higher
    assert {i["a_name"] for i in items[2:]} == {"欧阳锋", "洪七公"} and items[2]["score"] == items[3]["score"]
    assert items[2]["a"] < items[3]["a"]  # a tie goes by uid
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)
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
        assert c.get(QUEUE, headers=auth("investigator")).json()["total"] == 3
    shown = cli.invoke(app, ["possible", "--limit", "2"])
    assert shown.exit_code == 0, shown.output
    assert "3 possible matches" in shown.output, shown.output
    (line,) = [x for x in shown.output.splitlines() if x.startswith("next page: ipclue possible --cursor ")]
    tail = cli.invoke(app, ["possible", "--limit", "2", "--cursor", line.rsplit(" ", 1)[1]])
    assert tail.exit_code == 0 and "next page" not in tail.output, tail.output
    bad = cli.invoke(app, ["possible", "--cursor", "bm90LWEtY3Vyc29y"])
    assert bad.exit_code == 2 and "not a next_cursor" in bad.output, bad.output
