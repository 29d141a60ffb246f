"""Post-processing in networkx: rows that share a party are merged into one group hit.

``analytics: components`` — each row is one suspicious edge (e.g. a case between two linked
parties); rows are nodes' edges in an undirected graph of parties, and every connected
component with at least ``min_component_rows`` rows becomes one hit whose subjects are the
component's parties, whose evidence is the rows' evidence and whose score is the rows' mean.
Rows are also joined through the ``ties`` an evidence item lists (the identifiers and people
tying the row's parties to others), so linked companies that sue each other in disjoint pairs
(A v B, C v D, all at one address) form one ring.
"""

from __future__ import annotations

from collections.abc import Mapping
from statistics import mean
from typing import Any

import networkx as nx

from ipclue.detect.hits import subject_of

Row = dict[str, Any]


def components(rows: list[Row], params: Mapping[str, Any]) -> list[Row]:
    """Group rows into connected components over their Party subjects."""
    g = nx.Graph()
    for i, row in enumerate(rows):
        parties = [s.key for s in map(subject_of, row["subjects"]) if s.label == "Party"]
        g.add_node(("row", i))
        for key in parties:
            g.add_edge(("row", i), ("party", key))
        for tie in _ties(row):
            g.add_edge(("row", i), ("tie", tie))
    min_rows = int(params.get("min_component_rows", 2))
    out = [_merge([rows[i] for kind, i in comp if kind == "row"]) for comp in nx.connected_components(g)]
    return [r for r in out if r["n_rows"] >= min_rows]


def _ties(row: Row) -> set[str]:
    """The ties (identifier values, people's uids) the row's evidence items list."""
    return {str(t) for e in row["evidence"] if isinstance(e, dict) for t in e.get("ties") or []}


def _merge(rows: list[Row]) -> Row:
    parties = sorted({s.key for r in rows for s in map(subject_of, r["subjects"]) if s.label == "Party"})
    score = mean(float(r["score"]) for r in rows)
    reasons = sorted({str(r["reason"]) for r in rows})
    reason = f"{len(parties)} 个关联主体之间共 {len(rows)} 起可疑诉讼：" + "；".join(reasons[:5])
    if len(reasons) > 5:
        reason += f"；等 {len(reasons)} 条"
    return {
        "subjects": [{"label": "Party", "key": k} for k in parties],
        "evidence": [e for r in rows for e in r["evidence"]],
        "score": score,
        "reason": reason,
        "n_rows": len(rows),
    }


POSTPROCESS = {"components": components}
