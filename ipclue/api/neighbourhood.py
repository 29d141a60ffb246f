"""A party's neighbourhood, expanded level by level with every node's fan-out capped."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ipclue.api.store import AsyncReads, Row
from ipclue.errors import NotFound

KEY_OF = {
    "Party": "uid",
    "Case": "case_no",
    "Trademark": "reg_no",
    "Patent": "number",
    "Copyright": "reg_no",
    "Penalty": "decision_no",
    "Address": "value",
    "Phone": "value",
    "Email": "value",
}
NAME_OF = {
    "Party": "name",
    "Case": "case_no",
    "Trademark": "mark",
    "Patent": "title",
    "Copyright": "title",
    "Penalty": "decision_no",
}
IDENTIFIERS = frozenset({"Address", "Phone", "Email"})
SEVERITY = {"low": 1, "medium": 2, "high": 3, "critical": 4}


def node_out(hit: Row) -> dict[str, Any]:
    """A graph node as the API shows it; identifiers get an opaque id (their value is data)."""
    labels: list[str] = hit["labels"]
    label = next((lb for lb in labels if lb in KEY_OF), labels[0] if labels else "Node")
    props: dict[str, Any] = hit["node"] or {}
    key = props.get(KEY_OF.get(label, ""))
    name = props.get(NAME_OF.get(label, "value")) or key
    ident = _opaque(label, key) if label in IDENTIFIERS else f"{label}:{key}"
    return {
        "id": ident,
        "label": label,
        "key": key,
        "name": name,
        "kind": props.get("kind"),
        "risk": top_severity(hit.get("risk") or []),
        "generic": bool(props.get("generic")),
        "personal": bool(hit.get("personal")),
    }


def _opaque(label: str, key: Any) -> str:
    return f"{label}:" + hashlib.sha256(str(key).encode("utf-8")).hexdigest()[:16]


def top_severity(severities: list[str]) -> str | None:
    known = [s for s in severities if s in SEVERITY]
    return max(known, key=SEVERITY.__getitem__) if known else None


@dataclass(slots=True)
class Expansion:
    """The nodes and edges found so far, keyed by element id."""

    max_nodes: int
    ids: dict[str, str] = field(default_factory=dict)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)
    collapsed: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False

    def add_node(self, hit: Row) -> bool:
        """Add a node; True when it is new and may be expanded further."""
        if hit["eid"] in self.ids:
            return False
        if len(self.nodes) >= self.max_nodes:
            self.truncated = True
            return False
        node = node_out(hit)
        self.ids[hit["eid"]] = node["id"]
        self.nodes.append(node)
        return not node["generic"]

    def add_edge(self, centre: str, hit: Row) -> None:
        if hit["eid"] not in self.ids or hit["rid"] in self.edges:
            return
        a, b = self.ids[centre], self.ids[hit["eid"]]
        source, target = (a, b) if hit["outgoing"] else (b, a)
        self.edges[hit["rid"]] = {
            "id": hit["rid"],
            "source": source,
            "target": target,
            "type": hit["type"],
            "props": _edge_props(hit),
        }

    def result(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "edges": list(self.edges.values()),
            "collapsed": self.collapsed,
            "truncated": self.truncated,
        }


def _edge_props(hit: Row) -> dict[str, Any]:
    """The relationship's properties; its evidence as a count (the query leaves the list out)."""
    out = {k: v for k, v in hit["props"].items() if v is not None}
    out["n_sources"] = hit["n_sources"]
    return out


@dataclass(frozen=True, slots=True)
class Scope:
    depth: int
    types: list[str]
    cap: int
    max_nodes: int
    since: date | None = None
    until: date | None = None


async def neighbourhood(reads: AsyncReads, uid: str, scope: Scope) -> dict[str, Any]:
    """The party and its neighbours up to ``scope.depth`` hops: one query per level, on the async driver."""
    start = await reads.one("graph_start", uid=uid)
    if start is None:
        raise NotFound(f"no party with uid {uid!r}")
    found = Expansion(scope.max_nodes)
    found.add_node(start)
    frontier = [start["eid"]]
    for _ in range(scope.depth):
        if not frontier:
            break
        frontier = await _level(reads, found, frontier, scope)
    return found.result()


async def _level(reads: AsyncReads, found: Expansion, frontier: list[str], scope: Scope) -> list[str]:
    level = await reads.one(
        "graph_expand",
        raw=True,
        frontier=frontier,
        seen=list(found.ids),
        types=scope.types,
        cap=scope.cap,
        since=scope.since,
        until=scope.until,
    )
    nxt: list[str] = []
    for row in level["rows"] if level else []:
        for hit in row["hits"]:
            if found.add_node(hit):
                nxt.append(hit["eid"])
            found.add_edge(row["eid"], hit)
        if row["total"] > len(row["hits"]):
            omitted = row["total"] - len(row["hits"])
            found.collapsed.append({"node": found.ids[row["eid"]], "omitted": omitted})
    return nxt
