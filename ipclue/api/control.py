"""法定代表人 / 股东 / 高管 of a party, both ways, and its ownership trees (股权穿透: shareholders up,
investments down), each node with its direct share and the share it holds through the chain."""

from __future__ import annotations

from typing import Any

from ipclue.api.store import Row, fetch_one
from ipclue.errors import NotFound
from ipclue.graph.db import Graph

CAP = 200


def control(graph: Graph, uid: str) -> dict[str, Any]:
    row = fetch_one(graph, "control", uid=uid, cap=CAP)
    if row is None:
        raise NotFound(f"no party with uid {uid!r}")
    lists = ("legal_reps", "shareholders", "officers", "represents", "holdings", "positions")
    out: dict[str, Any] = {"party": row["party"], **{k: row[k] for k in lists}}
    out["ownership"] = {"up": ownership_tree(row["up"]), "down": ownership_tree(row["down"])}
    return out


def ownership_tree(chains: list[Row]) -> list[dict[str, Any]]:
    """Chains (the party first, then one party a level, with the share of each step) as a tree below the
    party; ``through`` is the product of the shares along the way (None when a share is unknown)."""
    root: dict[str, Any] = {"children": {}}
    for chain in chains:
        node: dict[str, Any] = root
        through: float | None = 100.0
        for member, pct in zip(chain["nodes"][1:], chain["pcts"], strict=True):
            through = through * pct / 100 if through is not None and pct is not None else None
            child = node["children"].setdefault(
                member["uid"], {**member, "pct": pct, "through": _round(through), "children": {}}
            )
            node = child
    children: list[dict[str, Any]] = _lists(root)["children"]
    return children


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _lists(node: dict[str, Any]) -> dict[str, Any]:
    children = sorted(node["children"].values(), key=lambda c: -(c.get("pct") or 0))
    return {**node, "children": [_lists(c) for c in children]}
