"""User judgements: force-merge and force-split, stored in Neo4j and replayed on every batch.

``(:Judgement {id, kind, a, b, note, at})``: for ``merge``, ``a`` is the surviving uid and ``b``
the absorbed one; for ``split``, ``a`` is the new uid, ``b`` the original and ``mentions`` the
ids moved. Both are applied to the graph at once (mentions re-pointed, relationships moved,
any type) and the resolver consults them on every batch: a link to an absorbed uid is
redirected to the survivor; a split-off mention is pinned to its new uid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from ipclue.cypher import query
from ipclue.errors import IpclueError
from ipclue.graph.db import Graph
from ipclue.graph.resolve import Link, digest


class JudgementError(IpclueError):
    """A merge or split that cannot be applied (unknown uid, mention not in the party …)."""

    status = 422
    title = "Judgement refused"


@dataclass(slots=True)
class Judgements:
    """Replayable judgements: absorbed uid → survivor, split mention → its pinned uid."""

    aliases: dict[str, str] = field(default_factory=dict)
    pins: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def target(self, uid: str) -> str:
        """Follow merge judgements from ``uid`` to the surviving uid (cycles stop)."""
        seen = {uid}
        while uid in self.aliases and self.aliases[uid] not in seen:
            uid = self.aliases[uid]
            seen.add(uid)
        return uid

    def apply(self, links: dict[str, Link]) -> dict[str, Link]:
        """Links with every judgement enforced (pins first, then merge redirections)."""
        return {mid: self._one(mid, link) for mid, link in links.items()}

    def _one(self, mid: str, link: Link) -> Link:
        if mid in self.pins:
            uid = self.target(self.pins[mid])
            if uid != link.party_uid:
                return Link(uid, "judgement:split", 1.0, self.notes.get(mid, "split by a user"))
            return link
        uid = self.target(link.party_uid)
        if uid == link.party_uid:
            return link
        return Link(
            uid,
            "judgement:merge",
            1.0,
            f"{self.notes.get(link.party_uid, 'merged by a user')} (was {link.rule}: {link.evidence})",
        )


def load_judgements(graph: Graph) -> Judgements:
    """Every stored judgement, replayed oldest first."""
    out = Judgements()
    for row in graph.read(query("resolve/judgements")):
        note = f"{row['kind']} by a user: {row['note'] or ''}".strip()
        if row["kind"] == "merge":
            out.aliases[row["b"]] = row["a"]
            out.notes[row["b"]] = note
        elif row["kind"] == "split":
            for mid in _split_mentions(graph, row["id"]):
                out.pins[mid] = row["a"]
                out.notes[mid] = note
    return out


def _split_mentions(graph: Graph, jid: str) -> list[str]:
    rows = graph.read(query("resolve/judgement_mentions"), id=jid)
    return list(rows[0]["mentions"] or []) if rows else []


def force_merge(graph: Graph, keep: str, absorb: str, note: str = "") -> str:
    """Merge party ``absorb`` into ``keep`` (uid kept), store the judgement; returns its id."""
    if keep == absorb:
        raise JudgementError("a party cannot be merged with itself")
    require_parties(graph, [keep, absorb])
    jid = f"merge-{digest(keep, absorb)}"
    params = {
        "a": keep,
        "b": absorb,
        "only": None,
        "mentions": None,
        "rule": "judgement:merge",
        "score": None,
        "evidence": f"merged by a user: {note}",
    }
    queue = ("derive/rederive_mark", {"uids": [keep]})
    run_steps(graph, [*merge_steps([params]), _store(jid, "merge", keep, absorb, note, []), queue])
    refresh(graph, keep)
    mark_stale(graph, [keep, absorb])
    return jid


def force_split(graph: Graph, uid: str, mentions: Sequence[str], note: str = "") -> tuple[str, str]:
    """Move ``mentions`` of party ``uid`` to a new party; returns (judgement id, new uid)."""
    require_parties(graph, [uid])
    ids = sorted(set(mentions))
    _require_mentions(graph, uid, ids)
    new_uid = f"{uid.split('-')[0]}-s{digest(uid, *ids)}"
    jid = f"split-{digest(uid, *ids)}"
    only = graph.read(query("resolve/mention_sources"), b=uid, mentions=ids)[0]["only"]
    params = {
        "a": new_uid,
        "b": uid,
        "only": only,
        "mentions": ids,
        "rule": "judgement:split",
        "score": None,
        "evidence": f"split by a user: {note}",
    }
    moves = [(s, {"rows": [params]}) for s in MOVE_STEPS]
    queue = ("derive/rederive_mark", {"uids": [uid, new_uid]})
    run_steps(
        graph,
        [("resolve/split_create", params), *moves, _store(jid, "split", new_uid, uid, note, ids), queue],
    )
    refresh(graph, uid)
    refresh(graph, new_uid)
    mark_stale(graph, [uid, new_uid])
    return jid, new_uid


def _store(jid: str, kind: str, a: str, b: str, note: str, ids: list[str]) -> tuple[str, dict[str, Any]]:
    return "resolve/judgement_create", {
        "id": jid,
        "kind": kind,
        "a": a,
        "b": b,
        "note": note,
        "mentions": ids,
    }


def require_parties(graph: Graph, uids: list[str]) -> None:
    found = {r["uid"] for r in graph.read(query("resolve/uids_in_use"), uids=uids)}
    if missing := [u for u in uids if u not in found]:
        raise JudgementError(f"no party with uid {', '.join(missing)}")


def _require_mentions(graph: Graph, uid: str, ids: list[str]) -> None:
    rows = graph.read(query("resolve/mentions_of_party"), uid=uid, ids=ids)
    found = {r["id"] for r in rows}
    missing = [m for m in ids if m not in found]
    if not ids or missing:
        raise JudgementError(f"mentions not referring to {uid}: {', '.join(missing) or 'none given'}")
    if len(found) >= int(rows[0]["total"]):
        raise JudgementError("a split must leave at least one mention with the original party")


MOVE_STEPS = ("resolve/repoint_mentions", "resolve/move_out", "resolve/move_in")


def merge_steps(rows: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """The statements merging each row's party ``b`` into its ``a`` (mentions re-pointed with the
    row's rule, score and evidence, relationships moved, ``b`` deleted): each statement takes every
    row, in order, so a batch of merges costs four statements, not four per merge."""
    return [(s, {"rows": rows}) for s in (*MOVE_STEPS, "resolve/merge_finish")]


def run_steps(graph: Graph, steps: list[tuple[str, dict[str, Any]]]) -> None:
    """Run the steps in one write transaction: a judgement applies entirely or not at all."""

    def work(tx: ManagedTransaction) -> None:
        for name, params in steps:
            tx.run(query(name), params).consume()

    with graph.driver.session(database=graph.database) as session:
        session.execute_write(work)


def refresh(graph: Graph, uid: str) -> None:
    graph.write(query("resolve/refresh_party"), uid=uid)


def mark_stale(graph: Graph, uids: Sequence[str]) -> int:
    """Mark the flags relying on any of these parties ``stale`` (see ``detect.dependencies``)."""
    rows = graph.write(query("flags/mark_stale"), uids=sorted(set(uids))) if uids else []
    return int(rows[0]["stale"]) if rows else 0
