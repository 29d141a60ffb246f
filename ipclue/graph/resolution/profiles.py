"""Party profiles: what resolution knows about a party, from the graph and from this batch.

A profile gathers the evidence every rule compares (names, codes, addresses, births, ID
fragments, related organisations, sources). Graph profiles are fetched by blocking keys
(``cypher/resolve/*_candidates.cypher``); batch profiles grow as mentions join them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ipclue.normalize import clean, valid_uscc


@dataclass(slots=True)
class Profile:
    """Evidence about one party (``uid``) that the matching rules compare against."""

    uid: str
    kind: str
    names: set[str] = field(default_factory=set)
    usccs: set[str] = field(default_factory=set)
    masked: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)
    reps: set[str] = field(default_factory=set)  # orgs: legal representatives' names
    births: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)  # persons: uids of related organisations
    members: set[str] = field(default_factory=set)  # orgs: 'agent:陈明', 'manager:林志远' (people in roles)
    sources: set[str] = field(default_factory=set)
    contexts: set[str] = field(default_factory=set)  # judgment.agent, company.officer …
    anonymised: bool = False
    size: int = 0

    def add_uscc(self, code: str | None) -> None:
        """Record a code: full valid codes as keys, masked ones as partial keys."""
        if not code:
            return
        code = clean(code).upper()
        if valid_uscc(code):
            self.usccs.add(code)
        elif "*" in code:
            self.masked.add(code)


def from_row(row: dict[str, Any]) -> Profile:
    """A profile from one candidate row (columns as in ``resolve/*_candidates.cypher``)."""
    p = Profile(
        uid=row["uid"],
        kind=row["kind"],
        anonymised=bool(row.get("anonymised")),
        size=int(row.get("size") or 0),
    )
    p.names.update(clean(n) for n in row.get("names") or [])
    for code in [row.get("uscc"), *(row.get("usccs") or [])]:
        p.add_uscc(code)
    p.addresses.update(row.get("addresses") or [])
    p.reps.update(clean(n) for n in row.get("reps") or [])
    p.births.update(_iso(b) for b in row.get("births") or [])
    p.ids.update(row.get("ids") or [])
    p.orgs.update(row.get("orgs") or [])
    p.sources.update(row.get("sources") or [])
    p.contexts.update(row.get("contexts") or [])
    p.members.update(member_key(*m.split(":", 1)) for m in row.get("members") or [] if ":" in m)
    return p


class ProfileIndex:
    """Profiles by uid with blocking indexes (key → uids) for candidate look-up."""

    def __init__(self) -> None:
        self.by_uid: dict[str, Profile] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)

    def add(self, profile: Profile, keys: list[str]) -> Profile:
        """Register (or extend) a profile under blocking keys such as ``name:…``, ``uscc:…``."""
        mine = self.by_uid.setdefault(profile.uid, profile)
        if mine is not profile:
            merge_into(mine, profile)
        for key in keys:
            self.blocks[key].add(profile.uid)
        return mine

    def candidates(self, keys: list[str]) -> list[Profile]:
        """Profiles under any of the keys, in uid order (deterministic)."""
        uids = sorted({uid for key in keys for uid in self.blocks.get(key, ())})
        return [self.by_uid[u] for u in uids]


EVIDENCE = ("names", "usccs", "masked", "addresses", "reps", "births", "ids", "orgs", "sources", "contexts",
            "members")  # fmt: skip


def merge_into(dst: Profile, src: Profile) -> None:
    """Union the evidence of ``src`` into ``dst``."""
    for attr in EVIDENCE:
        if values := getattr(src, attr):
            getattr(dst, attr).update(values)
    dst.size = max(dst.size, src.size)


MEMBER_ROLES = {"agent": "agent", "legal_rep": "manager", "officer": "manager", "shareholder": "manager"}


def member_role(context: str) -> str | None:
    """The kind of role a person mention holds at its organisation: 'agent' (a firm's lawyer, a
    company's employee agent) or 'manager' (法定代表人, officer, shareholder, a shop's operator)."""
    if context == "judgment.party":
        return "manager"  # 张三，系某某商行经营者: the operator of the business named with them
    return MEMBER_ROLES.get(context.rsplit(".", 1)[-1])


def member_key(role: str, name: str) -> str:
    """A member as profiles hold it: role kind and normalised name ('agent:陈明')."""
    return f"{role}:{clean(name)}"


def member_blocks(p: Profile) -> list[str]:
    """Blocking keys by the agents an organisation is named with (a firm's lawyers): how a
    misspelt firm finds its firm when the misspelling shares no name, variant or pinyin key."""
    return [f"member:{m}" for m in sorted(p.members) if m.startswith("agent:")]


def masked_compatible(masked: str, code: str) -> bool:
    """A masked code (92350427********7A) agrees with a full code at every shown position."""
    return len(masked) == len(code) and all(m in ("*", c) for m, c in zip(masked, code, strict=True))


def _iso(day: Any) -> str:
    """A date (Python or Neo4j) as ISO text."""
    fmt = getattr(day, "iso_format", None) or getattr(day, "isoformat", None)
    return str(fmt()) if fmt else str(day)
