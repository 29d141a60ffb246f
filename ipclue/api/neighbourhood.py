"""A party's neighbourhood, expanded level by level with every node's fan-out capped."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
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
    """A graph node as the API shows it, from a map projection (``labels``, ``node`` props, ``risk``,
    ``personal``); identifiers get an opaque id (their value is data)."""
    labels: list[str] = hit["labels"]
    label = next((lb for lb in labels if lb in KEY_OF), labels[0] if labels else "Node")
    props: dict[str, Any] = hit["node"] or {}
    key = props.get(KEY_OF.get(label, ""))
    name = props.get(NAME_OF.get(label, "value")) or key
    risk = hit.get("risk") or []
    return list_node_out(
        [label, key, name, props.get("kind"), bool(props.get("generic")), risk, bool(hit.get("personal"))]
    )


def list_node_out(node: list[Any]) -> dict[str, Any]:
    """A graph node from its positional projection ``[label, key, name, kind, generic, risk, personal]``
    (``graph_expand.cypher`` works these out in the query)."""
    label, key, name, kind, generic, risk, personal = node
    return {
        "id": _opaque(label, key) if label in IDENTIFIERS else f"{label}:{key}",
        "label": label,
        "key": key,
        "name": name,
        "kind": kind,
        "risk": top_severity(risk),
        "generic": generic,
        "personal": personal,
    }


def _opaque(label: str, key: Any) -> str:
    return f"{label}:" + hashlib.sha256(str(key).encode("utf-8")).hexdigest()[:16]


def top_severity(severities: list[str]) -> str | None:
    known = [s for s in severities if s in SEVERITY]
    return max(known, key=SEVERITY.__getitem__) if known else None


Hit = list[Any]
"""``[rid, type, outgoing, props, n_sources, eid, node]`` of ``graph_expand.cypher``; node None if seen."""


@dataclass(slots=True)
class Expansion:
    """The nodes and edges found so far, keyed by element id."""

    max_nodes: int
    ids: dict[str, str] = field(default_factory=dict)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)
    collapsed: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False

    def add_node(self, eid: str, projection: list[Any]) -> bool:
        """Add a node; True when it is new and may be expanded further."""
        if eid in self.ids:
            return False
        if len(self.nodes) >= self.max_nodes:
            self.truncated = True
            return False
        node = list_node_out(projection)
        self.ids[eid] = node["id"]
        self.nodes.append(node)
        return not node["generic"]

    def add_edge(self, centre: str, hit: Hit) -> None:
        rid, rel_type, outgoing, props, n_sources, eid, _ = hit
        if eid not in self.ids or rid in self.edges:
            return
        a, b = self.ids[centre], self.ids[eid]
        source, target = (a, b) if outgoing else (b, a)
        props = {k: v for k, v in props.items() if v is not None}
        props["n_sources"] = n_sources
        self.edges[rid] = {"id": rid, "source": source, "target": target, "type": rel_type, "props": props}

    def result(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "edges": list(self.edges.values()),
            "collapsed": self.collapsed,
            "truncated": self.truncated,
        }


@dataclass(frozen=True, slots=True)
class Scope:
    depth: int
    types: list[str]
    cap: int
    max_nodes: int
    since: date | None = None
    until: date | None = None


async def neighbourhood(reads: AsyncReads, uid: str, scope: Scope) -> dict[str, Any]:
    """The party and its neighbours up to ``scope.depth`` hops: one query per level, on the async driver
    (the first also returns the party itself)."""
    found = Expansion(scope.max_nodes)
    frontier = await _level(reads, found, scope, uid=uid)
    if not found.nodes:
        raise NotFound(f"no party with uid {uid!r}")
    for _ in range(scope.depth - 1):
        if not frontier:
            break
        frontier = await _level(reads, found, scope, frontier=frontier)
    return found.result()


async def _level(
    reads: AsyncReads, found: Expansion, scope: Scope, *, uid: str | None = None, frontier: Sequence[str] = ()
) -> list[str]:
    """One level from the party ``uid`` or from the ``frontier`` nodes; the new nodes to expand next."""
    level = await reads.one(
        "graph_expand",
        raw=True,
        uid=uid,
        frontier=list(frontier),
        seen=list(found.ids),
        types=scope.types,
        cap=scope.cap,
        since=scope.since,
        until=scope.until,
        keys=KEY_OF,
        names=NAME_OF,
    )
    nxt: list[str] = []
    for eid, total, hits, centre in level["rows"] if level else []:
        if centre is not None:
            found.add_node(eid, centre)
        for hit in hits:
            neighbour, projection = hit[5], hit[6]
            if projection is not None and found.add_node(neighbour, projection):
                nxt.append(neighbour)
            found.add_edge(eid, hit)
        if total > len(hits):
            found.collapsed.append({"node": found.ids[eid], "omitted": total - len(hits)})
    return nxt
