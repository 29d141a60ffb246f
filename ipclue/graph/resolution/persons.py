"""Matching rules for people: a name alone never joins two records.

A person joins an existing party only with corroboration: the same ID fragment (0.97), birth
date (0.95), firm for a lawyer (0.9), related company (0.9) or non-generic address (0.85).
Within one record the same name is one person (``person:name-in-document``, 0.8). Anonymised
names (张某, 李某某, 王×, 邱**) never leave their record: no rule looks across records for them.
A different birth date is a hard negative.
"""

from __future__ import annotations

from collections.abc import Callable

from ipclue.graph.resolution.org_rules import Decision
from ipclue.graph.resolution.profiles import Profile

PersonRule = Callable[[Profile, Profile], Decision | None]


def birth_conflict(ev: Profile, cand: Profile) -> bool:
    """Hard negative: both birth dates known and different."""
    return bool(ev.births and cand.births and not ev.births & cand.births)


def by_id_fragment(ev: Profile, cand: Profile) -> Decision | None:
    """Signal: the same (masked) resident-ID fragment."""
    shared = ev.ids & cand.ids
    return Decision(cand.uid, "person:name+id", 0.97, f"ID fragment {min(shared)}") if shared else None


def by_birth(ev: Profile, cand: Profile) -> Decision | None:
    """Signal: the same date of birth."""
    shared = ev.births & cand.births
    return Decision(cand.uid, "person:name+birth", 0.95, f"born {min(shared)}") if shared else None


def by_firm(ev: Profile, cand: Profile) -> Decision | None:
    """Signal: a lawyer of the same firm (name + firm is the lawyer's key)."""
    shared = ev.orgs & cand.orgs
    if shared and "judgment.agent" in ev.contexts:
        return Decision(cand.uid, "person:lawyer=name+firm", 0.9, f"same firm {min(shared)}")
    return None


def by_company(ev: Profile, cand: Profile) -> Decision | None:
    """Signal: a role (legal rep, officer, shareholder, inventor for the applicant) at the same org."""
    shared = ev.orgs & cand.orgs
    return (
        Decision(cand.uid, "person:name+company", 0.9, f"same organisation {min(shared)}") if shared else None
    )


def by_address(ev: Profile, cand: Profile) -> Decision | None:
    """Signal: the same non-generic address."""
    shared = ev.addresses & cand.addresses
    return Decision(cand.uid, "person:name+address", 0.85, f"same address {min(shared)}") if shared else None


RULES: tuple[PersonRule, ...] = (by_id_fragment, by_birth, by_firm, by_company, by_address)


def decide(ev: Profile, cands: list[Profile]) -> Decision | None:
    """The strongest corroborated candidate with the same name, or None."""
    if ev.anonymised:
        return None
    usable = [c for c in cands if not c.anonymised and not birth_conflict(ev, c) and ev.names & c.names]
    for rule in RULES:
        hits = [d for c in usable if (d := rule(ev, c)) is not None]
        if hits:
            return min(hits, key=lambda d: d.uid)
    return None


def has_evidence(ev: Profile) -> bool:
    """Whether anything beyond the name could corroborate this person."""
    return bool(ev.ids or ev.births or ev.orgs or ev.addresses)
