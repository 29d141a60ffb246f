"""Deterministic-key resolution: mentions → party uids, each choice with its rule and evidence.

This is the baseline every resolver starts from: strong keys only (valid USCC, exact
organisation name, person name plus a corroborating attribute). Fuzzy matching and user
judgements build on it in ``ipclue.graph.resolution``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ipclue.graph.mentions import Mention
from ipclue.normalize import clean, valid_uscc


@dataclass(frozen=True, slots=True)
class Link:
    """Why a mention refers to a party: the rule that fired, a score in [0, 1], the evidence."""

    party_uid: str
    rule: str
    score: float
    evidence: str


class Resolver(Protocol):
    def resolve(self, mentions: Sequence[Mention]) -> dict[str, Link]: ...


NameLookup = Callable[[list[str]], dict[str, str]]


def digest(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def org_key(name: str) -> str:
    """The exact-match key of an organisation name: width, brackets and spaces normalised."""
    return clean(name)


def person_key(m: Mention) -> tuple[str, str] | None:
    """(rule, key) when something corroborates a person's name; None when only the name is known."""
    if m.anonymised:
        return None
    if m.id_fragment:
        return "person:name+id", f"{m.name}|id|{m.id_fragment}"
    if m.birth_date:
        return "person:name+birth", f"{m.name}|b|{m.birth_date.isoformat()}"
    if m.firm:
        return "person:lawyer=name+firm", f"{m.name}|firm|{org_key(m.firm)}"
    if m.organization:
        return "person:name+company", f"{m.name}|org|{org_key(m.organization)}"
    return None


class KeyResolver:
    """Strong keys only. ``lookup`` maps org name keys to uids already in the graph (incremental)."""

    # It reads Party nodes only (through ``lookup``), never mentions or relationships: the loader may
    # resolve the next chunk once this chunk's node steps are written, while its relationships load.
    reads_only_nodes = True

    def __init__(self, lookup: NameLookup | None = None) -> None:
        self.lookup = lookup

    def resolve(self, mentions: Sequence[Mention]) -> dict[str, Link]:
        by_name = self._org_names(mentions)
        out: dict[str, Link] = {}
        for m in mentions:
            out[m.id] = self._org(m, by_name) if m.kind == "org" else self._person(m)
        return out

    def _org_names(self, mentions: Sequence[Mention]) -> dict[str, str]:
        """name key → uid: from the graph first, then from mentions that carry a valid USCC."""
        keys = sorted({org_key(m.name) for m in mentions if m.kind == "org"})
        known = dict(self.lookup(keys)) if self.lookup and keys else {}
        for m in mentions:
            if m.kind == "org" and valid_uscc(m.uscc):
                known.setdefault(org_key(m.name), f"org-{clean(m.uscc or '').upper()}")
        return known

    def _org(self, m: Mention, by_name: dict[str, str]) -> Link:
        if valid_uscc(m.uscc):
            code = clean(m.uscc or "").upper()
            return Link(f"org-{code}", "org:uscc", 1.0, f"统一社会信用代码 {code}")
        key = org_key(m.name)
        if key in by_name:
            return Link(by_name[key], "org:name-exact", 0.95, f"same name as a known party: {key}")
        return Link(f"org-n{digest(key)}", "org:name-new", 0.9, f"first party named {key}")

    def _person(self, m: Mention) -> Link:
        keyed = person_key(m)
        if keyed is not None:
            rule, key = keyed
            return Link(f"per-{digest(key)}", rule, 0.9, key)
        if m.anonymised:
            return Link(
                f"per-a{digest(m.id)}", "person:anonymised-singleton", 1.0, "anonymised name: never merged"
            )
        return Link(
            f"per-d{digest(m.name, m.source)}",
            "person:name-in-document",
            0.8,
            "same name within one document only",
        )
