"""A rights holder with many cases: the work per case of the queries that look up a case's agents does
not grow with the holder's case count. Database hits are counted (PROFILE), not timed: expanding
the holder's REPRESENTED_BY edges per case made them quadratic (bench/hub_cases.py: at 16,000
cases the group pass's suits read took 123 s, and timed out at the default 20 s)."""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

import pytest

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution.links import SIDE_A, SIDE_B
from ipclue.graph.resolution.suits import SIDES
from ipclue.graph.schema import wipe
from ipclue.models import Agent, Judgment
from tests.integration.test_detect_records import judgment

HOLDER = "某某品牌有限公司"
GIVEN = "明亮华军建国志强秀英桂兰海燕振东"


def shop(i: int) -> str:
    return f"某{i}号商行"


def cases(n: int) -> list[Judgment]:
    """``n`` suits of HOLDER (one lawyer of one firm in each) against shops, each shop with its own
    法定代表人 (王 + two given-name characters) and agent."""
    lawyer = Agent(name="甲律师", organization="某某律师事务所", title="律师")
    out = []
    for i in range(n):
        own = Agent(name=f"代理人{i}", organization=f"某{i}律师事务所", title="律师")
        j = judgment(
            f"（2015）某民初字第{i + 1}号", HOLDER, shop(i), outcome="upheld", on=date(2015, 1, 1),
            p_agent=lawyer, d_agent=own,
        )  # fmt: skip
        rep = "王" + GIVEN[i % len(GIVEN)] + GIVEN[i // len(GIVEN) % len(GIVEN)]
        parties = [j.parties[0], j.parties[1].model_copy(update={"legal_representative": rep})]
        out.append(j.model_copy(update={"parties": parties}))
    return out


def db_hits(graph: Graph, stmt: LiteralString, **params: Any) -> int:
    with graph.driver.session(database=graph.database) as session:
        profile = session.run("PROFILE " + stmt, params).consume().profile
    assert profile is not None

    def total(op: dict[str, Any]) -> int:
        return int(op.get("dbHits", 0)) + sum(total(c) for c in op.get("children", []))

    return total(profile)


def uid_of(graph: Graph, name: str) -> str:
    return str(graph.read("MATCH (p:Party {name: $name}) RETURN p.uid AS uid", name=name)[0]["uid"])


def hits_per_case(graph: Graph, n: int) -> dict[str, int]:
    """The database hits of each lookup for shop 0's case, with HOLDER at ``n`` cases."""
    report = Loader(graph).load(list(cases(n)))
    assert not report.rejections, report.rejections
    rep = graph.read(
        "MATCH (p:Party)-[:LEGAL_REP_OF]->(:Party {name: $shop}) RETURN p.uid AS uid", shop=shop(0)
    )[0]["uid"]
    pair = sorted((uid_of(graph, HOLDER), uid_of(graph, shop(0))))
    return {
        "resolve/group_suits": db_hits(graph, query("resolve/group_suits"), uids=[rep], roles=sorted(SIDES)),
        "derive/linked_same_agent_of": db_hits(
            graph, query("derive/linked_same_agent_of"), pairs=[pair], side_a=SIDE_A, side_b=SIDE_B
        ),
        "api/case": db_hits(graph, query("api/case"), key="（2015）某民初字第1号", cap=200),
    }


@pytest.mark.parametrize("name", ["resolve/group_suits", "derive/linked_same_agent_of", "api/case"])
def test_work_per_case_does_not_grow_with_the_holders_cases(graph: Graph, name: str) -> None:
    small = hits_per_case(graph, 20)[name]
    wipe(graph)
    large = hits_per_case(graph, 200)[name]
    assert large <= small * 1.5, (name, small, large)


def test_full_derive_of_same_agent_links_grows_with_the_cases_only(graph: Graph) -> None:
    """derive/linked_same_agent over the whole graph: ×10 cases, at most ×15 hits (it was ×100)."""
    stmt, params = query("derive/linked_same_agent"), {"side_a": SIDE_A, "side_b": SIDE_B}
    Loader(graph).load(list(cases(20)))
    small = db_hits(graph, stmt, **params)
    wipe(graph)
    Loader(graph).load(list(cases(200)))
    large = db_hits(graph, stmt, **params)
    assert large <= small * 15, (small, large)
