"""Batch evidence: mentions grouped into the units resolution decides on, as profiles.

Organisations group by exact name key and full USCC (a conflicting code splits a name);
people group by record and name (one name in one record is one person). Each group's
profile carries what the rules compare: codes, non-generic addresses, legal representatives,
birth dates, ID fragments and the uids of related organisations in the same record.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ipclue.graph.mentions import Mention
from ipclue.graph.resolution.orgs import analyse
from ipclue.graph.resolution.profiles import Profile, member_key, member_role
from ipclue.graph.resolve import Link, digest, org_key
from ipclue.normalize import address_is_specific, clean, normalize_address, valid_uscc

GroupKey = tuple[str, str]


def record_of(m: Mention) -> str:
    """The record a mention belongs to (source sha prefix + line): the unit of 'same document'."""
    return m.id[: m.id.index(":", m.id.index(":") + 1)]  # 'sha:line:slot' → 'sha:line'


def org_groups(orgs: list[Mention]) -> dict[GroupKey, list[Mention]]:
    """Organisation mentions by (name key, full USCC or '')."""
    groups: dict[GroupKey, list[Mention]] = defaultdict(list)
    for m in orgs:
        code = clean(m.uscc or "").upper()
        groups[(analyse(m.name).key, code if valid_uscc(code) else "")].append(m)
    return groups


def person_groups(people: list[Mention]) -> dict[GroupKey, list[Mention]]:
    """Person mentions by (record, name key). Within a record, an agent of a firm is one person
    per firm (two lawyers 陈静 of two firms on opposite sides are two people, and neither is the
    party 陈静), and a fully masked name stays alone (keyed by its slot)."""
    groups: dict[GroupKey, list[Mention]] = defaultdict(list)
    for m in people:
        name = clean(m.name)
        if m.masked:
            name = f"{name}#{m.slot}"
        elif m.firm:
            name = f"{name}@{org_key(m.firm)}"
        groups[(record_of(m), name)].append(m)
    return groups


@dataclass(slots=True)
class RecordPeople:
    """Per (record, organisation key): its legal representatives' names, and every person named in
    a role there (``member_key``: lawyers of a firm, legal representative, officers, shareholders)."""

    reps: dict[GroupKey, set[str]] = field(default_factory=lambda: defaultdict(set))
    members: dict[GroupKey, set[str]] = field(default_factory=lambda: defaultdict(set))


def reps_by_org(batch: list[Mention]) -> RecordPeople:
    """The people each organisation has in each record: legal representatives, and members
    (full names only: an anonymised or masked name says nothing about which organisation it is)."""
    out = RecordPeople()
    for m in batch:
        if m.kind != "person" or not m.organization:
            continue
        at = (record_of(m), analyse(m.organization).key)
        if m.context.endswith("legal_rep"):
            out.reps[at].add(clean(m.name))
        if (role := member_role(m.context)) and not m.anonymised and not m.masked:
            out.members[at].add(member_key(role, m.name))
    return out


def org_evidence(key: GroupKey, ms: list[Mention], people: RecordPeople, generic: set[str]) -> Profile:
    """What a group of same-name organisation mentions says about the party."""
    ev = Profile(uid="", kind="org", size=len(ms))
    ev.names.add(key[0])
    for m in ms:
        at = (record_of(m), key[0])
        ev.add_uscc(m.uscc)
        ev.addresses.update(_addresses(m, generic))
        ev.reps.update(people.reps.get(at, ()))
        ev.members.update(people.members.get(at, ()))
        ev.sources.add(m.source)
        ev.contexts.add(m.context)
    return ev


def new_org_uid(ev: Profile) -> str:
    """The uid a new organisation gets: from its USCC, else from its name key."""
    return f"org-{min(ev.usccs)}" if ev.usccs else f"org-n{digest(min(ev.names))}"


@dataclass(slots=True)
class RecordOrgs:
    """Per record: organisation key → the uid it resolved to, and a patent's applicant uids."""

    uids: dict[GroupKey, str] = field(default_factory=dict)
    applicants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def org_uids_by_record(orgs: list[Mention], links: dict[str, Link]) -> RecordOrgs:
    """Where each organisation mention went, by record; applicants kept apart, so an inventor is
    corroborated by the applicants of the same patent."""
    out = RecordOrgs()
    for m in orgs:
        if m.id not in links:
            continue
        rec, uid = record_of(m), links[m.id].party_uid
        out.uids[(rec, analyse(m.name).key)] = uid
        if m.context == "patent.applicant":
            out.applicants[rec].add(uid)
    return out


def person_evidence(key: GroupKey, ms: list[Mention], orgs: RecordOrgs, generic: set[str]) -> Profile:
    """What a group of same-name person mentions in one record says about the person."""
    ev = Profile(uid="", kind="person", size=len(ms), anonymised=any(m.anonymised for m in ms))
    ev.names.add(clean(ms[0].name))  # one name per group: person_groups keyed it
    for m in ms:
        if m.birth_date:
            ev.births.add(m.birth_date.isoformat())
        if m.id_fragment:
            ev.ids.add(clean(m.id_fragment).upper())
        ev.addresses.update(_addresses(m, generic))
        if m.organization and (uid := orgs.uids.get((key[0], analyse(m.organization).key))):
            ev.orgs.add(uid)
        if m.context == "patent.inventor":
            ev.orgs.update(orgs.applicants.get(key[0], ()))
        ev.sources.add(m.source)
        ev.contexts.add(m.context)
    return ev


def new_person_uid(ev: Profile, key: GroupKey) -> str:
    """The uid a new person gets: from record and name (``per-a…`` when anonymised)."""
    return f"per-{'a' if ev.anonymised else ''}{digest(key[1], key[0])}"


def _addresses(m: Mention, generic: set[str]) -> set[str]:
    value = specific_address(m.address) if m.address else ""
    return {value} if value and value not in generic else set()


@lru_cache(maxsize=1 << 18)
def specific_address(raw: str) -> str:
    """The normalised address when it names a place, else '' (cached: a party's address recurs in
    its records, and the normaliser's own cache is smaller than a large load's addresses)."""
    value = normalize_address(raw)
    return value if address_is_specific(value) else ""
