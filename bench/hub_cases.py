"""Hub parties: the queries keyed by a case number on REPRESENTED_BY, as one plaintiff's cases grow.

    python bench/hub_cases.py [--sizes 1000,4000,16000] [--instance bench-hub]

A real rights holder sues thousands of shops (a top brand has tens of thousands of cases), with a
handful of lawyers of one firm in every case. The generated corpora never do (their busiest party has
under 50 cases), so this builds the shape directly: one plaintiff, N cases in 10 courts, N shops each
with a person as 法定代表人 and its own agent, the plaintiff represented in turn by 5 lawyers of one
firm. For each N it times, with the product's own Cypher files:

- ``load/represented_by``: the loader writing every REPRESENTED_BY edge (batches of 1,000);
- ``resolve/group_suits``: the group pass reading the N legal representatives' suits;
- ``derive/linked_same_agent``: the full derive of same-agent links;
- ``links.agents_of``: the incremental derive of the plaintiff's same-agent links (every case of a
  party in the scope: the plaintiff files every day, so it is in every day's scope);
- ``api/case``: the case page of one of its cases, 100 times.

A query whose work grows with the plaintiff's degree per case is quadratic: ×16 seconds for ×4 cases.
The loader's figure depends on the plan Neo4j caches at its first batch (the MERGE's Expand(Into)
walks the smaller end's REPRESENTED_BY edges: the holder's lawyer's); time it on a full graph too.
Prints one JSON line per size. The figures are measured, never asserted.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from ingest_scale import open_bench_graph  # bench/ is on sys.path when a script here runs

from ipclue.cypher import query
from ipclue.graph import db
from ipclue.graph.db import chunks
from ipclue.graph.resolution import links
from ipclue.graph.resolution.links import SIDE_A, SIDE_B
from ipclue.graph.resolution.suits import SIDES
from ipclue.graph.schema import apply_schema, wipe

LAWYERS = 5
COURTS = 10
BATCH = 1000  # rows per loader transaction


def build(graph: db.Graph, n: int) -> list[dict[str, Any]]:
    """The hub's parties, cases and roles (no REPRESENTED_BY yet); returns those edges' rows."""
    graph.write(
        "CREATE (:Party {uid: 'brand', name: '某品牌有限公司', kind: 'org'}),"
        " (f:Party {uid: 'firm', name: '某律师事务所', kind: 'org'})"
        " WITH f UNWIND range(1, $k) AS i"
        " CREATE (:Party {uid: 'lawyer' + i, name: '律师' + i, kind: 'person'})-[:MEMBER_OF]->(f)",
        k=LAWYERS,
    )
    for part in chunks([{"i": i, "court": f"某{i % COURTS}法院"} for i in range(n)], BATCH):
        graph.write(
            "MATCH (b:Party {uid: 'brand'}) UNWIND $rows AS row"
            " CREATE (c:Case {case_no: '(2015)某民初字第' + row.i + '号', court: row.court})"
            " CREATE (b)-[:PARTY_TO {role: 'plaintiff'}]->(c)"
            " CREATE (s:Party {uid: 'shop' + row.i, name: '店' + row.i, kind: 'org'})"
            " CREATE (s)-[:PARTY_TO {role: 'defendant'}]->(c)"
            " CREATE (:Party {uid: 'rep' + row.i, name: '经营者' + row.i, kind: 'person'})"
            "-[:LEGAL_REP_OF]->(s)"
            " CREATE (:Party {uid: 'agent' + row.i, name: '代理人' + row.i, kind: 'person'})",
            rows=part,
        )
    rows = []
    for i in range(n):
        case = f"(2015)某民初字第{i}号"
        rows.append({"uid": "brand", "to": f"lawyer{i % LAWYERS + 1}", "case_no": case, "src": "hub"})
        rows.append({"uid": f"shop{i}", "to": f"agent{i}", "case_no": case, "src": "hub"})
    return rows


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return round(time.perf_counter() - t, 2)


def run(graph: db.Graph, n: int) -> dict[str, Any]:
    wipe(graph)
    apply_schema(graph)
    edges = build(graph, n)
    load = query("load/represented_by")
    reps = [f"rep{i}" for i in range(n)]
    out: dict[str, Any] = {"cases": n}
    batches = list(chunks(edges, BATCH))
    out["load/represented_by"] = timed(lambda: [graph.write(load, rows=part) for part in batches])
    suits = query("resolve/group_suits")
    out["resolve/group_suits"] = timed(
        lambda: [graph.read(suits, uids=part, roles=sorted(SIDES)) for part in chunks(reps, 5000)]
    )
    linked = query("derive/linked_same_agent")
    out["derive/linked_same_agent"] = timed(lambda: graph.write(linked, side_a=SIDE_A, side_b=SIDE_B))
    out["links.agents_of"] = timed(lambda: links.agents_of(graph, ["brand"]))
    case = query("api/case")
    keys = [f"(2015)某民初字第{i}号" for i in range(100)]
    out["api/case x100"] = timed(lambda: [graph.read(case, key=key, cap=200) for key in keys])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,4000,16000")
    ap.add_argument("--instance", default="bench-hub")
    args = ap.parse_args()
    graph = open_bench_graph(args.instance)
    try:
        for n in (int(s) for s in args.sizes.split(",") if s):
            print(json.dumps(run(graph, n)), flush=True)
    finally:
        graph.close()


if __name__ == "__main__":
    main()
