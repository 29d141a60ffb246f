"""Post-processing in networkx: rows that share a party are merged into one group hit.

``analytics: components`` — each row is one suspicious edge (e.g. a case between two linked
parties); rows are nodes' edges in an undirected graph of parties, and every connected
component with at least ``min_component_rows`` rows becomes one hit whose subjects are the
component's parties, whose evidence is the rows' evidence and whose score is the rows' mean.
Rows are also joined through the ``ties`` an evidence item lists (the identifiers and people
tying the row's parties to others), so linked companies that sue each other in disjoint pairs
(A v B, C v D, all at one address) form one ring. Rows that return their reason as facts are
combined into the group's facts (``n_parties``, ``n_cases``, ``cases``), which the header's
``reason_zh`` / ``reason_en`` render (``ipclue/detect/render.py``).
"""

from __future__ import annotations

import json
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
    return {
        "subjects": [{"label": "Party", "key": k} for k in parties],
        "evidence": [e for r in rows for e in r["evidence"]],
        "score": mean(float(r["score"]) for r in rows),
        "reason": _merged_reason(rows, len(parties)),
        "n_rows": len(rows),
    }


def _merged_reason(rows: list[Row], n_parties: int) -> Any:
    """The group's facts ``{n_parties, n_cases, cases: [row facts …]}`` for the header's template
    when the rows return facts; else (rows that wrote their own sentence) the sentences joined."""
    if all(isinstance(r["reason"], dict) for r in rows):
        cases = sorted((r["reason"] for r in rows), key=_case_order)
        return {"n_parties": n_parties, "n_cases": len(rows), "cases": cases}
    reasons = sorted({str(r["reason"]) for r in rows})
    reason = f"{n_parties} 个关联主体之间共 {len(rows)} 起可疑诉讼：" + "；".join(reasons[:5])
    return reason + (f"；等 {len(reasons)} 条" if len(reasons) > 5 else "")


def _case_order(facts: dict[str, Any]) -> tuple[str, str]:
    return str(facts.get("case_no") or ""), json.dumps(facts, sort_keys=True, default=str)


POSTPROCESS = {"components": components}
