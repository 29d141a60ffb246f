"""Explain a party: why each mention joined it (rule, score, evidence, source path) and the
user judgements that touched it, and its possible matches (POSSIBLY_SAME)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.normalize import clean


@dataclass(frozen=True, slots=True)
class MentionWhy:
    """One mention of the party and the reason it refers to it."""

    id: str
    name: str
    context: str
    role: str | None
    rule: str
    score: float
    evidence: str
    path: str | None


@dataclass(slots=True)
class Explanation:
    """A party with its mentions' reasons and its judgements."""

    uid: str
    kind: str
    name: str
    uscc: str | None
    aliases: list[str]
    anonymised: bool
    flags: dict[str, Any] = field(default_factory=dict)
    mentions: list[MentionWhy] = field(default_factory=list)
    judgements: list[dict[str, Any]] = field(default_factory=list)
    possible: list[dict[str, Any]] = field(
        default_factory=list
    )  # POSSIBLY_SAME: uid, name, score, rule, evidence


def find_parties(graph: Graph, party: str) -> list[str]:
    """Uids for ``party``: the uid itself, else parties whose name or a mention's name matches."""
    rows = graph.read(query("resolve/find_party"), text=party, key=clean(party))
    return [r["uid"] for r in rows]


def explain(graph: Graph, party: str) -> list[Explanation]:
    """One explanation per party matching ``party`` (a uid or a name); empty when none."""
    return [_explain(graph, uid) for uid in find_parties(graph, party)]


def _explain(graph: Graph, uid: str) -> Explanation:
    rows = graph.read(query("resolve/explain_party"), uid=uid)
    head = rows[0]
    out = Explanation(
        uid=uid,
        kind=head["kind"],
        name=head["name"],
        uscc=head["uscc"],
        aliases=list(head["aliases"] or []),
        anonymised=bool(head["anonymised"]),
        flags={k: v for k, v in (head["flags"] or {}).items() if v is not None},
    )
    out.mentions = [
        MentionWhy(**m) for m in sorted(head["mentions"], key=lambda m: (m["path"] or "", m["id"]))
    ]
    out.judgements = graph.read(
        query("resolve/judgements_of"), uid=uid, mentions=[m.id for m in out.mentions]
    )
    out.possible = graph.read(query("resolve/possible_of"), uid=uid)
    return out
