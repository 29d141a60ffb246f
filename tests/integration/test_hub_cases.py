"""A rights holder with many cases: the work per case of the queries that look up a case's agents does
not grow with the holder's case count. Database hits are counted (PROFILE), not timed: expanding
the holder's REPRESENTED_BY edges per case made them quadratic (bench/hub_cases.py: at 16,000
cases the group pass's suits read took 116 s, and timed out at the default 20 s)."""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

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


def hits(graph: Graph, n: int) -> dict[str, int]:
    """The database hits of each lookup, with HOLDER at ``n`` cases: those for shop 0's case, and the
    full derive of same-agent links."""
    report = Loader(graph).load(cases(n))
    assert not report.rejections, report.rejections
    rows = graph.read(
        "MATCH (h:Party {name: $holder}), (s:Party {name: $shop})<-[:LEGAL_REP_OF]-(r:Party)"
        " RETURN h.uid AS holder, s.uid AS shop, r.uid AS rep",
        holder=HOLDER, shop=shop(0),
    )  # fmt: skip
    holder, shop_uid, rep = rows[0]["holder"], rows[0]["shop"], rows[0]["rep"]
    sides = {"side_a": SIDE_A, "side_b": SIDE_B}
    return {
        "resolve/group_suits": db_hits(graph, query("resolve/group_suits"), uids=[rep], roles=sorted(SIDES)),
        "derive/linked_same_agent_of": db_hits(
            graph, query("derive/linked_same_agent_of"), pairs=[sorted((holder, shop_uid))], **sides
        ),
        "api/case": db_hits(graph, query("api/case"), key="（2015）某民初字第1号", cap=200),
        "derive/linked_same_agent": db_hits(graph, query("derive/linked_same_agent"), **sides),
    }


PER_CASE = ("resolve/group_suits", "derive/linked_same_agent_of", "api/case")


def test_work_per_case_does_not_grow_with_the_holders_cases(graph: Graph) -> None:
    """×10 cases: each lookup for one case at most ×1.5 hits (it was ×4–6), the full derive of
    same-agent links at most ×15 (it was ×67: quadratic)."""
    small = hits(graph, 20)
    wipe(graph)
    large = hits(graph, 200)
    grown = {name: (small[name], large[name]) for name in PER_CASE if large[name] > small[name] * 1.5}
    assert not grown, grown
    full = small["derive/linked_same_agent"], large["derive/linked_same_agent"]
    assert full[1] <= full[0] * 15, full
